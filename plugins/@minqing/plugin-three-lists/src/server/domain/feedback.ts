/**
 * 回访反馈 and 群众评价: what a revisit or an evaluation may say, and which verdicts send the
 * problem back into the loop (重新办理). Pure: hooks/feedback.ts reads the records and reopens.
 */
import { COMPLETED_STATUSES, DONE_STATUSES, isIn, type ProblemStatus } from './loop';
import { Refusal } from './refusal';
import { isDissatisfied, isSatisfactionLevel } from './satisfaction';
import type { LoopSettings } from './settings';

/** 已解决 / 部分解决 / 未解决 */
export const REVISIT_OUTCOMES = ['resolved', 'partly_resolved', 'unresolved'] as const;
export type RevisitOutcome = (typeof REVISIT_OUTCOMES)[number];

export function isRevisitOutcome(value: unknown): value is RevisitOutcome {
  return (REVISIT_OUTCOMES as readonly unknown[]).includes(value);
}

/** Revisits and evaluations follow completion: a problem never completed has nothing to judge. */
export function acceptsFeedback(status: unknown): status is ProblemStatus {
  return isIn(COMPLETED_STATUSES, status);
}

/**
 * A revisit as recorded: a planned one (待回访) has no outcome yet; a done one needs an outcome,
 * and its satisfaction, if given, is one of the five levels.
 */
export function checkRevisit(revisit: { state?: unknown; outcome?: unknown; satisfaction?: unknown }) {
  if (revisit.state !== 'pending' && !isRevisitOutcome(revisit.outcome)) {
    throw new Refusal('REQUIRED', '{{field}} is required', { field: 'Outcome' }, 400);
  }
  const { satisfaction } = revisit;
  if (satisfaction !== null && satisfaction !== undefined && !isSatisfactionLevel(Number(satisfaction))) {
    throw new Refusal(
      'INVALID_VALUE',
      '{{field}} has no option {{value}}',
      { field: 'Satisfaction', value: satisfaction },
      400,
    );
  }
}

export function checkScore(score: unknown) {
  if (!isSatisfactionLevel(Number(score))) {
    throw new Refusal('INVALID_SCORE', 'The score must be one of the five levels, 1 to 5', {}, 400);
  }
}

/** A verdict of "not solved": a revisit 未解决, or an evaluation of 不满意 or worse. */
export type UnsolvedVerdict = 'revisit' | 'evaluation';

/** A revisit whose outcome has just been recorded as 未解决 (an edit that keeps it so says nothing new). */
export function revisitFindsUnsolved(revisit: { outcome: unknown; outcomeChanged: boolean }): boolean {
  return revisit.outcome === 'unresolved' && revisit.outcomeChanged;
}

/** An evaluation of 不满意 or worse. */
export function evaluationFindsUnsolved(score: unknown): boolean {
  return isDissatisfied(Number(score));
}

/** The reason kept on a problem that feedback reopened, in the office's words. */
export const REOPEN_REASONS: Record<UnsolvedVerdict, string> = {
  revisit: 'Revisit found it unresolved',
  evaluation: 'Public evaluation: dissatisfied',
};

const REOPEN_SETTING = {
  revisit: 'reopenOnUnresolvedRevisit',
  evaluation: 'reopenOnDissatisfiedEvaluation',
} as const satisfies Record<UnsolvedVerdict, keyof LoopSettings>;

/**
 * Whether a verdict of "not solved" sends the problem back (重新办理): only a done or closed one
 * (a reopened one is being handled already), and only where the settings say so. The reason, or null.
 */
export function reopenReason(
  verdict: UnsolvedVerdict,
  problemStatus: unknown,
  settings: Pick<LoopSettings, (typeof REOPEN_SETTING)[UnsolvedVerdict]>,
): string | null {
  if (!settings[REOPEN_SETTING[verdict]] || !isIn(DONE_STATUSES, problemStatus)) return null;
  return REOPEN_REASONS[verdict];
}

/**
 * Why someone may record a revisit of a problem (回访人): the office (民情活动管理员, or root),
 * the leader who guarantees it (包保领导), one the office or a workflow appointed (a planned
 * revisit in their name), a leader who belongs to the unit responsible for it (`users.mqUnit`:
 * the unit's own leadership answers for its work), or one another plugin relates to it (liaison:
 * the leader liaises its unit). Bureaus that let any leader revisit turn `revisitOnlyByRelated` off.
 */
export type RevisitRelation = 'office' | 'guarantor' | 'appointed' | 'responsible_unit' | 'liaison' | (string & {});

export function checkRevisiter(relations: readonly RevisitRelation[], settings: Pick<LoopSettings, 'revisitOnlyByRelated'>) {
  if (!settings.revisitOnlyByRelated || relations.length) return;
  throw new Refusal(
    'REVISIT_NOT_RELATED',
    'You may revisit only problems you relate to: as the guarantor leader, as the leader liaising its unit or belonging to the responsible unit, or appointed by the campaign office',
    {},
    403,
  );
}
