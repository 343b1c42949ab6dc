import { dashboardScope, everyCategory, shownRates } from '../domain/dashboard';
import { computeFigures, emptyCounts } from '../domain/figures';
import { problemCode, problemCodeNumber } from '../domain/vocabulary';

describe('数据看板 for one viewer', () => {
  it('the office and administrators read the bureau, anyone else their own units', () => {
    expect(dashboardScope(['mq_leader', 'mq_admin'], [3])).toEqual({ kind: 'bureau' });
    expect(dashboardScope(['root'], [])).toEqual({ kind: 'bureau' });
    expect(dashboardScope(['mq_leader', undefined], [4, 2, 4])).toEqual({ kind: 'units', unitIds: [2, 4] });
    expect(dashboardScope(['mq_leader'], [])).toEqual({ kind: 'units', unitIds: [] });
  });

  it('shows each rate with its sample, and a small sample marked instead of a percentage', () => {
    const counts = { ...emptyCounts(), assigned: 1, acceptedInTime: 1, done: 40, doneWithRevisit: 30 };
    const rates = shownRates(computeFigures(counts), 5);
    // 1 of 1 accepted in time is not "100%"
    expect(rates.find((r) => r.key === 'responseRate')).toEqual({
      key: 'responseRate',
      value: null,
      sample: 1,
      problems: 1,
      smallSample: true,
    });
    expect(rates.find((r) => r.key === 'revisitRate')).toEqual({
      key: 'revisitRate',
      value: 0.75,
      sample: 40,
      problems: 40,
      smallSample: false,
    });
    // 满意率 on 8 ratings of 2 problems: still a small sample (the minimum is counted in problems)
    const rated = { ...emptyCounts(), ratedProblems: 2 };
    rated.ratingsByLevel[5] = 8;
    expect(shownRates(computeFigures(rated), 5).find((r) => r.key === 'satisfactionRate')).toEqual({
      key: 'satisfactionRate',
      value: null,
      sample: 8,
      problems: 2,
      smallSample: true,
    });
    // nothing to divide by: no value, and marked
    expect(rates.find((r) => r.key === 'onTimeRate')).toMatchObject({ value: null, sample: 0, smallSample: true });
  });

  it('lists every category in the options’ order, with zeros, then values no option names', () => {
    const options = [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ];
    const label = (s: string) => `«${s}»`;
    expect(
      everyCategory(
        options,
        new Map([
          ['b', 3],
          ['gone', 2],
          ['', 1],
          ['zero', 0],
        ]),
        label,
      ),
    ).toEqual([
      { value: 'a', label: '«A»', count: 0 },
      { value: 'b', label: '«B»', count: 3 },
      { value: 'gone', label: 'gone', count: 2 },
      { value: '', label: '«Not set»', count: 1 },
    ]);
  });
});

describe('problem codes (问题编号)', () => {
  it('one format: prefix, year, six digits', () => {
    expect(problemCode(2026, 1500)).toBe('WT2026-001500');
  });

  it('reads the number of a code of that year, in any number of digits', () => {
    expect(problemCodeNumber('WT2026-01500', 2026)).toBe(1500);
    expect(problemCodeNumber('WT2026-000007', 2026)).toBe(7);
    expect(problemCodeNumber('WT2025-000007', 2026)).toBeNull();
    expect(problemCodeNumber('XX2026-000007', 2026)).toBeNull();
    expect(problemCodeNumber(null, 2026)).toBeNull();
  });
});
