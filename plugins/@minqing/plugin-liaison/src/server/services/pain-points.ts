import type { Context } from '@nocobase/actions';
import { claimRow, isLockConflict, writeTransaction } from '@minqing/plugin-three-lists';
import { refuse } from './errors';

/** 难点/堵点/痛点 → 问题清单, in one action and one transaction; a pain point becomes one problem. */
export async function painPointToProblem(ctx: Context) {
  const { filterByTk, values = {}, filter } = ctx.action.params;
  const db = ctx.db;
  try {
    return await convert();
  } catch (error) {
    if (isLockConflict(error))
      throw refuse('CONFLICT', 'Someone else is turning this pain point into a problem; reload and look', {}, 409);
    throw error;
  }

  function convert() {
    return writeTransaction(db, async (transaction) => {
      const points = db.getRepository('mq_pain_points');
      const point = await points.findOne({ filterByTk, filter, appends: ['sitting'], transaction });
      if (!point)
        throw refuse('NOT_FOUND', 'Pain point {{id}} does not exist or is not yours', { id: filterByTk }, 404);
      // claim it: of two clicks, one creates the problem
      const claimed = await claimRow(points.model, point.get('id'), { problemId: null }, transaction);
      if (!claimed || point.get('problemId')) {
        throw refuse('ALREADY_A_PROBLEM', 'This pain point is already in the problem list', {}, 409);
      }
      const description = point.get('description') as string;
      const sitting = point.get('sitting') as { service?: string; process?: string; unitId?: number } | null;
      const problem = await db.getRepository('mq_problems').create({
        values: {
          title: values.title?.trim() || description.slice(0, 60),
          description: [sitting?.service, sitting?.process, description].filter(Boolean).join('\n'),
          category: values.category ?? 'other',
          source: 'visit',
          unitId: sitting?.unitId,
        },
        transaction,
        context: ctx,
      });
      await point.update({ problemId: problem.get('id') }, { transaction });
      return problem;
    });
  }
}
