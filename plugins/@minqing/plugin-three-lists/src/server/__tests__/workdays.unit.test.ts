import {
  addWorkingDays,
  deadlineAfter,
  isDay,
  isWorkingDay,
  localDay,
  NO_OVERRIDES as NONE,
  nextDay,
  startOfLocalDay,
  utcOffsetMinutes,
} from '../domain/workdays';

describe('working days with China’s statutory holidays', () => {
  it('skips weekends', () => {
    // Friday 2026-11-27 + 1 working day = Monday 2026-11-30
    expect(addWorkingDays('2026-11-27', 1, NONE)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 5, NONE)).toBe('2026-12-04');
  });

  it('skips the National Day holiday (1–7 October 2026)', () => {
    expect(isWorkingDay('2026-10-01', NONE)).toBe(false);
    expect(isWorkingDay('2026-10-07', NONE)).toBe(false);
    expect(addWorkingDays('2026-09-30', 1, NONE)).toBe('2026-10-08');
  });

  it('counts the adjusted Saturday workday of the 2026 Spring Festival (调休)', () => {
    // 2026-02-14 and 2026-02-28 are Saturdays worked in exchange for the Spring Festival holiday
    expect(isWorkingDay('2026-02-14', NONE)).toBe(true);
    expect(isWorkingDay('2026-02-28', NONE)).toBe(true);
    expect(isWorkingDay('2026-02-17', NONE)).toBe(false);
    expect(addWorkingDays('2026-02-13', 1, NONE)).toBe('2026-02-14');
  });

  it('takes the day in the bureau’s time zone', () => {
    // 20:00 UTC on Sunday is already Monday in Beijing
    expect(localDay('2026-11-29T20:00:00Z')).toBe('2026-11-30');
    expect(deadlineAfter('2026-11-29T20:00:00Z', 1, NONE)).toBe('2026-12-01');
  });

  it('refuses a count that is not a whole number of days', () => {
    expect(() => addWorkingDays('2026-11-27', 0, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-27', 1.5, NONE)).toThrow(RangeError);
  });
});

describe('local day bounds for range filters', () => {
  it('start of a bureau day is 16:00 UTC the day before (UTC+8)', () => {
    expect(startOfLocalDay('2026-01-01', 'Asia/Shanghai').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'UTC').toISOString()).toBe('2026-07-01T00:00:00.000Z');
    // across a daylight-saving change
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('days and offsets', () => {
  it('takes a day as YYYY-MM-DD only', () => {
    expect(['2026-12-07', '2026-02-30'].map(isDay)).toEqual([true, true]); // the form, not the calendar
    expect(['2026-12-7', '07.12.2026', '2026-12-07T00:00', 20261207, null].map(isDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('knows a time zone’s offset at an instant, daylight saving included', () => {
    expect(utcOffsetMinutes('Asia/Shanghai')).toBe(480);
    expect(utcOffsetMinutes('UTC', '2026-07-01T12:00:00Z')).toBe(0);
    expect(utcOffsetMinutes('Asia/Kathmandu', '2026-07-01T12:00:00.789Z')).toBe(345);
    expect(utcOffsetMinutes('Europe/Berlin', '2026-01-15T12:00:00Z')).toBe(60);
    expect(utcOffsetMinutes('Europe/Berlin', '2026-07-15T12:00:00Z')).toBe(120);
    expect(utcOffsetMinutes('America/New_York', '2026-07-15T12:00:00Z')).toBe(-240);
  });
});
