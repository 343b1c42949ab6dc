import type { Database } from '@nocobase/database';
import { LoopRuleError } from '../domain/loop';
import { reopen } from '../services/loop';
import { getSettings } from '../services/settings';

const AFTER_COMPLETION = ['done', 'closed', 'reopened'];

async function problemOf(db: Database, model: any, transaction: any) {
  const problemId = model.get('problemId');
  if (!problemId) throw new LoopRuleError('REQUIRED', '{{field}} is required', { field: 'Problem' }, 400);
  const problem = await db.getRepository('mq_problems').findOne({ filterByTk: problemId, transaction });
  if (!problem)
    throw new LoopRuleError('NOT_FOUND', '{{field}} {{id}} does not exist', { field: 'Problem', id: problemId }, 400);
  return problem;
}

/**
 * Revisits (回访) and public evaluations (群众评价) come after completion; an answer of "not
 * solved" sends the problem back into the loop at once, in the same transaction (configurable).
 */
export function feedbackRules(db: Database) {
  db.on('mq_revisits.beforeCreate', async (model: any, { transaction, context }: any) => {
    const problem = await problemOf(db, model, transaction);
    if (!AFTER_COMPLETION.includes(problem.get('status') as string)) {
      throw new LoopRuleError(
        'REVISIT_BEFORE_DONE',
        'A revisit follows completion: this problem is not done yet',
        {},
        409,
      );
    }
    if (
      model.get('state') !== 'pending' &&
      !['resolved', 'partly_resolved', 'unresolved'].includes(model.get('outcome'))
    ) {
      throw new LoopRuleError('REQUIRED', '{{field}} is required', { field: 'Outcome' }, 400);
    }
    const satisfaction = model.get('satisfaction');
    if (satisfaction !== null && satisfaction !== undefined && ![1, 2, 3, 4, 5].includes(Number(satisfaction))) {
      throw new LoopRuleError(
        'INVALID_VALUE',
        '{{field}} has no option {{value}}',
        { field: 'Satisfaction', value: satisfaction },
        400,
      );
    }
    if (!model.get('revisitedAt') && model.get('state') !== 'pending') model.set('revisitedAt', new Date());
    const currentUserId = context?.state?.currentUser?.id;
    if (!model.get('revisiterId') && currentUserId) model.set('revisiterId', currentUserId);
  });

  db.on('mq_evaluations.beforeCreate', async (model: any, { transaction }: any) => {
    const problem = await problemOf(db, model, transaction);
    if (!AFTER_COMPLETION.includes(problem.get('status') as string)) {
      throw new LoopRuleError(
        'EVALUATION_BEFORE_DONE',
        'An evaluation follows completion: this problem is not done yet',
        {},
        409,
      );
    }
    if (![1, 2, 3, 4, 5].includes(Number(model.get('score')))) {
      throw new LoopRuleError('INVALID_SCORE', 'The score must be one of the five levels, 1 to 5', {}, 400);
    }
  });

  // a planned revisit is completed later: recording its outcome is the revisit
  db.on('mq_revisits.beforeUpdate', (model: any) => {
    if (model.changed('outcome') && model.get('outcome') && model.get('state') === 'pending') {
      model.set('state', 'done');
      if (!model.get('revisitedAt') && model.get('state') !== 'pending') model.set('revisitedAt', new Date());
    }
  });

  db.on('mq_revisits.afterSave', async (model: any, { transaction }: any) => {
    if (model.get('outcome') !== 'unresolved' || !model.changed('outcome')) return;
    await reopenIfDone(db, model, transaction, 'reopenOnUnresolvedRevisit', 'Revisit found it unresolved');
  });

  db.on('mq_evaluations.afterCreate', async (model: any, { transaction }: any) => {
    if (Number(model.get('score')) > 2) return;
    await reopenIfDone(db, model, transaction, 'reopenOnDissatisfiedEvaluation', 'Public evaluation: dissatisfied');
  });
}

async function reopenIfDone(
  db: Database,
  model: any,
  transaction: any,
  setting: 'reopenOnUnresolvedRevisit' | 'reopenOnDissatisfiedEvaluation',
  reason: string,
) {
  const settings = await getSettings(db, transaction);
  if (!settings[setting]) return;
  const problem = await db.getRepository('mq_problems').findOne({ filterByTk: model.get('problemId'), transaction });
  if (!['done', 'closed'].includes(problem?.get('status') as string)) return;
  await reopen(
    db,
    { problemId: problem.get('id') as number, actor: { userId: model.get('createdById') }, transaction },
    { reason },
  );
}
