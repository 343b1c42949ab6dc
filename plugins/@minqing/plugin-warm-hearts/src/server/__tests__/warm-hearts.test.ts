import type { Model } from '@nocobase/database';
import { createMinqingApp, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';

const PLUGINS = ['@minqing/plugin-three-lists', '@minqing/plugin-publicity', '@minqing/plugin-warm-hearts'];
const STUDENT = {
  studentName: '刘小明',
  guardianName: '刘建国',
  guardianPhone: '13612345678',
  situation: '父母双亡，随祖母生活',
};

describe('warming hearts: livelihood projects, talks, the care ledger, typical cases', () => {
  let app: MinqingTestApp;
  let users: Record<string, TestUser>;
  let admin: Agent, care: Agent, cadre: Agent, anonymous: Agent;
  const leaders: Agent[] = [];
  let unitId: number;
  let actionId: number;

  const post = (agent: Agent, path: string, values: Record<string, unknown> = {}) =>
    agent.post(path).set('X-Locale', 'zh-CN').send(values);
  const project = async (title: string, leaderSlots = 1) =>
    (await admin.resource('mq_livelihood_projects').create({ values: { title, actionId, leaderSlots, unitId } })).body
      .data.id as number;
  const claim = (agent: Agent, id: number, values: Record<string, unknown> = {}) =>
    post(agent, `/mq_livelihood_projects:claim?filterByTk=${id}`, values);

  beforeAll(async () => {
    app = await createMinqingApp({ plugins: PLUGINS });
    users = {
      admin: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      care: await app.createUser({ username: 'carer', roles: ['mq_care'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
    };
    for (let i = 0; i < 4; i++) {
      users[`leader${i}`] = await app.createUser({ username: `leader${i}`, roles: ['mq_leader'] });
      leaders.push(await app.agentAs(users[`leader${i}`]));
    }
    admin = await app.agentAs(users.admin);
    care = await app.agentAs(users.care);
    cadre = await app.agentAs(users.cadre);
    anonymous = app.anonymous();
    unitId = (await admin.resource('mq_units').create({ values: { name: '公安县实验小学', region: '公安县' } })).body
      .data.id;
    actionId = (await admin.resource('mq_livelihood_actions').create({ values: { name: '十大行动', year: 2026 } })).body
      .data.id;
  });
  afterAll(() => app?.destroy());

  describe('claiming projects (认领)', () => {
    it('a leader claims a project in one action; twice is refused; a full project is refused', async () => {
      const id = await project('课后服务提质');
      const ok = await claim(leaders[0], id);
      expect(ok.status).toBe(200);
      expect(ok.body.data).toMatchObject({ projectId: id, leaderId: users.leader0.id, active: true });
      const again = await claim(leaders[0], id);
      expect([again.status, again.body.errors[0].code]).toEqual([409, 'ALREADY_CLAIMED']);
      const full = await claim(leaders[1], id);
      expect([full.status, full.body.errors[0].code]).toEqual([409, 'NO_SLOT_LEFT']);
      expect(full.body.errors[0].message).toMatch(/最后一个名额/);
      const row = await app.db.getRepository('mq_livelihood_projects').findOne({ filterByTk: id });
      expect(row.get('claimedCount')).toBe(1);
    });

    it('two leaders after the last place at once: one claim, one clean 409', async () => {
      const id = await project('校园食品安全', 2);
      expect((await claim(leaders[1], id)).status).toBe(200);
      const results = await Promise.all([claim(leaders[2], id), claim(leaders[3], id)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.errors[0].code).toBe('NO_SLOT_LEFT');
      expect(await app.db.getRepository('mq_project_claims').count({ filter: { projectId: id, active: true } })).toBe(
        2,
      );
      expect(
        (await app.db.getRepository('mq_livelihood_projects').findOne({ filterByTk: id })).get('claimedCount'),
      ).toBe(2);
    });

    it('the per-leader range is a setting; release frees the place', async () => {
      const [a, b, c] = [await project('学生近视防控'), await project('心理健康护航'), await project('校车安全')];
      // leader0 holds one already; the default maximum is 2
      expect((await claim(leaders[0], a)).status).toBe(200);
      const third = await claim(leaders[0], b);
      expect([third.status, third.body.errors[0].code]).toEqual([409, 'CLAIM_LIMIT']);
      expect(third.body.errors[0].message).toMatch(/最多认领 2 个/);
      expect((await post(admin, '/mqWarmHearts:updateSettings', { maxProjectsPerLeader: 3 })).status).toBe(200);
      expect((await claim(leaders[0], b)).status).toBe(200);
      expect((await post(leaders[0], `/mq_livelihood_projects:release?filterByTk=${b}`)).status).toBe(200);
      expect((await post(leaders[0], `/mq_livelihood_projects:release?filterByTk=${b}`)).status).toBe(409);
      expect((await claim(leaders[1], b)).status).toBe(200);
      // a cadre cannot claim; a leader cannot claim for someone else; the office can
      expect((await claim(cadre, c)).status).toBe(403);
      expect((await claim(leaders[2], c, { leaderId: users.leader3.id })).status).toBe(403);
      expect((await claim(admin, c, { leaderId: users.leader3.id })).status).toBe(200);
      // claimedCount is kept by the actions only
      await admin.resource('mq_livelihood_projects').update({ filterByTk: c, values: { claimedCount: 0 } });
      expect(
        (await app.db.getRepository('mq_livelihood_projects').findOne({ filterByTk: c })).get('claimedCount'),
      ).toBe(1);
      await post(admin, '/mqWarmHearts:updateSettings', { maxProjectsPerLeader: 2 });
    });

    it('coverage sorts leaders against the range and lists projects with free places', async () => {
      const res = await leaders[0].get('/mqWarmHearts:claimCoverage');
      expect(res.status).toBe(200);
      const { leaders: groups, projectsWithFreePlaces } = res.body.data;
      const ids = (g: any[]) => g.map((l) => l.id).sort();
      // which of leader2 and leader3 won the race decides who holds what: count from the claims
      const held = async (i: number) =>
        app.db.getRepository('mq_project_claims').count({ filter: { leaderId: users[`leader${i}`].id, active: true } });
      const expected = { none: [] as number[], withinRange: [] as number[] };
      for (let i = 0; i < 4; i++) {
        const n = await held(i);
        (n === 0 ? expected.none : expected.withinRange).push(users[`leader${i}`].id);
      }
      expect(ids(groups.withinRange)).toEqual(expected.withinRange.sort());
      expect(ids(groups.none)).toEqual(expected.none.sort());
      expect(groups.withinRange).toHaveLength(expected.withinRange.length);
      expect(projectsWithFreePlaces).toEqual([]);
      expect((await cadre.get('/mqWarmHearts:claimCoverage')).status).toBe(403);
    });

    it('a claiming leader reports progress; others cannot', async () => {
      await post(admin, '/mqWarmHearts:updateSettings', { maxProjectsPerLeader: 5 });
      const id = await project('劳动教育基地');
      expect((await claim(leaders[3], id)).status).toBe(200);
      const update = (agent: Agent, progressNote: string) =>
        agent
          .resource('mq_livelihood_projects')
          .update({ filterByTk: id, values: { progressPercent: 40, progressNote } });
      expect((await update(leaders[3], '已完成选址')).status).toBe(200);
      await update(leaders[0], '不是我的项目');
      const row = await app.db.getRepository('mq_livelihood_projects').findOne({ filterByTk: id });
      expect(row.get('progressNote')).toBe('已完成选址');
      await post(leaders[3], `/mq_livelihood_projects:release?filterByTk=${id}`);
      await post(admin, '/mqWarmHearts:updateSettings', { maxProjectsPerLeader: 2 });
    });
  });

  describe('publicity talks (宣传宣讲)', () => {
    it('a cadre records a talk with audiences and attendance', async () => {
      const res = await cadre.resource('mq_talks').create({
        values: {
          topic: '双减政策宣讲',
          speakerId: users.cadre.id,
          unitId,
          audiences: ['parents', 'teachers'],
          attendance: 120,
          place: '学校礼堂',
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ audiences: ['parents', 'teachers'], attendance: 120 });
      expect((await leaders[0].resource('mq_talks').list()).body.data).toHaveLength(0); // not theirs
    });
  });

  describe('the care ledger (特殊困难学生关爱台账)', () => {
    let studentId: number;

    beforeAll(async () => {
      const res = await care
        .resource('mq_care_students')
        .create({ values: { ...STUDENT, unitId, kind: 'orphan', grade: '四(2)班' } });
      expect(res.status).toBe(200);
      studentId = res.body.data.id;
    });

    it('only mq_care and mq_admin read it; a cadre, a leader and anonymous users are refused every action', async () => {
      expect((await care.resource('mq_care_students').list()).body.data).toHaveLength(1);
      expect((await admin.resource('mq_care_students').get({ filterByTk: studentId })).body.data.studentName).toBe(
        STUDENT.studentName,
      );
      // signed in: forbidden (403); not signed in: who are you (401)
      for (const [agent, refused] of [
        [cadre, 403],
        [leaders[0], 403],
        [anonymous, 401],
      ] as const) {
        for (const action of ['list', 'get', 'export', 'create', 'update', 'destroy']) {
          const res = await agent
            .post(`/mq_care_students:${action}?filterByTk=${studentId}`)
            .send({ studentName: 'x' });
          expect(`${action} → ${res.status}`).toBe(`${action} → ${refused}`);
        }
        expect((await agent.get('/mq_care_audit:list')).status).toBe(refused);
      }
      expect((await care.get('/mq_care_audit:list')).status).toBe(403); // the officer cannot read the log about themselves
      expect(await app.db.getRepository('mq_care_students').count()).toBe(1);
    });

    it('nothing they can reach leads to it: units, users, problems, projects, exports', async () => {
      const texts: string[] = [];
      for (const agent of [cadre, leaders[0]]) {
        for (const path of [
          `/mq_units:list?appends[]=careStudents`,
          `/mq_units:get?filterByTk=${unitId}&appends[]=careStudents`,
          `/users:list?appends[]=careStudents`,
          `/mq_livelihood_projects:list?appends[]=unit`,
          `/mq_problems:list`,
        ]) {
          const res = await agent.get(path);
          texts.push(JSON.stringify(res.body));
        }
        const exported = await agent
          .post('/mq_units:export')
          .send({ columns: [{ dataIndex: ['name'] }, { dataIndex: ['careStudents', 'studentName'] }] });
        texts.push(String(exported.text ?? ''), exported.body ? (exported.body.toString?.('latin1') ?? '') : '');
      }
      const all = texts.join('\n');
      for (const value of Object.values(STUDENT)) expect(all).not.toContain(value);
      // no association anywhere points at the ledger
      for (const [name, collection] of app.db.collections) {
        if (name === 'mq_care_students' || name === 'mq_care_audit') continue;
        for (const [, field] of collection.fields) {
          expect(`${name}.${field.name} → ${(field.options as any).target}`).not.toMatch(/mq_care_(students|audit)$/);
        }
      }
    });

    it('figures below the minimum group size are not shown', async () => {
      const res = await care.get('/mqCare:stats');
      expect(res.status).toBe(200);
      expect(res.body.data.total).toBe('<5');
      expect(res.body.data.byKind).toEqual([{ kind: 'orphan', students: '<5' }]);
      expect((await cadre.get('/mqCare:stats')).status).toBe(403);
    });

    it('workflows may not use it', async () => {
      const root = await app.rootAgent();
      const res = await root.resource('workflows').create({
        values: {
          title: '关爱通知',
          type: 'collection',
          config: { mode: 1, collection: 'mq_care_students' },
          sync: false,
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('CARE_NOT_IN_WORKFLOWS');
    });

    it('the audit log records every read by mq_care, and every change, and cannot be altered', async () => {
      const log = app.db.getRepository('mq_care_audit');
      const before = await log.count({ filter: { userId: users.care.id } });
      await care.resource('mq_care_students').list();
      await care.resource('mq_care_students').get({ filterByTk: studentId });
      await care.resource('mq_care_students').update({ filterByTk: studentId, values: { measures: '每周家访一次' } });
      const rows = await log.find({ filter: { userId: users.care.id }, sort: ['id'] });
      expect(rows.length).toBe(before + 3);
      const last = rows.slice(-3).map((r: Model) => r.toJSON() as Record<string, unknown>);
      expect(last.map((r: Record<string, unknown>) => r.action)).toEqual(['list', 'get', 'update']);
      expect(
        last.every(
          (r: Record<string, unknown>) => r.roleName === 'mq_care' && r.recordIds === String(studentId) && r.createdAt,
        ),
      ).toBe(true);
      expect(last[2].fields).toContain('measures');
      const creation = await log.findOne({ filter: { action: 'create' } });
      expect(creation.get('userId')).toBe(users.care.id);
      // admins view it; nobody changes it
      const view = await admin.resource('mq_care_audit').list({ sort: ['-id'] });
      expect(view.status).toBe(200);
      expect((await admin.resource('mq_care_audit').destroy({ filterByTk: view.body.data[0].id })).status).toBe(403);
      await expect(log.destroy({ filter: { id: view.body.data[0].id } })).rejects.toThrow(/cannot be changed/);
    });
  });

  describe('typical cases (先进典型)', () => {
    it('a project becomes a case, published to the public page with no personal data', async () => {
      const id = await project('困难学生精准资助');
      await admin.resource('mq_livelihood_projects').update({
        filterByTk: id,
        values: { goals: '建立台账，精准资助', progressNote: '全县资助覆盖率100%', status: 'done' },
      });
      const draft = await post(admin, `/mq_livelihood_projects:toCase?filterByTk=${id}`);
      expect(draft.status).toBe(200);
      expect(draft.body.data).toMatchObject({ projectId: id, isPublished: false, title: '困难学生精准资助' });
      expect((await anonymous.get('/mqPublic:cases')).body.data).toHaveLength(0);
      await admin.resource('mq_cases').update({ filterByTk: draft.body.data.id, values: { isPublished: true } });
      const cases = await anonymous.get('/mqPublic:cases');
      expect(cases.body.data).toHaveLength(1);
      expect(Object.keys(cases.body.data[0]).sort()).toEqual([
        'category',
        'id',
        'outcome',
        'photos',
        'publishedAt',
        'story',
        'title',
        'unit',
      ]);
      const text = JSON.stringify(cases.body);
      for (const value of [...Object.values(STUDENT), 'leader0', 'office']) expect(text).not.toContain(value);
      // a problem becomes a case only from its public texts, once done
      const p = (await cadre.resource('mq_problems').create({ values: { title: '刘建国反映资助未到', unitId } })).body
        .data.id;
      expect((await post(admin, `/mq_problems:toCase?filterByTk=${p}`)).status).toBe(409);
    });
  });
});
