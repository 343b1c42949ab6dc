import type { Database, Model, Transaction } from '@nocobase/database';
import {
  acceptsFeedback,
  checkRevisit,
  checkScore,
  evaluationFindsUnsolved,
  reopenReason,
  revisitFindsUnsolved,
  type UnsolvedVerdict,
} from '../domain/feedback';
import { Refusal } from '../domain/refusal';
import { reopen } from '../services/loop';
import { getSettings } from '../services/settings';

interface HookOptions {
  transaction?: Transaction;
  context?: { state?: { currentUser?: { id?: number } } };
}

async function problemOf(db: Database, model: Model, transaction?: Transaction) {
  const problemId = model.get('problemId');
  if (!problemId) throw new Refusal('REQUIRED', '{{field}} is required', { field: 'Problem' }, 400);
  const problem = await db.getRepository('mq_problems').findOne({ filterByTk: problemId as number, transaction });
  if (!problem)
    throw new Refusal('NOT_FOUND', '{{field}} {{id}} does not exist', { field: 'Problem', id: problemId }, 400);
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
    const currentUserId = context?.state?.currentUser?.id;
    if (!model.get('revisiterId') && currentUserId) model.set('revisiterId', currentUserId);
  });

  db.on('mq_evaluations.beforeCreate', async (model: Model, { transaction, context }: HookOptions) => {
    // 代录: a signed-in person entering a rating enters it on the public's behalf, whatever the
    // form says; only the public's own link (a request without a user) leaves it unmarked
    if (context?.state?.currentUser?.id) model.set('byStaff', true);
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

  // the mark says who entered a rating: it is never changed afterwards (the figures rest on it)
  db.on('mq_evaluations.beforeUpdate', (model: Model) => {
    if (model.changed('byStaff')) {
      throw new Refusal(
        'RECORDED_FIELD_READ_ONLY',
        '{{field}} is recorded when the rating is entered and cannot be changed',
        { field: 'Entered by staff' },
        400,
      );
    }
  });

  // a planned revisit is completed later: recording its outcome is the revisit
  db.on('mq_revisits.beforeUpdate', (model: Model) => {
    if (model.changed('outcome') && model.get('outcome') && model.get('state') === 'pending') {
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
