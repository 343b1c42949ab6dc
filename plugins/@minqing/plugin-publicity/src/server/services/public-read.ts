import type { Database, Model } from '@nocobase/database';
import {
  computeStats,
  isDay,
  PROBLEM_STATUSES,
  PUBLIC_CASE_FIELDS,
  PUBLIC_PROBLEM_FIELDS,
  publicCase,
  publicFigures,
  publicProblem,
  PUBLISHED_FILTER,
  type PublicUnit,
} from '@minqing/plugin-three-lists';
import { refuse } from './errors';

/**
 * The public endpoints' reads. What the public may see is the core's rule (domain/disclosure.ts):
 * every answer is built field by field from its whitelists, and figures below the minimum sample
 * are withheld.
 */

type Query = Record<string, unknown>;

function pageOf(query: Query, maxPageSize = 50) {
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 20);
  if (
    !Number.isInteger(page) ||
    page < 1 ||
    page > 10000 ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > maxPageSize
  ) {
    throw refuse('INVALID_PAGE', 'page must be 1 or more and pageSize 1 to {{max}}', { max: maxPageSize });
  }
  return { page, pageSize };
}

function idOf(value: unknown, field: string) {
  if (value === undefined || value === null || value === '') return undefined;
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw refuse('INVALID_FILTER', 'The filter {{field}} is not valid', { field });
  return id;
}

function optionOf(value: unknown, allowed: readonly string[], field: string) {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw refuse('INVALID_FILTER', 'The filter {{field}} is not valid', { field });
  }
  return value;
}

/** The category values an administrator currently offers (the option list is theirs to edit). */
export function categoryOptions(db: Database): { value: string; label: string }[] {
  const field = db.getCollection('mq_problems')?.getField('category');
  const options = (field?.options?.uiSchema?.enum ?? []) as { value: unknown; label: unknown }[];
  return options.map((o) => ({ value: String(o.value), label: String(o.label) }));
}

