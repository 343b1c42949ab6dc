import type { Context } from '@nocobase/actions';
import { CLOCK_SKEW_MS as CLOCK_TOLERANCE_MS, checkBeforeTurn, writeTransaction } from '@minqing/plugin-three-lists';
import { refuse } from './errors';

export function assertNotInFuture(value: unknown) {
  if (value && new Date(value as string).getTime() > Date.now() + CLOCK_TOLERANCE_MS) {
    throw refuse('DATE_IN_FUTURE', 'A visit cannot be dated in the future');
  }
}

/**
 * Creates a record of going down (visit, research) together with the problems it found, in one
 * request and one transaction: each problem gets its source, and the record's unit and reporter.
 */
export async function createWithProblems(
  ctx: Context,
  collection: 'mq_visits' | 'mq_research',
  source: 'visit' | 'research',
  prepare: (values: Record<string, any>, userId?: number) => Promise<void>,
) {
  const values = { ...(ctx.action.params.values ?? {}) };
  const userId = ctx.state.currentUser?.id;
  await prepare(values, userId);
  const problems = values.problems === undefined ? [] : values.problems;
  if (!Array.isArray(problems)) throw refuse('INVALID_PROBLEMS', 'Problems found must be a list');
  problems.forEach((problem: any, i: number) => {
    if (typeof problem !== 'object' || problem === null || problem.id !== undefined) {
      throw refuse('INVALID_PROBLEMS', 'Problem {{n}}: describe a new problem (title, description…)', { n: i + 1 });
    }
    if (typeof problem.title !== 'string' || !problem.title.trim()) {
      throw refuse('PROBLEM_TITLE_REQUIRED', 'Problem {{n}} needs a title', { n: i + 1 });
    }
  });
  // a form sends the unit as the record it picked (`unit: {id, …}`), the API as `unitId`
  const unitId = values.unitId ?? (typeof values.unit === 'object' ? values.unit?.id : values.unit);
  values.problems = problems.map((problem: any) => ({ ...problem, source, unitId: problem.unitId ?? unitId }));
  const repo = ctx.db.getRepository(collection);
  // read before the write turn (SQLite has one): the unit the record and its problems point at is
  // then known in the transaction, and checked there without another read
  const noteChecked = await checkBeforeTurn(ctx.db, [['mq_units', unitId]])();
  const record = await writeTransaction(ctx.db, (transaction) => {
    noteChecked(transaction);
    return repo.create({ values, transaction, context: ctx });
  });
  return repo.findOne({ filterByTk: record.get('id') as number, appends: ['problems'] });
}
