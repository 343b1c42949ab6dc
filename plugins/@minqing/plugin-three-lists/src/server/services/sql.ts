import type { Database } from '@nocobase/database';
import { utcOffsetMinutes } from '../domain/workdays';

/**
 * Minutes ahead of UTC of the wall clock a MySQL/MariaDB DATETIME column is written in. Sequelize
 * writes and reads DATETIME in its `timezone` option, which NocoBase takes from DB_TIMEZONE, which
 * follows the server process's TZ: an app under TZ=Asia/Shanghai stores Beijing wall-clock time, the
 * same app under TZ=UTC stores UTC. (SQLite stores text with its offset, '… +00:00'; PostgreSQL a
 * timestamptz: both carry the instant themselves.)
 */
export function storedOffsetMinutes(timezone: string | undefined): number {
  if (!timezone || timezone === 'local') return -new Date().getTimezoneOffset();
  const m = /^([+-])(\d{1,2}):(\d{2})$/.exec(timezone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return utcOffsetMinutes(timezone);
}

/**
 * The few expressions whose SQL differs between the databases we run on. The bureau's days and
 * months are computed at its fixed offset (China has no daylight time) from the instant each
 * database stores, whatever zone the server process runs in.
 */
export function sqlDialect(db: Database, timeZone: string) {
  const dialect = db.sequelize.getDialect();
  const q = (name: string) => db.sequelize.getQueryInterface().quoteIdentifier(name);
  const offsetMinutes = utcOffsetMinutes(timeZone);
  const tz = db.sequelize.escape(timeZone);
  /** `expr IN ('a', 'b')` for a group of the vocabulary (e.g. OPEN_STATUSES) */
  const isIn = (expr: string, values: readonly (string | number)[]) =>
    `${expr} IN (${values.map((v) => db.sequelize.escape(v)).join(', ')})`;
  if (dialect === 'postgres') {
    return {
      q,
      isIn,
      /** an instant for comparisons: the column itself (timestamptz compares as instants, index kept) */
      instant: (ts: string) => ts,
      localDay: (ts: string) => `((${ts}) AT TIME ZONE ${tz})::date`,
      localMonth: (ts: string) => `to_char((${ts}) AT TIME ZONE ${tz}, 'YYYY-MM')`,
      daysBetween: (from: string, to: string) => `(EXTRACT(EPOCH FROM ((${to}) - (${from}))) / 86400.0)`,
      dayDiff: (fromDay: string, toDay: string) => `((${toDay})::date - (${fromDay})::date)`,
      bool: (v: boolean) => (v ? 'TRUE' : 'FALSE'),
      concat: (...parts: string[]) => `(${parts.join(' || ')})`,
    };
  }
  if (dialect === 'sqlite') {
    const shift = `'${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes} minutes'`;
    return {
      q,
      isIn,
      // stored as text ('2026-09-30 16:30:00.000 +00:00'): compared as text, a value written with
      // another offset or as ISO 'T…Z' (raw SQL, an import) sorts wrong; julianday() reads the instant
      instant: (ts: string) => `julianday(${ts})`,
      localDay: (ts: string) => `date(${ts}, ${shift})`,
      localMonth: (ts: string) => `strftime('%Y-%m', ${ts}, ${shift})`,
      daysBetween: (from: string, to: string) => `(julianday(${to}) - julianday(${from}))`,
      dayDiff: (fromDay: string, toDay: string) => `CAST(julianday(${toDay}) - julianday(${fromDay}) AS INTEGER)`,
      bool: (v: boolean) => (v ? '1' : '0'),
      concat: (...parts: string[]) => `(${parts.join(' || ')})`,
    };
  }
  if (dialect === 'mysql' || dialect === 'mariadb') {
    // DATETIME holds the wall clock of the connection's zone, not UTC: shift from that zone to the
    // bureau's (0 when the server runs in the bureau's zone; adding the bureau's offset again, as
    // before, moved everything from 16:00 Beijing time on into the next day)
    const shift = offsetMinutes - storedOffsetMinutes((db.sequelize as unknown as { options: { timezone?: string } }).options.timezone);
    return {
      q,
      isIn,
      instant: (ts: string) => ts,
      localDay: (ts: string) => `DATE(DATE_ADD(${ts}, INTERVAL ${shift} MINUTE))`,
      localMonth: (ts: string) => `DATE_FORMAT(DATE_ADD(${ts}, INTERVAL ${shift} MINUTE), '%Y-%m')`,
      daysBetween: (from: string, to: string) => `(TIMESTAMPDIFF(SECOND, ${from}, ${to}) / 86400.0)`,
      dayDiff: (fromDay: string, toDay: string) => `DATEDIFF(${toDay}, ${fromDay})`,
      bool: (v: boolean) => (v ? '1' : '0'),
      // `||` is OR here unless the server runs with PIPES_AS_CONCAT
      concat: (...parts: string[]) => `CONCAT(${parts.join(', ')})`,
    };
  }
  throw new Error(`Minqing figures do not support the ${dialect} dialect`);
}

export type SqlDialect = ReturnType<typeof sqlDialect>;

/** Quoted table name and column names of a collection (honours DB_TABLE_PREFIX and DB_UNDERSCORED). */
export function tableOf(db: Database, collectionName: string) {
  const collection = db.getCollection(collectionName);
  const qi = db.sequelize.getQueryInterface();
  // sequelize's query generator quotes a table with its schema; its typings leave it out
  const generator = (qi as unknown as { queryGenerator: { quoteTable(table: unknown): string } }).queryGenerator;
  const table = generator.quoteTable(collection.getTableNameWithSchema());
  const column = (attribute: string) => {
    const raw = collection.model.rawAttributes[attribute];
    if (!raw) throw new Error(`${collectionName} has no field ${attribute}`);
    return qi.quoteIdentifier(raw.field ?? attribute);
  };
  return { table, column };
}
