import { addWorkingDays, deadlineAfter, isWorkingDay, localDay } from '../domain/workdays';

describe('working days with China’s statutory holidays', () => {
  it('skips weekends', () => {
    // Friday 2026-11-27 + 1 working day = Monday 2026-11-30
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 5)).toBe('2026-12-04');
  });

  it('skips the National Day holiday (1–7 October 2026)', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('counts the adjusted Saturday workday of the 2026 Spring Festival (调休)', () => {
    // 2026-02-14 and 2026-02-28 are Saturdays worked in exchange for the Spring Festival holiday
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-17')).toBe(false);
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
  });

  it('takes the day in the bureau’s time zone', () => {
    // 20:00 UTC on Sunday is already Monday in Beijing
    expect(localDay('2026-11-29T20:00:00Z')).toBe('2026-11-30');
    expect(deadlineAfter('2026-11-29T20:00:00Z', 1)).toBe('2026-12-01');
  });

  it('refuses a count that is not a whole number of days', () => {
    expect(() => addWorkingDays('2026-11-27', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-27', 1.5)).toThrow(RangeError);
  });
});

describe('local day bounds for range filters', () => {
  it('start of a bureau day is 16:00 UTC the day before (UTC+8)', () => {
    const { startOfLocalDay, nextDay } = require('../domain/workdays');
    expect(startOfLocalDay('2026-01-01', 'Asia/Shanghai').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'UTC').toISOString()).toBe('2026-07-01T00:00:00.000Z');
    // across a daylight-saving change
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
