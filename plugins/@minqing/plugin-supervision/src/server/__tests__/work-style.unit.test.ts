import {
  closureTooFast,
  decisionProblem,
  DEFAULT_WORK_STYLE as S,
  evaluationClusters,
  evaluationSourceClusters,
  FLAG_FAMILY,
  FLAG_KIND_LABELS,
  FLAG_KINDS,
  fullWithoutReport,
  hollowClosure,
  liaisonUnvisited,
  proactiveProblemText,
  recurringAtUnit,
  repeatedProgress,
  risingCategories,
  rushedVisits,
  sameSituation,
  selfRevisit,
  summaryCopiesProblem,
  tooGoodUnit,
  unseenByVisits,
  visitNobodyHeard,
  visitorFoundNothing,
  WORK_STYLE_SETTINGS,
  type ProblemFacts,
  type VisitFacts,
} from '../domain/work-style';
import { mergeSettings } from '@minqing/plugin-three-lists/domain';
import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';

const at = (iso: string) => new Date(iso);
const visit = (over: Partial<VisitFacts> = {}): VisitFacts => ({
  id: 1,
  cadreId: 7,
  unitId: 3,
  region: '沙市区',
  visitedAt: '2026-11-02T02:00:00Z',
  contacted: [],
  peopleCount: null,
  summary: '',
  voices: null,
  problemsFound: 0,
  ...over,
});

describe('作风监督 · 走马观花', () => {
  it('a visit that heard nobody and says nothing fires; one that heard someone does not; the summary length is the edge', () => {
    expect(visitNobodyHeard(visit(), S)?.kind).toBe('visit_nobody_heard');
    expect(visitNobodyHeard(visit({ contacted: ['teacher'] }), S)).toBeNull();
    expect(visitNobodyHeard(visit({ voices: '家长希望延长课后服务' }), S)).toBeNull();
    expect(visitNobodyHeard(visit({ peopleCount: 3 }), S)).toBeNull();
    expect(visitNobodyHeard(visit({ summary: '一二三四五六七八九' }), { visitMinSummaryChars: 10 })?.key).toBe(
      'visit_nobody_heard:1',
    );
    expect(visitNobodyHeard(visit({ summary: '一二三四五六七八九十' }), { visitMinSummaryChars: 10 })).toBeNull();
  });

  it('back-to-back visits at units in different counties fire; the same county or enough time does not; the minutes are the edge', () => {
    const a = visit({ id: 1, visitedAt: '2026-11-02T02:00:00Z', region: '沙市区' });
    const b = visit({ id: 2, visitedAt: '2026-11-02T02:10:00Z', region: '监利市' });
    const flags = rushedVisits([b, a], { rushedVisitMinutes: 30 });
    expect(flags.map((f) => [f.key, f.params.minutes])).toEqual([['visits_rushed:1:2', 10]]);
    expect(rushedVisits([a, { ...b, region: '沙市区' }], { rushedVisitMinutes: 30 })).toEqual([]);
    expect(rushedVisits([a, b], { rushedVisitMinutes: 10 })).toEqual([]); // exactly 10 minutes: not under
    expect(rushedVisits([a, b], { rushedVisitMinutes: 11 })).toHaveLength(1);
  });

  it('a visitor whose visits found nothing and heard no one fires from N visits on', () => {
    const empty = [1, 2, 3, 4].map((id) => visit({ id }));
    const s = { emptyVisitorMinVisits: 4, emptyVisitorWeeks: 8 };
    expect(visitorFoundNothing(7, empty, '2026-11-30', s)?.evidence).toEqual({ visits: [1, 2, 3, 4] });
    expect(visitorFoundNothing(7, empty.slice(0, 3), '2026-11-30', s)).toBeNull(); // the edge: 3 < 4
    expect(
      visitorFoundNothing(7, [...empty.slice(0, 3), visit({ id: 4, problemsFound: 1 })], '2026-11-30', s),
    ).toBeNull();
    expect(
      visitorFoundNothing(7, [...empty.slice(0, 3), visit({ id: 4, contacted: ['parent'] })], '2026-11-30', s),
    ).toBeNull();
  });

  it('a liaison point not visited for N days fires; a recent visit or a new point does not; the day is the edge', () => {
    const now = at('2026-12-01T00:00:00Z');
    const point = { id: 5, cadreId: 7, unitId: 3, since: '2026-06-01T00:00:00Z', lastVisitedAt: null };
    expect(liaisonUnvisited(point, now, '2026-12', { liaisonUnvisitedDays: 60 })?.key).toBe(
      'liaison_unvisited:5:2026-12',
    );
    expect(liaisonUnvisited({ ...point, lastVisitedAt: '2026-11-20T00:00:00Z' }, now, '2026-12', S)).toBeNull();
    expect(liaisonUnvisited({ ...point, since: '2026-11-01T00:00:00Z' }, now, '2026-12', S)).toBeNull();
    // visited exactly 60 days ago: fires; a minute later: does not
    expect(
      liaisonUnvisited({ ...point, lastVisitedAt: '2026-10-02T00:00:00Z' }, now, '2026-12', {
        liaisonUnvisitedDays: 60,
      }),
    ).not.toBeNull();
    expect(
      liaisonUnvisited({ ...point, lastVisitedAt: '2026-10-02T00:01:00Z' }, now, '2026-12', {
        liaisonUnvisitedDays: 60,
      }),
    ).toBeNull();
  });
});

