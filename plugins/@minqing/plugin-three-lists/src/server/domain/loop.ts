/**
 * The closed loop of a problem (闭环处置), as a pure state machine. Every path that changes a
 * problem's status goes through `nextStatus`; anything else is refused with a rule the user can read.
 */
import { Refusal } from './refusal';

/** 待交办, 已交办, 办理中, 已办结, 已销号, 重新办理 */
export const PROBLEM_STATUSES = ['new', 'assigned', 'in_progress', 'done', 'closed', 'reopened'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

// The groups of statuses the rules, the figures, the scans and the pages speak of. Each is
// written here once; SQL builders, hooks, pages and the demo import it.

/** 在办: assigned and not done yet, so it can be late, supervised or stalled */
export const OPEN_STATUSES = ['assigned', 'in_progress', 'reopened'] as const satisfies readonly ProblemStatus[];
/** in the responsible party's hands: progress is reported and the problem completed (办理中, 重新办理) */
export const HANDLING_STATUSES = ['in_progress', 'reopened'] as const satisfies readonly ProblemStatus[];
/** 已办结, and 已销号 since: what the figures count as done, what is revisited, published, reopened */
export const DONE_STATUSES = ['done', 'closed'] as const satisfies readonly ProblemStatus[];
/** completed at least once (a reopened one too): revisits and evaluations may follow */
export const COMPLETED_STATUSES = ['done', 'closed', 'reopened'] as const satisfies readonly ProblemStatus[];

/** Whether `status` is one of `group` (a status read from the database is a plain string). */
export function isIn(group: readonly ProblemStatus[], status: unknown): status is ProblemStatus {
  return (group as readonly unknown[]).includes(status);
}

/** 交办, 接收, 报告进展, 办结, 销号, 重新办理 */
export const LOOP_ACTIONS = ['assign', 'accept', 'reportProgress', 'complete', 'close', 'reopen'] as const;
export type LoopAction = (typeof LOOP_ACTIONS)[number];

/** Timestamp fields the loop sets on the problem, one per step that moves it. */
export type LoopStamp = 'assignedAt' | 'acceptedAt' | 'doneAt' | 'closedAt' | 'reopenedAt';

interface Rule {
  from: readonly ProblemStatus[];
  /** `null`: the action records something without moving the problem. */
  to: ProblemStatus | null;
  /** Timestamp field set on the problem when the action succeeds. */
  stamp?: LoopStamp;
}

export const LOOP: Record<LoopAction, Rule> = {
  assign: { from: ['new'], to: 'assigned', stamp: 'assignedAt' },
  accept: { from: ['assigned'], to: 'in_progress', stamp: 'acceptedAt' },
  reportProgress: { from: HANDLING_STATUSES, to: null },
  complete: { from: HANDLING_STATUSES, to: 'done', stamp: 'doneAt' },
  close: { from: ['done'], to: 'closed', stamp: 'closedAt' },
  // a revisit or an evaluation may still find a closed problem unsolved
  reopen: { from: DONE_STATUSES, to: 'reopened', stamp: 'reopenedAt' },
};

/**
 * The stamps a problem in each status carries: those of the steps that brought it there. (A
 * reopened problem may also keep the closedAt of an earlier close-out.)
 */
export const STAMPS_OF_STATUS: Record<ProblemStatus, readonly LoopStamp[]> = {
  new: [],
  assigned: ['assignedAt'],
  in_progress: ['assignedAt', 'acceptedAt'],
  done: ['assignedAt', 'acceptedAt', 'doneAt'],
  closed: ['assignedAt', 'acceptedAt', 'doneAt', 'closedAt'],
  reopened: ['assignedAt', 'acceptedAt', 'doneAt', 'reopenedAt'],
};

/** Fields only the loop writes: the generic update refuses them. */
export const LOOP_FIELDS = ['status', 'assignedAt', 'acceptedAt', 'doneAt', 'closedAt', 'reopenedAt'] as const;

/**
 * What the core announces once a step has been taken, in the step's transaction (services/loop.ts
 * emits them on the database): other plugins act on "completed", "reopened", "closed"… from here
 * instead of guessing them from changes of the status column.
 */
export const LOOP_EVENTS = {
  assign: 'minqing.problem.assigned',
  accept: 'minqing.problem.accepted',
  reportProgress: 'minqing.problem.progressReported',
  complete: 'minqing.problem.completed',
  close: 'minqing.problem.closed',
  reopen: 'minqing.problem.reopened',
} as const satisfies Record<LoopAction, string>;

/** The status after `action`, or a refusal naming the rule that forbids it. */
export function nextStatus(current: ProblemStatus, action: LoopAction): ProblemStatus {
  const rule = LOOP[action];
  if (!rule) {
    throw new Refusal('UNKNOWN_ACTION', 'Unknown action {{action}}', { action });
  }
  if (!rule.from.includes(current)) {
    throw new Refusal(
      'TRANSITION_NOT_ALLOWED',
      'A problem that is {{status}} cannot be {{action}}; allowed only when it is {{allowed}}',
      { status: current, action, allowed: rule.from },
      409,
    );
  }
  return rule.to ?? current;
}

/** Actions the current status allows, for buttons that appear only where they work. */
export function allowedActions(current: ProblemStatus): LoopAction[] {
  return LOOP_ACTIONS.filter((action) => LOOP[action].from.includes(current));
}
