import { classifyLeaders, rangeCoverage } from '../domain/coverage';
import {
  addCounts,
  computeFigures,
  emptyCounts,
  enoughSample,
  leaderRevisitCoverage,
  rankBy,
  RATE_FIGURES,
  ratio,
  SAMPLE_OF,
} from '../domain/figures';

describe('figures of DOMAIN.md', () => {
  // A county with 10 assigned problems, worked out by hand:
  //  - 8 accepted within the response limit                       → 响应率 8/10 = 0.8
  //  - 6 done (4 by their deadline), 1 open past its deadline      → 按期办结率 4/(6+1) = 0.5714
  //  - 5 revisits, 3 of them 已解决                                → 解决率 3/5 = 0.6
  //  - ratings: 2×非常满意, 3×满意, 2×基本满意, 1×不满意, 0×非常不满意 → 满意率 5/8 = 0.625, with 基本满意 7/8 = 0.875
  //  - 6 done, 4 of them revisited                                 → 回访率 4/6 = 0.6667
  //  - overdue: 1 problem, 3 days                                   → average 3, max 3
  //  - days to accept: 0.5 + 1 + 1.5 + … = 8 over 8 accepted        → 1
  //  - days to complete: 60 over 6                                  → 10
  const counts = {
    ...emptyCounts(),
    assigned: 10,
    acceptedInTime: 8,
    dueOrDone: 7,
    doneOnTime: 4,
    revisits: 5,
    revisitsResolved: 3,
    ratingsByLevel: [0, 0, 1, 2, 3, 2] as [number, number, number, number, number, number],
    // 3 of the 8 from the public itself: a 2, a 4 and a 5
    publicRatingsByLevel: [0, 0, 1, 0, 1, 1] as [number, number, number, number, number, number],
    problems: 12,
    proactive: 3,
    // the 5 revisits were on 4 problems; the 8 ratings on 5 problems, the public's 3 on 2
    revisitedProblems: 4,
    ratedProblems: 5,
    publicRatedProblems: 2,
    done: 6,
    doneWithRevisit: 4,
    overdue: 1,
    overdueDaysSum: 3,
    overdueDaysMax: 3,
    overdueByAge: [1, 0, 0],
    accepted: 8,
    acceptDaysSum: 8,
    completed: 6,
    completeDaysSum: 60,
  };

  it('computes every rate exactly', () => {
    expect(computeFigures(counts)).toEqual({
      responseRate: 0.8,
      onTimeRate: 0.5714,
      resolutionRate: 0.6,
      satisfactionRate: 0.625,
      revisitRate: 0.6667,
      overdueCount: 1,
      overdueAvgDays: 3,
      overdueMaxDays: 3,
      overdueByAge: [
        { age: '1-7', count: 1 },
        { age: '8-30', count: 0 },
        { age: '31+', count: 0 },
      ],
      avgDaysToAccept: 1,
      avgDaysToComplete: 10,
      fromPublic: { satisfactionRate: 0.6667, rated: 3, ratedByStaff: 5 },
      proactive: { count: 3, share: 0.25 },
      samples: { response: 10, onTime: 7, resolution: 5, satisfaction: 8, revisit: 6 },
      problemSamples: { response: 10, onTime: 7, resolution: 4, satisfaction: 5, revisit: 6, publicSatisfaction: 2 },
    });
  });

  it("tells the public's own ratings from those staff entered, and counts 未诉先办", () => {
    const f = computeFigures({ ...emptyCounts(), ratingsByLevel: [0, 0, 0, 0, 0, 6] });
    // 100% on ratings none of which came from the public
    expect([f.satisfactionRate, f.fromPublic]).toEqual([1, { satisfactionRate: null, rated: 0, ratedByStaff: 6 }]);
    expect(f.proactive).toEqual({ count: 0, share: null });
  });

  it('counts 基本满意 as satisfied only when configured', () => {
    expect(computeFigures(counts, { basicCountsAsSatisfied: true }).satisfactionRate).toBe(0.875);
  });

  it('gives no rate, not 0% or 100%, when there is nothing to count', () => {
    const f = computeFigures(emptyCounts());
    expect([f.responseRate, f.onTimeRate, f.resolutionRate, f.satisfactionRate, f.revisitRate]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(f.overdueAvgDays).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
  });

  it('computes 领导回访覆盖率', () => {
    expect(leaderRevisitCoverage(40, 30)).toEqual({ rate: 0.75, leaders: 40, leadersWithRevisit: 30 });
    expect(leaderRevisitCoverage(0, 0).rate).toBeNull();
  });

  it('ranks only groups with enough cases: a unit with 1 problem is not "100%"', () => {
    const group = (key: string, assigned: number, acceptedInTime: number) => ({
      key,
      figures: computeFigures({ ...emptyCounts(), assigned, acceptedInTime }),
    });
    const table = rankBy(
      [group('A', 1, 1), group('B', 10, 9), group('C', 20, 18), group('D', 8, 4), group('E', 0, 0)],
      'responseRate',
      5,
    );
    expect(table.ranked).toEqual([
      { key: 'C', value: 0.9, sample: 20, problems: 20, rank: 1 },
      { key: 'B', value: 0.9, sample: 10, problems: 10, rank: 1 },
      { key: 'D', value: 0.5, sample: 8, problems: 8, rank: 3 },
    ]);
    expect(table.insufficientSample.map((r) => r.key)).toEqual(['A', 'E']);
  });

  it('counts the minimum in problems: one problem with five ratings is not "100%"', () => {
    const rated = (key: string, problems: number, satisfied: number, unsatisfied: number) => {
      const counts = { ...emptyCounts(), problems, ratedProblems: problems };
      counts.ratingsByLevel[5] = satisfied;
      counts.ratingsByLevel[2] = unsatisfied;
      return { key, figures: computeFigures(counts) };
    };
    // A: 1 problem rated 5 times 非常满意; B: 6 problems, 9 ratings, 6 satisfied
    const table = rankBy([rated('A', 1, 5, 0), rated('B', 6, 6, 3)], 'satisfactionRate', 5);
    expect(table.ranked).toEqual([{ key: 'B', value: 0.6667, sample: 9, problems: 6, rank: 1 }]);
    expect(table.insufficientSample).toEqual([{ key: 'A', value: 1, sample: 5, problems: 1 }]);
    expect(enoughSample(4, 5)).toBe(false);
    expect(enoughSample(5, 5)).toBe(true);
  });
});

describe('the overall figures are those of the sum of the groups', () => {
  it('adds counts, ratings by level, and keeps the largest overdue days', () => {
    const a = { ...emptyCounts(), assigned: 2, overdue: 1, overdueDaysSum: 5, overdueDaysMax: 5 };
    a.ratingsByLevel[4] = 3;
    const b = { ...emptyCounts(), assigned: 3, overdue: 2, overdueDaysSum: 4, overdueDaysMax: 3 };
    b.ratingsByLevel[4] = 1;
    b.ratingsByLevel[1] = 2;
    const total = [a, b].reduce(addCounts, emptyCounts());
    expect(total).toMatchObject({ assigned: 5, overdue: 3, overdueDaysSum: 9, overdueDaysMax: 5 });
    expect(total.ratingsByLevel).toEqual([0, 2, 0, 0, 4, 0]);
    b.publicRatingsByLevel[4] = 1;
    expect([a, b].reduce(addCounts, emptyCounts()).publicRatingsByLevel).toEqual([0, 0, 0, 0, 1, 0]);
    expect(a.assigned).toBe(2); // the groups stay as they were
  });

  it('names a sample for every rate', () => {
    expect(Object.keys(SAMPLE_OF).sort()).toEqual([...RATE_FIGURES].sort());
    const figures = computeFigures({ ...emptyCounts(), assigned: 4, acceptedInTime: 1 });
    for (const rate of RATE_FIGURES) expect(figures.samples).toHaveProperty(SAMPLE_OF[rate]);
  });
});

describe('"each leader takes 1–2" (联系点, 认领)', () => {
  const leaders = [0, 1, 2, 3, 2].map((count, id) => ({ id, count }));

  it('sorts leaders against the range and rates the coverage', () => {
    expect(classifyLeaders(leaders, { min: 2, max: 2 })).toEqual({
      none: [leaders[0]],
      belowRange: [leaders[1]],
      withinRange: [leaders[2], leaders[4]],
      aboveRange: [leaders[3]],
    });
    expect(rangeCoverage(leaders, { min: 1, max: 2 })).toMatchObject({ leaders: 5, rate: 0.6 });
    expect(rangeCoverage([], { min: 1, max: 2 }).rate).toBeNull();
  });
});
