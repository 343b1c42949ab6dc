import { emptyCounts, type GroupCounts } from '../domain/figures';
import { assembleStats, parseStatsQuery } from '../services/stats';

describe('mqStats: the query', () => {
  it('takes a grouping, a period of days and filters', () => {
    expect(parseStatsQuery({ groupBy: 'month', from: '2026-01-01', to: '2026-12-31', unitId: '3' })).toEqual({
      groupBy: 'month',
      from: '2026-01-01',
      to: '2026-12-31',
      unitId: '3',
      region: undefined,
      category: undefined,
    });
  });

  it.each([
    [{ groupBy: 'planet' }, 'groupBy'],
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2026-1-1' }, 'to'],
  ])('refuses %j, naming %s', (query, field) => {
    expect(() => parseStatsQuery(query as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', params: expect.objectContaining({ field }) }),
    );
  });
});

describe('mqStats: the answer assembled from the counts', () => {
  const counts = (assigned: number, acceptedInTime: number): GroupCounts => ({
    ...emptyCounts(),
    assigned,
    acceptedInTime,
  });
  const groups = new Map([
    ['2', counts(10, 9)],
    ['10', counts(2, 2)],
    ['1', counts(6, 3)],
  ]);
  const coverage = { rate: 0.5, leaders: 2, leadersWithRevisit: 1 };
  const settings = { basicCountsAsSatisfied: false, minSample: 5 };

  it('overall: the figures of the sum', () => {
    const stats = assembleStats({}, '2026-12-07', groups, new Map(), coverage, settings);
    expect(stats.query).toEqual({ today: '2026-12-07' });
    expect(stats.overall.counts.assigned).toBe(18);
    expect(stats.overall.figures.responseRate).toBe(0.7778);
    expect(stats.groups).toBeUndefined();
    expect(stats.rankings).toBeUndefined();
    expect(stats.leaderRevisitCoverage).toBe(coverage);
  });

  it('by group: labelled, in natural order, ranked without the small samples', () => {
    const labels = new Map([['1', '实验小学']]);
    const stats = assembleStats({ groupBy: 'unit' }, '2026-12-07', groups, labels, coverage, settings);
    expect(stats.groups?.map((g) => [g.key, g.label])).toEqual([
      ['1', '实验小学'],
      ['2', '2'],
      ['10', '10'],
    ]);
    expect(stats.rankings?.responseRate.ranked.map((r) => [r.key, r.rank])).toEqual([
      ['2', 1],
      ['1', 2],
    ]);
    expect(stats.rankings?.responseRate.insufficientSample.map((r) => r.key)).toEqual(['10']);
  });
});
