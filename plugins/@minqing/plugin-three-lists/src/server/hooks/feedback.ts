import type { Database, Model, Transaction } from '@nocobase/database';
import {
  acceptsFeedback,
  checkRevisit,
  checkRevisiter,
  type RevisitRelation,
  checkScore,
  evaluationFindsUnsolved,
  reopenReason,
  revisitFindsUnsolved,
  type UnsolvedVerdict,
} from '../domain/feedback';
import { Refusal } from '../domain/refusal';
import { USER_UNIT_KEY } from '../collections/user-home';
import { noteExists } from '../services/exists';
import { reopen } from '../services/loop';
import { getSettings } from '../services/settings';

/** publicity's record of where a public rating came from (collections/mq_evaluations.ts) */
const SOURCE_HASHES = ['deviceHash', 'addressHash'];

interface HookOptions {
  transaction?: Transaction;
  context?: { state?: { currentUser?: { id?: number }; currentRole?: string; currentRoles?: string[] } };
}

/** Does `userId` relate to `problem` (another plugin's reason to let them revisit it)? */
export type RevisitRelationTest = (userId: number, problem: Model, transaction?: Transaction) => Promise<boolean>;
const relationTests = new WeakMap<Database, Map<RevisitRelation, RevisitRelationTest>>();

/** Lets another plugin name a relation that allows a leader to revisit (liaison: the unit they liaise). */
export function addRevisitRelation(db: Database, relation: RevisitRelation, test: RevisitRelationTest) {
  const tests = relationTests.get(db) ?? new Map();
  relationTests.set(db, tests.set(relation, test));
}

const OFFICE_ROLES = ['root', 'mq_admin'];

/** Why the signed-in user may revisit this problem (domain/feedback.ts checkRevisiter). */
async function revisitRelations(db: Database, userId: number, problem: Model, options: HookOptions) {
  const { transaction, context } = options;
  const roles = [context?.state?.currentRole, ...(context?.state?.currentRoles ?? [])];
  const relations: RevisitRelation[] = [];
  if (roles.some((role) => role && OFFICE_ROLES.includes(role))) relations.push('office');
  const problemId = problem.get('id');
  if (await db.getRepository('mq_responsibilities').count({ filter: { problemId, guarantorId: userId }, transaction })) {
    relations.push('guarantor');
  }
  if (await db.getRepository('mq_revisits').count({ filter: { problemId, revisiterId: userId, state: 'pending' }, transaction })) {
    relations.push('appointed');
  }
  // a leader of the unit that handles it (the active responsibility's unit)
  if (db.getCollection('users').model.rawAttributes[USER_UNIT_KEY]) {
    const user = await db.getRepository('users').findOne({ filterByTk: userId, fields: ['id', USER_UNIT_KEY], transaction });
    const unitId = user?.get(USER_UNIT_KEY);
    const filter = { problemId, unitId, active: true };
    if (unitId && (await db.getRepository('mq_responsibilities').count({ filter, transaction }))) {
      relations.push('responsible_unit');
    }
  }
  for (const [relation, test] of relationTests.get(db) ?? []) {
    if (await test(userId, problem, transaction)) relations.push(relation);
  }
  return relations;
}

async function problemOf(db: Database, model: Model, transaction?: Transaction) {
  const problemId = model.get('problemId');
  if (!problemId) throw new Refusal('REQUIRED', '{{field}} is required', { field: 'Problem' }, 400);
  const problem = await db.getRepository('mq_problems').findOne({ filterByTk: problemId as number, transaction });
  if (!problem)
    throw new Refusal('NOT_FOUND', '{{field}} {{id}} does not exist', { field: 'Problem', id: problemId }, 400);
  // the revisit's (evaluation's) foreign-key check need not read it again in this transaction
  noteExists(transaction, 'mq_problems', problem.get('id'));
  return problem;
}

/**
 * Revisits (回访) and public evaluations (群众评价) come after completion; an answer of "not
 * solved" sends the problem back into the loop at once, in the same transaction (configurable).
 * The rules are domain/feedback.ts; these hooks hold every path that writes a revisit or an
 * evaluation to them.
 */
