import { createMinqingApp, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';
import { publicPageHtml } from '../services/public-page';

/** Values that must never leave the building through a public endpoint. */
const SECRETS = {
  name: '赵秀英',
  phone: '13971234567',
  idNumber: '42100219850317642X',
  address: '荆州区东门路88号2栋301',
  studentNote: '该生为孤儿，患抑郁症',
  internal: '内部意见：校长推诿暂不公开',
};
const ALL = Object.values(SECRETS);

describe('privacy: nothing personal or internal reaches the public', () => {
  let app: MinqingTestApp;
  let admin: Agent, cadre: Agent, leader: Agent, anonymous: Agent;
  let users: Record<string, TestUser>;
  let unitId: number;
  const codes: string[] = [];

  const act = (agent: Agent, action: string, id: number, values: Record<string, unknown> = {}) =>
    agent.post(`/mq_problems:${action}?filterByTk=${id}`).send(values);
  const ok = async (res: Promise<any>) => {
    const r = await res;
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body.data;
  };

  beforeAll(async () => {
    app = await createMinqingApp(); // all four plugins: every mq_* collection exists
    users = {
      admin: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
      leader: await app.createUser({ username: 'leader', nickname: SECRETS.name, roles: ['mq_leader'] }),
    };
    admin = await app.agentAs(users.admin);
    cadre = await app.agentAs(users.cadre);
    leader = await app.agentAs(users.leader);
    anonymous = app.anonymous();
    await (app.app.pm.get('@minqing/plugin-publicity') as any).rateLimiter.reset();

    // an administrator's own fields, added later in the collection manager
    const root = await app.rootAgent();
    await ok(
      root.resource('collections.fields', 'mq_problems').create({
        values: {
          name: 'complainantIdNo',
          type: 'string',
          interface: 'input',
          uiSchema: { title: '投诉人身份证号', type: 'string', 'x-component': 'Input' },
        },
      }),
    );
    await ok(
      root.resource('collections.fields', 'mq_units').create({
        values: {
          name: 'principalPhone',
          type: 'string',
          interface: 'phone',
          uiSchema: { title: '校长电话', type: 'string', 'x-component': 'Input' },
        },
      }),
    );

    unitId = (
      await ok(
        admin
          .resource('mq_units')
          .create({ values: { name: '荆州市北京路小学', region: '沙市区', principalPhone: SECRETS.phone } }),
      )
    ).id;

    // from the public, with contact details and personal data in the text
    const submitted = await ok(
      anonymous.post('/mqPublic:submit').send({
        category: 'financial_aid',
        unitId,
        description: `我是${SECRETS.name}，住${SECRETS.address}，身份证${SECRETS.idNumber}，孩子${SECRETS.studentNote}，资助没有发放`,
        contactName: SECRETS.name,
        contactPhone: SECRETS.phone,
        contactEmail: 'zhao@example.com',
      }),
    );
    codes.push(submitted.trackingCode);
    const report = await app.db
      .getRepository('mq_public_reports')
      .findOne({ filter: { trackingCode: submitted.trackingCode } });
    const fromPublic = report.get('problemId') as number;

    // found on a visit, with everything internal filled in
    const visit = await ok(
      cadre.resource('mq_problems').create({
        values: {
          title: `${SECRETS.name}家${SECRETS.studentNote}，申请资助`,
          description: `${SECRETS.address}；身份证 ${SECRETS.idNumber}；电话 ${SECRETS.phone}`,
          category: 'financial_aid',
          unitId,
          complainantIdNo: SECRETS.idNumber,
        },
      }),
    );

    for (const id of [fromPublic, visit.id]) {
      await ok(act(admin, 'assign', id, { personId: users.leader.id, guarantorId: users.leader.id }));
      await ok(act(leader, 'accept', id, { measures: SECRETS.internal }));
      await ok(
        act(leader, 'reportProgress', id, { content: `${SECRETS.internal}，已联系${SECRETS.name}`, percent: 50 }),
      );
      await ok(act(leader, 'complete', id, { completionSummary: `${SECRETS.internal}；${SECRETS.studentNote}` }));
      await ok(
        leader.resource('mq_revisits').create({
          values: {
            problemId: id,
            outcome: 'resolved',
            satisfaction: 4,
            method: 'phone',
            notes: `电话${SECRETS.phone}回访${SECRETS.name}`,
          },
        }),
      );
    }
    await ok(act(admin, 'reopen', visit.id, { reason: SECRETS.internal }));
    await ok(act(leader, 'complete', visit.id, { completionSummary: SECRETS.internal }));
    await ok(act(admin, 'close', fromPublic));
    await ok(
      admin.resource('mq_supervisions').create({
        values: { problemId: visit.id, level: 'supervise', reason: 'overdue', content: SECRETS.internal },
      }),
    );
    await app.db
      .getRepository('mq_public_reports')
      .update({ filter: { trackingCode: submitted.trackingCode }, values: { reply: '资助已按规定发放' } });

    // the office publishes both, with texts written for the public
    await ok(act(admin, 'publish', fromPublic, { publicTitle: '助学金发放延迟', publicSummary: '已核实并补发助学金' }));
    await ok(act(admin, 'publish', visit.id, { publicTitle: '困难学生资助申请', publicSummary: '已纳入资助名单' }));
    // a typical case made from the second one
    await ok(
      admin.resource('mq_cases').create({
        values: {
          title: '精准资助不漏一人',
          story: '学校建立困难学生台账，逐户走访',
          outcome: '当年资助全覆盖',
          unitId,
          problemId: visit.id,
          category: 'financial_aid',
          isPublished: true,
        },
      }),
    );
    // the public evaluates, with personal data in the comment
    const tracked = await ok(anonymous.get(`/mqPublic:track?code=${submitted.trackingCode}`));
    const token = tracked.evaluation.token;
    expect(token).toBeTruthy();
    await ok(anonymous.get(`/mqPublic:evaluation?token=${token}`)); // before use
    await ok(
      anonymous
        .post('/mqPublic:evaluate')
        .send({ token, score: 5, comment: `我是${SECRETS.name}，电话${SECRETS.phone}` }),
    );
  });
  afterAll(() => app?.destroy());

  it('no public endpoint returns any of them, under any filter', async () => {
    const options = await ok(anonymous.get('/mqPublic:options'));
    const categories = ['', ...options.categories.map((c: any) => c.value)];
    const statuses = ['', ...options.statuses];
    const requests: [string, Record<string, unknown>][] = [
      ['/mqPublic:options', {}],
      ['/mqPublic:cases', {}],
      ['/mqPublic:cases', { page: 2 }],
    ];
    for (const q of ['', '北京路', ...ALL]) requests.push(['/mqPublic:units', { q }]);
    for (const category of categories)
      for (const status of statuses) requests.push(['/mqPublic:list', { category, status }]);
    for (const q of ['', '资助', ...ALL]) requests.push(['/mqPublic:list', { q, unitId }]);
    for (const groupBy of ['', 'unit', 'month', 'category'])
      for (const category of ['', 'financial_aid'])
        for (const unit of ['', unitId])
          requests.push(['/mqPublic:stats', { groupBy, category, unitId: unit, from: '2020-01-01', to: '2099-12-31' }]);
    for (const code of codes) requests.push(['/mqPublic:track', { code }]);

    const seen: string[] = [];
    for (const [path, query] of requests) {
      const res = await anonymous.get(path).query(query);
      expect(`${path} ${JSON.stringify(query)} → ${res.status}`).toMatch(/→ 200$/);
      seen.push(JSON.stringify(res.body));
    }
    // the public page's document carries texts and options for its first screen, in both languages
    for (const [url, acceptLanguage] of [
      ['/minqing/public', 'zh-CN'],
      ['/minqing/public?tab=track&lang=en-US', ''],
      ['/minqing/public/evaluate/some-token', 'en'],
    ]) {
      seen.push(await publicPageHtml(app.app, { url, acceptLanguage }, 'void 0'));
    }
    const everything = seen.join('\n');
    for (const secret of [...ALL, 'zhao@example.com']) expect(everything).not.toContain(secret);
    // and it is not for want of data: the published texts are there
    expect(everything).toContain('助学金发放延迟');
    expect(everything).toContain('精准资助不漏一人');
    expect(everything).toContain('资助已按规定发放');
    expect(requests.length).toBeGreaterThan(100);
    expect(everything).toContain('"publicStatus.closed":"已解决并确认"');
    expect(everything).toContain('"publicStatus.closed":"Solved and confirmed"');
  });

  it('anonymous users reach no mq_* collection action, and nothing changes', async () => {
    const collections = [...app.db.collections.keys()].filter((name) => name.startsWith('mq_'));
    expect(collections.length).toBeGreaterThanOrEqual(20);
    const counts = async () => Promise.all(collections.map((name) => app.db.getRepository(name).count()));
    const before = await counts();
    const actions = [
      'list',
      'get',
      'create',
      'update',
      'destroy',
      'export',
      'importXlsx',
      'firstOrCreate',
      'updateOrCreate',
    ];
    const custom = [
      'assign',
      'accept',
      'reportProgress',
      'complete',
      'close',
      'reopen',
      'publish',
      'unpublish',
      'respond',
      'toProblem',
    ];
    for (const name of collections) {
      for (const action of [...actions, ...custom]) {
        const res = await anonymous.post(`/${name}:${action}?filterByTk=1`).send({ title: 'x', status: 'closed' });
        // an action a collection does not have is 404 for everyone; every other is refused
        expect(`${name}:${action} → ${res.status}`).toMatch(custom.includes(action) ? /→ 40[134]$/ : /→ 40[13]$/);
      }
      const get = await anonymous.get(`/${name}:list`);
      expect(`${name}:list → ${get.status}`).toMatch(/→ 40[13]$/);
    }
    for (const path of [
      '/mqStats:get',
      '/mqStats:dashboard',
      '/mqResults:list',
      '/mqThreeLists:getSettings',
      // the assign form's people search: open to whoever may assign, never to the public
      '/mqThreeLists:people',
      '/mqPublicity:getSettings',
      '/mqPublicity:updateSettings',
      '/mqLiaison:coverage',
    ]) {
      expect(`${path} → ${(await anonymous.post(path).send({})).status}`).toMatch(/→ 40[13]$/);
    }
    // nor through an association of a collection they can't list either
    expect((await anonymous.get('/mq_problems/1/responsibilities:list')).status).toBe(401);
    expect(await counts()).toEqual(before);
  });
});
