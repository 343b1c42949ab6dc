import { createMinqingApp, pinClock, unpinClock, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';
import { utcOffsetMinutes } from '../domain/workdays';

/**
 * The figures in the bureau's days and months (Asia/Shanghai, UTC+8), whatever zone the server
 * process runs in and whatever database stores the times. The world is built through the API with
 * the clock set at the hours where the bureau's day and the UTC day differ (00:00–08:00 Beijing
 * time) and on month and year boundaries; every figure is worked out by hand below.
 *
 * The zone is the process's own (V8 reads TZ once at start; jest hands the test a copy of the
 * environment): `TZ=UTC npx jest …` and `TZ=Asia/Shanghai npx jest …` run the two cases, and CI runs
 * this file under both (.ci/run). NocoBase derives DB_TIMEZONE from TZ at start, which decides how
 * MySQL/MariaDB DATETIME is written (wall clock of that zone) — the test environment's TZ from
 * test.env would otherwise disagree with the process's, as a real server never does.
 */
const PROCESS_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const offset = utcOffsetMinutes(PROCESS_ZONE);
process.env.TZ = PROCESS_ZONE;
process.env.DB_TIMEZONE = `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;

/** An instant given in Beijing wall-clock time: bj('2026-10-01 00:30') is 2026-09-30T16:30Z. */
const bj = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`);

