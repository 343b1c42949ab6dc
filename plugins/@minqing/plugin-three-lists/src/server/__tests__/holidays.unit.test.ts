import { getHolidaysInRange, getWorkdaysInRange, isInLieu, isWorkday } from 'chinese-days';
import {
  calendarWarnings,
  packageKnowsYear,
  parseHolidayNotice,
  TABLE_COVERS_YEAR_FROM,
  yearSource,
} from '../domain/holidays';
import { Refusal } from '../domain/refusal';
import { addWorkingDays, deadlineAfter, isWorkingDay, NO_OVERRIDES, type DayKind } from '../domain/workdays';

/** The items of 国务院办公厅关于2026年部分节假日安排的通知 as the office pastes them (weekday notes included). */
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

const table = (entries: Record<string, DayKind>) => new Map(Object.entries(entries));

/** A year of the office's own: `n` holidays in early January (made-up days, for the rules only). */
function holidaysOf(year: number, n: number) {
  return table(Object.fromEntries(Array.from({ length: n }, (_, i) => [`${year}-01-${String(i + 1).padStart(2, '0')}`, 'holiday'])));
}

describe('the office’s table over the package', () => {
  it('the package knows 2004–2026 and not 2027', () => {
    expect(packageKnowsYear(2026)).toBe(true);
    expect(packageKnowsYear(2004)).toBe(true);
    expect(packageKnowsYear(2027)).toBe(false);
    // without the table, 2027-01-01 (a Friday) is an ordinary working day
    expect(isWorkingDay('2027-01-01', NO_OVERRIDES)).toBe(true);
    expect(addWorkingDays('2026-12-31', 1, NO_OVERRIDES)).toBe('2027-01-01');
  });

  it('a holiday of the table is not worked; an adjusted workday is, weekend or not', () => {
    const office = table({ '2027-01-01': 'holiday', '2027-01-04': 'holiday', '2027-01-09': 'workday' });
    expect(isWorkingDay('2027-01-01', office)).toBe(false);
    expect(isWorkingDay('2027-01-09', office)).toBe(true); // a Saturday worked
    expect(isWorkingDay('2027-01-05', office)).toBe(true); // not in the table: the package (a Tuesday)
    expect(isWorkingDay('2027-01-02', office)).toBe(false); // a Saturday
    // Thursday 31 Dec 2026 + 1 → skips Fri 1 Jan, the weekend, Mon 4 Jan → Tue 5 Jan
    expect(addWorkingDays('2026-12-31', 1, office)).toBe('2027-01-05');
    expect(addWorkingDays('2027-01-07', 2, office)).toBe('2027-01-09');
  });

  it('the table wins over the package within a known year too (a local change)', () => {
    expect(isWorkingDay('2026-10-08', table({ '2026-10-08': 'holiday' }))).toBe(false);
    expect(isWorkingDay('2026-10-03', table({ '2026-10-03': 'workday' }))).toBe(true);
    expect(isWorkingDay('2026-10-03', NO_OVERRIDES)).toBe(false);
  });

  it('deadlines after an instant use the table', () => {
    // 10:00 Beijing time on Thursday 31 Dec 2026, three working days
    const office = table({ '2027-01-01': 'holiday' });
    expect(deadlineAfter('2026-12-31T02:00:00Z', 3, NO_OVERRIDES)).toBe('2027-01-05');
    expect(deadlineAfter('2026-12-31T02:00:00Z', 3, office)).toBe('2027-01-06');
  });
});

