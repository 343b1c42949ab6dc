import type { Context } from '@nocobase/actions';
import type { Database, Model, Transaction } from '@nocobase/database';
import type Application from '@nocobase/server';
import {
  PUBLIC_PROBLEM_FIELDS,
  publicProblem,
  PUBLISHED_FILTER,
  writeTransaction,
} from '@minqing/plugin-three-lists';
import { checkMerge, duplicateIdsOf } from '../domain/merge';
import { MAX_CANDIDATES, rankSimilar } from '../domain/similarity';
import { cleanText } from '../domain/text';
import { refuse } from './errors';
import { issueLinks } from './evaluation';
import { sendUpdates, recipientsOf } from './reporter-updates';
import { publicitySettings } from './settings';

/** 在办或待办: what a new report may be the same as (a closed problem is a new one if it recurs). */
const NOT_CLOSED = { status: { $ne: 'closed' } };

interface Candidate {
  id: number;
  text: string;
  row: Model;
}

/** The problems at a unit in a category that are not closed, newest first, with their text. */
async function candidatesAt(
  db: Database,
  where: { unitId: number | null; category?: string | null; exceptId?: number },
  extraFilter: Record<string, unknown> = {},
  fields: string[] = ['id', 'code', 'title', 'description', 'status', 'source', 'createdAt'],
): Promise<Candidate[]> {
  const filter: Record<string, unknown>[] = [NOT_CLOSED, { unitId: where.unitId }, extraFilter];
  if (where.category) filter.push({ category: where.category });
  if (where.exceptId) filter.push({ id: { $ne: where.exceptId } });
  const rows = await db.getRepository('mq_problems').find({
    filter: { $and: filter },
    fields: [...new Set(['id', 'title', 'description', ...fields])],
    sort: ['-id'],
    limit: MAX_CANDIDATES,
  });
  return rows.map((row: Model) => ({
    id: Number(row.get('id')),
    text: `${row.get('title') ?? ''}\n${row.get('description') ?? ''}`,
    row,
  }));
}

/**
 * GET mq_problems:similar?filterByTk= — for the office's triage: open problems at the same unit in
 * the same category whose text is like this one's, with how alike and how many public reports each has.
 */
export async function similarProblems(ctx: Context, next: () => Promise<void>) {
  const db = ctx.db;
  const problem = await db.getRepository('mq_problems').findOne({ filterByTk: ctx.action.params.filterByTk });
  if (!problem) throw refuse('PROBLEM_NOT_FOUND', 'Problem {{id}} does not exist', { id: ctx.action.params.filterByTk }, 404);
  const candidates = await candidatesAt(db, {
    unitId: (problem.get('unitId') as number) ?? null,
    category: problem.get('category') as string,
    exceptId: Number(problem.get('id')),
  });
  const ranked = rankSimilar(`${problem.get('title') ?? ''}\n${problem.get('description') ?? ''}`, candidates);
  const counts = await reportCounts(db, ranked.map(({ candidate }) => candidate.id));
  ctx.body = ranked.map(({ candidate, score }) => ({
    id: candidate.id,
    code: candidate.row.get('code'),
    title: candidate.row.get('title'),
    status: candidate.row.get('status'),
    source: candidate.row.get('source'),
    createdAt: candidate.row.get('createdAt'),
    similarity: score,
    publicReports: counts.get(candidate.id) ?? 0,
    // only what is still to be assigned can be merged into this one
    mergeable: candidate.row.get('status') === 'new',
  }));
  await next();
}

async function reportCounts(db: Database, problemIds: number[]) {
  const map = new Map<number, number>();
  if (!problemIds.length) return map;
  const rows = (await db.getModel('mq_public_reports').findAll({
    attributes: ['problemId', [db.sequelize.fn('COUNT', db.sequelize.col('id')), 'n']],
    where: { problemId: problemIds },
    group: ['problemId'],
    raw: true,
  })) as unknown as { problemId: unknown; n: unknown }[];
  for (const r of rows) map.set(Number(r.problemId), Number(r.n));
  return map;
}

/**
 * GET mqPublic:similar?unitId=&category=&description= — before a person sends a report: the
 * published problems like it (their public texts, to follow instead), and how many more like it
 * are being handled there (a count, nothing of them).
 */
export async function publicSimilar(db: Database, query: Record<string, unknown>) {
  const description = cleanText(query.description, 2000);
  const unitId = Number(query.unitId);
  if (!description || description.length < 5 || !Number.isInteger(unitId) || unitId < 1) {
    return { published: [], others: 0 };
  }
  const category = typeof query.category === 'string' && query.category ? query.category : null;
  const fields = [...PUBLIC_PROBLEM_FIELDS, 'isPublic'];
  const candidates = await candidatesAt(db, { unitId, category }, {}, fields);
  const ranked = rankSimilar(description, candidates);
  const isPublished = (row: Model) =>
    row.get('isPublic') === true && !!row.get('publicTitle') && !!row.get('publicSummary');
  const published = ranked.filter(({ candidate }) => isPublished(candidate.row)).slice(0, 5);
  const unit = await db.getRepository('mq_units').findOne({ filterByTk: unitId, fields: ['id', 'name'] });
  const publicUnit = unit ? { id: Number(unit.get('id')), name: unit.get('name') as string } : null;
  return {
    published: published.map(({ candidate, score }) => ({
      ...publicProblem(candidate.row.get() as never, publicUnit, undefined),
      similarity: score,
    })),
    others: ranked.length - published.length,
  };
}

