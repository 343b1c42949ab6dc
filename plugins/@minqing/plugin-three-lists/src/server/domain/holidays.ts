/**
 * 节假日与调休: which years the working-day calendar knows, the warning when a deadline or the
 * coming year falls in one it does not, and the State Council's notice read into days. Pure: the
 * adapter (services/holidays.ts) reads the office's table and the open deadlines.
 */
import { getHolidaysInRange } from 'chinese-days';
import { Refusal } from './refusal';
import type { DayKind, HolidayOverrides } from './workdays';

/**
 * Fewer holidays than this in a year of the office's table are a few local extras, not the year's
 * schedule: the statutory holidays alone are 13 days a year (11 before 2025), and the notice's
 * ranges add the weekends inside them.
 */
export const TABLE_COVERS_YEAR_FROM = 11;

/**
 * The State Council publishes the next year's schedule in late October or November: from this
 * month on, the coming year must be known too (before, warning about it would warn all year).
 */
export const NOTICE_MONTH = 11;

const packageYears = new Map<number, boolean>();

/** Whether `chinese-days` has the State Council's schedule for `year` (its statutory holidays). */
export function packageKnowsYear(year: number): boolean {
  if (!packageYears.has(year)) {
    packageYears.set(year, getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0);
  }
  return packageYears.get(year) as boolean;
}

/** Holidays per year in the office's table. */
export function tableHolidaysByYear(overrides: HolidayOverrides): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [day, kind] of overrides) {
    if (kind !== 'holiday') continue;
    const year = Number(day.slice(0, 4));
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

export type YearSource = 'package' | 'table' | null;

/** Who knows `year`'s holidays: the office's table (it wins), the package, or nobody. */
export function yearSource(year: number, overrides: HolidayOverrides): YearSource {
  if ((tableHolidaysByYear(overrides).get(year) ?? 0) >= TABLE_COVERS_YEAR_FROM) return 'table';
  return packageKnowsYear(year) ? 'package' : null;
}

export interface CalendarWarning {
  year: number;
  /** open responsibilities whose deadline or response limit falls in that year */
  openDeadlines: number;
  /** the year is the coming one and its notice is due */
  comingYear: boolean;
}

/**
 * The years the calendar must know and does not: this year, the coming year from the notice month
 * on, and every year an open deadline falls in (`deadlinesByYear`: year → open deadlines).
 */
export function calendarWarnings(
  today: string,
  deadlinesByYear: ReadonlyMap<number, number>,
  overrides: HolidayOverrides,
): CalendarWarning[] {
  const year = Number(today.slice(0, 4));
  const coming = Number(today.slice(5, 7)) >= NOTICE_MONTH ? year + 1 : null;
  const years = new Set([year, ...(coming ? [coming] : []), ...deadlinesByYear.keys()]);
  return [...years]
    .sort((a, b) => a - b)
    .filter((y) => yearSource(y, overrides) === null)
    .map((y) => ({ year: y, openDeadlines: deadlinesByYear.get(y) ?? 0, comingYear: y === coming }));
}

export interface NoticeDay {
  day: string;
  kind: DayKind;
  /** the holiday's name as the notice gives it (元旦, 春节 …) */
  name: string;
}

const DASH = '(?:至|到|—|–|-|~|～)';
const DATE = '(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日';
const RANGE = new RegExp(`${DATE}\\s*${DASH}\\s*${DATE}`, 'g');
const SINGLE = new RegExp(DATE, 'g');

function dayOf(year: number, month: number, date: number): string | null {
  const t = new Date(Date.UTC(year, month - 1, date));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== date) return null;
  return t.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = new Date(`${from}T00:00:00Z`); t.toISOString().slice(0, 10) <= to; t.setUTCDate(t.getUTCDate() + 1)) {
    days.push(t.toISOString().slice(0, 10));
    if (days.length > 31) break; // no holiday is longer: a typo, refused below
  }
  return days;
}

const invalid = (line: string) =>
  new Refusal('NOTICE_UNREADABLE', 'Cannot read a date in this line of the notice: {{line}}', { line }, 400);

/**
 * The days of the State Council's notice (国务院办公厅关于YYYY年部分节假日安排的通知), pasted as text:
 * each item "一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周一）上班。" gives its
 * holidays (a range or a day, before 放假) and its adjusted workdays (the days of the sentence that
 * says 上班). The year comes from the notice's title or `year`; a day may name its own year (元旦
 * starting in December). Refuses a notice in which no day can be read, or a date that does not exist.
 */
export function parseHolidayNotice(text: string, year?: number): NoticeDay[] {
  const titleYear = /关于\s*(\d{4})\s*年/.exec(text)?.[1];
  const noticeYear = Number(titleYear ?? year);
  if (!Number.isInteger(noticeYear) || noticeYear < 2000 || noticeYear > 2100) {
    throw new Refusal('NOTICE_YEAR', 'Give the year of the notice (its title says 关于YYYY年…)', {}, 400);
  }
  const days = new Map<string, NoticeDay>();
  // the items: "一、元旦：…", one per holiday; notes in brackets (weekday, lunar date) left out
  const plain = text.replace(/（[^）]*）|\([^)]*\)/g, '');
  const numbered = plain.split(/[一二三四五六七八九十]+、/);
  // pasted without the numbers: one holiday a line
  const items = numbered.length > 1 ? numbered.slice(1) : plain.split('\n');
  for (const item of items) {
    const [head, ...rest] = item.split(/[：:]/);
    const body = rest.join('：');
    if (!body) continue;
    const name = head.trim().slice(0, 40);
    for (const sentence of body.split(/[。；;，,\n]/)) {
      const kind: DayKind | null = sentence.includes('放假') ? 'holiday' : sentence.includes('上班') ? 'workday' : null;
      if (!kind) continue;
      let lastMonth: number | null = null;
      let lastYear = noticeYear;
      const read = (y: string | undefined, m: string | undefined, d: string) => {
        if (y) lastYear = Number(y);
        if (m) lastMonth = Number(m);
        if (lastMonth === null) throw invalid(sentence.trim());
        const day = dayOf(lastYear, lastMonth, Number(d));
        if (!day) throw invalid(sentence.trim());
        return day;
      };
      let rangeless = sentence;
      if (kind === 'holiday') {
        for (const m of sentence.matchAll(RANGE)) {
          const from = read(m[1], m[2], m[3]);
          let to = read(m[4], m[5], m[6]);
          if (to < from && !m[4]) to = read(String(lastYear + 1), m[5], m[6]); // 12月31日至1月2日
          const span = daysBetween(from, to);
          if (span.length > 31) throw invalid(sentence.trim());
          for (const day of span) days.set(day, { day, kind, name });
        }
        rangeless = sentence.replace(RANGE, ' ');
      }
      for (const m of rangeless.matchAll(SINGLE)) {
        const day = read(m[1], m[2], m[3]);
        days.set(day, { day, kind, name });
      }
    }
  }
  if (!days.size) {
    throw new Refusal('NOTICE_UNREADABLE', 'No holiday or adjusted workday could be read from the notice', {}, 400);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