describe('作风监督 · 表面文章', () => {
  const closure = {
    problemId: 9,
    personId: 7,
    title: '食堂排队时间长',
    description: '午餐排队超过二十分钟',
    completionSummary: '增设两个打饭窗口，错峰就餐，排队降到五分钟',
    evidenceCount: 0,
    mode: 'leader_guarantee',
    assignedAt: '2026-11-02T02:00:00Z',
    doneAt: '2026-11-09T02:00:00Z',
  };

  it('a closure without evidence and with a copied or empty summary fires; evidence or a real summary does not', () => {
    expect(hollowClosure(closure, S)).toBeNull();
    expect(hollowClosure({ ...closure, completionSummary: '食堂排队时间长。' }, S)?.why).toMatch(/copies/);
    expect(summaryCopiesProblem({ ...closure, completionSummary: '午餐排队超过二十分钟' })).toBe(true);
    expect(hollowClosure({ ...closure, completionSummary: '已办结' }, S)?.why).toMatch(/without a real/);
    expect(hollowClosure({ ...closure, completionSummary: '已办结', evidenceCount: 1 }, S)).toBeNull();
    // the edge: 9 characters are too few at 10, 10 are enough
    expect(
      hollowClosure({ ...closure, completionSummary: '一二三四五六七八九' }, { closureMinSummaryChars: 10 }),
    ).not.toBeNull();
    expect(
      hollowClosure({ ...closure, completionSummary: '一二三四五六七八九十' }, { closureMinSummaryChars: 10 }),
    ).toBeNull();
  });

  it('a 领导包保 problem done minutes after assignment fires; 首接首办 or a week does not; the minutes are the edge', () => {
    const fast = { ...closure, doneAt: '2026-11-02T02:20:00Z' };
    expect(closureTooFast(fast, S)?.params).toEqual({ minutes: 20 });
    expect(closureTooFast({ ...fast, mode: 'first_receiver' }, S)).toBeNull();
    expect(closureTooFast(closure, S)).toBeNull();
    expect(closureTooFast(fast, { fastClosureMinutes: 20 })).toBeNull();
    expect(closureTooFast(fast, { fastClosureMinutes: 21 })).not.toBeNull();
  });

  it('progress reports that repeat each other fire from N identical ones', () => {
    const task = { taskId: 4, problemId: 9 };
    const same = [
      { id: 1, content: '正在推进中。' },
      { id: 2, content: '正在 推进中' },
      { id: 3, content: '已联系施工队，下周进场' },
    ];
    expect(repeatedProgress(task, same, { repeatedReports: 2 })?.evidence).toEqual({ progressReports: [1, 2] });
    expect(repeatedProgress(task, same, { repeatedReports: 3 })).toBeNull();
    expect(repeatedProgress(task, [same[0], same[2]], S)).toBeNull();
  });

  it('a task at 100% with no report fires (open, or a 领导包保 problem done); 99%, one report or a quick closure does not', () => {
    const task = { taskId: 4, problemId: 9, progress: 100, reports: 0 };
    expect(fullWithoutReport(task)?.kind).toBe('task_full_without_report');
    expect(fullWithoutReport({ ...task, done: true, mode: 'leader_guarantee' })?.kind).toBe('task_full_without_report');
    expect(fullWithoutReport({ ...task, done: true, mode: 'first_receiver' })).toBeNull(); // 即知即办
    expect(fullWithoutReport({ ...task, progress: 99 })).toBeNull();
    expect(fullWithoutReport({ ...task, reports: 1 })).toBeNull();
  });
});

