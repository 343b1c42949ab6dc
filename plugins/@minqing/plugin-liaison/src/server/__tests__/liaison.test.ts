import { createMinqingApp, importRows, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';

describe('going down: liaison points, visits, research, window sittings', () => {
  let app: MinqingTestApp;
  let admin: Agent, cadreA: Agent, cadreB: Agent, leader: Agent;
  let users: Record<string, TestUser>;
  let units: number[];

  beforeAll(async () => {
    app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists', '@minqing/plugin-liaison'] });
    users = {
      admin: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadreA: await app.createUser({ username: 'cadreA', roles: ['mq_cadre'] }),
      cadreB: await app.createUser({ username: 'cadreB', roles: ['mq_cadre'] }),
      leader: await app.createUser({ username: 'leader', roles: ['mq_leader'] }),
    };
    admin = await app.agentAs(users.admin);
    cadreA = await app.agentAs(users.cadreA);
    cadreB = await app.agentAs(users.cadreB);
    leader = await app.agentAs(users.leader);
    units = [];
    for (const name of ['荆州实验小学', '荆州中学', '政务服务中心教育窗口']) {
      const res = await admin.resource('mq_units').create({ values: { name, region: '沙市区' } });
      expect(res.status).toBe(200);
      units.push(res.body.data.id);
    }
  });
  afterAll(() => app?.destroy());

  const count = (collection: string, filter = {}) => app.db.getRepository(collection).count({ filter });

  it('a cadre records a visit and the two problems it found in one request (2 required inputs per problem visit)', async () => {
    const res = await cadreA.resource('mq_visits').create({
      values: {
        unitId: units[0],
        kinds: ['canteen', 'classroom'],
        contacted: ['students', 'parents'],
        summary: '午餐时段走访食堂',
        problems: [{ title: '食堂排队时间长' }, { title: '教室灯光偏暗', category: 'school_conditions' }],
      },
    });
    expect(res.status).toBe(200);
    const visit = res.body.data;
    expect(visit.cadreId).toBe(users.cadreA.id);
    expect(visit.visitedAt).toBeTruthy();
    expect(visit.problems).toHaveLength(2);

    const list = await cadreA.resource('mq_problems').list({ filter: { id: visit.problems.map((p: any) => p.id) } });
    expect(list.body.data).toHaveLength(2);
    for (const p of list.body.data) {
      expect(p).toMatchObject({ source: 'visit', unitId: units[0], status: 'new', createdById: users.cadreA.id });
      expect(p.code).toMatch(/^WT\d{4}-\d{6}$/);
    }
    // the minimum: a unit and a problem title
    const minimal = await cadreA
      .resource('mq_visits')
      .create({ values: { unitId: units[1], problems: [{ title: '校门口拥堵' }] } });
    expect(minimal.status).toBe(200);
    // the generated form sends the picked unit as a record, not as unitId: its problems get it too
    const fromForm = await cadreA
      .resource('mq_visits')
      .create({ values: { unit: { id: units[2] }, problems: [{ title: '护学岗人手不足' }] } });
    expect(fromForm.status).toBe(200);
    const filed = await cadreA.resource('mq_problems').get({ filterByTk: fromForm.body.data.problems[0].id });
    expect(filed.body.data).toMatchObject({ unitId: units[2], source: 'visit' });
  });

  it('refuses a visit dated tomorrow, without a unit or for a unit that does not exist, and writes nothing', async () => {
    const before = { visits: await count('mq_visits'), problems: await count('mq_problems') };
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ unitId: units[0], visitedAt: tomorrow, problems: [{ title: '甲' }] }, 'DATE_IN_FUTURE', /不能晚于现在/],
      [{ problems: [{ title: '乙' }] }, 'UNIT_REQUIRED', /请选择走访单位/],
      [{ unitId: 999999, problems: [{ title: '丙' }] }, 'UNIT_NOT_FOUND', /不存在/],
      [
        { unitId: units[0], problems: [{ title: '丁' }, { description: '没有标题' }] },
        'PROBLEM_TITLE_REQUIRED',
        /第 2 个问题/,
      ],
    ];
    for (const [values, code, message] of cases) {
      const res = await cadreA.post('/mq_visits:create').set('X-Locale', 'zh-CN').send(values);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe(code);
      expect(res.body.errors[0].message).toMatch(message);
    }
    const en = await cadreA.post('/mq_visits:create').set('X-Locale', 'en-US').send({ problems: [] });
    expect(en.body.errors[0].message).toBe('Choose the unit you visited');
    expect({ visits: await count('mq_visits'), problems: await count('mq_problems') }).toEqual(before);
  });

  it('a cadre edits their own visits, not another cadre’s; a leader sees visits to the units they liaise', async () => {
    const mine = (await cadreA.resource('mq_visits').create({ values: { unitId: units[2], summary: '坐窗口' } })).body
      .data;
    const edited = await cadreA
      .resource('mq_visits')
      .update({ filterByTk: mine.id, values: { summary: '坐窗口走流程' } });
    expect(edited.status).toBe(200);
    const stolen = await cadreB
      .resource('mq_visits')
      .update({ filterByTk: mine.id, values: { summary: '改了别人的' } });
    expect(stolen.body.data ?? []).toEqual([]);
    expect((await app.db.getRepository('mq_visits').findOne({ filterByTk: mine.id })).get('summary')).toBe(
      '坐窗口走流程',
    );
    expect((await cadreB.resource('mq_visits').list({})).body.data.map((v: any) => v.id)).not.toContain(mine.id);
    const future = await cadreA
      .resource('mq_visits')
      .update({ filterByTk: mine.id, values: { visitedAt: new Date(Date.now() + 86400000).toISOString() } });
    expect(future.status).toBe(400);

    expect((await leader.resource('mq_visits').list({})).body.data.map((v: any) => v.id)).not.toContain(mine.id);
    await admin
      .resource('mq_liaison_points')
      .create({ values: { cadreId: users.leader.id, unitId: units[2], active: true } });
    expect((await leader.resource('mq_visits').list({})).body.data.map((v: any) => v.id)).toContain(mine.id);
    // ...but cannot edit it
    await leader.resource('mq_visits').update({ filterByTk: mine.id, values: { summary: '领导改的' } });
    expect((await app.db.getRepository('mq_visits').findOne({ filterByTk: mine.id })).get('summary')).toBe(
      '坐窗口走流程',
    );
  });

  it('a leader sees the problems of the units they liaise (and not of others)', async () => {
    const there = (
      await cadreA.resource('mq_problems').create({ values: { title: '联系点学校的问题', unitId: units[1] } })
    ).body.data.id;
    const elsewhere = (
      await cadreA.resource('mq_problems').create({ values: { title: '别处的问题', unitId: units[0] } })
    ).body.data.id;
    const seen = async () =>
      (await leader.resource('mq_problems').list({ pageSize: 200 })).body.data.map((p: any) => p.id);
    expect(await seen()).not.toContain(there);
    await admin.resource('mq_liaison_points').create({ values: { cadreId: users.leader.id, unitId: units[1] } });
    expect(await seen()).toContain(there);
    expect(await seen()).not.toContain(elsewhere);
  });

  it('unit contact details only for those who liaise the unit', async () => {
    await admin
      .resource('mq_unit_contacts')
      .create({ values: { unitId: units[1], name: '赵校长', phone: '13800000000' } });
    const before = await cadreB.resource('mq_unit_contacts').list({});
    expect(JSON.stringify(before.body.data ?? [])).not.toContain('13800000000');
    await admin.resource('mq_liaison_points').create({ values: { cadreId: users.cadreB.id, unitId: units[1] } });
    const after = await cadreB.resource('mq_unit_contacts').list({});
    expect(after.body.data.map((c: any) => c.phone)).toContain('13800000000');
    expect(JSON.stringify((await cadreA.resource('mq_unit_contacts').list({})).body.data ?? [])).not.toContain(
      '13800000000',
    );
    // a cadre sees their own liaison points only
    const points = await cadreB.resource('mq_liaison_points').list({});
    expect(points.body.data.map((p: any) => p.cadreId)).toEqual([users.cadreB.id]);
  });

  it('turns a pain point found at a window into a problem with one action, once', async () => {
    const sitting = await cadreA.resource('mq_window_sittings').create({
      // as the UI's form with a sub-table sends it
      updateAssociationValues: ['painPoints'],
      values: {
        unitId: units[2],
        service: '转学手续办理',
        process: '材料提交 → 审核 → 盖章',
        painPoints: [{ kind: 'blockage', description: '转学需往返三个窗口盖章' }],
      },
    });
    expect(sitting.status).toBe(200);
    const point = (
      await app.db.getRepository('mq_pain_points').findOne({ filter: { sittingId: sitting.body.data.id } })
    ).toJSON() as any;
    const [first, second] = await Promise.all([
      cadreA.post(`/mq_pain_points:toProblem?filterByTk=${point.id}`).send({ category: 'enrollment' }),
      cadreA.post(`/mq_pain_points:toProblem?filterByTk=${point.id}`).send({}),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const problem = (first.status === 200 ? first : second).body.data;
    expect(problem).toMatchObject({
      source: 'visit',
      unitId: units[2],
      title: '转学需往返三个窗口盖章',
      status: 'new',
    });
    expect(await count('mq_problems', { title: '转学需往返三个窗口盖章' })).toBe(1);
    // not cadre B's pain point: outside their data scope, so not found for them
    expect((await cadreB.post(`/mq_pain_points:toProblem?filterByTk=${point.id}`).send({})).status).toBe(404);
  });

  it('research (调研) with its problems, source 调研', async () => {
    const res = await leader.resource('mq_research').create({
      values: {
        title: '课后服务满意度蹲点调研',
        topic: 'after_school',
        method: 'squat',
        problems: [{ title: '课后服务内容单一' }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.leaderId).toBe(users.leader.id);
    expect(res.body.data.problems[0]).toMatchObject({ source: 'research', title: '课后服务内容单一' });
    expect((await leader.resource('mq_research').create({ values: { problems: [] } })).status).toBe(400);
  });
});

describe('联系点 coverage: leaders at 0, 1, 2 and 3 liaison points', () => {
  let app: MinqingTestApp;
  beforeAll(async () => {
    app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists', '@minqing/plugin-liaison'] });
  });
  afterAll(() => app?.destroy());

  it('returns exactly those groups and the units nobody liaises', async () => {
    const admin = await app.agentAs(await app.createUser({ roles: ['mq_admin'] }));
    const leaders = [];
    for (const n of [0, 1, 2, 3])
      leaders.push(await app.createUser({ username: `leader${n}`, nickname: `领导${n}`, roles: ['mq_leader'] }));
    const cadre = await app.createUser({ username: 'cadre', roles: ['mq_cadre'] });
    const units = [];
    for (let i = 0; i < 6; i++)
      units.push((await admin.resource('mq_units').create({ values: { name: `学校${i}` } })).body.data.id);
    const link = (cadreId: number, unitId: number, active = true) =>
      admin.resource('mq_liaison_points').create({ values: { cadreId, unitId, active } });
    await link(leaders[1].id, units[0]);
    await link(leaders[2].id, units[0]);
    await link(leaders[2].id, units[1]);
    for (const u of units.slice(1, 4)) await link(leaders[3].id, u);
    await link(leaders[0].id, units[4], false); // inactive: does not count
    await link(cadre.id, units[5]); // not a leader: not in the groups, but the unit is liaised

    const res = await admin.get('/mqLiaison:coverage');
    expect(res.status).toBe(200);
    const c = res.body.data;
    const names = (group: any[]) => group.map((l) => l.nickname);
    expect(c.range).toEqual({ minPoints: 1, maxPoints: 2 });
    expect(names(c.none)).toEqual(['领导0']);
    expect(names(c.belowRange)).toEqual([]);
    expect(names(c.withinRange)).toEqual(['领导1', '领导2']);
    expect(names(c.aboveRange)).toEqual(['领导3']);
    expect(c.aboveRange[0].count).toBe(3);
    expect(c.rate).toBe(0.5);
    expect(c.unitsWithoutLiaison.map((u: any) => u.name)).toEqual(['学校4']);

    const root = await app.rootAgent();
    expect((await root.post('/mqLiaison:updateSettings').send({ minPoints: 2, maxPoints: 3 })).status).toBe(200);
    const again = (await admin.get('/mqLiaison:coverage')).body.data;
    expect([names(again.none), names(again.belowRange), names(again.withinRange), names(again.aboveRange)]).toEqual([
      ['领导0'],
      ['领导1'],
      ['领导2', '领导3'],
      [],
    ]);
    expect((await root.post('/mqLiaison:updateSettings').send({ minPoints: 3, maxPoints: 2 })).status).toBe(400);

    // by where each leader belongs (range 2–3 now): 领导1 and 领导2 of unit 学校0 in 沙市区, 领导3 of
    // the region 荆州区 directly, 领导0 not filled in yet
    await admin.resource('mq_units').update({ filterByTk: units[0], values: { region: '沙市区' } });
    for (const [leader, values] of [
      [leaders[1], { mqUnitId: units[0] }],
      [leaders[2], { mqUnitId: units[0] }],
      [leaders[3], { mqRegion: '荆州区' }],
    ] as const) {
      expect((await root.resource('users').update({ filterByTk: leader.id, values })).status).toBe(200);
    }
    const homes = (await admin.get('/mqLiaison:coverage')).body.data;
    expect(homes.byRegion.map((g: any) => [g.key, g.leaders, g.withinRange, g.rate])).toEqual([
      ['', 1, 0, 0], // 领导0
      ['荆州区', 1, 1, 1], // 领导3 (3 points)
      ['沙市区', 2, 1, 0.5], // 领导1 (1 point: below), 领导2 (2: within)
    ]);
    expect(homes.byUnit.map((g: any) => [g.label, g.leaders, g.rate])).toEqual([
      ['', 2, 0.5], // 领导0, 领导3: no unit
      ['学校0', 2, 0.5],
    ]);

    const leader = await app.agentAs(leaders[1]);
    expect((await leader.get('/mqLiaison:coverage')).status).toBe(200);
    expect((await (await app.agentAs(cadre)).get('/mqLiaison:coverage')).status).toBe(403);
  });

  it('imports units from Excel through NocoBase’s import', async () => {
    const admin = await app.agentAs(await app.createUser({ roles: ['mq_admin'] }));
    const res = await importRows(
      admin,
      'mq_units',
      ['name', 'type', 'region'],
      [
        ['名称', '单位类型', '所属区域'],
        ['沙市区第一幼儿园', '幼儿园', '沙市区'],
        ['荆州职业技术学院', '高校', '荆州区'],
      ],
    );
    expect(res.status).toBe(200);
    const kindergarten = await app.db.getRepository('mq_units').findOne({ filter: { name: '沙市区第一幼儿园' } });
    expect(kindergarten.get('type')).toBe('kindergarten');
    expect(kindergarten.get('region')).toBe('沙市区');
  });
});