describe('which years are covered, and the warning', () => {
  it('a year counts as the table’s from the statutory number of holidays on', () => {
    expect(yearSource(2027, holidaysOf(2027, TABLE_COVERS_YEAR_FROM - 1))).toBeNull();
    expect(yearSource(2027, holidaysOf(2027, TABLE_COVERS_YEAR_FROM))).toBe('table');
    expect(yearSource(2026, NO_OVERRIDES)).toBe('package');
    // workdays alone never cover a year
    expect(yearSource(2027, table({ '2027-02-06': 'workday' }))).toBeNull();
  });

  it('warns about this year, the coming year from November, and years of open deadlines', () => {
    const none = new Map<number, number>();
    expect(calendarWarnings('2026-10-31', none, NO_OVERRIDES)).toEqual([]);
    expect(calendarWarnings('2026-11-01', none, NO_OVERRIDES)).toEqual([
      { year: 2027, openDeadlines: 0, comingYear: true },
    ]);
    expect(calendarWarnings('2026-06-01', new Map([[2027, 3]]), NO_OVERRIDES)).toEqual([
      { year: 2027, openDeadlines: 3, comingYear: false },
    ]);
    expect(calendarWarnings('2027-03-01', none, NO_OVERRIDES)).toEqual([
      { year: 2027, openDeadlines: 0, comingYear: false },
    ]);
    // once the table has 2027, nothing
    expect(calendarWarnings('2026-12-07', new Map([[2027, 3]]), holidaysOf(2027, TABLE_COVERS_YEAR_FROM))).toEqual([]);
  });
});

describe('the State Council’s notice', () => {
  it('reads the 2026 notice into exactly the package’s 2026 days', () => {
    const days = parseHolidayNotice(NOTICE_2026);
    const holidays = days.filter((d) => d.kind === 'holiday').map((d) => d.day);
    const workdays = days.filter((d) => d.kind === 'workday').map((d) => d.day);
    // the package's statutory days of 2026 (weekends inside the holidays included)
    const packageHolidays = getHolidaysInRange('2026-01-01', '2026-12-31', true).filter(
      (day) => !isWorkday(day) && (isInLieu(day) || getHolidaysInRange(day, day, false).length > 0),
    );
    expect(holidays).toEqual(packageHolidays);
    expect(holidays).toHaveLength(33);
    expect(workdays).toEqual(
      getWorkdaysInRange('2026-01-01', '2026-12-31', true).filter((day) => [0, 6].includes(new Date(day).getUTCDay())),
    );
    expect(workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(days.find((d) => d.day === '2026-02-17')?.name).toBe('春节');
    expect(days.find((d) => d.day === '2026-02-28')).toEqual({ day: '2026-02-28', kind: 'workday', name: '春节' });
  });

  it('reads a New Year across the turn of the year, lines without numbers, and a year given apart', () => {
    const days = parseHolidayNotice(
      '元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。\n清明节：4月5日放假，与周末连休。',
      2019,
    );
    expect(days).toEqual([
      { day: '2018-12-29', kind: 'workday', name: '元旦' },
      { day: '2018-12-30', kind: 'holiday', name: '元旦' },
      { day: '2018-12-31', kind: 'holiday', name: '元旦' },
      { day: '2019-01-01', kind: 'holiday', name: '元旦' },
      { day: '2019-04-05', kind: 'holiday', name: '清明节' },
    ]);
    // 12月31日至1月2日 without years: the end is in the next year
    expect(parseHolidayNotice('一、元旦：12月31日至1月2日放假。', 2026).map((d) => d.day)).toEqual([
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });

  it('refuses a notice without a year, without days, or with a day that does not exist', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof Refusal ? error.code : String(error);
      }
      return 'accepted';
    };
    expect(code(() => parseHolidayNotice('一、元旦：1月1日放假。'))).toBe('NOTICE_YEAR');
    expect(code(() => parseHolidayNotice('关于2027年部分节假日安排的通知 请各地认真落实。'))).toBe('NOTICE_UNREADABLE');
    expect(code(() => parseHolidayNotice('一、春节：2月30日放假。', 2027))).toBe('NOTICE_UNREADABLE');
    expect(code(() => parseHolidayNotice('一、春节：2月1日至4月1日放假。', 2027))).toBe('NOTICE_UNREADABLE');
  });
});
