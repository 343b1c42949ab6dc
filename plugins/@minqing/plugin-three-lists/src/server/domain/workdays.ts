import { isWorkday } from 'chinese-days';
import { BUREAU_TIME_ZONE } from './settings';

/**
 * Deadlines counted in working days of the People's Republic of China: weekends, statutory
 * holidays and the adjusted workdays (调休) published by the State Council, as maintained in the
 * `chinese-days` package, overridden by the office's own table (mq_holidays 节假日与调休) — the
 * package knows only the years published before its release, and the State Council publishes each
 * year's schedule in November. A year neither knows falls back to Monday–Friday (see holidays.ts
 * for the warning). Pure: the caller passes the office's days in.
 */

/** 放假 / 调休上班 */
export const DAY_KINDS = ['holiday', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** The office's days over the package: YYYY-MM-DD → what that day is. */
export type HolidayOverrides = ReadonlyMap<string, DayKind>;

/** No days of the office's own (the package alone). */
export const NO_OVERRIDES: HolidayOverrides = new Map();

/** The calendar day (YYYY-MM-DD) of an instant, in the bureau's time zone. */
export function localDay(instant: Date | string | number, timeZone = BUREAU_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
  return parts; // en-CA formats as YYYY-MM-DD
}

/** A calendar day as the API takes it: YYYY-MM-DD. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY_PATTERN.test(value);
}

/**
 * Minutes the wall clock of `timeZone` is ahead of UTC at `at` (Asia/Shanghai: 480). SQL that
 * groups timestamps by the bureau's days shifts them by this; China keeps no daylight time.
 */
export function utcOffsetMinutes(timeZone: string, at: Date | string | number = Date.now()): number {
  const t = new Date(at).getTime();
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(t))
      .map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - Math.floor(t / 1000) * 1000) / 60000);
}

/**
 * The instant a bureau-local day begins. Range filters compare the stored timestamp with these
 * bounds, which an index can serve (a function of the column cannot).
 */
export function startOfLocalDay(day: string, timeZone = BUREAU_TIME_ZONE): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - utcOffsetMinutes(timeZone, wall) * 60000;
  t = wall - utcOffsetMinutes(timeZone, t) * 60000; // once more, in case the offset changed in between (daylight saving)
  return new Date(t);
}

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** Whether `day` is worked: the office's table first, then the package (weekends and its holidays). */
export function isWorkingDay(day: string, overrides: HolidayOverrides): boolean {
  const kind = overrides.get(day);
  return kind ? kind === 'workday' : isWorkday(day);
}

/** The n-th working day after `day` (n ≥ 1); the day itself does not count. */
export function addWorkingDays(day: string, n: number, overrides: HolidayOverrides): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1, got ${n}`);
  let current = day;
  for (let left = n; left > 0; ) {
    current = nextDay(current);
    if (isWorkingDay(current, overrides)) left -= 1;
  }
  return current;
}

/** Deadline for something that starts at `instant`: n working days later, as a calendar day. */
export function deadlineAfter(
  instant: Date | string | number,
  workingDays: number,
  overrides: HolidayOverrides,
  timeZone = BUREAU_TIME_ZONE,
) {
  return addWorkingDays(localDay(instant, timeZone), workingDays, overrides);
}
