import type { Database } from '@nocobase/database';
import { computeStats, PROBLEM_STATUSES } from '@minqing/plugin-three-lists';
import { refuse } from './errors';

/**
 * What the public may see. Every answer is built field by field from an explicit whitelist:
 * nothing of a record is passed through as it is, so a field an administrator adds later (a
 * complainant's phone, an internal note) can never reach a public page.
 */

const PUBLISHED = { isPublic: true, publicTitle: { $notEmpty: true }, publicSummary: { $notEmpty: true } };
const RATES = ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate', 'revisitRate'] as const;
const SAMPLE_OF = {
  responseRate: 'response',
  onTimeRate: 'onTime',
  resolutionRate: 'resolution',
  satisfactionRate: 'satisfaction',
  revisitRate: 'revisit',
} as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pageOf(query: Record<string, any>, maxPageSize = 50) {
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
  const field = db.getCollection('mq_problems')?.getField('category') as any;
  return (field?.options?.uiSchema?.enum ?? []).map((o: any) => ({ value: String(o.value), label: String(o.label) }));
}

const day = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

/** GET mqPublic:list — 成效清单 of published problems, with search and filters */
export async function listPublished(db: Database, query: Record<string, any>) {
  const { page, pageSize } = pageOf(query);
  const filter: Record<string, unknown>[] = [PUBLISHED];
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
    fields: [
      'id',
      'code',
      'publicTitle',
      'publicSummary',
      'category',
      'status',
      'unitId',
      'createdAt',
      'doneAt',
      'closedAt',
      'publishedAt',
    ],
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
  const data = rows.map((r) => {
    const s = scores.get(Number(r.get('id')));
    return {
      code: r.get('code') as string,
      title: r.get('publicTitle') as string,
      summary: r.get('publicSummary') as string,
      category: r.get('category') as string,
      status: r.get('status') as string,
      unit: units.get(Number(r.get('unitId'))) ?? null,
      reportedAt: day(r.get('createdAt')),
      doneAt: day(r.get('doneAt')),
      closedAt: day(r.get('closedAt')),
      publishedAt: day(r.get('publishedAt')),
      evaluations: s?.count ?? 0,
      evaluationAverage: s ? Math.round((s.sum / s.count) * 100) / 100 : null,
    };
  });
  return { rows: data, count, page, pageSize, totalPage: Math.ceil(count / pageSize) };
}

async function unitNames(db: Database, ids: unknown[]) {
  const wanted = [...new Set(ids.filter(Boolean).map(Number))];
  const map = new Map<number, { id: number; name: string }>();
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
  })) as any[];
  for (const r of rows) map.set(Number(r.problemId), { count: Number(r.n), sum: Number(r.s) });
  return map;
}

/** GET mqPublic:stats — the figures of the campaign, overall and by unit, month or category */
export async function publicStats(db: Database, query: Record<string, any>) {
  const groupBy = optionOf(query.groupBy, ['unit', 'month', 'category'], 'groupBy') as
    | 'unit'
    | 'month'
    | 'category'
    | undefined;
  for (const key of ['from', 'to']) {
    if (query[key] !== undefined && query[key] !== '' && (typeof query[key] !== 'string' || !DAY.test(query[key]))) {
      throw refuse('INVALID_FILTER', 'The filter {{field}} is not valid', { field: key });
    }
  }
  const category = optionOf(
    query.category,
    categoryOptions(db).map((o) => o.value),
    'category',
  );
  const unitId = idOf(query.unitId, 'unitId');
  const stats: any = await computeStats(db, {
    groupBy,
    from: query.from || undefined,
    to: query.to || undefined,
    unitId,
    category,
  });
  const minSample = Number(stats.minSample ?? 0);
  // below the minimum sample a rate says more about one person than about the service
  const figuresOf = (f: any) => ({
    ...Object.fromEntries(RATES.map((rate) => [rate, f.samples[SAMPLE_OF[rate]] >= minSample ? f[rate] : null])),
    samples: { ...f.samples },
    overdueCount: f.overdueCount,
    avgDaysToAccept: f.avgDaysToAccept,
    avgDaysToComplete: f.avgDaysToComplete,
  });
  const groups = (stats.groups ?? [])
    .filter((g: any) => g.key !== '')
    .map((g: any) => ({
      key: g.key,
      label: g.label,
      problems: g.counts.assigned,
      done: g.counts.done,
      figures: figuresOf(g.figures),
    }));
  return {
    minSample,
    overall: {
      problems: stats.overall.counts.assigned,
      done: stats.overall.counts.done,
      figures: figuresOf(stats.overall.figures),
    },
    leaderRevisitCoverage: { rate: stats.leaderRevisitCoverage?.rate ?? null },
    ...(groupBy ? { groupBy, groups } : {}),
  };
}

/** GET mqPublic:cases — 先进典型 the office published */
export async function listCases(db: Database, query: Record<string, any>) {
  const { page, pageSize } = pageOf(query, 20);
  const [rows, count] = await db.getRepository('mq_cases').findAndCount({
    filter: { isPublished: true },
    fields: ['id', 'title', 'story', 'outcome', 'category', 'unitId', 'publishedAt'],
    appends: ['photos'],
    sort: ['-publishedAt', '-id'],
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const units = await unitNames(
    db,
    rows.map((r) => r.get('unitId')),
  );
  const data = rows.map((r) => ({
    id: Number(r.get('id')),
    title: r.get('title') as string,
    story: (r.get('story') as string) ?? '',
    outcome: (r.get('outcome') as string) ?? '',
    category: r.get('category') as string,
    unit: units.get(Number(r.get('unitId'))) ?? null,
    publishedAt: day(r.get('publishedAt')),
    photos: ((r.get('photos') as any[]) ?? [])
      .map((p: any) => (typeof p.get === 'function' ? p.get('url') : p.url))
      .filter((url: unknown) => typeof url === 'string'),
  }));
  return { rows: data, count, page, pageSize, totalPage: Math.ceil(count / pageSize) };
}

/** GET mqPublic:options — the categories and statuses the forms and filters offer */
export function publicOptions(db: Database) {
  return { categories: categoryOptions(db), statuses: [...PROBLEM_STATUSES] };
}

/** GET mqPublic:units?q= — units by name, for the report form and the unit filter */
export async function searchUnits(db: Database, query: Record<string, any>) {
  const q = query.q ?? '';
  if (typeof q !== 'string' || q.length > 50)
    throw refuse('INVALID_FILTER', 'The filter {{field}} is not valid', { field: 'q' });
  const units = await db.getRepository('mq_units').find({
    filter: q ? { name: { $includes: q } } : {},
    fields: ['id', 'name'],
    sort: ['name'],
    limit: 20,
  });
  return units.map((u) => ({ id: Number(u.get('id')), name: u.get('name') as string }));
}
