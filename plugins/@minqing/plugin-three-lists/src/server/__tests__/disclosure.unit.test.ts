import {
  discloseRate,
  hasPublicText,
  PUBLIC_CASE_FIELDS,
  PUBLIC_PROBLEM_FIELDS,
  publicCase,
  publicFigures,
  publicProblem,
  PUBLISHED_FILTER,
  suppressSmall,
} from '../domain/disclosure';
import { computeFigures, emptyCounts, RATE_FIGURES } from '../domain/figures';

describe('公开: what the public may see', () => {
  it('a problem is published only with a public title and a public summary', () => {
    expect(hasPublicText({ publicTitle: '食堂排队', publicSummary: '增设窗口' })).toBe(true);
    expect(hasPublicText({ publicTitle: '食堂排队', publicSummary: '  ' })).toBe(false);
    expect(hasPublicText({ publicTitle: null, publicSummary: '增设窗口' })).toBe(false);
    expect(PUBLISHED_FILTER).toEqual({
      isPublic: true,
      publicTitle: { $notEmpty: true },
      publicSummary: { $notEmpty: true },
    });
  });

  it('reads only whitelisted fields: never a name, a phone, the internal title or notes', () => {
    const secrets = ['description', 'contactName', 'contactPhone', 'reopenReason', 'createdById', 'updatedById'];
    for (const secret of [...secrets, 'title']) expect(PUBLIC_PROBLEM_FIELDS).not.toContain(secret);
    // a case is written for the public, title and all
    for (const secret of secrets) expect(PUBLIC_CASE_FIELDS).not.toContain(secret);
  });

  it('builds a public problem field by field: whatever else the record holds stays out', () => {
    const record = {
      id: 1,
      code: 'WT2026-000001',
      title: '张三反映食堂排队',
      publicTitle: '食堂排队时间长',
      publicSummary: '增设两个窗口',
      category: 'canteen',
      status: 'closed',
      unitId: 2,
      createdAt: new Date('2026-09-01T00:00:00Z'),
      doneAt: '2026-09-05T00:00:00.000Z',
      closedAt: null,
      publishedAt: new Date('2026-09-06T00:00:00Z'),
      contactPhone: '13800000001',
    };
    const shown = publicProblem(record, { id: 2, name: '实验中学' }, { count: 3, sum: 13 });
    expect(shown).toEqual({
      code: 'WT2026-000001',
      title: '食堂排队时间长',
      summary: '增设两个窗口',
      category: 'canteen',
      status: 'closed',
      unit: { id: 2, name: '实验中学' },
      reportedAt: '2026-09-01T00:00:00.000Z',
      doneAt: '2026-09-05T00:00:00.000Z',
      closedAt: null,
      publishedAt: '2026-09-06T00:00:00.000Z',
      evaluations: 3,
      evaluationAverage: 4.33,
    });
    expect(JSON.stringify(shown)).not.toMatch(/张三|13800000001/);
    expect(publicProblem(record, null, undefined)).toMatchObject({ evaluations: 0, evaluationAverage: null });
  });

  it('builds a public case with its photos’ addresses only', () => {
    const shown = publicCase(
      { id: '4', title: '明厨亮灶', story: null, category: 'canteen', publishedAt: null },
      null,
      ['/storage/a.jpg', null, 42],
    );
    expect(shown).toEqual({
      id: 4,
      title: '明厨亮灶',
      story: '',
      outcome: '',
      category: 'canteen',
      unit: null,
      publishedAt: null,
      photos: ['/storage/a.jpg'],
    });
  });
});

describe('the minimum sample and small groups', () => {
  it('withholds a rate below the minimum sample (a unit with 1 problem is not "100%")', () => {
    expect(discloseRate(1, 1, 5)).toBeNull();
    expect(discloseRate(0.8, 5, 5)).toBe(0.8);
    expect(discloseRate(null, 50, 5)).toBeNull();
  });

  it('judges each rate by its own sample', () => {
    const figures = computeFigures({
      ...emptyCounts(),
      assigned: 10,
      acceptedInTime: 9,
      revisits: 2,
      revisitsResolved: 2,
      revisitedProblems: 2,
      dueOrDone: 6,
      doneOnTime: 3,
      overdue: 1,
      overdueDaysSum: 4,
      overdueDaysMax: 4,
      overdueByAge: [1, 0, 0],
    });
    const shown = publicFigures(figures, 5);
    expect(shown).toEqual({
      responseRate: 0.9,
      onTimeRate: 0.5,
      resolutionRate: null, // 2 revisits
      satisfactionRate: null,
      revisitRate: null,
      samples: figures.samples,
      problemSamples: figures.problemSamples,
      fromPublic: { satisfactionRate: null, rated: 0, ratedByStaff: 0 },
      proactive: { count: 0, share: null },
      overdueCount: 1,
      overdueByAge: [
        { age: '1-7', count: 1 },
        { age: '8-30', count: 0 },
        { age: '31+', count: 0 },
      ],
      avgDaysToAccept: null,
      avgDaysToComplete: null,
    });
    // nothing else of the figures (the overdue days of one office) reaches the public
    expect(Object.keys(shown).sort()).toEqual(
      [
        ...RATE_FIGURES,
        'samples',
        'problemSamples',
        'fromPublic',
        'proactive',
        'overdueCount',
        'overdueByAge',
        'avgDaysToAccept',
        'avgDaysToComplete',
      ].sort(),
    );
  });

  it('shows a small group of people as "fewer than N", never zero as such', () => {
    expect(suppressSmall(0, 5)).toBe(0);
    expect(suppressSmall(1, 5)).toBe('<5');
    expect(suppressSmall(4, 5)).toBe('<5');
    expect(suppressSmall(5, 5)).toBe(5);
  });
});
