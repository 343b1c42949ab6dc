import type { Context } from '@nocobase/actions';
import type { Database, Model } from '@nocobase/database';
import { asServer, DONE_STATUSES, hasPublicText, holdRecords, isIn, writeTransaction } from '@minqing/plugin-three-lists';
import { NS } from '../domain/fields';
import { cleanText } from '../domain/text';
import { refuse } from './errors';

/** What the public sees of a problem: written only by Publish / Unpublish. */
export const PUBLICATION_FIELDS = ['isPublic', 'publishedAt', 'publicTitle', 'publicSummary'] as const;

/**
 * Publishing is an explicit step of a role allowed to publish (`publish`, granted in Users &
 * permissions): the publication fields are refused on every other path (the stock form and API,
 * bulk updates, imports, nested values, workflows), and a problem is public only with a title and
 * a summary written for the public.
 */
export function publicationRules(db: Database) {
  holdRecords(
    db,
    'mq_problems',
    { title: 'Problem list', clauses: [{ fields: PUBLICATION_FIELDS, code: 'PUBLISH_BY_ACTION_ONLY', kind: 'server' }] },
    NS,
  );
  db.on('mq_problems.beforeSave', (model: Model) => {
    if (model.get('isPublic')) {
      if (!hasPublicText({ publicTitle: model.get('publicTitle'), publicSummary: model.get('publicSummary') })) {
        throw refuse(
          'PUBLIC_TEXT_REQUIRED',
          'Write a public title and a public summary before publishing: the public sees only these',
        );
      }
      // publish names its own time; any other path that makes a problem public gets one here
      if ((model.changed('isPublic') || !model.get('publishedAt')) && !model.changed('publishedAt')) {
        model.set('publishedAt', new Date());
      }
    } else if (model.changed('isPublic')) {
      model.set('publishedAt', null);
    }
  });
  db.on('mq_cases.beforeSave', (model: Model) => {
    if (model.get('isPublished') && (model.changed('isPublished') || !model.get('publishedAt'))) {
      model.set('publishedAt', new Date());
    }
    if (!model.get('isPublished') && model.changed('isPublished')) model.set('publishedAt', null);
  });
}

async function setPublication(ctx: Context, values: Record<string, unknown>) {
  const { filterByTk } = ctx.action.params;
  const db = ctx.db;
  return writeTransaction(db, async (transaction) => {
    const repo = db.getRepository('mq_problems');
    const problem = await repo.findOne({ filterByTk, transaction });
    if (!problem) throw refuse('PROBLEM_NOT_FOUND', 'Problem {{id}} does not exist', { id: filterByTk }, 404);
    // the moment of publication is part of what this step writes (a republication keeps the first)
    values.publishedAt = values.isPublic ? (problem.get('isPublic') && problem.get('publishedAt')) || new Date() : null;
    await asServer(transaction, { collection: 'mq_problems', id: problem.get('id'), values }, () =>
      repo.update({ filterByTk, values, transaction, context: ctx }),
    );
    return repo.findOne({
      filterByTk,
      fields: ['id', 'code', 'isPublic', 'publicTitle', 'publicSummary', 'publishedAt'],
      transaction,
    });
  });
}

/** POST mq_problems:publish?filterByTk=1 { publicTitle, publicSummary } — 公开 */
export async function publish(ctx: Context, next: () => Promise<void>) {
  const values = ctx.action.params.values ?? {};
  const publicTitle = values.publicTitle == null ? null : cleanText(values.publicTitle, 100);
  const publicSummary = values.publicSummary == null ? null : cleanText(values.publicSummary, 2000);
  if (publicTitle === undefined || publicSummary === undefined) {
    throw refuse('TOO_LONG', '{{field}} is too long (at most {{max}} characters)', {
      field: publicTitle === undefined ? 'Public title' : 'Public summary',
      max: publicTitle === undefined ? 100 : 2000,
    });
  }
  const change: Record<string, unknown> = { isPublic: true };
  if (publicTitle !== null) change.publicTitle = publicTitle;
  if (publicSummary !== null) change.publicSummary = publicSummary;
  ctx.body = await setPublication(ctx, change);
  await next();
}

/** POST mq_problems:unpublish?filterByTk=1 — 撤回公开 */
export async function unpublish(ctx: Context, next: () => Promise<void>) {
  ctx.body = await setPublication(ctx, { isPublic: false });
  await next();
}

/**
 * POST mq_problems:toCase?filterByTk= — drafts a typical case (先进典型) from a closed problem,
 * from its public texts only (the internal title and notes may name people). Not public until the
 * office publishes it.
 */
export async function problemToCase(ctx: Context, next: () => Promise<void>) {
  const { filterByTk } = ctx.action.params;
  const db = ctx.db;
  ctx.body = await writeTransaction(db, async (transaction) => {
    const problem = await db.getRepository('mq_problems').findOne({ filterByTk, transaction });
    if (!problem) throw refuse('PROBLEM_NOT_FOUND', 'Problem {{id}} does not exist', { id: filterByTk }, 404);
    if (!isIn(DONE_STATUSES, problem.get('status'))) {
      throw refuse('CASE_NEEDS_RESULT', 'Only a problem that is done or closed can become a typical case', {}, 409);
    }
    const existing = await db.getRepository('mq_cases').findOne({ filter: { problemId: filterByTk }, transaction });
    if (existing) return existing.toJSON();
    const created = await db.getRepository('mq_cases').create({
      values: {
        title: problem.get('publicTitle') || '',
        story: problem.get('publicSummary') || '',
        category: problem.get('category'),
        unitId: problem.get('unitId'),
        problemId: problem.get('id'),
        isPublished: false,
      },
      transaction,
      context: ctx,
    });
    return created.toJSON();
  });
  await next();
}
