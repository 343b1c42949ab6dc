import type { Database, Model, Transaction } from '@nocobase/database';
import type Application from '@nocobase/server';
import {
  EVALUATOR_OPTIONS,
  isSatisfactionLevel,
  onLoopStep,
  writeTransaction,
  type LoopStepEvent,
} from '@minqing/plugin-three-lists';
import { evaluationToken, isTokenShaped, newNonce, sha256 } from '../domain/codes';
import { cleanText } from '../domain/text';
import { refuse } from './errors';
import { publicitySettings } from './settings';
import { systemLanguage, wordsIn } from './words';

const DAY_MS = 24 * 3600 * 1000;
const EVALUATOR_KINDS = EVALUATOR_OPTIONS.map((o) => String(o.value));

/** The secret evaluation tokens are derived from: the app key, which never enters the database. */
export function tokenSecret() {
  const key = process.env.APP_KEY;
  if (!key) throw new Error('APP_KEY is not set: evaluation links cannot be issued');
  return key;
}

/**
 * When a problem that came from the public is done (办结, as the core announces it), each of its
 * reports (several once duplicates are merged) gets a fresh evaluation link; links issued for an
 * earlier completion stop working. In the completion's transaction. The link reaches the reporter
 * through the tracking page and the completion's update (services/reporter-updates.ts).
 */
export function issueLinksOnCompletion(app: Application) {
  const db = app.db;
  onLoopStep(db, 'complete', async ({ problemId, transaction }: LoopStepEvent) => {
    const reports = await db.getRepository('mq_public_reports').find({
      filter: { problemId },
      fields: ['id'],
      transaction,
    });
    if (!reports.length) return;
    await issueLinks(
      db,
      problemId,
      reports.map((r: Model) => Number(r.get('id'))),
      transaction,
    );
  });
}

/** Fresh evaluation links for these reports of a problem; their earlier links stop working. */
export async function issueLinks(db: Database, problemId: number, reportIds: number[], transaction?: Transaction) {
  const settings = await publicitySettings.get(db, transaction);
  const now = new Date();
  const tokens = db.getRepository('mq_evaluation_tokens');
  for (const reportId of reportIds) {
    await tokens.update({
      filter: { reportId, usedAt: null, revokedAt: null },
      values: { revokedAt: now },
      transaction,
    });
    const nonce = newNonce();
    await tokens.create({
      values: {
        reportId,
        problemId,
        tokenHash: sha256(evaluationToken(tokenSecret(), nonce)),
        nonce,
        expiresAt: new Date(now.getTime() + settings.evaluationDays * DAY_MS),
      },
      transaction,
    });
  }
}

/** The evaluation state shown on the tracking page; the link itself only while it can be used. */
export async function currentEvaluation(db: Database, reportId: number) {
  const row = await db.getRepository('mq_evaluation_tokens').findOne({
    filter: { reportId, revokedAt: null },
    sort: ['-id'],
    fields: ['id', 'nonce', 'expiresAt', 'usedAt'],
  });
  if (!row) return { state: 'none' as const };
  if (row.get('usedAt')) return { state: 'used' as const, usedAt: new Date(row.get('usedAt') as Date).toISOString() };
  const expiresAt = new Date(row.get('expiresAt') as Date);
  if (expiresAt.getTime() <= Date.now()) return { state: 'expired' as const, expiresAt: expiresAt.toISOString() };
  return {
    state: 'open' as const,
    token: evaluationToken(tokenSecret(), row.get('nonce') as string),
    expiresAt: expiresAt.toISOString(),
  };
}

export interface EvaluationInput {
  token?: unknown;
  score?: unknown;
  comment?: unknown;
  evaluatorKind?: unknown;
}

