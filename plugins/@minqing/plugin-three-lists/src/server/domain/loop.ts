/**
 * The closed loop of a problem (闭环处置), as a pure state machine. Every path that changes a
 * problem's status goes through `nextStatus`; anything else is refused with a rule the user can read.
 */
export const PROBLEM_STATUSES = ['new', 'assigned', 'in_progress', 'done', 'closed', 'reopened'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** 交办, 接收, 报告进展, 办结, 销号, 重新办理 */
export const LOOP_ACTIONS = ['assign', 'accept', 'reportProgress', 'complete', 'close', 'reopen'] as const;
export type LoopAction = (typeof LOOP_ACTIONS)[number];

interface Rule {
  from: readonly ProblemStatus[];
  /** `null`: the action records something without moving the problem. */
  to: ProblemStatus | null;
  /** Timestamp field set on the problem when the action succeeds. */
  stamp?: 'assignedAt' | 'acceptedAt' | 'doneAt' | 'closedAt' | 'reopenedAt';
}

export const LOOP: Record<LoopAction, Rule> = {
  assign: { from: ['new'], to: 'assigned', stamp: 'assignedAt' },
  accept: { from: ['assigned'], to: 'in_progress', stamp: 'acceptedAt' },
  reportProgress: { from: ['in_progress', 'reopened'], to: null },
  complete: { from: ['in_progress', 'reopened'], to: 'done', stamp: 'doneAt' },
  close: { from: ['done'], to: 'closed', stamp: 'closedAt' },
  // a revisit or an evaluation may still find a closed problem unsolved
  reopen: { from: ['done', 'closed'], to: 'reopened', stamp: 'reopenedAt' },
};

/** Fields only the loop writes: the generic update refuses them. */
export const LOOP_FIELDS = ['status', 'assignedAt', 'acceptedAt', 'doneAt', 'closedAt', 'reopenedAt'] as const;

export class LoopRuleError extends Error {
  constructor(
    /** Stable code for clients and tests, e.g. `TRANSITION_NOT_ALLOWED`. */
    readonly code: string,
    /** Message key in the plugin's locale files; interpolated with `params`. */
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    /** HTTP status: 400 bad input, 403 not yours, 404 missing, 409 someone else was first. */
    readonly status = 400,
    /** locale namespace of `key`: another Minqing plugin throws with its own */
    readonly ns = '@minqing/plugin-three-lists',
  ) {
    super(key.replace(/\{\{(\w+)\}\}/g, (_, name) => [].concat(params[name] ?? '').join(' / ')));
    this.name = 'LoopRuleError';
  }

  /** a refused request is the user's business, not an operator's alarm */
  get logLevel() {
    return this.status >= 500 ? 'error' : 'info';
  }
}

/** How a plugin refuses in its own words: `refuse(code, key, params, status)` translated in `ns`. */
export function refusalIn(ns: string) {
  return (code: string, key: string, params: Record<string, unknown> = {}, status = 400) =>
    new LoopRuleError(code, key, params, status, ns);
}

/** The status after `action`, or a LoopRuleError naming the rule that forbids it. */
export function nextStatus(current: ProblemStatus, action: LoopAction): ProblemStatus {
  const rule = LOOP[action];
  if (!rule) {
    throw new LoopRuleError('UNKNOWN_ACTION', 'Unknown action {{action}}', { action });
  }
  if (!rule.from.includes(current)) {
    throw new LoopRuleError(
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
