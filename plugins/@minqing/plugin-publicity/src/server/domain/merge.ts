/**
 * 合并重复问题: several reports of one problem become one problem with several reports. The rule
 * (pure): the duplicates have not entered the loop yet (待交办 — once assigned, a problem has a
 * responsibility and counts in the figures, and is never deleted); they are at the primary's unit;
 * the primary is not closed. The reports of the duplicates move to the primary, the duplicates
 * are removed, and what they were is kept in the merge's history (mq_problem_merges).
 */
import { Refusal } from '@minqing/plugin-three-lists/domain';

const NS = '@minqing/plugin-publicity';

interface ProblemFacts {
  id: number;
  code?: string | null;
  status: string;
  unitId: number | null;
}

/** The duplicate ids asked for, as numbers, each once; a refusal when there are none or they are not ids. */
export function duplicateIdsOf(value: unknown, primaryId: number): number[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  const ids = [...new Set(list.filter((v) => v !== undefined && v !== null && v !== '').map(Number))];
  if (!ids.length || ids.some((id) => !Number.isInteger(id) || id < 1)) {
    throw new Refusal('MERGE_NEEDS_DUPLICATES', 'Choose the problems to merge into this one', {}, 400, NS);
  }
  if (ids.includes(primaryId)) {
    throw new Refusal('MERGE_INTO_ITSELF', 'A problem cannot be merged into itself', {}, 400, NS);
  }
  if (ids.length > 100) {
    throw new Refusal('MERGE_TOO_MANY', 'At most {{max}} problems can be merged at once', { max: 100 }, 400, NS);
  }
  return ids;
}

/** Whether these duplicates may be merged into the primary; the refusal names the first that may not. */
export function checkMerge(primary: ProblemFacts, duplicates: ProblemFacts[], wanted: number[]) {
  const missing = wanted.find((id) => !duplicates.some((d) => d.id === id));
  if (missing !== undefined) {
    throw new Refusal('PROBLEM_NOT_FOUND', 'Problem {{id}} does not exist', { id: missing }, 404, NS);
  }
  if (primary.status === 'closed') {
    throw new Refusal('MERGE_INTO_CLOSED', 'Nothing can be merged into a closed problem', {}, 409, NS);
  }
  for (const duplicate of duplicates) {
    if (duplicate.status !== 'new') {
      throw new Refusal(
        'MERGE_ONLY_NEW',
        'Problem {{code}} is already in the loop ({{status}}): only problems still to be assigned can be merged',
        { code: duplicate.code ?? duplicate.id, status: duplicate.status },
        409,
        NS,
      );
    }
    if ((duplicate.unitId ?? null) !== (primary.unitId ?? null)) {
      throw new Refusal(
        'MERGE_OTHER_UNIT',
        'Problem {{code}} is at another unit: only problems at the same unit can be merged',
        { code: duplicate.code ?? duplicate.id },
        409,
        NS,
      );
    }
  }
}
