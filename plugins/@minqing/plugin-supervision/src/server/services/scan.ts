import type { Database } from '@nocobase/database';
import { addWorkingDays, localDay, sqlDialect, tableOf } from '@minqing/plugin-three-lists';
import { overdueLevel, type ScanConfig, type SupervisionEvent } from '../domain/supervision';

/**
 * Finds every supervision event for a scan configuration at `now`, in one SQL statement over the
 * open responsibilities (a UNION of the conditions asked for); nothing is looped over in JS but
 * the events themselves.
 */
export async function findSupervisionEvents(db: Database, config: ScanConfig, now: Date, timeZone = 'Asia/Shanghai') {
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
    dueSoonLimit: addWorkingDays(today, config.dueSoonDays),
    stalledBefore: new Date(now.getTime() - config.stalledDays * 86400000),
    dissatisfiedBelow: config.dissatisfiedBelow,
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
  const open = `${p('status')} IN ('assigned', 'in_progress', 'reopened')`;
  const base = `FROM ${P.table} p JOIN ${R.table} r ON ${r('problemId')} = ${p('id')} AND ${r('active')} = ${sql.bool(true)}`;
  const where = (...conditions: string[]) => `WHERE ${[...conditions, ...scope].join(' AND ')}`;
  const lastTask = `(SELECT MAX(t.${T.column('id')}) FROM ${T.table} t WHERE t.${T.column('problemId')} = ${p('id')})`;
  const lastReport = `(SELECT MAX(COALESCE(t.${T.column('lastReportedAt')}, ${p('acceptedAt')})) FROM ${T.table} t WHERE t.${T.column('problemId')} = ${p('id')})`;
  // `kind`, not `condition` (reserved in MySQL); 0, not NULL, for "no evaluation" so that every
  // branch of the UNION has the same column types on PostgreSQL
  const columns = (condition: string, period: string, days: string, evaluation = '0') =>
    `SELECT '${condition}' AS kind, ${p('id')} AS problem_id, ${r('id')} AS responsibility_id, ${lastTask} AS task_id,
            ${evaluation} AS evaluation_id, ${period} AS period, ${days} AS days_overdue`;

  const parts: string[] = [];
  if (config.conditions.includes('due_soon')) {
    parts.push(`${columns('due_soon', `CAST(${r('deadline')} AS CHAR(10))`, '0')} ${base}
      ${where(open, `${r('deadline')} >= :today`, `${r('deadline')} <= :dueSoonLimit`)}`);
  }
  if (config.conditions.includes('overdue')) {
    parts.push(`${columns('overdue', `CAST(${r('deadline')} AS CHAR(10))`, sql.dayDiff(r('deadline'), ':today'))} ${base}
      ${where(open, `${r('deadline')} < :today`)}`);
  }
  if (config.conditions.includes('stalled')) {
    parts.push(`${columns('stalled', `CAST(${sql.localDay(lastReport)} AS CHAR(10))`, '0')} ${base}
      ${where(`${p('status')} IN ('in_progress', 'reopened')`, `${lastReport} < :stalledBefore`)}`);
  }
  if (config.conditions.includes('dissatisfied')) {
    parts.push(`${columns('dissatisfied', `CAST(e.${E.column('id')} AS CHAR(20))`, '0', `e.${E.column('id')}`)} ${base}
      JOIN ${E.table} e ON e.${E.column('problemId')} = ${p('id')}
      ${where(`e.${E.column('score')} < :dissatisfiedBelow`)}`);
  }
  if (!parts.length) return [];
  const rows = (await db.sequelize.query(parts.join('\nUNION ALL\n'), { replacements, type: 'SELECT' })) as any[];
  return rows.map<SupervisionEvent>((row) => {
    const daysOverdue = Number(row.days_overdue ?? 0);
    return {
      condition: row.kind,
      level:
        row.kind === 'overdue'
          ? overdueLevel(daysOverdue, config.escalation)
          : row.kind === 'dissatisfied'
            ? 'supervise'
            : 'reminder',
      problemId: Number(row.problem_id),
      responsibilityId: row.responsibility_id === null ? null : Number(row.responsibility_id),
      taskId: row.task_id === null ? null : Number(row.task_id),
      evaluationId: Number(row.evaluation_id) || null,
      period: String(row.period).trim(),
      daysOverdue,
    };
  });
}
