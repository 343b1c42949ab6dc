import type { Context } from '@nocobase/actions';
import type { Database, Model, Transaction } from '@nocobase/database';
import { refuse } from './errors';
import { assertNotInFuture, createWithProblems } from './found-problems';

async function assertUnit(db: Database, unitId: unknown, transaction?: Transaction) {
  if (unitId === undefined || unitId === null || unitId === '')
    throw refuse('UNIT_REQUIRED', 'Choose the unit you visited');
  const unit = await db.getRepository('mq_units').findOne({ filterByTk: unitId as number, transaction });
  if (!unit) throw refuse('UNIT_NOT_FOUND', 'Unit {{id}} does not exist', { id: unitId });
}

/**
 * 走访: only the unit is required; the visitor is the current user, the time now. The unit and
 * the date are checked by `visitRules` when the visit is saved, before its problems are.
 */
export function createVisit(ctx: Context) {
  return createWithProblems(ctx, 'mq_visits', 'visit', async (values, userId) => {
    values.cadreId ??= userId;
    values.visitedAt ??= new Date();
  });
}

/** The same rules for every write of a visit (the generic update, imports, workflows). */
export function visitRules(db: Database) {
  db.on('mq_visits.beforeSave', async (model: Model, { transaction }: { transaction?: Transaction }) => {
    if (model.isNewRecord || model.changed('unitId')) await assertUnit(db, model.get('unitId'), transaction);
    assertNotInFuture(model.get('visitedAt'));
  });
}

/** 调研: the leader is the current user unless named. */
export function createResearch(ctx: Context) {
  return createWithProblems(ctx, 'mq_research', 'research', async (values, userId) => {
    if (typeof values.title !== 'string' || !values.title.trim())
      throw refuse('TITLE_REQUIRED', 'Give the research a title');
    values.leaderId ??= userId;
  });
}