export function feedbackRules(db: Database) {
  db.on('mq_revisits.beforeCreate', async (model: Model, { transaction, context }: HookOptions) => {
    const problem = await problemOf(db, model, transaction);
    if (!acceptsFeedback(problem.get('status'))) {
      throw new Refusal('REVISIT_BEFORE_DONE', 'A revisit follows completion: this problem is not done yet', {}, 409);
    }
    checkRevisit({ state: model.get('state'), outcome: model.get('outcome'), satisfaction: model.get('satisfaction') });
    if (!model.get('revisitedAt') && model.get('state') !== 'pending') model.set('revisitedAt', new Date());
    const userId = context?.state?.currentUser?.id;
    if (userId) {
      // a planned revisit is appointed by the office; a recorded one only by someone related to the problem
      const relations = await revisitRelations(db, userId, problem, { transaction, context });
      const planning = model.get('state') === 'pending';
      checkRevisiter(planning ? relations.filter((r) => r === 'office') : relations, await getSettings(db, transaction));
      if (planning && !relations.includes('office')) {
        throw new Refusal('REVISIT_NOT_RELATED', 'Only the campaign office plans revisits for others', {}, 403);
      }
    }
  });

  db.on('mq_evaluations.beforeCreate', async (model: Model, { transaction, context }: HookOptions) => {
    // 代录: a signed-in person entering a rating enters it on the public's behalf, whatever the
    // form says; only the public's own link (a request without a user) leaves it unmarked
    if (context?.state?.currentUser?.id) model.set('byStaff', true);
    // the source hashes are the public intake's alone: a rating entered by staff has none
    if (model.get('byStaff')) for (const field of SOURCE_HASHES) model.set(field, null);
    const problem = await problemOf(db, model, transaction);
    if (!acceptsFeedback(problem.get('status'))) {
      throw new Refusal(
        'EVALUATION_BEFORE_DONE',
        'An evaluation follows completion: this problem is not done yet',
        {},
        409,
      );
    }
    checkScore(model.get('score'));
  });

  // 代录 in bulk: an import (NocoBase's runs one bulkCreate per chunk, without the per-row hooks)
  // or code; the public's link writes one rating at a time
  db.on('mq_evaluations.beforeBulkCreate', (models: Model[]) => {
    for (const model of models) {
      model.set('byStaff', true);
      for (const field of SOURCE_HASHES) model.set(field, null);
    }
  });

  // the mark says who entered a rating: it is never changed afterwards (the figures rest on it)
  db.on('mq_evaluations.beforeUpdate', (model: Model) => {
    const changed = ['byStaff', ...SOURCE_HASHES].find((field) => model.changed(field as never));
    if (changed) {
      throw new Refusal(
        'RECORDED_FIELD_READ_ONLY',
        '{{field}} is recorded when the rating is entered and cannot be changed',
        { field: changed === 'byStaff' ? 'Entered by staff' : changed === 'deviceHash' ? 'Device (salted hash)' : 'Network address (salted hash)' },
        400,
      );
    }
  });

  // a planned revisit is completed later: recording its outcome is the revisit, by whom it appoints
  db.on('mq_revisits.beforeUpdate', (model: Model, { context }: HookOptions) => {
    if (model.changed('outcome') && model.get('outcome') && model.get('state') === 'pending') {
      const userId = context?.state?.currentUser?.id;
      const appointed = model.get('revisiterId');
      if (userId && appointed && Number(appointed) !== Number(userId)) {
        throw new Refusal(
          'NOT_ON_ANOTHERS_NAME',
          '{{names}} is whoever records it, signed in: a record is never filed on someone else\'s name',
          { names: ['Revisited by'] },
          403,
        );
      }
      if (userId && !appointed) model.set('revisiterId', userId);
      model.set('state', 'done');
      if (!model.get('revisitedAt')) model.set('revisitedAt', new Date());
    }
  });

  db.on('mq_revisits.afterSave', async (model: Model, { transaction }: HookOptions) => {
    const revisit = { outcome: model.get('outcome'), outcomeChanged: Boolean(model.changed('outcome')) };
    if (revisitFindsUnsolved(revisit)) await reopenOn('revisit', db, model, transaction);
  });

  db.on('mq_evaluations.afterCreate', async (model: Model, { transaction }: HookOptions) => {
    if (evaluationFindsUnsolved(model.get('score'))) await reopenOn('evaluation', db, model, transaction);
  });
}

/** Reopens the problem of a revisit or evaluation that found it unsolved, in its transaction, if the rules say so. */
async function reopenOn(verdict: UnsolvedVerdict, db: Database, model: Model, transaction?: Transaction) {
  const settings = await getSettings(db, transaction);
  const problem = await db
    .getRepository('mq_problems')
    .findOne({ filterByTk: model.get('problemId') as number, transaction });
  const reason = problem && reopenReason(verdict, problem.get('status'), settings);
  if (!problem || !reason) return;
  await reopen(
    db,
    { problemId: problem.get('id') as number, actor: { userId: model.get('createdById') as number }, transaction },
    { reason },
  );
}