/** A published problem a person chose to follow instead of reporting anew (by its public code). */
export async function followedProblem(db: Database, code: unknown, transaction?: Transaction) {
  if (typeof code !== 'string' || !code || code.length > 50) {
    throw refuse('FOLLOW_NOT_FOUND', 'The problem you chose to follow is not published', {}, 404);
  }
  const problem = await db.getRepository('mq_problems').findOne({
    filter: { $and: [PUBLISHED_FILTER, NOT_CLOSED, { code }] },
    fields: ['id', 'status', 'unitId', 'category'],
    transaction,
  });
  if (!problem) throw refuse('FOLLOW_NOT_FOUND', 'The problem you chose to follow is not published', {}, 404);
  return problem;
}

/**
 * POST mq_problems:merge?filterByTk=<primary> `{ duplicateIds, reason? }` — 合并: the duplicates'
 * public reports move to the primary, each duplicate is kept in the merge history and removed.
 * One transaction; refused whole (nothing changes) when one duplicate may not be merged. If the
 * primary is already done, the reporters who joined get their evaluation link at once.
 */
export async function mergeProblems(ctx: Context, next: () => Promise<void>) {
  const db = ctx.db;
  const primaryId = Number(ctx.action.params.filterByTk);
  const values = ctx.action.params.values ?? {};
  const ids = duplicateIdsOf(values.duplicateIds, primaryId);
  const reason = values.reason == null ? null : cleanText(values.reason, 500);
  if (reason === undefined) {
    throw refuse('TOO_LONG', '{{field}} is too long (at most {{max}} characters)', { field: 'Reason', max: 500 });
  }
  const moved: number[] = [];
  const result = await writeTransaction(db, async (transaction) => {
    const problems = db.getRepository('mq_problems');
    const primary = await problems.findOne({ filterByTk: primaryId, transaction });
    if (!primary) throw refuse('PROBLEM_NOT_FOUND', 'Problem {{id}} does not exist', { id: primaryId }, 404);
    const duplicates = await problems.find({ filter: { id: ids }, transaction });
    const facts = (p: Model) => ({
      id: Number(p.get('id')),
      code: p.get('code') as string,
      status: p.get('status') as string,
      unitId: (p.get('unitId') as number) ?? null,
    });
    checkMerge(facts(primary), duplicates.map(facts), ids);
    const reports = db.getRepository('mq_public_reports');
    for (const duplicate of duplicates) {
      const theirs = await reports.find({ filter: { problemId: duplicate.get('id') }, fields: ['id'], transaction });
      const reportIds = theirs.map((r: Model) => Number(r.get('id')));
      if (reportIds.length) {
        await reports.update({ filter: { id: reportIds }, values: { problemId: primaryId }, transaction });
      }
      moved.push(...reportIds);
      await db.getRepository('mq_problem_merges').create({
        values: {
          problemId: primaryId,
          mergedCode: duplicate.get('code'),
          mergedTitle: duplicate.get('title'),
          mergedDescription: duplicate.get('description'),
          mergedSource: duplicate.get('source'),
          mergedCreatedAt: duplicate.get('createdAt'),
          mergedCreatedById: duplicate.get('createdById') ?? null,
          reportCount: reportIds.length,
          reason,
        },
        context: ctx,
        transaction,
      });
      await problems.destroy({ filterByTk: duplicate.get('id') as number, transaction });
    }
    // done already: those who joined are asked to evaluate, like the first reporter was
    if (primary.get('status') === 'done' && moved.length) {
      await issueLinks(db, primaryId, moved, transaction);
    }
    const merges = await db.getRepository('mq_problem_merges').count({ filter: { problemId: primaryId }, transaction });
    const reportCount = await reports.count({ filter: { problemId: primaryId }, transaction });
    return {
      id: primaryId,
      code: primary.get('code'),
      status: primary.get('status') as string,
      merged: duplicates.map((d: Model) => d.get('code')),
      mergesSoFar: merges,
      publicReports: reportCount,
    };
  });
  if (result.status === 'done' && moved.length) {
    const settings = await publicitySettings.get(db);
    if (settings.notificationChannel) {
      const recipients = (await recipientsOf(db, primaryId)).filter((r) => moved.includes(r.reportId));
      void sendUpdates(ctx.app as Application, 'complete', recipients, settings);
    }
  }
  ctx.body = result;
  await next();
}
