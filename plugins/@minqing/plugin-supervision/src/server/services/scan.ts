import type { Database } from '@nocobase/database';
import {
  addWorkingDays,
  BUREAU_TIME_ZONE,
  holidayOverrides,
  HANDLING_STATUSES,
  localDay,
  OPEN_STATUSES,
  sqlDialect,
  tableOf,
} from '@minqing/plugin-three-lists';
import { escalationRungs, EVENT_KEY_PREFIX, type ScanConfig, type SupervisionEvent } from '../domain/supervision';

/**
 * Finds the supervision events for a scan configuration at `now`, in one SQL statement over the
 * open responsibilities (a UNION of the conditions asked for). Given `unfiredBy`, the statement
 * also leaves out the events that workflow has already fired, so an hourly scan over a big backlog
 * hands JS only what is new.
 */
export async function findSupervisionEvents(
  db: Database,
  config: ScanConfig,
  now: Date,
  timeZone = BUREAU_TIME_ZONE,
  unfiredBy?: number | string,
) {
  const sql = sqlDialect(db, timeZone);
  const P = tableOf(db, 'mq_problems');
  const R = tableOf(db, 'mq_responsibilities');
  const T = tableOf(db, 'mq_tasks');
  const E = tableOf(db, 'mq_evaluations');
  const p = (c: string) => `p.${P.column(c)}`;
  const r = (c: string) => `r.${R.column(c)}`;
  const today = localDay(now, timeZone);
  const replacements: Record<string, unknown> = {
    today,
    dueSoonLimit: addWorkingDays(today, config.dueSoonDays, await holidayOverrides(db)),
    stalledBefore: new Date(now.getTime() - config.stalledDays * 86400000),
    dissatisfiedBelow: config.dissatisfiedBelow,
    ...Object.fromEntries(escalationRungs(config.escalation)),
  };
  const scope: string[] = [];
  if (config.scope.unitIds?.length) {
    scope.push(`${p('unitId')} IN (:unitIds)`);
    replacements.unitIds = config.scope.unitIds;
  }
  if (config.scope.categories?.length) {
    scope.push(`${p('category')} IN (:categories)`);
    replacements.categories = config.scope.categories;
  }
  if (config.scope.modes?.length) {
    scope.push(`${r('mode')} IN (:modes)`);
    replacements.modes = config.scope.modes;
  }
  const open = sql.isIn(p('status'), OPEN_STATUSES);
  // each problem's tasks aggregated once (a correlated subquery per row costs 5× the scan)
  const tasks = `SELECT t.${T.column('problemId')} AS problem_id, MAX(t.${T.column('id')}) AS task_id,
      MAX(t.${T.column('lastReportedAt')}) AS last_reported, COUNT(*) AS task_count,
      COUNT(t.${T.column('lastReportedAt')}) AS reported_count
    FROM ${T.table} t
    ${
      // only open problems are scanned, unless dissatisfied evaluations (of done problems) are asked for
      config.conditions.includes('dissatisfied')
        ? ''
        : `JOIN ${P.table} tp ON tp.${P.column('id')} = t.${T.column('problemId')} AND ${sql.isIn(`tp.${P.column('status')}`, OPEN_STATUSES)}`
    }
    GROUP BY t.${T.column('problemId')}`;
  const base = `FROM ${P.table} p JOIN ${R.table} r ON ${r('problemId')} = ${p('id')} AND ${r('active')} = ${sql.bool(true)}
    LEFT JOIN task_summary ts ON ts.problem_id = ${p('id')}`;
  const where = (...conditions: string[]) => `WHERE ${[...conditions, ...scope].join(' AND ')}`;
  // the latest report of any task; a task never reported counts from acceptance
  const lastReport = `(CASE WHEN ts.task_count IS NULL THEN NULL
      WHEN ts.reported_count < ts.task_count AND (ts.last_reported IS NULL OR ${p('acceptedAt')} > ts.last_reported)
        THEN ${p('acceptedAt')} ELSE ts.last_reported END)`;
  // the open responsibilities, joined once and read by every condition below
  const openRows = `SELECT ${p('id')} AS problem_id, ${r('id')} AS responsibility_id, ts.task_id AS task_id,
      ${r('deadline')} AS deadline, ${p('status')} AS status, ${lastReport} AS last_report
    ${base} ${where(open)}`;
  // `kind`, not `condition` (reserved in MySQL); 0, not NULL, for "no evaluation" so that every
  // branch of the UNION has the same column types on PostgreSQL
  const fromOpen = (condition: string, period: string, days: string, level: string, ...conditions: string[]) =>
    `SELECT '${condition}' AS kind, ${level} AS level, o.problem_id, o.responsibility_id, o.task_id, 0 AS evaluation_id,
        ${period} AS period, ${days} AS days_overdue
      FROM open_rows o WHERE ${conditions.join(' AND ')}`;
  // the escalation ladder (提醒 → 催办 → 督办 → 通报) as a CASE over the days overdue
  const overdueDays = sql.dayDiff('o.deadline', ':today');
  const ladder = `(CASE ${escalationRungs(config.escalation)
    .map(([level]) => `WHEN ${overdueDays} >= :${level} THEN '${level}'`)
    .join(' ')} ELSE 'reminder' END)`;

  const parts: string[] = [];
  if (config.conditions.includes('due_soon')) {
    parts.push(
      fromOpen(
        'due_soon',
        'CAST(o.deadline AS CHAR(10))',
        '0',
        `'reminder'`,
        'o.deadline >= :today',
        'o.deadline <= :dueSoonLimit',
      ),
    );
  }
  if (config.conditions.includes('overdue')) {
    parts.push(fromOpen('overdue', 'CAST(o.deadline AS CHAR(10))', overdueDays, ladder, 'o.deadline < :today'));
  }
  if (config.conditions.includes('stalled')) {
    parts.push(
      fromOpen(
        'stalled',
        `CAST(${sql.localDay('o.last_report')} AS CHAR(10))`,
        '0',
        `'reminder'`,
        sql.isIn('o.status', HANDLING_STATUSES),
        `${sql.instant('o.last_report')} < ${sql.instant(':stalledBefore')}`,
      ),
    );
  }
  if (config.conditions.includes('dissatisfied')) {
    parts.push(`SELECT 'dissatisfied' AS kind, 'supervise' AS level, ${p('id')} AS problem_id, ${r('id')} AS responsibility_id, ts.task_id AS task_id,
        e.${E.column('id')} AS evaluation_id, CAST(e.${E.column('id')} AS CHAR(20)) AS period, 0 AS days_overdue ${base}
      JOIN ${E.table} e ON e.${E.column('problemId')} = ${p('id')}
      ${where(`e.${E.column('score')} < :dissatisfiedBelow`)}`);
  }
  if (!parts.length) return [];
  let events = parts.join('\nUNION ALL\n');
  if (unfiredBy !== undefined) {
    // the same key as eventKey(); executions.eventKey is unique, so each probe is an index lookup
    const X = tableOf(db, 'executions');
    replacements.keyPrefix = `${EVENT_KEY_PREFIX}:${unfiredBy}:`; // ids may be bigger than JS numbers
    const key = sql.concat(
      ':keyPrefix',
      'ev.kind',
      `':'`,
      'ev.problem_id',
      `':'`,
      'ev.level',
      `':'`,
      'TRIM(ev.period)',
    );
    events = `SELECT ev.* FROM (${events}) ev
      WHERE NOT EXISTS (SELECT 1 FROM ${X.table} x WHERE x.${X.column('eventKey')} = ${key})`;
  }
  const text = `WITH task_summary AS (${tasks}), open_rows AS (${openRows})\n${events}`;
  const rows = (await db.sequelize.query(text, { replacements, type: 'SELECT' })) as Record<string, unknown>[];
  return rows.map<SupervisionEvent>((row) => ({
    condition: row.kind as SupervisionEvent['condition'],
    level: row.level as SupervisionEvent['level'],
    problemId: Number(row.problem_id),
    responsibilityId: row.responsibility_id === null ? null : Number(row.responsibility_id),
    taskId: row.task_id === null ? null : Number(row.task_id),
    evaluationId: Number(row.evaluation_id) || null,
    period: String(row.period).trim(),
    daysOverdue: Number(row.days_overdue ?? 0),
  }));
}