/** GET mqPublic:list — 成效清单 of published problems, with search and filters */
export async function listPublished(db: Database, query: Query) {
  const { page, pageSize } = pageOf(query);
  const filter: Record<string, unknown>[] = [PUBLISHED_FILTER];
  const category = optionOf(
    query.category,
    categoryOptions(db).map((o) => o.value),
    'category',
  );
  const status = optionOf(query.status, PROBLEM_STATUSES, 'status');
  const unitId = idOf(query.unitId, 'unitId');
  if (category) filter.push({ category });
  if (status) filter.push({ status });
  if (unitId) filter.push({ unitId });
  if (query.q !== undefined && query.q !== '') {
    if (typeof query.q !== 'string' || query.q.length > 50)
      throw refuse('INVALID_FILTER', 'The filter {{field}} is not valid', { field: 'q' });
    filter.push({ $or: [{ publicTitle: { $includes: query.q } }, { publicSummary: { $includes: query.q } }] });
  }
  const repo = db.getRepository('mq_problems');
  const [rows, count] = await repo.findAndCount({
    filter: { $and: filter },
    fields: [...PUBLIC_PROBLEM_FIELDS],
    sort: ['-publishedAt', '-id'],
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const units = await unitNames(
    db,
    rows.map((r) => r.get('unitId')),
  );
  const scores = await evaluationScores(
    db,
    rows.map((r) => r.get('id') as number),
  );
  const data = rows.map((r) =>
    publicProblem(r.get(), units.get(Number(r.get('unitId'))) ?? null, scores.get(Number(r.get('id')))),
  );
  return { rows: data, count, page, pageSize, totalPage: Math.ceil(count / pageSize) };
}

async function unitNames(db: Database, ids: unknown[]) {
  const wanted = [...new Set(ids.filter(Boolean).map(Number))];
  const map = new Map<number, PublicUnit>();
  if (!wanted.length) return map;
  const units = await db.getRepository('mq_units').find({ filter: { id: wanted }, fields: ['id', 'name'] });
  for (const u of units) map.set(Number(u.get('id')), { id: Number(u.get('id')), name: u.get('name') as string });
  return map;
}

async function evaluationScores(db: Database, problemIds: number[]) {
  const map = new Map<number, { count: number; sum: number }>();
  if (!problemIds.length) return map;
  const rows = (await db.getModel('mq_evaluations').findAll({
    attributes: [
      'problemId',
      [db.sequelize.fn('COUNT', db.sequelize.col('id')), 'n'],
      [db.sequelize.fn('SUM', db.sequelize.col('score')), 's'],
    ],
    where: { problemId: problemIds },
    group: ['problemId'],
    raw: true,
  })) as unknown as { problemId: unknown; n: unknown; s: unknown }[];
  for (const r of rows) map.set(Number(r.problemId), { count: Number(r.n), sum: Number(r.s) });
  return map;
}

/** GET mqPublic:stats — the figures of the campaign, overall and by unit, region, month or category */
export async function publicStats(db: Database, query: Query) {
  const groupBy = optionOf(query.groupBy, ['unit', 'region', 'month', 'category'], 'groupBy') as
    | 'unit'
    | 'region'
    | 'month'
    | 'category'
    | undefined;
  // a region is the units' own text (沙市区): any short text, matched exactly
  const region = query.region === undefined || query.region === '' ? undefined : query.region;
  if (region !== undefined && (typeof region !== 'string' || region.length > 100)) {
    throw refuse('INVALID_FILTER', 'The filter {{field}} is not valid', { field: 'region' });
  }
  for (const key of ['from', 'to']) {
    if (query[key] !== undefined && query[key] !== '' && !isDay(query[key])) {
      throw refuse('INVALID_FILTER', 'The filter {{field}} is not valid', { field: key });
    }
  }
  const category = optionOf(
    query.category,
    categoryOptions(db).map((o) => o.value),
    'category',
  );
  const unitId = idOf(query.unitId, 'unitId');
  const stats = await computeStats(db, {
    groupBy,
    from: (query.from as string) || undefined,
    to: (query.to as string) || undefined,
    unitId,
    region,
    category,
  });
  const { minSample } = stats;
  const groups = (stats.groups ?? [])
    .filter((g) => g.key !== '')
    .map((g) => ({
      key: g.key,
      label: g.label,
      problems: g.counts.assigned,
      done: g.counts.done,
      // fewer problems than the minimum: its rates are not shown, and the page says why
      smallSample: g.smallSample,
      figures: publicFigures(g.figures, minSample),
    }));
  return {
    minSample,
    overall: {
      problems: stats.overall.counts.assigned,
      done: stats.overall.counts.done,
      figures: publicFigures(stats.overall.figures, minSample),
    },
    leaderRevisitCoverage: { rate: stats.leaderRevisitCoverage.rate },
    ...(groupBy ? { groupBy, groups } : {}),
  };
}

/** GET mqPublic:cases — 先进典型 the office published */
export async function listCases(db: Database, query: Query) {
  const { page, pageSize } = pageOf(query, 20);
  const [rows, count] = await db.getRepository('mq_cases').findAndCount({
    filter: { isPublished: true },
    fields: [...PUBLIC_CASE_FIELDS],
    appends: ['photos'],
    sort: ['-publishedAt', '-id'],
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const units = await unitNames(
    db,
    rows.map((r) => r.get('unitId')),
  );
  const data = rows.map((r) => {
    const photos = (r.get('photos') as { get?: (k: string) => unknown; url?: unknown }[] | null) ?? [];
    return publicCase(
      r.get(),
      units.get(Number(r.get('unitId'))) ?? null,
      photos.map((p) => (typeof p.get === 'function' ? p.get('url') : p.url)),
    );
  });
  return { rows: data, count, page, pageSize, totalPage: Math.ceil(count / pageSize) };
}

/** GET mqPublic:options — the categories and statuses the forms and filters offer */
export function publicOptions(db: Database) {
  return { categories: categoryOptions(db), statuses: [...PROBLEM_STATUSES] };
}

/** GET mqPublic:units?q= — units by name, for the report form and the unit filter */
export async function searchUnits(db: Database, query: Query) {
  const q = query.q ?? '';
  if (typeof q !== 'string' || q.length > 50)
    throw refuse('INVALID_FILTER', 'The filter {{field}} is not valid', { field: 'q' });
  const units = await db.getRepository('mq_units').find({
    filter: q ? { name: { $includes: q } } : {},
    fields: ['id', 'name'],
    sort: ['name'],
    limit: 20,
  });
  return units.map((u: Model) => ({ id: Number(u.get('id')), name: u.get('name') as string }));
}