describe(`figures in the bureau's time (server process in ${PROCESS_ZONE}, DB_TIMEZONE ${process.env.DB_TIMEZONE})`, () => {
  let app: MinqingTestApp;
  let office: Agent, cadre: Agent, leader1: Agent;
  let users: Record<string, TestUser>;
  const units: Record<string, number> = {};
  const problems: Record<string, number> = {};

  /** Moves the clock; the sessions are signed in again (a jump of weeks outlives a session). */
  const at = async (wall: string) => {
    pinClock(bj(wall));
    if (!app) return;
    office = await app.agentAs(users.office);
    cadre = await app.agentAs(users.cadre);
    leader1 = await app.agentAs(users.leader1);
  };
  const ok = (res: { status: number; body: any }) => {
    expect([res.status, res.body?.errors]).toEqual([200, undefined]);
    return res.body.data;
  };
  const act = (agent: Agent, action: string, id: number, values: Record<string, unknown> = {}) =>
    agent.post(`/mq_problems:${action}?filterByTk=${id}`).send(values);
  const report = async (name: string, unit: string) => {
    const data = ok(
      await cadre.resource('mq_problems').create({
        values: { title: `问题${name}`, unitId: units[unit], category: 'canteen', source: 'visit' },
      }),
    );
    problems[name] = data.id;
  };
  const stats = async (query = '') => ok(await office.get(`/mqStats:get?${query}`));

  beforeAll(async () => {
    await at('2026-09-30 10:00');
    app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists'] });
    users = {
      office: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
      leader1: await app.createUser({ username: 'leader1', roles: ['mq_leader'] }),
      leader2: await app.createUser({ username: 'leader2', roles: ['mq_leader'] }),
    };
    await at('2026-09-30 10:00');
    for (const [key, name, region] of [
      ['A', '沙市实验小学', '沙市区'],
      ['B', '荆州城南中学', '荆州区'],
    ]) {
      units[key] = ok(await office.resource('mq_units').create({ values: { name, region, type: 'primary_secondary' } })).id;
    }

    // P1 on 30 September 23:30 and P2 on 1 October 00:30, Beijing: September and October (in UTC
    // both are 30 September)
    await at('2026-09-30 23:30');
    await report('P1', 'A');
    await at('2026-10-01 00:30');
    await report('P2', 'A');

    // P5, Monday 16 November 02:00 (Sunday in UTC): accept by Tuesday 17th, done by Friday 20th
    await at('2026-11-16 02:00');
    await report('P5', 'A');
    const r5 = ok(await act(office, 'assign', problems.P5, { personId: users.cadre.id, deadline: '2026-11-20' }))
      .responsibilities[0];
    expect([r5.acceptBy, r5.deadline]).toEqual(['2026-11-17', '2026-11-20']);
    // P6, Monday 10:00: guaranteed by leader1, accept by Tuesday, done by Thursday 19th
    await at('2026-11-16 10:00');
    await report('P6', 'B');
    const r6 = ok(
      await act(office, 'assign', problems.P6, {
        personId: users.cadre.id,
        mode: 'leader_guarantee',
        guarantorId: users.leader1.id,
        goal: '限期解决',
        deadline: '2026-11-19',
      }),
    ).responsibilities[0];
    expect([r6.acceptBy, r6.deadline]).toEqual(['2026-11-17', '2026-11-19']);

    // P6 accepted Tuesday 23:30: in time (15:30 UTC, still Tuesday)
    await at('2026-11-17 23:30');
    ok(await act(cadre, 'accept', problems.P6, { measures: '更换食堂供应商' }));
    // P5 accepted Wednesday 04:00: LATE (20:00 Tuesday in UTC)
    await at('2026-11-18 04:00');
    ok(await act(cadre, 'accept', problems.P5, { measures: '错峰就餐' }));
    // P6 done Friday 02:00: LATE for Thursday (18:00 Thursday in UTC)
    await at('2026-11-20 02:00');
    ok(await act(cadre, 'complete', problems.P6, { completionSummary: '已更换供应商，学生反映良好' }));
    // P5 done Friday 23:30: on time (15:30 Friday in UTC)
    await at('2026-11-20 23:30');
    ok(await act(cadre, 'complete', problems.P5, { completionSummary: '排队时间降至5分钟' }));

    // leader1 revisits P6 on 1 December 00:30 (30 November in UTC)
    await at('2026-12-01 00:30');
    ok(
      await leader1
        .resource('mq_revisits')
        .create({ values: { problemId: problems.P6, outcome: 'resolved', satisfaction: 5, method: 'on_site' } }),
    );

    // P3 on 31 December 23:30, due that day; P4 on 1 January 2027 00:30 (both 31 December in UTC)
    await at('2026-12-31 23:30');
    await report('P3', 'B');
    ok(await act(office, 'assign', problems.P3, { personId: users.cadre.id, deadline: '2026-12-31' }));
    await at('2027-01-01 00:30');
    await report('P4', 'B');

    // where the leaders belong, as the office fills it in (用户管理): leader1 to unit A (so its
    // region, 沙市区), leader2 to the region 荆州区
    const root = await app.rootAgent();
    ok(await root.resource('users').update({ filterByTk: users.leader1.id, values: { mqUnitId: units.A } }));
    ok(await root.resource('users').update({ filterByTk: users.leader2.id, values: { mqRegion: '荆州区' } }));

    // the figures are read on New Year's Day 02:00 in the bureau (still 2026 in UTC)
    await at('2027-01-01 02:00');
  });

  afterAll(async () => {
    await app?.destroy();
    unpinClock();
  });

  it('stamps the instants, whatever the zone', async () => {
    const rows = await app.db.getRepository('mq_problems').find({ filter: { id: Object.values(problems) } });
    const created = Object.fromEntries(rows.map((p: any) => [p.get('title'), (p.get('createdAt') as Date).toISOString().slice(0, 16)]));
    expect(created).toEqual({
      问题P1: '2026-09-30T15:30',
      问题P2: '2026-09-30T16:30',
      问题P5: '2026-11-15T18:00',
      问题P6: '2026-11-16T02:00',
      问题P3: '2026-12-31T15:30',
      问题P4: '2026-12-31T16:30',
    });
  });

  it('overall, on New Year’s Day 02:00', async () => {
    const { query, overall, leaderRevisitCoverage } = await stats();
    expect(query.today).toBe('2027-01-01');
    expect(overall.counts).toMatchObject({
      problems: 6,
      assigned: 3, // P5, P6, P3
      acceptedInTime: 1, // P6 (Tuesday 23:30); P5 on Wednesday 04:00 is late; P3 not accepted
      done: 2, // P5, P6
      dueOrDone: 3, // P5, P6 done + P3 past its deadline of 31 December
      doneOnTime: 1, // P5 (Friday 23:30 for Friday); P6 on Friday 02:00 for Thursday is late
      overdue: 1, // P3, one day
      doneWithRevisit: 1,
    });
    expect(overall.figures).toMatchObject({
      responseRate: 0.3333, // 1 / 3 (counted in UTC days: 2 / 3)
      onTimeRate: 0.3333, // 1 / 3 (in UTC days: 2 / 2, P3 not yet overdue)
      resolutionRate: 1,
      satisfactionRate: 1,
      revisitRate: 0.5, // P6 of P5, P6
      overdueCount: 1,
      overdueAvgDays: 1,
      overdueMaxDays: 1,
      overdueByAge: [
        { age: '1-7', count: 1 },
        { age: '8-30', count: 0 },
        { age: '31+', count: 0 },
      ],
      // P5 2 d 2 h, P6 1 d 13.5 h: (2.0833 + 1.5625) / 2
      avgDaysToAccept: 1.82,
      // P5 4 d 21.5 h, P6 3 d 16 h: (4.8958 + 3.6667) / 2
      avgDaysToComplete: 4.28,
      samples: { response: 3, onTime: 3, resolution: 1, satisfaction: 1, revisit: 2 },
    });
    expect(leaderRevisitCoverage).toMatchObject({ leaders: 2, leadersWithRevisit: 1, rate: 0.5 });
  });

  it('by unit', async () => {
    const { groups } = await stats('groupBy=unit');
    const of = (key: string) => groups.find((g: any) => g.key === String(units[key])).figures;
    // A: P5 late accepted, done on time
    expect(of('A')).toMatchObject({ responseRate: 0, onTimeRate: 1, overdueCount: 0 });
    // B: P6 in time, done late; P3 overdue
    expect(of('B')).toMatchObject({ responseRate: 0.5, onTimeRate: 0, overdueCount: 1 });
  });

  it('by month: the bureau’s months, across the month and the year boundary', async () => {
    const { groups } = await stats('groupBy=month');
    expect(groups.map((g: any) => [g.key, g.counts.problems])).toEqual([
      ['2026-09', 1], // P1, 30 September 23:30
      ['2026-10', 1], // P2, 1 October 00:30 (September in UTC)
      ['2026-11', 2], // P5, P6
      ['2026-12', 1], // P3, 31 December 23:30
      ['2027-01', 1], // P4, 1 January 00:30 (December 2026 in UTC)
    ]);
  });

  it('from / to: whole days of the bureau, bounds compared as instants', async () => {
    const count = async (from: string, to: string) =>
      (await stats(`from=${from}&to=${to}`)).overall.counts.problems as number;
    expect(await count('2026-10-01', '2026-12-31')).toBe(4); // P2, P5, P6, P3: not P1 (30 Sep 23:30), not P4
    expect(await count('2026-09-30', '2026-09-30')).toBe(1); // P1
    expect(await count('2026-10-01', '2026-10-01')).toBe(1); // P2
    expect(await count('2026-11-16', '2026-11-16')).toBe(2); // P5 at 02:00, P6 at 10:00
    expect(await count('2026-12-31', '2026-12-31')).toBe(1); // P3
    expect(await count('2027-01-01', '2027-01-31')).toBe(1); // P4
    const { groups } = await stats('groupBy=month&from=2026-10-01&to=2026-12-31');
    expect(groups.map((g: any) => [g.key, g.counts.problems])).toEqual([
      ['2026-10', 1],
      ['2026-11', 2],
      ['2026-12', 1],
    ]);
  });

  it('领导回访覆盖率 within a period: the revisit on 1 December 00:30 is December’s', async () => {
    expect((await stats('from=2026-11-01&to=2026-11-30')).leaderRevisitCoverage).toMatchObject({ leadersWithRevisit: 0 });
    expect((await stats('from=2026-12-01&to=2026-12-31')).leaderRevisitCoverage).toMatchObject({ leadersWithRevisit: 1 });
  });

  it('领导回访覆盖率 by the region and the unit each leader belongs to', async () => {
    const regions = (await stats('groupBy=region')).groups;
    const region = (key: string) => regions.find((g: any) => g.key === key);
    // 沙市区: leader1 (through unit A) revisited P6; 荆州区: leader2 revisited nothing
    expect(region('沙市区').leaderRevisitCoverage).toEqual({ rate: 1, leaders: 1, leadersWithRevisit: 1 });
    expect(region('荆州区').leaderRevisitCoverage).toEqual({ rate: 0, leaders: 1, leadersWithRevisit: 0 });
    expect(region('沙市区').counts.problems).toBe(3); // P1, P2, P5
    const byUnit = (await stats('groupBy=unit')).groups;
    const unit = (key: string) => byUnit.find((g: any) => g.key === String(units[key]));
    expect(unit('A').leaderRevisitCoverage).toEqual({ rate: 1, leaders: 1, leadersWithRevisit: 1 });
    expect(unit('B').leaderRevisitCoverage).toEqual({ rate: null, leaders: 0, leadersWithRevisit: 0 });
    // leader2 belongs to no unit: in the overall figure, in no unit's
    expect(byUnit.map((g: any) => g.key)).toEqual([String(units.A), String(units.B)]);
    expect((await stats(`region=${encodeURIComponent('荆州区')}`)).leaderRevisitCoverage).toEqual({ rate: 0, leaders: 1, leadersWithRevisit: 0 });
    // every group says whether it is a small sample (3 problems, fewer than the default 5)
    expect(region('沙市区')).toMatchObject({ smallSample: true });
  });

  it('today and overdue days move at the bureau’s midnight (2 January 23:30: two days)', async () => {
    await at('2027-01-02 23:30');
    const { query, overall } = await stats();
    expect(query.today).toBe('2027-01-02');
    expect(overall.figures).toMatchObject({ overdueCount: 1, overdueMaxDays: 2 });
    // every problem read carries the same days (the phone's 逾期 N 天): P3 two days, P5 done, P1 unassigned
    const days = async (name: string) =>
      ok(await cadre.resource('mq_problems').get({ filterByTk: problems[name] })).overdueDays;
    expect(await days('P3')).toBe(2);
    const listed = ok(await office.resource('mq_problems').list({ pageSize: 20 })) as any[];
    expect(Object.fromEntries(listed.map((p) => [p.title, p.overdueDays]))).toMatchObject({
      问题P3: 2,
      问题P5: null,
      问题P1: null,
    });
    await at('2027-01-01 02:00');
    expect(await days('P3')).toBe(1);
  });

  it('a problem read counts its supervisions not answered yet (the phone’s 回复督办)', async () => {
    const unanswered = async () =>
      ok(await cadre.resource('mq_problems').get({ filterByTk: problems.P3 })).unansweredSupervisions;
    expect(await unanswered()).toBe(0);
    const issued = ok(
      await office.resource('mq_supervisions').create({
        values: { problemId: problems.P3, level: 'urge', reason: 'overdue', issuedAt: new Date().toISOString() },
      }),
    );
    expect(await unanswered()).toBe(1);
    ok(
      await office
        .resource('mq_supervisions')
        .update({ filterByTk: issued.id, values: { response: '已整改', respondedAt: new Date().toISOString() } }),
    );
    expect(await unanswered()).toBe(0);
  });

  it('a leader of the responsible unit may revisit its problem; a leader of none may not', async () => {
    // (last: this revisit is not in the figures above) P5 is handled by unit A, leader1's unit
    const leader2 = await app.agentAs(users.leader2);
    const values = { problemId: problems.P5, outcome: 'resolved', satisfaction: 4, method: 'on_site' };
    const refused = await leader2.resource('mq_revisits').create({ values });
    expect([refused.status, refused.body.errors?.[0]?.code]).toEqual([403, 'REVISIT_NOT_RELATED']);
    ok(await leader1.resource('mq_revisits').create({ values }));
  });
});