describe('作风监督 · 自证 and figures that look too good', () => {
  it('a revisit by the responsible person or the guarantor fires; by another leader it does not', () => {
    const revisit = { id: 3, problemId: 9, revisiterId: 7 };
    expect(selfRevisit(revisit, [{ personId: 7, guarantorId: 8 }])?.evidence.role).toBe('responsible');
    expect(selfRevisit({ ...revisit, revisiterId: 8 }, [{ personId: 7, guarantorId: 8 }])?.evidence.role).toBe(
      'guarantor',
    );
    expect(selfRevisit({ ...revisit, revisiterId: 11 }, [{ personId: 7, guarantorId: 8 }])).toBeNull();
    expect(selfRevisit({ ...revisit, revisiterId: null }, [{ personId: null }])).toBeNull();
  });

  it('a unit at 100% on many staff-entered ratings fires; one dissatisfied or few staff ratings does not', () => {
    const unit = { unitId: 3, rated: 6, satisfied: 6, staffRated: 5 };
    expect(tooGoodUnit(unit, '2026-11', { tooGoodStaffRatings: 5 })?.key).toBe('too_good_unit:3:2026-11');
    expect(tooGoodUnit(unit, '2026-11', { tooGoodStaffRatings: 6 })).toBeNull();
    expect(tooGoodUnit({ ...unit, satisfied: 5 }, '2026-11', S)).toBeNull();
    expect(tooGoodUnit({ ...unit, rated: 0, satisfied: 0, staffRated: 0 }, '2026-11', S)).toBeNull();
  });

  it('many evaluations entered by one account within minutes fire once per burst; spread out they do not', () => {
    const burst = [0, 5, 10, 15, 20].map((m, i) => ({ id: 10 + i, at: new Date(Date.UTC(2026, 10, 2, 2, m)) }));
    const s = { clusterEvaluations: 5, clusterMinutes: 60 };
    expect(evaluationClusters(7, burst, s).map((f) => f.key)).toEqual(['evaluation_cluster:7:10']);
    expect(evaluationClusters(7, burst.slice(0, 4), s)).toEqual([]);
    expect(evaluationClusters(7, burst, { clusterEvaluations: 5, clusterMinutes: 20 })).toEqual([]); // 20 minutes apart end to end
    expect(evaluationClusters(7, burst, { clusterEvaluations: 5, clusterMinutes: 21 })).toHaveLength(1);
  });

  it('many public ratings from one device or one address within minutes fire once per burst, each at its own threshold', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 10, 2, 2, m));
    const ratings = [0, 5, 10, 15, 20].map((m, i) => ({ id: 30 + i, problemId: 100 + (i % 3), at: at(m) }));
    const s = { deviceClusterEvaluations: 5, addressClusterEvaluations: 6, clusterMinutes: 60 };
    const [flag, ...rest] = evaluationSourceClusters('device', ratings, s);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({
      kind: 'evaluation_source_cluster',
      key: 'evaluation_source_cluster:device:30',
      params: { count: 5, minutes: 60 },
      evidence: { evaluations: [30, 31, 32, 33, 34], problems: [100, 101, 102] },
    });
    expect(flag.why).toContain('one device');
    // the address's threshold is its own: five are not six
    expect(evaluationSourceClusters('address', ratings, s)).toEqual([]);
    expect(evaluationSourceClusters('address', [...ratings, { id: 35, problemId: 103, at: at(25) }], s)).toHaveLength(1);
    // the edge: 20 minutes end to end fit a 21-minute window, not a 20-minute one
    expect(evaluationSourceClusters('device', ratings, { ...s, clusterMinutes: 20 })).toEqual([]);
    expect(evaluationSourceClusters('device', ratings, { ...s, clusterMinutes: 21 })).toHaveLength(1);
    expect(evaluationSourceClusters('device', ratings.slice(0, 4), s)).toEqual([]);
  });

  it('a decision is confirmed or dismissed, a dismissal with its reason', () => {
    expect(decisionProblem('confirmed', '')).toBeNull();
    expect(decisionProblem('dismissed', '  ')).toBe('REASON_REQUIRED');
    expect(decisionProblem('dismissed', '该校为寄宿制，走访安排合理')).toBeNull();
    expect(decisionProblem('maybe', 'x')).toBe('INVALID_DECISION');
  });

  it('every kind has a family and every message speaks both languages', () => {
    expect(Object.keys(FLAG_FAMILY).sort()).toEqual([...FLAG_KINDS].sort());
    const zh = zhCN as Record<string, string>;
    const en = enUS as Record<string, string>;
    for (const kind of FLAG_KINDS) expect([kind, zh[FLAG_KIND_LABELS[kind]]]).toEqual([kind, expect.any(String)]);
    for (const field of Object.values(WORK_STYLE_SETTINGS.fields)) {
      expect([field.label, zh[field.label]]).toEqual([field.label, expect.any(String)]);
      expect(en[field.label] ?? field.label).toBeTruthy();
    }
  });

  it('the thresholds are one settings schema: out of range is refused', () => {
    expect(() => mergeSettings(WORK_STYLE_SETTINGS, S, { repeatedReports: 1 })).toThrow(/repeatedReports/);
    expect(mergeSettings(WORK_STYLE_SETTINGS, S, { rushedVisitMinutes: 45 }).rushedVisitMinutes).toBe(45);
  });
});

