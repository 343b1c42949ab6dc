/**
 * 办结销号: a problem is closed only once the people it concerns say it is solved. Pure: the
 * adapter (services/loop.ts) counts what has been said since the latest completion; this decides.
 */
import { Refusal } from './refusal';
import { BASICALLY_SATISFIED } from './satisfaction';
import type { LoopSettings } from './settings';

/** What has been said about a problem since its latest completion. */
export interface ClosureEvidence {
  /** revisits that found it 已解决 */
  resolvedRevisits: number;
  /** evaluations that confirm it solved (`CONFIRMING_SCORE`) */
  confirmingEvaluations: number;
}

/** Evaluation scores that confirm a problem solved: 基本满意 or better (a filter on `score`). */
export const CONFIRMING_SCORE = { $gte: BASICALLY_SATISFIED } as const;

/**
 * 销号 is allowed after a revisit found the problem resolved, or, if the bureau closes on
 * evaluations, after an evaluation of 基本满意 or better; otherwise the refusal says which.
 */
export function checkClosure(evidence: ClosureEvidence, settings: Pick<LoopSettings, 'closeOnSatisfiedEvaluation'>) {
  if (evidence.resolvedRevisits > 0) return;
  if (settings.closeOnSatisfiedEvaluation) {
    if (evidence.confirmingEvaluations > 0) return;
    throw new Refusal(
      'CLOSE_NEEDS_CONFIRMATION',
      'A problem is closed only after a revisit finds it resolved or an evaluation of basically satisfied or better, since its completion',
      {},
      409,
    );
  }
  throw new Refusal(
    'CLOSE_NEEDS_REVISIT',
    'A problem is closed only after a revisit finds it resolved, since its completion',
    {},
    409,
  );
}
