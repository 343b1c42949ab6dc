import { findWorkday, isWorkday } from 'chinese-days';

/**
 * Deadlines counted in working days of the People's Republic of China: weekends, statutory
 * holidays and the adjusted workdays (调休) published by the State Council, as maintained in the
 * `chinese-days` package. Years not yet published fall back to Monday–Friday.
 */
export const BUREAU_TIME_ZONE = 'Asia/Shanghai';

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

/**
 * The instant a bureau-local day begins. Range filters compare the stored timestamp with these
 * bounds, which an index can serve (a function of the column cannot).
 */
export function startOfLocalDay(day: string, timeZone = BUREAU_TIME_ZONE): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  const offsetAt = (t: number) => {
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
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - t;
  };
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t); // once more, in case the offset changed in between (daylight saving)
  return new Date(t);
}

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** The n-th working day after `day` (n ≥ 1); the day itself does not count. */
export function addWorkingDays(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1, got ${n}`);
  return findWorkday(n, day);
}

export function isWorkingDay(day: string): boolean {
  return isWorkday(day);
}

/** Deadline for something that starts at `instant`: n working days later, as a calendar day. */
export function deadlineAfter(instant: Date | string | number, workingDays: number, timeZone = BUREAU_TIME_ZONE) {
  return addWorkingDays(localDay(instant, timeZone), workingDays);
}
