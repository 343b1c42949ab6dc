import type { Database, Model } from '@nocobase/database';
import {
  addCounts,
  computeFigures,
  emptyCounts,
  enoughSample,
  leaderRevisitCoverage,
  OVERDUE_AGES,
  rankBy,
  RATE_FIGURES,
  SAMPLE_OF,
  type Figures,
  type GroupCounts,
  type Ranked,
  type RateFigure,
} from '../domain/figures';
import { DONE_STATUSES, OPEN_STATUSES } from '../domain/loop';
import { PROACTIVE_SOURCE } from '../domain/vocabulary';
import { Refusal } from '../domain/refusal';
import { SATISFACTION_LEVELS } from '../domain/satisfaction';
import type { LoopSettings } from '../domain/settings';
import { isDay, localDay, nextDay, startOfLocalDay } from '../domain/workdays';
import { getSettings } from './settings';
import { USER_REGION, USER_UNIT_KEY } from '../collections/user-home';
import { overdueSql } from './overdue';
import { sqlDialect, tableOf, type SqlDialect } from './sql';

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
  /** only problems of these units (a viewer's scope; not a parameter of the HTTP API) */
  unitIds?: number[];
}

export interface StatsGroup {
  /** the unit's id, the region, the category or the month (YYYY-MM); '' for problems without one */
  key: string;
  label: string;
  counts: GroupCounts;
  figures: Figures;
  /** fewer problems in the group than the minimum sample: read its rates as anecdotes */
  smallSample: boolean;
  /** the rates that stand on fewer problems than the minimum (not ranked, not published) */
  smallSampleRates: RateFigure[];
  /** by unit or region: 领导回访覆盖率 of the leaders who belong there */
  leaderRevisitCoverage?: ReturnType<typeof leaderRevisitCoverage>;
}

/** What `mqStats:get` answers. */
export interface Stats {
  query: StatsQuery & { today: string };
  minSample: number;
  overall: { counts: GroupCounts; figures: Figures };
  leaderRevisitCoverage: ReturnType<typeof leaderRevisitCoverage>;
  /** with `groupBy` only */
  groups?: StatsGroup[];
  /** with `groupBy` only: a league table of each rate */
  rankings?: Record<RateFigure, Ranked<string>>;
}

/**
 * 统计: every figure of DOMAIN.md for one group or by unit / region / category / month. The
 * database counts (a few GROUP BY queries, no rows loaded into JS); domain/figures.ts divides.
 */
export async function computeStats(db: Database, query: StatsQuery, now = new Date()): Promise<Stats> {
  const parsed = parseStatsQuery(query);
  const settings = await getSettings(db);
  const today = localDay(now, settings.timeZone);
  const sql = sqlDialect(db, settings.timeZone);
  const [groups, coverage] = await Promise.all([
    countGroups(db, sql, parsed, settings, today),
    leaderCoverage(db, parsed, sql),
  ]);
  // a region or unit with leaders and no problem yet still has its 领导回访覆盖率 (leaders not
  // filled in yet count in the overall figure, and in the '' group only when problems have one)
  for (const key of coverage.byGroup?.keys() ?? []) if (key && !groups.has(key)) groups.set(key, emptyCounts());
  const labels = parsed.groupBy ? await groupLabels(db, parsed.groupBy, [...groups.keys()]) : new Map<string, string>();
  return assembleStats(parsed, today, groups, labels, coverage.overall, settings, coverage.byGroup);
}

/** The query as the API takes it, or a refusal naming the parameter that is not. */
export function parseStatsQuery(query: StatsQuery): StatsQuery {
  const { groupBy, from, to, unitId, region, category, unitIds } = query;
  if (groupBy && !GROUP_BY.includes(groupBy)) {
    throw new Refusal('INVALID_VALUE', '{{field}} has no option {{value}}', { field: 'groupBy', value: groupBy }, 400);
  }
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value && !isDay(value)) {
      throw new Refusal('INVALID_VALUE', '{{field}} has no option {{value}}', { field, value }, 400);
    }
  }
  return { groupBy, from, to, unitId, region, category, ...(unitIds ? { unitIds } : {}) };
}

const num = (v: unknown) => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
};

type Row = Record<string, unknown>;

