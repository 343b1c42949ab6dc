/**
 * The satisfaction scale of GB/T 39735 (five levels, stored 1–5) and the thresholds the campaign's
 * rules read it by: who counts as satisfied (满意率), what confirms a problem solved (销号), what
 * sends it back (重新办理) and is supervised (不满意督办). Pure.
 */

/** 非常不满意 1 … 非常满意 5 */
export const SATISFACTION_LEVELS = [1, 2, 3, 4, 5] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** 不满意: this level or worse is a verdict of "not solved" */
export const DISSATISFIED = 2;
/** 基本满意: this level or better confirms the problem solved, where the bureau closes on evaluations */
export const BASICALLY_SATISFIED = 3;
/** 满意: this level or better counts in 满意率 (基本满意 too, if the settings say so) */
export const SATISFIED = 4;

export function isSatisfactionLevel(value: unknown): value is SatisfactionLevel {
  return (SATISFACTION_LEVELS as readonly unknown[]).includes(value);
}

/** 满意 or 非常满意; with `basicCountsAsSatisfied`, 基本满意 too. */
export function lowestSatisfied(basicCountsAsSatisfied = false): SatisfactionLevel {
  return basicCountsAsSatisfied ? BASICALLY_SATISFIED : SATISFIED;
}

/** An evaluation that confirms the problem solved (销号 on an evaluation): 基本满意 or better. */
export function confirmsSolved(score: number): boolean {
  return score >= BASICALLY_SATISFIED;
}

/** 不满意 or 非常不满意: the problem is not solved in the eyes of those it concerns. */
export function isDissatisfied(score: number): boolean {
  return score <= DISSATISFIED;
}