/** Finds the token's row, or says why it cannot be used. Changes nothing. */
async function usableToken(db: Database, token: unknown, transaction?: Transaction) {
  const row = isTokenShaped(token)
    ? await db.getRepository('mq_evaluation_tokens').findOne({ filter: { tokenHash: sha256(token) }, transaction })
    : null;
  if (!row) throw refuse('EVALUATION_LINK_INVALID', 'This evaluation link is not valid', {}, 404);
  if (row.get('usedAt')) throw refuse('EVALUATION_LINK_USED', 'This evaluation link has already been used', {}, 409);
  if (row.get('revokedAt') || new Date(row.get('expiresAt') as Date).getTime() <= Date.now()) {
    throw refuse('EVALUATION_LINK_EXPIRED', 'This evaluation link has expired', {}, 410);
  }
  return row;
}

/** GET mqPublic:evaluation?token= — whether the link can be used, before the person writes anything */
export async function checkEvaluation(db: Database, token: unknown) {
  const row = await usableToken(db, token);
  const problem = await db.getRepository('mq_problems').findOne({
    filterByTk: row.get('problemId') as number,
    fields: ['id', 'category', 'status', 'doneAt'],
  });
  const report = await db.getRepository('mq_public_reports').findOne({
    filterByTk: row.get('reportId') as number,
    fields: ['id', 'trackingCode', 'reply'],
  });
  return {
    trackingCode: report?.get('trackingCode') ?? null,
    category: problem?.get('category') ?? null,
    doneAt: problem?.get('doneAt') ? new Date(problem.get('doneAt') as Date).toISOString() : null,
    reply: (report?.get('reply') as string) || null,
    expiresAt: new Date(row.get('expiresAt') as Date).toISOString(),
  };
}

/**
 * POST mqPublic:evaluate — the public's 1–5 score (GB/T 39735) through a single-use link. The
 * link is claimed and the evaluation written in one transaction; the core's rule reopens the
 * problem on 不满意 or worse in that same transaction.
 */
export async function evaluate(
  db: Database,
  input: EvaluationInput,
  /** the request's device and address, salted hashes (never the address itself) */
  source: { deviceHash: string; addressHash: string } | null = null,
) {
  const score = Number(input.score);
  if (!isSatisfactionLevel(score)) {
    throw refuse('INVALID_SCORE', 'Please choose one of the five levels, 1 to 5');
  }
  const comment = cleanText(input.comment, 500);
  if (comment === undefined && input.comment !== undefined) {
    throw refuse('TOO_LONG', '{{field}} is too long (at most {{max}} characters)', { field: 'Comment', max: 500 });
  }
  const kind = input.evaluatorKind ?? 'parent';
  if (typeof kind !== 'string' || !EVALUATOR_KINDS.includes(kind)) {
    throw refuse('INVALID_EVALUATOR', 'Please say who you are: parent, student, teacher or other');
  }
  await usableToken(db, input.token); // a clear answer before taking the write lock
  return writeTransaction(db, async (transaction) => {
    const row = await usableToken(db, input.token, transaction);
    const now = new Date();
    const [claimed] = await db
      .getModel('mq_evaluation_tokens')
      .update(
        { usedAt: now },
        { where: { id: row.get('id'), usedAt: null, revokedAt: null }, transaction, hooks: false },
      );
    if (!claimed) throw refuse('EVALUATION_LINK_USED', 'This evaluation link has already been used', {}, 409);
    const evaluation = await db.getRepository('mq_evaluations').create({
      values: {
        problemId: row.get('problemId'),
        score,
        comment: comment || null,
        evaluatorKind: kind,
        channel: 'online',
        deviceHash: source?.deviceHash ?? null,
        addressHash: source?.addressHash ?? null,
      },
      transaction,
    });
    await db
      .getModel('mq_evaluation_tokens')
      .update({ evaluationId: evaluation.get('id') }, { where: { id: row.get('id') }, transaction, hooks: false });
    const problem = await db.getRepository('mq_problems').findOne({
      filterByTk: row.get('problemId') as number,
      fields: ['id', 'status'],
      transaction,
    });
    return { score, status: problem?.get('status') ?? null, evaluatedAt: now.toISOString() };
  });
}