/** The counts of each group (`'all'` without `groupBy`), from three aggregate queries. */
async function countGroups(
  db: Database,
  sql: SqlDialect,
  query: StatsQuery,
  settings: LoopSettings,
  today: string,
): Promise<Map<string, GroupCounts>> {
  const P = tableOf(db, 'mq_problems');
  const R = tableOf(db, 'mq_responsibilities');
  const U = tableOf(db, 'mq_units');
  const V = tableOf(db, 'mq_revisits');
  const E = tableOf(db, 'mq_evaluations');
  const p = (c: string) => `p.${P.column(c)}`;
  const r = (c: string) => `r.${R.column(c)}`;
  const { groupBy } = query;

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
  // bounds as instants (the instant the bureau's day begins), compared as instants on every database
  if (query.from) {
    where.push(`${sql.instant(p('createdAt'))} >= ${sql.instant(':fromInstant')}`);
    replacements.fromInstant = startOfLocalDay(query.from, settings.timeZone);
  }
  if (query.to) {
    where.push(`${sql.instant(p('createdAt'))} < ${sql.instant(':toInstant')}`);
    replacements.toInstant = startOfLocalDay(nextDay(query.to), settings.timeZone);
  }
  if (query.unitId !== undefined && query.unitId !== '') {
    where.push(`${p('unitId')} = :unitId`);
    replacements.unitId = Number(query.unitId);
  }
  if (query.unitIds) {
    where.push(query.unitIds.length ? `${p('unitId')} IN (:unitIds)` : '1 = 0');
    replacements.unitIds = query.unitIds.length ? query.unitIds.map(Number) : null;
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

  const open = sql.isIn(p('status'), OPEN_STATUSES);
  const done = sql.isIn(p('status'), DONE_STATUSES);
  // 逾期 as the cards show it (one definition, ./overdue.ts)
  const { condition: overdue, days: overdueDays } = overdueSql(sql, p('status'), r('deadline'));
  // a planned revisit (no outcome yet) is not a revisit until it is done
  const hasRevisit = `EXISTS (SELECT 1 FROM ${V.table} v WHERE v.${V.column('problemId')} = ${p('id')} AND v.${V.column('outcome')} IS NOT NULL)`;
  // the problems behind 满意率 (a rating: an evaluation's score, a done revisit's satisfaction), and
  // behind the public's own 满意率: the minimum sample is counted in problems
  const e2 = (c: string) => `e2.${E.column(c)}`;
  const hasEvaluation = (only = '') =>
    `EXISTS (SELECT 1 FROM ${E.table} e2 WHERE ${e2('problemId')} = ${p('id')} AND ${e2('score')} IS NOT NULL${only})`;
  const hasRating = `(${hasEvaluation()} OR EXISTS (SELECT 1 FROM ${V.table} v2 WHERE v2.${V.column('problemId')} = ${p('id')}
    AND v2.${V.column('outcome')} IS NOT NULL AND v2.${V.column('satisfaction')} IS NOT NULL))`;
  const hasPublicRating = hasEvaluation(` AND (${e2('byStaff')} IS NULL OR ${e2('byStaff')} = ${sql.bool(false)})`);
  const revisitWhere = `WHERE ${[...where, `v.${V.column('outcome')} IS NOT NULL`].join(' AND ')}`;
  const byLevel = (column: string, as = 'l', only = '') =>
    SATISFACTION_LEVELS.map((l) => `SUM(CASE WHEN ${column} = ${l}${only} THEN 1 ELSE 0 END) AS ${as}${l}`).join(', ');
  // the public's own evaluations: not entered by staff on its behalf
  const byPublic = ` AND (e.${E.column('byStaff')} IS NULL OR e.${E.column('byStaff')} = ${sql.bool(false)})`;

  const run = (text: string) => db.sequelize.query(text, { replacements, type: 'SELECT' }) as Promise<Row[]>;
  const [problemRows, revisitRows, evaluationRows] = await Promise.all([
    run(`
      SELECT ${key} AS k, COUNT(*) AS problems,
        SUM(CASE WHEN ${p('source')} = '${PROACTIVE_SOURCE}' THEN 1 ELSE 0 END) AS proactive,
        SUM(CASE WHEN ${p('assignedAt')} IS NOT NULL THEN 1 ELSE 0 END) AS assigned,
        SUM(CASE WHEN ${r('acceptedAt')} IS NOT NULL AND ${sql.localDay(r('acceptedAt'))} <= ${r('acceptBy')} THEN 1 ELSE 0 END) AS accepted_in_time,
        SUM(CASE WHEN ${done} OR ${overdue} THEN 1 ELSE 0 END) AS due_or_done,
        SUM(CASE WHEN ${done} AND ${sql.localDay(p('doneAt'))} <= ${r('deadline')} THEN 1 ELSE 0 END) AS done_on_time,
        SUM(CASE WHEN ${done} THEN 1 ELSE 0 END) AS done,
        SUM(CASE WHEN ${done} AND ${hasRevisit} THEN 1 ELSE 0 END) AS done_with_revisit,
        SUM(CASE WHEN ${hasRevisit} THEN 1 ELSE 0 END) AS revisited_problems,
        SUM(CASE WHEN ${hasRating} THEN 1 ELSE 0 END) AS rated_problems,
        SUM(CASE WHEN ${hasPublicRating} THEN 1 ELSE 0 END) AS public_rated_problems,
        SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END) AS overdue,
        SUM(CASE WHEN ${overdue} THEN ${overdueDays} ELSE 0 END) AS overdue_days_sum,
        MAX(CASE WHEN ${overdue} THEN ${overdueDays} ELSE NULL END) AS overdue_days_max,
        ${OVERDUE_AGES.map(
          (age, i) =>
            `SUM(CASE WHEN ${overdue} AND ${overdueDays} > ${i ? OVERDUE_AGES[i - 1].upTo : 0}${
              age.upTo === null ? '' : ` AND ${overdueDays} <= ${age.upTo}`
            } THEN 1 ELSE 0 END) AS overdue_age_${i},`,
        ).join('\n        ')}
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
        ${byLevel(`v.${V.column('satisfaction')}`)}
      FROM ${V.table} v JOIN ${P.table} p ON ${p('id')} = v.${V.column('problemId')} ${withUnit}
      ${revisitWhere}
      ${groupSql}`),
    run(`
      SELECT ${key} AS k, ${byLevel(`e.${E.column('score')}`)}, ${byLevel(`e.${E.column('score')}`, 'pl', byPublic)}
      FROM ${E.table} e JOIN ${P.table} p ON ${p('id')} = e.${E.column('problemId')} ${withUnit}
      ${whereSql}
      ${groupSql}`),
  ]);

  const groups = new Map<string, GroupCounts>();
  const counts = (k: unknown) => {
    const id = k === null || k === undefined ? '' : String(k);
    const found = groups.get(id) ?? emptyCounts();
    groups.set(id, found);
    return found;
  };
  const addRatings = (c: GroupCounts, row: Row) => {
    for (const l of SATISFACTION_LEVELS) c.ratingsByLevel[l] += num(row[`l${l}`]);
  };
  for (const row of problemRows) {
    const c = counts(row.k);
    c.problems = num(row.problems);
    c.proactive = num(row.proactive);
    c.assigned = num(row.assigned);
    c.acceptedInTime = num(row.accepted_in_time);
    c.dueOrDone = num(row.due_or_done);
    c.doneOnTime = num(row.done_on_time);
    c.done = num(row.done);
    c.doneWithRevisit = num(row.done_with_revisit);
    c.revisitedProblems = num(row.revisited_problems);
    c.ratedProblems = num(row.rated_problems);
    c.publicRatedProblems = num(row.public_rated_problems);
    c.overdue = num(row.overdue);
    c.overdueDaysSum = num(row.overdue_days_sum);
    c.overdueDaysMax = num(row.overdue_days_max);
    c.overdueByAge = OVERDUE_AGES.map((_, i) => num(row[`overdue_age_${i}`]));
    c.accepted = num(row.accepted);
    c.acceptDaysSum = num(row.accept_days_sum);
    c.completed = num(row.completed);
    c.completeDaysSum = num(row.complete_days_sum);
  }
  for (const row of revisitRows) {
    const c = counts(row.k);
    c.revisits = num(row.revisits);
    c.revisitsResolved = num(row.resolved);
    addRatings(c, row);
  }
  for (const row of evaluationRows) {
    const c = counts(row.k);
    addRatings(c, row);
    for (const l of SATISFACTION_LEVELS) c.publicRatingsByLevel[l] += num(row[`pl${l}`]);
  }
  return groups;
}

/** The figures of every group and of their sum, and with `groupBy` the league tables. Pure. */
export function assembleStats(
  query: StatsQuery,
  today: string,
  groups: Map<string, GroupCounts>,
  labels: Map<string, string>,
  coverage: Stats['leaderRevisitCoverage'],
  settings: Pick<LoopSettings, 'basicCountsAsSatisfied' | 'minSample'>,
  /** by unit or region: the 领导回访覆盖率 of the leaders who belong to each */
  groupCoverage?: Map<string, Stats['leaderRevisitCoverage']>,
): Stats {
  const options = { basicCountsAsSatisfied: settings.basicCountsAsSatisfied };
  const total = [...groups.values()].reduce(addCounts, emptyCounts());
  const stats: Stats = {
    query: { ...query, today },
    minSample: settings.minSample,
    overall: { counts: total, figures: computeFigures(total, options) },
    leaderRevisitCoverage: coverage,
  };
  if (!query.groupBy) return stats;
  const rows: StatsGroup[] = [...groups.entries()]
    .map(([key, counts]) => {
      const figures = computeFigures(counts, options);
      return {
        key,
        label: labels.get(key) ?? key,
        counts,
        figures,
        smallSample: !enoughSample(counts.problems, settings.minSample),
        smallSampleRates: RATE_FIGURES.filter(
          (rate) => !enoughSample(figures.problemSamples[SAMPLE_OF[rate]], settings.minSample),
        ),
        ...(groupCoverage
          ? { leaderRevisitCoverage: groupCoverage.get(key) ?? leaderRevisitCoverage(0, 0) }
          : {}),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key, 'zh-CN', { numeric: true }));
  stats.groups = rows;
  stats.rankings = Object.fromEntries(
    RATE_FIGURES.map((rate) => [rate, rankBy(rows, rate, settings.minSample)]),
  ) as Record<RateFigure, Ranked<string>>;
  return stats;
}

async function groupLabels(db: Database, groupBy: GroupBy, keys: string[]) {
  const labels = new Map<string, string>();
  if (groupBy === 'unit') {
    const ids = keys.filter(Boolean).map(Number);
    if (ids.length) {
      const units = await db.getRepository('mq_units').find({ filter: { id: ids }, fields: ['id', 'name'] });
      units.forEach((u: Model) => labels.set(String(u.get('id')), u.get('name') as string));
    }
  }
  return labels;
}

/**
 * 领导回访覆盖率 over users holding the mq_leader role; revisits within the period if one is given.
 * Overall, and with groupBy unit or region for each leader's own unit or region (the fields on
 * `users`; a leader with a unit and no region is in the unit's region; '' = not set yet).
 */
async function leaderCoverage(db: Database, query: StatsQuery, sql: SqlDialect) {
  const RU = tableOf(db, 'rolesUsers');
  const US = tableOf(db, 'users');
  const U = tableOf(db, 'mq_units');
  const V = tableOf(db, 'mq_revisits');
  const homes = Boolean(db.getCollection('users').model.rawAttributes[USER_UNIT_KEY]);
  const homeRegion = `COALESCE(NULLIF(us.${homes ? US.column(USER_REGION) : "''"}, ''), hu.${U.column('region')})`;
  const homeKey =
    homes && query.groupBy === 'unit' ? `us.${US.column(USER_UNIT_KEY)}` : homes && query.groupBy === 'region' ? homeRegion : null;
  const range: string[] = [];
  if (query.from) range.push(`${sql.localDay(`v.${V.column('revisitedAt')}`)} >= :from`);
  if (query.to) range.push(`${sql.localDay(`v.${V.column('revisitedAt')}`)} <= :to`);
  const where = [`ru.${RU.column('roleName')} = 'mq_leader'`];
  if (homes && query.unitId !== undefined && query.unitId !== '') where.push(`us.${US.column(USER_UNIT_KEY)} = :unitId`);
  if (homes && query.region) where.push(`${homeRegion} = :region`);
  const rows = (await db.sequelize.query(
    `SELECT ${homeKey ?? `'all'`} AS k, COUNT(DISTINCT ru.${RU.column('userId')}) AS leaders,
       COUNT(DISTINCT CASE WHEN EXISTS (
         SELECT 1 FROM ${V.table} v WHERE v.${V.column('revisiterId')} = ru.${RU.column('userId')}
         AND v.${V.column('outcome')} IS NOT NULL
         ${range.map((c) => `AND ${c}`).join(' ')}
       ) THEN ru.${RU.column('userId')} END) AS with_revisit
     FROM ${RU.table} ru JOIN ${US.table} us ON us.${US.column('id')} = ru.${RU.column('userId')}
     ${homes ? `LEFT JOIN ${U.table} hu ON hu.${U.column('id')} = us.${US.column(USER_UNIT_KEY)}` : ''}
     WHERE ${where.join(' AND ')}
     ${homeKey ? `GROUP BY ${homeKey}` : ''}`,
    {
      replacements: { from: query.from, to: query.to, unitId: Number(query.unitId), region: query.region ?? null },
      type: 'SELECT',
    },
  )) as Row[];
  const byGroup = new Map<string, ReturnType<typeof leaderRevisitCoverage>>();
  let leaders = 0;
  let withRevisit = 0;
  for (const row of rows) {
    leaders += num(row.leaders);
    withRevisit += num(row.with_revisit);
    const key = row.k === null || row.k === undefined ? '' : String(row.k);
    byGroup.set(key, leaderRevisitCoverage(num(row.leaders), num(row.with_revisit)));
  }
  return { overall: leaderRevisitCoverage(leaders, withRevisit), byGroup: homeKey ? byGroup : undefined };
}
