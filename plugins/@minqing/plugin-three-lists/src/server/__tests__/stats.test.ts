import { createMinqingApp, pinClock, unpinClock, type MinqingTestApp } from '@minqing/test';
import { CATEGORY_OPTIONS } from '../domain/vocabulary';
import { localDay } from '../domain/workdays';
import { continueProblemCodes } from '../services/problem-codes';
import LanguagesAndRevisitState from '../migrations/20261207120000-languages-and-revisit-state';

/** the file's clock: 18 November 2026, 10:00 in the bureau (overdue days never change under a test) */
const START = '2026-11-18T02:00:00Z';

/** A day `n` days from today in the bureau's calendar. */
function dayFromToday(n: number) {
  const d = new Date(`${localDay(new Date())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Six problems in two units, written straight into the tables (the loop's own tests cover how
 * they get there), with every figure below worked out by hand in the comments.
 */
async function seed(app: MinqingTestApp) {
  const db = app.db;
  const leaders = [];
  for (const name of ['L1', 'L2', 'L3']) leaders.push(await app.createUser({ username: name, roles: ['mq_leader'] }));
  const cadre = await app.createUser({ username: 'handler', roles: ['mq_cadre'] });
  await db.getModel('mq_units').bulkCreate(
    [
      { id: 1, name: '实验小学', region: '沙市区' },
      { id: 2, name: '城南中学', region: '荆州区' },
    ],
    { hooks: false },
  );
  const P = (
    id: number,
    unitId: number,
    category: string,
    status: string,
    createdAt: string,
    t: Record<string, string | null> = {},
  ) => ({
    id,
    code: `WT2026-00000${id}`,
    title: `问题${id}`,
    unitId,
    category,
    status,
    createdAt,
    updatedAt: createdAt,
    assignedAt: t.assignedAt ?? null,
    acceptedAt: t.acceptedAt ?? null,
    doneAt: t.doneAt ?? null,
  });
  await db.getModel('mq_problems').bulkCreate(
    [
      // P1: local 2026-09-01 02:00 (UTC still August: the month is the bureau's); accepted after 0.5 day in time; done after 4 days by the deadline
      P(1, 1, 'canteen', 'closed', '2026-08-31T18:00:00Z', {
        assignedAt: '2026-09-01T02:00:00Z',
        acceptedAt: '2026-09-01T14:00:00Z',
        doneAt: '2026-09-05T02:00:00Z',
      }),
      // P2: accepted after 2 days, one day late; done after 10 days, after its deadline
      P(2, 1, 'canteen', 'done', '2026-09-01T00:00:00Z', {
        assignedAt: '2026-09-02T00:00:00Z',
        acceptedAt: '2026-09-04T00:00:00Z',
        doneAt: '2026-09-12T00:00:00Z',
      }),
      // P3: local 2026-10-01; accepted after 1 day in time; open and 3 days overdue
      P(3, 1, 'enrollment', 'in_progress', '2026-09-30T17:00:00Z', {
        assignedAt: '2026-10-01T00:00:00Z',
        acceptedAt: '2026-10-02T00:00:00Z',
      }),
      // P4: accepted after 0.5 day in time; reopened, deadline still ahead
      P(4, 2, 'enrollment', 'reopened', '2026-10-04T00:00:00Z', {
        assignedAt: '2026-10-05T00:00:00Z',
        acceptedAt: '2026-10-05T12:00:00Z',
        doneAt: '2026-10-20T00:00:00Z',
      }),
      // P5: not assigned yet; found before anyone complained (未诉先办)
      { ...P(5, 2, 'canteen', 'new', '2026-10-20T00:00:00Z'), source: 'proactive' },
      // P6: assigned, never accepted, 1 day overdue
      P(6, 2, 'canteen', 'assigned', '2026-10-21T00:00:00Z', { assignedAt: '2026-10-21T00:00:00Z' }),
    ],
    { hooks: false },
  );
  const R = (problemId: number, acceptBy: string, deadline: string, acceptedAt: string | null) => ({
    problemId,
    unitId: problemId <= 3 ? 1 : 2,
    personId: cadre.id,
    mode: 'first_receiver',
    acceptBy,
    deadline,
    acceptedAt,
    active: true,
  });
  await db.getModel('mq_responsibilities').bulkCreate(
    [
      R(1, '2026-09-02', '2026-09-08', '2026-09-01T14:00:00Z'),
      R(2, '2026-09-03', '2026-09-10', '2026-09-04T00:00:00Z'),
      R(3, '2026-10-09', dayFromToday(-3), '2026-10-02T00:00:00Z'),
      R(4, '2026-10-08', dayFromToday(10), '2026-10-05T12:00:00Z'),
      R(6, '2026-10-22', dayFromToday(-1), null),
      // an inactive earlier assignment of P6 must not count
      { ...R(6, '2026-10-01', '2026-10-02', '2026-10-01T01:00:00Z'), active: false },
    ],
    { hooks: false },
  );
  await db.getModel('mq_revisits').bulkCreate(
    [
      {
        problemId: 1,
        revisiterId: leaders[0].id,
        revisitedAt: '2026-09-06T02:00:00Z',
        outcome: 'resolved',
        satisfaction: 5,
      },
      {
        problemId: 4,
        revisiterId: leaders[1].id,
        revisitedAt: '2026-10-21T02:00:00Z',
        outcome: 'unresolved',
        satisfaction: 2,
      },
    ],
    { hooks: false },
  );
  await db.getModel('mq_evaluations').bulkCreate(
    [
      { problemId: 1, score: 4, evaluatorKind: 'parent' },
      // entered by staff on the public's behalf (代录)
      { problemId: 2, score: 3, evaluatorKind: 'teacher', byStaff: true },
    ],
    { hooks: false },
  );
}

describe('mqStats:get against hand-computed figures', () => {
  let app: MinqingTestApp;
  let agent: Awaited<ReturnType<MinqingTestApp['agentAs']>>;

  beforeAll(async () => {
    pinClock(START);
    app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists'] });
    await seed(app);
    agent = await app.agentAs(await app.createUser({ username: 'office', roles: ['mq_admin'] }));
    const root = await app.rootAgent();
    expect((await root.post('/mqThreeLists:updateSettings').send({ minSample: 3 })).status).toBe(200);
  });
  afterAll(async () => {
    await app?.destroy();
    unpinClock();
  });

  const stats = async (query: string) => {
    const res = await agent.get(`/mqStats:get?${query}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  it('overall', async () => {
    const { overall, leaderRevisitCoverage } = await stats('');
    expect(overall.figures).toEqual({
      responseRate: 0.6, // P1, P3, P4 accepted in time of 5 assigned
      onTimeRate: 0.25, // P1 on time of P1, P2 done + P3, P6 overdue
      resolutionRate: 0.5, // 1 resolved of 2 revisits
      satisfactionRate: 0.5, // ratings 5, 2 (revisits) and 4, 3 (evaluations): 2 of 4 are 满意 or better
      revisitRate: 0.5, // P1 of done P1, P2
      overdueCount: 2,
      overdueAvgDays: 2, // 3 and 1
      overdueMaxDays: 3,
      overdueByAge: [
        { age: '1-7', count: 2 }, // P3 3 days, P6 1 day
        { age: '8-30', count: 0 },
        { age: '31+', count: 0 },
      ],
      avgDaysToAccept: 1, // 0.5 + 2 + 1 + 0.5 over 4
      avgDaysToComplete: 7, // 4 + 10 over 2
      // of the 4 ratings only the evaluation 4 came from the public itself; the revisits' and the
      // evaluation staff entered are staff's
      fromPublic: { satisfactionRate: 1, rated: 1, ratedByStaff: 3 },
      proactive: { count: 1, share: 0.1667 }, // P5 of 6
      samples: { response: 5, onTime: 4, resolution: 2, satisfaction: 4, revisit: 2 },
      // revisited: P1, P4; rated: P1 (revisit, evaluation), P2 (evaluation), P4 (revisit); by the public: P1
      problemSamples: { response: 5, onTime: 4, resolution: 2, satisfaction: 3, revisit: 2, publicSatisfaction: 1 },
    });
    expect(leaderRevisitCoverage).toEqual({ rate: 0.6667, leaders: 3, leadersWithRevisit: 2 });
  });

  it('counts 基本满意 as satisfied when configured', async () => {
    const root = await app.rootAgent();
    await root.post('/mqThreeLists:updateSettings').send({ basicCountsAsSatisfied: true });
    expect((await stats('')).overall.figures.satisfactionRate).toBe(0.75);
    await root.post('/mqThreeLists:updateSettings').send({ basicCountsAsSatisfied: false });
  });

  it('by unit, with a league table that leaves out small samples', async () => {
    const { groups, rankings } = await stats('groupBy=unit');
    const [u1, u2] = groups;
    expect(u1).toMatchObject({ key: '1', label: '实验小学' });
    expect(u1.figures).toMatchObject({
      responseRate: 0.6667,
      onTimeRate: 0.3333,
      resolutionRate: 1,
      satisfactionRate: 0.6667,
      revisitRate: 0.5,
      overdueCount: 1,
      overdueMaxDays: 3,
      avgDaysToAccept: 1.17,
      avgDaysToComplete: 7,
    });
    expect(u2).toMatchObject({ key: '2', label: '城南中学' });
    expect(u2.figures).toMatchObject({
      responseRate: 0.5,
      onTimeRate: 0,
      resolutionRate: 0,
      satisfactionRate: 0,
      revisitRate: null,
      overdueCount: 1,
      overdueAvgDays: 1,
      avgDaysToAccept: 0.5,
      avgDaysToComplete: null,
    });
    expect(rankings.responseRate.ranked).toEqual([{ key: '1', value: 0.6667, sample: 3, problems: 3, rank: 1 }]);
    expect(rankings.responseRate.insufficientSample.map((r: any) => r.key)).toEqual(['2']);
    // the minimum (3) is counted in problems: unit 1's three ratings (5, 4, 3) are of two problems
    expect(rankings.satisfactionRate.ranked).toEqual([]);
    expect(rankings.satisfactionRate.insufficientSample).toContainEqual({ key: '1', value: 0.6667, sample: 3, problems: 2 });
    expect([u1.smallSample, u1.smallSampleRates]).toEqual([false, ['resolutionRate', 'satisfactionRate', 'revisitRate']]);
  });

  it('by month in the bureau’s time zone, by region and by category', async () => {
    const months = await stats('groupBy=month');
    expect(months.groups.map((g: any) => [g.key, g.counts.assigned, g.figures.responseRate])).toEqual([
      ['2026-09', 2, 0.5],
      ['2026-10', 3, 0.6667],
    ]);
    const regions = await stats('groupBy=region');
    expect(regions.groups.map((g: any) => [g.key, g.figures.responseRate])).toEqual([
      ['荆州区', 0.5],
      ['沙市区', 0.6667],
    ]);
    const categories = await stats('groupBy=category');
    expect(categories.groups.map((g: any) => [g.key, g.counts.assigned, g.figures.responseRate])).toEqual([
      ['canteen', 3, 0.3333],
      ['enrollment', 2, 1],
    ]);
  });

  it('filters by unit, region, category and period', async () => {
    expect((await stats('unitId=2')).overall.counts.assigned).toBe(2);
    expect((await stats(`region=${encodeURIComponent('沙市区')}`)).overall.counts.assigned).toBe(3);
    expect((await stats('category=enrollment')).overall.figures.responseRate).toBe(1);
    const october = await stats('from=2026-10-01&to=2026-10-31');
    expect(october.overall.counts.assigned).toBe(3);
    expect(october.leaderRevisitCoverage).toEqual({ rate: 0.3333, leaders: 3, leadersWithRevisit: 1 });
  });

  it('refuses bad parameters with a 400, and strangers', async () => {
    expect((await agent.get('/mqStats:get?groupBy=planet')).status).toBe(400);
    expect((await agent.get('/mqStats:get?from=yesterday')).status).toBe(400);
    expect((await app.anonymous().get('/mqStats:get')).status).toBe(401);
    const cadre = await app.agentAs(await app.createUser({ roles: ['mq_cadre'] }));
    expect((await cadre.get('/mqStats:get')).status).toBe(403);
    const leader = await app.agentAs(await app.createUser({ roles: ['mq_leader'] }));
    expect((await leader.get('/mqStats:get')).status).toBe(200);
  });

  it('has indexes on the columns the figures and lists filter by', async () => {
    const qi = app.db.sequelize.getQueryInterface();
    const indexed = async (table: string) =>
      ((await qi.showIndex(app.db.getCollection(table).getTableNameWithSchema())) as any[]).flatMap((i) =>
        (i.fields ?? []).map((f: any) => f.attribute ?? f.name),
      );
    const problems = await indexed('mq_problems');
    for (const column of ['status', 'unitId', 'category', 'createdAt', 'assignedAt', 'code'])
      expect(problems).toContain(column);
    const responsibilities = await indexed('mq_responsibilities');
    for (const column of ['problemId', 'personId', 'guarantorId', 'deadline'])
      expect(responsibilities).toContain(column);
    expect(await indexed('mq_revisits')).toContain('problemId');
    expect(await indexed('mq_evaluations')).toContain('problemId');
  });

  it('lists the results (成效清单): closed problems with the revisit’s verdict and the public’s score', async () => {
    const res = await agent.get('/mqResults:list?pageSize=10');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        id: 1,
        code: 'WT2026-000001',
        unit: { id: 1, name: '实验小学' },
        outcome: 'resolved',
        satisfaction: 5,
        evaluations: 1,
        evaluationAverage: 4,
      }),
    ]);
    expect(res.body.meta).toMatchObject({ count: 1, page: 1, pageSize: 10 });
    expect((await agent.get('/mqResults:list?pageSize=1000')).status).toBe(400);
    const cadre = await app.agentAs(await app.createUser({ roles: ['mq_cadre'] }));
    expect((await cadre.get('/mqResults:list')).status).toBe(403);
  });
  it('数据看板 (mqStats:dashboard): one scope per viewer, every category labelled, each rate with its sample', async () => {
    const board = async (who: typeof agent, locale: string) => {
      const res = await who.get('/mqStats:dashboard').set('X-Locale', locale);
      expect(res.status).toBe(200);
      return res.body.data;
    };
    const office = await board(agent, 'en-US');
    expect(office.scope).toMatchObject({ kind: 'bureau', label: 'Scope: the whole bureau' });
    expect(office.counts).toEqual([
      { key: 'problems', label: 'Problem count', value: 6 },
      { key: 'closed', label: 'Closed', value: 1 },
      { key: 'overdue', label: 'Overdue, not done', value: 2 },
    ]);
    const rate = (b: any, key: string) => b.rates.find((r: any) => r.key === key);
    expect(rate(office, 'responseRate')).toMatchObject({
      value: 0.6,
      sample: 5,
      smallSample: false,
      note: 'Sample: 5',
    });
    // P1 of the two done problems was revisited: 50% of 2 is below the minimum of 3, so not shown
    expect(rate(office, 'revisitRate')).toMatchObject({ value: null, sample: 2, smallSample: true });
    const categories = office.distributions.find((d: any) => d.key === 'category').items;
    expect(categories.map((c: any) => c.value)).toEqual(CATEGORY_OPTIONS.map((o) => o.value));
    expect(categories.find((c: any) => c.value === 'canteen')).toEqual({
      value: 'canteen',
      label: 'Canteens',
      count: 4,
    });
    expect(categories.find((c: any) => c.value === 'after_school')).toMatchObject({
      label: 'After-school services',
      count: 0,
    });
    const zh = await board(agent, 'zh-CN');
    expect(zh.scope.label).toBe('统计范围：全局');
    expect(
      zh.distributions.find((d: any) => d.key === 'status').items.find((c: any) => c.value === 'in_progress'),
    ).toEqual({ value: 'in_progress', label: '办理中', count: 1 });
    expect(zh.rates.map((r: any) => r.label)).toEqual(['响应率', '按期办结率', '解决率', '满意率', '回访率']);

    // a leader who guarantees (an earlier, inactive) responsibility in 城南中学 sees that unit only
    const leader = await app.createUser({ username: 'L4', roles: ['mq_leader'] });
    await app.db.getModel('mq_responsibilities').create(
      {
        problemId: 5,
        unitId: 2,
        personId: leader.id,
        guarantorId: leader.id,
        mode: 'leader_guarantee',
        active: false,
      },
      { hooks: false },
    );
    const mine = await board(await app.agentAs(leader), 'zh-CN');
    expect(mine.scope).toMatchObject({ kind: 'units', units: [{ id: 2, name: '城南中学' }] });
    expect(mine.scope.label).toContain('城南中学');
    expect(mine.counts.map((c: any) => c.value)).toEqual([3, 0, 1]); // P4, P5, P6; P6 overdue
    // P4 and P6 assigned: a sample of 2 is marked, and never shown as a percentage
    expect(rate(mine, 'responseRate')).toMatchObject({ value: null, sample: 2, smallSample: true });
    expect(rate(mine, 'responseRate').note).toContain('样本不足');
    // a leader without units: an empty scope, said so
    const newcomer = await app.createUser({ username: 'L5', roles: ['mq_leader'] });
    const none = await board(await app.agentAs(newcomer), 'en-US');
    expect(none.scope).toMatchObject({ kind: 'units', units: [] });
    expect(none.counts.map((c: any) => c.value)).toEqual([0, 0, 0]);
    const cadre = await app.agentAs(await app.createUser({ roles: ['mq_cadre'] }));
    expect((await cadre.get('/mqStats:dashboard')).status).toBe(403);
  });

  it('English is enabled at install: a user switches language without an administrator', async () => {
    const settings = await app.db.getRepository('systemSettings').findOne();
    expect(settings?.get('enabledLanguages')).toEqual(expect.arrayContaining(['zh-CN', 'en-US']));
  });

  it('problem codes continue after problems loaded in bulk, in the same format', async () => {
    // the seed wrote WT2026-000001…000006 without the sequence knowing
    expect(await continueProblemCodes(app.db)).toBe(6);
    expect(await continueProblemCodes(app.db)).toBe(6); // idempotent
    // explicit ids: the seed wrote ids without moving PostgreSQL's id sequence (the demo moves it)
    const create = async (id: number, title: string) =>
      (await app.db.getRepository('mq_problems').create({ values: { id, title, unitId: 1 } })).get('code');
    expect(await create(7, 'after the demo')).toBe('WT2026-000007');
    // the demo's earlier five-digit codes (WT2026-01500) count by their number, not by their text
    await app.db
      .getModel('mq_problems')
      .bulkCreate([{ id: 50, code: 'WT2026-00050', title: 'demo', unitId: 1, status: 'new' }], { hooks: false });
    expect(await continueProblemCodes(app.db)).toBe(50);
    expect(await create(51, 'after the old demo')).toBe('WT2026-000051');
  });
  it('the migration: English enabled, and a finished revisit reads 已回访, not 已办结 (an administrator’s label stays)', async () => {
    const db = app.db;
    const settings = await db.getRepository('systemSettings').findOne();
    await db
      .getRepository('systemSettings')
      .update({ filterByTk: settings.get('id'), values: { enabledLanguages: ['zh-CN'] } });
    const fields = db.getRepository('fields');
    const row = await fields.findOne({ filter: { collectionName: 'mq_revisits', name: 'state' } });
    const ui = row.get('uiSchema');
    const label = (text: string) => `{{t(${JSON.stringify(text)}, { ns: "@minqing/plugin-three-lists" })}}`;
    const withDone = ui.enum.map((o: any) => (o.value === 'done' ? { ...o, label: label('Done') } : o));
    await row.update({ uiSchema: { ...ui, enum: withDone } });
    const migration = new LanguagesAndRevisitState({ db, app: app.app } as any);
    await migration.up();
    const after = await fields.findOne({ filter: { collectionName: 'mq_revisits', name: 'state' } });
    expect(after.get('uiSchema').enum.find((o: any) => o.value === 'done').label).toBe(label('Revisited'));
    expect((await db.getRepository('systemSettings').findOne()).get('enabledLanguages')).toEqual(['zh-CN', 'en-US']);
    // an administrator's own label is theirs
    await after.update({
      uiSchema: {
        ...after.get('uiSchema'),
        enum: ui.enum.map((o: any) => (o.value === 'done' ? { ...o, label: '已完成' } : o)),
      },
    });
    await migration.up();
    const kept = await fields.findOne({ filter: { collectionName: 'mq_revisits', name: 'state' } });
    expect(kept.get('uiSchema').enum.find((o: any) => o.value === 'done').label).toBe('已完成');
  });
});
