import type { Database } from '@nocobase/database';
import {
  computeFigures,
  emptyCounts,
  leaderRevisitCoverage,
  rankBy,
  type Figures,
  type GroupCounts,
  type RateFigure,
} from '../domain/figures';
import { LoopRuleError } from '../domain/loop';
import { localDay, nextDay, startOfLocalDay } from '../domain/workdays';
import { getSettings } from './settings';
import { sqlDialect, tableOf } from './sql';

export const GROUP_BY = ['unit', 'region', 'category', 'month'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface StatsQuery {
  groupBy?: GroupBy;
  /** problems found from this day on (YYYY-MM-DD, bureau time) */
  from?: string;
  /** … up to and including this day */
  to?: string;
  unitId?: number | string;
  region?: string;
  category?: string;
}

const RATES: RateFigure[] = ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate', 'revisitRate'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function num(v: unknown) {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/**
 * 统计: every figure of DOMAIN.md for one group or by unit / region / category / month. The
 * database aggregates (a few GROUP BY queries, no rows loaded into JS); domain/figures.ts divides.
 */
export async function computeStats(db: Database, query: StatsQuery) {
  const settings = await getSettings(db);
  const groupBy = query.groupBy;
  if (groupBy && !GROUP_BY.includes(groupBy)) {
    throw new LoopRuleError(
      'INVALID_VALUE',
      '{{field}} has no option {{value}}',
      { field: 'groupBy', value: groupBy },
      400,
    );
  }
  for (const key of ['from', 'to'] as const) {
    if (query[key] && !DAY.test(query[key])) {
      throw new LoopRuleError(
        'INVALID_VALUE',
        '{{field}} has no option {{value}}',
        { field: key, value: query[key] },
        400,
      );
    }
  }
  const sql = sqlDialect(db, settings.timeZone);
  const P = tableOf(db, 'mq_problems');
  const R = tableOf(db, 'mq_responsibilities');
  const U = tableOf(db, 'mq_units');
  const V = tableOf(db, 'mq_revisits');
  const E = tableOf(db, 'mq_evaluations');
  const p = (c: string) => `p.${P.column(c)}`;
  const r = (c: string) => `r.${R.column(c)}`;
  const today = localDay(new Date(), settings.timeZone);

  const keyExpr = {
    unit: p('unitId'),
    region: `u.${U.column('region')}`,
    category: p('category'),
    month: sql.localMonth(p('createdAt')),
  }[groupBy ?? 'unit'];
  const key = groupBy ? keyExpr : `'all'`;
  const groupSql = groupBy ? `GROUP BY ${keyExpr}` : '';

  const where: string[] = [];
  const replacements: Record<string, unknown> = { today };
  // bounds as instants, so that an index on createdAt serves the range
  if (query.from) {
    where.push(`${p('createdAt')} >= :fromInstant`);
    replacements.fromInstant = startOfLocalDay(query.from, settings.timeZone);
    replacements.from = query.from;
  }
  if (query.to) {
    where.push(`${p('createdAt')} < :toInstant`);
    replacements.toInstant = startOfLocalDay(nextDay(query.to), settings.timeZone);
    replacements.to = query.to;
  }
  if (query.unitId !== undefined && query.unitId !== '') {
    where.push(`${p('unitId')} = :unitId`);
    replacements.unitId = Number(query.unitId);
  }
  if (query.region) {
    where.push(`u.${U.column('region')} = :region`);
    replacements.region = query.region;
  }
  if (query.category) {
    where.push(`${p('category')} = :category`);
    replacements.category = query.category;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const withUnit = `LEFT JOIN ${U.table} u ON u.${U.column('id')} = ${p('unitId')}`;

  const open = `${p('status')} IN ('assigned', 'in_progress', 'reopened')`;
  const done = `${p('status')} IN ('done', 'closed')`;
  const overdue = `(${open} AND ${r('deadline')} < :today)`;
  const overdueDays = sql.dayDiff(r('deadline'), ':today');
  // a planned revisit (no outcome yet) is not a revisit until it is done
  const hasRevisit = `EXISTS (SELECT 1 FROM ${V.table} v WHERE v.${V.column('problemId')} = ${p('id')} AND v.${V.column('outcome')} IS NOT NULL)`;
  const revisitWhere = `WHERE ${[...where, `v.${V.column('outcome')} IS NOT NULL`].join(' AND ')}`;

  const run = (text: string) => db.sequelize.query(text, { replacements, type: 'SELECT' }) as Promise<any[]>;

  const [problemRows, revisitRows, evaluationRows] = await Promise.all([
    run(`
      SELECT ${key} AS k,
        SUM(CASE WHEN ${p('assignedAt')} IS NOT NULL THEN 1 ELSE 0 END) AS assigned,
        SUM(CASE WHEN ${r('acceptedAt')} IS NOT NULL AND ${sql.localDay(r('acceptedAt'))} <= ${r('acceptBy')} THEN 1 ELSE 0 END) AS accepted_in_time,
        SUM(CASE WHEN ${done} OR ${overdue} THEN 1 ELSE 0 END) AS due_or_done,
        SUM(CASE WHEN ${done} AND ${sql.localDay(p('doneAt'))} <= ${r('deadline')} THEN 1 ELSE 0 END) AS done_on_time,
        SUM(CASE WHEN ${done} THEN 1 ELSE 0 END) AS done,
        SUM(CASE WHEN ${done} AND ${hasRevisit} THEN 1 ELSE 0 END) AS done_with_revisit,
        SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END) AS overdue,
        SUM(CASE WHEN ${overdue} THEN ${overdueDays} ELSE 0 END) AS overdue_days_sum,
        MAX(CASE WHEN ${overdue} THEN ${overdueDays} ELSE NULL END) AS overdue_days_max,
        SUM(CASE WHEN ${p('acceptedAt')} IS NOT NULL AND ${p('assignedAt')} IS NOT NULL THEN 1 ELSE 0 END) AS accepted,
        SUM(CASE WHEN ${p('acceptedAt')} IS NOT NULL AND ${p('assignedAt')} IS NOT NULL
                 THEN ${sql.daysBetween(p('assignedAt'), p('acceptedAt'))} ELSE 0 END) AS accept_days_sum,
        SUM(CASE WHEN ${done} AND ${p('assignedAt')} IS NOT NULL THEN 1 ELSE 0 END) AS completed,
        SUM(CASE WHEN ${done} AND ${p('assignedAt')} IS NOT NULL
                 THEN ${sql.daysBetween(p('assignedAt'), p('doneAt'))} ELSE 0 END) AS complete_days_sum
      FROM ${P.table} p ${withUnit}
      LEFT JOIN ${R.table} r ON ${r('problemId')} = ${p('id')} AND ${r('active')} = ${sql.bool(true)}
      ${whereSql}
      ${groupSql}`),
    run(`
      SELECT ${key} AS k, COUNT(*) AS revisits,
        SUM(CASE WHEN v.${V.column('outcome')} = 'resolved' THEN 1 ELSE 0 END) AS resolved,
        ${[1, 2, 3, 4, 5].map((l) => `SUM(CASE WHEN v.${V.column('satisfaction')} = ${l} THEN 1 ELSE 0 END) AS l${l}`).join(', ')}
      FROM ${V.table} v JOIN ${P.table} p ON ${p('id')} = v.${V.column('problemId')} ${withUnit}
      ${revisitWhere}
      ${groupSql}`),
    run(`
      SELECT ${key} AS k,
        ${[1, 2, 3, 4, 5].map((l) => `SUM(CASE WHEN e.${E.column('score')} = ${l} THEN 1 ELSE 0 END) AS l${l}`).join(', ')}
      FROM ${E.table} e JOIN ${P.table} p ON ${p('id')} = e.${E.column('problemId')} ${withUnit}
      ${whereSql}
      ${groupSql}`),
  ]);

  const groups = new Map<string, GroupCounts>();
  const counts = (k: unknown) => {
    const id = k === null || k === undefined ? '' : String(k);
    if (!groups.has(id)) groups.set(id, emptyCounts());
    return groups.get(id);
  };
  for (const row of problemRows) {
    const c = counts(row.k);
    c.assigned = num(row.assigned);
    c.acceptedInTime = num(row.accepted_in_time);
    c.dueOrDone = num(row.due_or_done);
    c.doneOnTime = num(row.done_on_time);
    c.done = num(row.done);
    c.doneWithRevisit = num(row.done_with_revisit);
    c.overdue = num(row.overdue);
    c.overdueDaysSum = num(row.overdue_days_sum);
    c.overdueDaysMax = num(row.overdue_days_max);
    c.accepted = num(row.accepted);
    c.acceptDaysSum = num(row.accept_days_sum);
    c.completed = num(row.completed);
    c.completeDaysSum = num(row.complete_days_sum);
  }
  for (const row of revisitRows) {
    const c = counts(row.k);
    c.revisits = num(row.revisits);
    c.revisitsResolved = num(row.resolved);
    for (let l = 1; l <= 5; l++) c.ratingsByLevel[l] += num(row[`l${l}`]);
  }
  for (const row of evaluationRows) {
    const c = counts(row.k);
    for (let l = 1; l <= 5; l++) c.ratingsByLevel[l] += num(row[`l${l}`]);
  }

  const options = { basicCountsAsSatisfied: settings.basicCountsAsSatisfied };
  const total = emptyCounts();
  for (const c of groups.values()) {
    for (const field of Object.keys(total) as (keyof GroupCounts)[]) {
      if (field === 'ratingsByLevel') c.ratingsByLevel.forEach((n, i) => (total.ratingsByLevel[i] += n));
      else if (field === 'overdueDaysMax') total.overdueDaysMax = Math.max(total.overdueDaysMax, c.overdueDaysMax);
      else (total[field] as number) += c[field] as number;
    }
  }

  const coverage = await leaderCoverage(db, query, sql);
  const result: Record<string, unknown> = {
    query: { ...query, today },
    minSample: settings.minSample,
    overall: { counts: total, figures: computeFigures(total, options) },
    leaderRevisitCoverage: coverage,
  };
  if (groupBy) {
    const labels = await groupLabels(db, groupBy, [...groups.keys()]);
    const rows = [...groups.entries()]
      .map(([k, c]) => ({ key: k, label: labels.get(k) ?? k, counts: c, figures: computeFigures(c, options) }))
      .sort((a, b) => a.key.localeCompare(b.key, 'zh-CN', { numeric: true }));
    result.groups = rows;
    result.rankings = Object.fromEntries(
      RATES.map((rate) => [
        rate,
        rankBy(
          rows.map((g) => ({ key: g.key, figures: g.figures as Figures })),
          rate,
          settings.minSample,
        ),
      ]),
    );
  }
  return result;
}

async function groupLabels(db: Database, groupBy: GroupBy, keys: string[]) {
  const labels = new Map<string, string>();
  if (groupBy === 'unit') {
    const ids = keys.filter(Boolean).map(Number);
    if (ids.length) {
      const units = await db.getRepository('mq_units').find({ filter: { id: ids }, fields: ['id', 'name'] });
      units.forEach((u) => labels.set(String(u.get('id')), u.get('name') as string));
    }
  }
  return labels;
}

/** 领导回访覆盖率 over users holding the mq_leader role; revisits within the period if one is given. */
async function leaderCoverage(db: Database, query: StatsQuery, sql: ReturnType<typeof sqlDialect>) {
  const RU = tableOf(db, 'rolesUsers');
  const V = tableOf(db, 'mq_revisits');
  const range: string[] = [];
  if (query.from) range.push(`${sql.localDay(`v.${V.column('revisitedAt')}`)} >= :from`);
  if (query.to) range.push(`${sql.localDay(`v.${V.column('revisitedAt')}`)} <= :to`);
  const [row] = (await db.sequelize.query(
    `SELECT COUNT(DISTINCT ru.${RU.column('userId')}) AS leaders,
       COUNT(DISTINCT CASE WHEN EXISTS (
         SELECT 1 FROM ${V.table} v WHERE v.${V.column('revisiterId')} = ru.${RU.column('userId')}
         AND v.${V.column('outcome')} IS NOT NULL
         ${range.map((c) => `AND ${c}`).join(' ')}
       ) THEN ru.${RU.column('userId')} END) AS with_revisit
     FROM ${RU.table} ru WHERE ru.${RU.column('roleName')} = 'mq_leader'`,
    { replacements: { from: query.from, to: query.to }, type: 'SELECT' },
  )) as any[];
  return leaderRevisitCoverage(num(row?.leaders), num(row?.with_revisit));
}