describe('未诉先办 candidates', () => {
  const now = at('2026-12-01T00:00:00Z');
  const p = (id: number, over: Partial<ProblemFacts> = {}): ProblemFacts => ({
    id,
    category: 'canteen',
    unitId: 3,
    source: 'visit',
    createdAt: '2026-11-10T00:00:00Z',
    ...over,
  });
  const s = {
    ...S,
    recurringDays: 90,
    risingDays: 90,
    recurringAtUnit: 3,
    risingUnits: 3,
    risingFactor: 2,
    unseenComplaints: 3,
  };

  it('the same category at one unit N times within the window is a candidate; N−1, another unit or out of the window is not', () => {
    const three = [p(1), p(2), p(3)];
    expect(recurringAtUnit(three, now, s).map((c) => [c.key, c.evidence.problems])).toEqual([
      ['recurring_at_unit:3:canteen:1', [1, 2, 3]],
    ]);
    expect(recurringAtUnit(three.slice(0, 2), now, s)).toEqual([]);
    expect(recurringAtUnit([p(1), p(2), p(3, { unitId: 4 })], now, s)).toEqual([]);
    expect(recurringAtUnit([p(1), p(2), p(3, { createdAt: '2026-08-01T00:00:00Z' })], now, s)).toEqual([]);
  });

  it('a category rising across units is a candidate; flat or at too few units it is not', () => {
    const rising = [
      p(1, { unitId: 1 }),
      p(2, { unitId: 2 }),
      p(3, { unitId: 3 }),
      p(4, { unitId: 1, createdAt: '2026-08-15T00:00:00Z' }),
    ];
    expect(risingCategories(rising, now, s).map((c) => c.params)).toEqual([
      { count: 3, units: 3, days: 90, earlier: 1 },
    ]);
    // twice as many as before is the edge: 3 now against 2 before is not rising
    expect(risingCategories([...rising, p(5, { createdAt: '2026-08-20T00:00:00Z' })], now, s)).toEqual([]);
    expect(
      risingCategories(
        rising.map((x) => ({ ...x, unitId: 1 })),
        now,
        s,
      ),
    ).toEqual([]);
  });

  it('what the public complains of and no visit found is a candidate; once a visit found it, it is not', () => {
    const complaints = [1, 2, 3].map((id) => p(id, { source: 'complaint', category: 'after_school' }));
    expect(unseenByVisits(complaints, now, s).map((c) => c.category)).toEqual(['after_school']);
    expect(unseenByVisits(complaints.slice(0, 2), now, s)).toEqual([]);
    expect(unseenByVisits([...complaints, p(4, { category: 'after_school' })], now, s)).toEqual([]);
  });

  it('a sliding window is the same situation as long as it shares a problem; the text names the evidence', () => {
    const [found] = recurringAtUnit([p(2), p(3), p(4)], now, s);
    expect(
      sameSituation({ kind: 'recurring_at_unit', unitId: 3, category: 'canteen', problems: [1, 2, 3] }, found),
    ).toBe(true);
    expect(sameSituation({ kind: 'recurring_at_unit', unitId: 3, category: 'canteen', problems: [1] }, found)).toBe(
      false,
    );
    expect(sameSituation({ kind: 'recurring_at_unit', unitId: 4, category: 'canteen', problems: [2] }, found)).toBe(
      false,
    );
    const text = proactiveProblemText({
      kind: 'recurring_at_unit',
      categoryLabel: '食堂',
      unitName: '实验小学',
      evidenceCodes: ['WT2026-000001', 'WT2026-000002'],
    });
    expect(text).toEqual({
      title: '实验小学：食堂问题反复出现（未诉先办）',
      description: '依据：WT2026-000001、WT2026-000002',
    });
  });
});
