import type { Context } from '@nocobase/actions';
import type { Database, Model, Transaction } from '@nocobase/database';
import { addRevisitRelation, holdActingPerson, recordExists } from '@minqing/plugin-three-lists';
import { NS } from '../domain/fields';
import { refuse } from './errors';
import { assertNotInFuture, createWithProblems } from './found-problems';

async function assertUnit(db: Database, unitId: unknown, transaction?: Transaction) {
  if (unitId === undefined || unitId === null || unitId === '')
    throw refuse('UNIT_REQUIRED', 'Choose the unit you visited');
  // a primary-key read, once per transaction (the visit's problems point at the same unit)
  if (!(await recordExists(db, 'mq_units', unitId, transaction))) throw refuse('UNIT_NOT_FOUND', 'Unit {{id}} does not exist', { id: unitId });
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

/**
 * Who went down is whoever files it, signed in (the visiting cadre, the researching leader, the
 * leader at the window): never someone else's name, never changed afterwards. And a leader who
 * liaises a unit may revisit its problems (the core's revisit rule).
 */
export function actingPeople(db: Database) {
  holdActingPerson(db, 'mq_visits', 'cadreId', 'Visits', { ns: NS });
  holdActingPerson(db, 'mq_research', 'leaderId', 'Research', { ns: NS });
  holdActingPerson(db, 'mq_window_sittings', 'cadreId', 'Window sittings', { ns: NS });
  addRevisitRelation(db, 'liaison', async (userId, problem, transaction) => {
    const unitId = problem.get('unitId');
    if (!unitId) return false;
    const points = await db.getRepository('mq_liaison_points').count({ filter: { cadreId: userId, unitId, active: true }, transaction });
    return points > 0;
  });
}
