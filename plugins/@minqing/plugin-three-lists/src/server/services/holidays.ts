import type { Database, Model, Transaction } from '@nocobase/database';
import type { Plugin } from '@nocobase/server';
import { calendarWarnings, tableHolidaysByYear, yearSource, type CalendarWarning } from '../domain/holidays';
import { OPEN_STATUSES } from '../domain/loop';
import { localDay, type DayKind, type HolidayOverrides } from '../domain/workdays';
import { getSettings } from './settings';

/**
 * The office's holiday table (mq_holidays), read once per process and kept until it changes:
 * every deadline reads it, it changes once a year. A write anywhere forgets it here at once and
 * after the commit, and tells the other nodes of a cluster (NocoBase's sync messages, sent after
 * the commit), which forget it too.
 */
const cache = new WeakMap<Database, Promise<HolidayOverrides>>();

export const HOLIDAYS_CHANGED = 'mq-holidays-changed';

/** `YYYY-MM-DD` whatever the dialect returns for a dateOnly column */
const dayOf = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);

async function readTable(db: Database): Promise<HolidayOverrides> {
  const rows = await db.getRepository('mq_holidays').find({ fields: ['day', 'kind'] });
  return new Map(rows.map((row: Model) => [dayOf(row.get('day')), row.get('kind') as DayKind]));
}

/** The office's days, to pass to the working-day rules. */
export function holidayOverrides(db: Database): Promise<HolidayOverrides> {
  let table = cache.get(db);
  if (!table) {
    table = readTable(db);
    table.catch(() => cache.delete(db)); // a failed read is not kept
    cache.set(db, table);
  }
  return table;
}

export function forgetHolidays(db: Database) {
  cache.delete(db);
}

/** Forgets the table on every write of it, on every path (stock actions, import, the notice). */
export function watchHolidays(plugin: Plugin) {
  const { db } = plugin;
  const tellOthers = () => plugin.sendSyncMessage({ type: HOLIDAYS_CHANGED }); // logs its own failure
  const changed = (_: unknown, options: { transaction?: Transaction } = {}) => {
    forgetHolidays(db);
    if (!options.transaction) return void tellOthers();
    // a read between the write and its commit would keep the old days: forget again after it, and
    // only then tell the other nodes (sendSyncMessage with the transaction would wait for the
    // commit inside the hook that the commit waits for)
    options.transaction.afterCommit(() => {
      forgetHolidays(db);
      void tellOthers();
    });
  };
  for (const event of ['afterSave', 'afterDestroy', 'afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy']) {
    db.on(`mq_holidays.${event}`, changed);
  }
}

/** Open deadlines (active responsibilities of open problems) per year, from `fromYear` on. */
async function openDeadlinesByYear(db: Database, fromYear: number): Promise<Map<number, number>> {
  const repo = db.getRepository('mq_responsibilities');
  const open = { active: true, 'problem.status': { $in: [...OPEN_STATUSES] } };
  const latest = await repo.findOne({
    filter: { ...open, deadline: { $gte: `${fromYear}-01-01` } },
    fields: ['id', 'deadline'],
    sort: ['-deadline'],
  });
  const counts = new Map<number, number>();
  if (!latest) return counts;
  const lastYear = Math.min(Number(dayOf(latest.get('deadline')).slice(0, 4)), fromYear + 10);
  for (let year = fromYear; year <= lastYear; year += 1) {
    const n = await repo.count({ filter: { ...open, deadline: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } } });
    if (n) counts.set(year, n);
  }
  return counts;
}

export interface CalendarStatus {
  today: string;
  warnings: CalendarWarning[];
  /** the office's table per year: its holidays and adjusted workdays, and whether it covers the year */
  table: { year: number; holidays: number; workdays: number; covers: boolean }[];
}

/** What the settings page and the log at start say about the calendar. */
export async function calendarStatus(db: Database, now = new Date()): Promise<CalendarStatus> {
  const settings = await getSettings(db);
  const overrides = await holidayOverrides(db);
  const today = localDay(now, settings.timeZone);
  const deadlines = await openDeadlinesByYear(db, Number(today.slice(0, 4)));
  const holidays = tableHolidaysByYear(overrides);
  const years = [...new Set([...overrides.keys()].map((day) => Number(day.slice(0, 4))))].sort((a, b) => a - b);
  return {
    today,
    warnings: calendarWarnings(today, deadlines, overrides),
    table: years.map((year) => ({
      year,
      holidays: holidays.get(year) ?? 0,
      workdays: [...overrides].filter(([day, kind]) => kind === 'workday' && day.startsWith(`${year}-`)).length,
      covers: yearSource(year, overrides) === 'table',
    })),
  };
}

/** The log says it at start, for the administrator who never opens the settings page. */
export async function warnAboutCalendar(plugin: Plugin) {
  const { warnings } = await calendarStatus(plugin.db);
  for (const w of warnings) {
    plugin.log.warn(
      `working-day calendar: ${w.year} is known neither to chinese-days nor to the holiday table (mq_holidays)` +
        `${w.openDeadlines ? `; ${w.openDeadlines} open deadline(s) fall in it` : ''}` +
        `${w.comingYear ? '; its State Council notice is due' : ''}` +
        ' — deadlines in it count Monday to Friday. Enter or import the notice on the Three lists settings page.',
    );
  }
}
