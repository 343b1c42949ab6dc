/** 报告进展: what a progress report may say. Pure. */
import { Refusal } from './refusal';

/** Progress is a whole percentage, 0 to 100. */
export function checkPercent(percent: unknown): number {
  const n = Number(percent);
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    throw new Refusal('INVALID_PERCENT', 'Progress must be a whole number from 0 to 100', {}, 400);
  }
  return n;
}
