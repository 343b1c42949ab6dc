import type { Database, Transaction } from '@nocobase/database';
import { computeOnRead } from './computed-on-read';
import { OPEN_STATUSES } from '../domain/loop';
import { localDay } from '../domain/workdays';
import { getSettings } from './settings';
import { sqlDialect, tableOf, type SqlDialect } from './sql';

/**
 * 逾期, defined once: an open problem whose current responsibility's deadline is before the
 * bureau's today (its time zone, from the settings), overdue by today − deadline calendar days.
 * The figures count with it (stats.ts) and every problem read carries its `overdueDays` from it,
 * which the phone's cards show as a red tag. `:today` is the bureau's day, YYYY-MM-DD.
 */
export function overdueSql(sql: SqlDialect, status: string, deadline: string) {
  return {
    condition: `(${sql.isIn(status, OPEN_STATUSES)} AND ${deadline} < :today)`,
    days: sql.dayDiff(deadline, ':today'),
  };
}

/** The days overdue of those of `ids` that are overdue (the others are not in the map). */
export async function overdueDaysOf(
  db: Database,
  ids: (number | string)[],
  transaction?: Transaction,
  now = new Date(),
): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const settings = await getSettings(db, transaction);
  const sql = sqlDialect(db, settings.timeZone);
  const P = tableOf(db, 'mq_problems');
  const R = tableOf(db, 'mq_responsibilities');
  const p = (c: string) => `p.${P.column(c)}`;
  const r = (c: string) => `r.${R.column(c)}`;
  const overdue = overdueSql(sql, p('status'), r('deadline'));
  const rows = (await db.sequelize.query(
    `SELECT ${p('id')} AS id, ${overdue.days} AS days
     FROM ${P.table} p JOIN ${R.table} r ON ${r('problemId')} = ${p('id')} AND ${r('active')} = ${sql.bool(true)}
     WHERE ${p('id')} IN (:ids) AND ${overdue.condition}`,
    { replacements: { ids, today: localDay(now, settings.timeZone) }, type: 'SELECT', transaction },
  )) as { id: unknown; days: unknown }[];
  return new Map(rows.map((row) => [String(row.id), Number(row.days)]));
}

/** Every problem read carries `overdueDays` (a virtual field of mq_problems): its days overdue, or null. */
export function exposeOverdueDays(db: Database) {
  computeOnRead(db, 'overdueDays', (ids) => overdueDaysOf(db, ids), null);
}
