import { createMinqingApp, pinClock, unpinClock, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';
import { LOOP_ACTIONS, type LoopAction } from '../domain/loop';
import { onLoopStep, type LoopStepEvent } from '../services/loop';

const PLUGINS = ['@minqing/plugin-three-lists'];
/** the file's clock: Wednesday 18 November 2026, 10:00 in the bureau */
const START = '2026-11-18T02:00:00Z';

describe('the closed loop over HTTP, as users with roles', () => {
  let app: MinqingTestApp;
  let admin: Agent, cadreA: Agent, cadreB: Agent, leader: Agent;
  let users: Record<string, TestUser>;
  let unitId: number;

  beforeAll(async () => {
    pinClock(START);
    app = await createMinqingApp({ plugins: PLUGINS });
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
    const unit = await admin
      .resource('mq_units')
      .create({ values: { name: '荆州实验小学', region: '沙市区', type: 'primary_secondary' } });
    expect(unit.status).toBe(200);
    unitId = unit.body.data.id;
  });

  afterAll(async () => {
    await app?.destroy();
    unpinClock();
  });

  const act = (agent: Agent, action: string, id: number, values: Record<string, unknown> = {}, locale = 'en-US') =>
    agent.post(`/mq_problems:${action}?filterByTk=${id}`).set('X-Locale', locale).send(values);

  const problem = async (id: number) =>
    (
      await app.db.getRepository('mq_problems').findOne({ filterByTk: id, appends: ['responsibilities', 'tasks'] })
    ).toJSON() as any;

  /** Everything a refused request must leave exactly as it was. */
  const snapshot = async (id: number) => ({
    problem: await problem(id),
    responsibilities: await app.db.getRepository('mq_responsibilities').count({ filter: { problemId: id } }),
    tasks: await app.db.getRepository('mq_tasks').count({ filter: { problemId: id } }),
    reports: await app.db.getRepository('mq_progress_reports').count({ filter: { problemId: id } }),
  });

  async function report(by: Agent, title: string) {
    const res = await by
      .resource('mq_problems')
      .create({ values: { title, unitId, category: 'canteen', source: 'visit' } });
    expect(res.status).toBe(200);
    expect(res.body.data.code).toMatch(/^WT\d{4}-\d{6}$/);
    expect(res.body.data.status).toBe('new');
    return res.body.data.id as number;
  }

  async function driveToDone(id: number, person = users.cadreA, agent = cadreA) {
    // the leader guarantees it, and so may revisit it
    const guaranteed = { personId: person.id, mode: 'leader_guarantee', guarantorId: users.leader.id, goal: '限期解决' };
    expect((await act(admin, 'assign', id, guaranteed)).status).toBe(200);
    expect((await act(agent, 'accept', id, { measures: '错峰就餐，增设窗口' })).status).toBe(200);
    expect((await act(agent, 'reportProgress', id, { content: '已增设两个窗口', percent: 60 })).status).toBe(200);
    expect((await act(agent, 'complete', id, { completionSummary: '排队时间由20分钟降至5分钟' })).status).toBe(200);
  }

  it('new → assigned → in_progress → done → closed, each step stamped', async () => {
    const id = await report(cadreA, '食堂排队时间长');

    const assigned = await act(admin, 'assign', id, { personId: users.cadreA.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data.status).toBe('assigned');
    expect(assigned.body.data.assignedAt).toBeTruthy();
    const [responsibility] = assigned.body.data.responsibilities;
    expect(responsibility).toMatchObject({ personId: users.cadreA.id, unitId, mode: 'first_receiver', active: true });
    // 首接首办: 5 working days from Wednesday; accepted within 1
    expect(responsibility).toMatchObject({ deadline: '2026-11-25', acceptBy: '2026-11-19' });
    expect(responsibility.createdById).toBe(users.admin.id);

    const accepted = await act(cadreA, 'accept', id, { measures: '错峰就餐' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ status: 'in_progress' });
    expect(accepted.body.data.tasks[0]).toMatchObject({ measures: '错峰就餐', progress: 0 });

    const progressed = await act(cadreA, 'reportProgress', id, { content: '已增设两个窗口', percent: 60 });
    expect(progressed.status).toBe(200);
    expect(progressed.body.data.status).toBe('in_progress');
    expect(progressed.body.data.tasks[0].progress).toBe(60);

    const done = await act(cadreA, 'complete', id, { completionSummary: '排队时间降至5分钟' });
    expect(done.status).toBe(200);
    expect(done.body.data.status).toBe('done');
    expect(done.body.data.tasks[0]).toMatchObject({ progress: 100, completionSummary: '排队时间降至5分钟' });

    // 首接首办: no guarantor; a leader unrelated to it may not revisit it until the office appoints them
    const values = { problemId: id, outcome: 'resolved', satisfaction: 5, method: 'on_site', comment: '家长反映明显改善' };
    const unrelated = await leader.post('/mq_revisits:create').set('X-Locale', 'zh-CN').send(values);
    expect([unrelated.status, unrelated.body.errors[0].code]).toEqual([403, 'REVISIT_NOT_RELATED']);
    expect(unrelated.body.errors[0].message).toContain('包保');
    const onAnothersName = await admin.resource('mq_revisits').create({ values: { ...values, revisiterId: users.leader.id } });
    expect([onAnothersName.status, onAnothersName.body.errors[0].code]).toEqual([403, 'NOT_ON_ANOTHERS_NAME']);
    // 待我回访 opens the problem: an unrelated leader cannot read it until a revisit is planned for them
    const read = async () => (await leader.resource('mq_problems').get({ filterByTk: id })).body.data;
    expect(await read()).toBeFalsy();
    const planned = await admin
      .resource('mq_revisits')
      .create({ values: { problemId: id, state: 'pending', revisiterId: users.leader.id } });
    expect(planned.status).toBe(200);
    expect(await read()).toMatchObject({ id, status: 'done' });
    const toRevisit = await leader.resource('mq_problems').list({
      filter: { 'revisits.revisiterId': users.leader.id, 'revisits.state': 'pending' },
    });
    expect(toRevisit.body.data.map((p: any) => p.id)).toContain(id);
    expect((await cadreA.resource('mq_revisits').create({ values })).status).toBe(403);
    const revisit = await leader.resource('mq_revisits').update({ filterByTk: planned.body.data.id, values });
    expect(revisit.status).toBe(200);
    expect(revisit.body.data[0]).toMatchObject({ revisiterId: users.leader.id, state: 'done', outcome: 'resolved' });

    const closed = await act(admin, 'close', id);
    expect(closed.status).toBe(200);
    const p = await problem(id);
    expect(p.status).toBe('closed');
    for (const stamp of ['assignedAt', 'acceptedAt', 'doneAt', 'closedAt']) expect(p[stamp]).toBeTruthy();
    expect(p.responsibilities[0].acceptedAt).toBeTruthy();
  });

  it('done → revisit 未解决 → reopened → done → closed', async () => {
    const id = await report(cadreA, '宿舍热水供应不稳定');
    await driveToDone(id);

    const unresolved = await leader
      .resource('mq_revisits')
      .create({ values: { problemId: id, outcome: 'unresolved', satisfaction: 2 } });
    expect(unresolved.status).toBe(200);
    let p = await problem(id);
    expect(p).toMatchObject({ status: 'reopened', reopenCount: 1 });
    expect(p.reopenedAt).toBeTruthy();
    expect(p.reopenReason).toBeTruthy();

    // the old "resolved" cannot close it: a new revisit after the new completion is needed
    expect((await act(cadreA, 'complete', id, { completionSummary: '更换热水器' })).status).toBe(200);
    const early = await act(admin, 'close', id);
    expect(early.status).toBe(409);
    expect(early.body.errors[0].code).toBe('CLOSE_NEEDS_REVISIT');

    expect(
      (await leader.resource('mq_revisits').create({ values: { problemId: id, outcome: 'resolved', satisfaction: 4 } }))
        .status,
    ).toBe(200);
    expect((await act(admin, 'close', id)).status).toBe(200);
    p = await problem(id);
    expect(p.status).toBe('closed');
  });

  it('a dissatisfied public evaluation reopens a closed problem', async () => {
    const id = await report(cadreA, '课后服务收费不透明');
    await driveToDone(id);
    await leader.resource('mq_revisits').create({ values: { problemId: id, outcome: 'resolved' } });
    expect((await act(admin, 'close', id)).status).toBe(200);
    const evaluation = await admin
      .resource('mq_evaluations')
      .create({ values: { problemId: id, score: 1, evaluatorKind: 'parent' } });
    expect(evaluation.status).toBe(200);
    expect((await problem(id)).status).toBe('reopened');
  });

  it('refuses steps out of order with a 4xx naming the rule, and changes nothing', async () => {
    const id = await report(cadreA, '校门口交通拥堵');
    const before = await snapshot(id);

    const early = await act(admin, 'accept', id, {}, 'zh-CN');
    expect(early.status).toBe(409);
    expect(early.body.errors[0]).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(early.body.errors[0].message).toContain('待交办');
    expect(early.body.errors[0].message).toContain('接收');
    const earlyEn = await act(admin, 'close', id, {}, 'en-US');
    expect(earlyEn.body.errors[0].message).toMatch(/to assign.*close/i);

    for (const values of [{}, { personId: 999999 }, { personId: users.cadreA.id, deadline: '2001-01-01' }]) {
      const bad = await act(admin, 'assign', id, values);
      expect(bad.status).toBe(400);
    }
    const noGuarantor = await act(
      admin,
      'assign',
      id,
      { personId: users.cadreA.id, mode: 'leader_guarantee' },
      'zh-CN',
    );
    expect(noGuarantor.status).toBe(400);
    expect(noGuarantor.body.errors[0].message).toContain('包保领导');
    const noGoal = await act(admin, 'assign', id, {
      personId: users.cadreA.id,
      mode: 'leader_guarantee',
      guarantorId: users.leader.id,
    });
    expect(noGoal.status).toBe(400);
    expect(await snapshot(id)).toEqual(before);

    // assigned; complete without a summary is refused and leaves no trace
    expect(
      (
        await act(admin, 'assign', id, {
          personId: users.cadreA.id,
          mode: 'leader_guarantee',
          guarantorId: users.leader.id,
          goal: '一抓到底',
        })
      ).status,
    ).toBe(200);
    expect((await act(cadreA, 'accept', id)).status).toBe(200);
    const mid = await snapshot(id);
    const noSummary = await act(cadreA, 'complete', id, { completionSummary: '  ' }, 'zh-CN');
    expect(noSummary.status).toBe(400);
    expect(noSummary.body.errors[0].message).toContain('办结情况');
    const badPercent = await act(cadreA, 'reportProgress', id, { content: '进行中', percent: 140 });
    expect(badPercent.status).toBe(400);
    expect(await snapshot(id)).toEqual(mid);
  });

  it('the generic update cannot change status or transition times, whoever asks; other fields stay editable', async () => {
    const id = await report(cadreA, '教室照明不足');
    const root = await app.rootAgent();
    for (const agent of [admin, root]) {
      for (const values of [
        { status: 'closed' },
        { closedAt: new Date().toISOString() },
        { title: '改标题', doneAt: new Date().toISOString() },
      ]) {
        const res = await agent.resource('mq_problems').update({ filterByTk: id, values });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].code).toBe('LOOP_FIELD_READ_ONLY');
      }
    }
    const zh = await admin
      .put(`/mq_problems:update?filterByTk=${id}`)
      .set('X-Locale', 'zh-CN')
      .send({ status: 'done' });
    expect(zh.body.errors[0].message).toContain('状态');
    expect((await problem(id)).title).toBe('教室照明不足');

    const created = await admin
      .resource('mq_problems')
      .create({ values: { title: '直接建成已销号', status: 'closed' } });
    expect(created.status).toBe(400);
    expect(await app.db.getRepository('mq_problems').count({ filter: { title: '直接建成已销号' } })).toBe(0);

    const bulk = await admin.resource('mq_problems').update({ filter: { id }, values: { status: 'closed' } });
    expect(bulk.status).toBe(400);

    const ok = await cadreA
      .resource('mq_problems')
      .update({ filterByTk: id, values: { title: '教室照明不足（三楼）', description: '灯管老化' } });
    expect(ok.status).toBe(200);
    expect((await problem(id)).status).toBe('new');
  });

  it('a required field left empty is refused in the caller’s language, naming the field (not a raw template)', async () => {
    for (const [locale, title] of [
      ['zh-CN', '标题'],
      ['en-US', 'Title'],
    ]) {
      const res = await cadreA.post('/mq_problems:create').set('X-Locale', locale).send({ description: '没有标题' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ code: 'REQUIRED' });
      expect(res.body.errors[0].message).toContain(title);
      expect(res.body.errors[0].message).not.toContain('{{');
    }
    expect(await app.db.getRepository('mq_problems').count({ filter: { description: '没有标题' } })).toBe(0);
  });

  it('a cadre cannot see or act on another cadre’s problems', async () => {
    const id = await report(cadreA, '学生资助发放延迟');
    expect((await act(admin, 'assign', id, { personId: users.cadreA.id })).status).toBe(200);

    const list = await cadreB.resource('mq_problems').list({ pageSize: 100 });
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: any) => p.id)).not.toContain(id);
    const get = await cadreB.resource('mq_problems').get({ filterByTk: id });
    expect(get.body.data ?? null).toBeNull();

    const before = await snapshot(id);
    const stolen = await act(cadreB, 'accept', id);
    expect([403, 404]).toContain(stolen.status);
    expect(await snapshot(id)).toEqual(before);
    expect((await act(cadreB, 'assign', id, { personId: users.cadreB.id })).status).toBe(403);
    expect(
      (await cadreB.resource('mq_problems').update({ filterByTk: id, values: { title: '被改了' } })).body.data ?? [],
    ).toEqual([]);
    expect((await problem(id)).title).toBe('学生资助发放延迟');

    // the responsible cadre sees it; the reporter (also cadreA here) too
    const mine = await cadreA.resource('mq_problems').list({ pageSize: 100 });
    expect(mine.body.data.map((p: any) => p.id)).toContain(id);
    // a cadre may not assign, close or reopen
    expect((await act(cadreA, 'close', id)).status).toBe(403);
  });

  it('a leader sees what they guarantee, not the rest', async () => {
    const guaranteed = await report(cadreA, '校舍漏雨');
    const other = await report(cadreB, '校车路线不合理');
    expect(
      (
        await act(admin, 'assign', guaranteed, {
          personId: users.cadreA.id,
          mode: 'leader_guarantee',
          guarantorId: users.leader.id,
          goal: '雨季前修复',
        })
      ).status,
    ).toBe(200);
    const ids = (await leader.resource('mq_problems').list({ pageSize: 200 })).body.data.map((p: any) => p.id);
    expect(ids).toContain(guaranteed);
    expect(ids).not.toContain(other);
  });

  it('two concurrent accepts or closes: one wins, the other gets a conflict, nothing half-written', async () => {
    const id = await report(cadreA, '操场塑胶跑道破损');
    expect((await act(admin, 'assign', id, { personId: users.cadreA.id })).status).toBe(200);
    const results = await Promise.all([
      act(cadreA, 'accept', id, { measures: 'A' }),
      act(admin, 'accept', id, { measures: 'B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(['CONFLICT', 'TRANSITION_NOT_ALLOWED']).toContain(loser?.body.errors[0].code);
    expect(await app.db.getRepository('mq_tasks').count({ filter: { problemId: id } })).toBe(1);

    expect((await act(cadreA, 'complete', id, { completionSummary: '已修复' })).status).toBe(200);
    // the office revisits it (no guarantor here)
    expect((await admin.resource('mq_revisits').create({ values: { problemId: id, outcome: 'resolved' } })).status).toBe(200);
    const closes = await Promise.all([act(admin, 'close', id), act(admin, 'close', id)]);
    expect(closes.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await problem(id)).status).toBe('closed');
  });

  it('many at once: unique codes, a conflict only when another request really changed that record', async () => {
    // 10 problems filed at the same moment, each in its own transaction: each its own code
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.db.getRepository('mq_problems').create({ values: { title: `并发问题${i}`, unitId, category: 'canteen' } }),
      ),
    );
    const ids = created.map((p) => p.get('id') as number);
    const codes = created.map((p) => p.get('code') as string);
    expect(new Set(codes).size).toBe(10);
    codes.forEach((code) => expect(code).toMatch(/^WT\d{4}-\d{6}$/));

    // 10 assignments of 10 different problems: nobody else touched them, all succeed
    const assigned = await Promise.all(ids.map((id) => act(admin, 'assign', id, { personId: users.cadreA.id })));
    expect(assigned.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const id of ids) {
      const p = await problem(id);
      expect([p.status, p.responsibilities.length]).toEqual(['assigned', 1]);
    }

    // 20 accepts of one problem: one wins, 19 are told someone else changed it, one task
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => act(i % 2 ? admin : cadreA, 'accept', ids[0], { measures: `措施${i}` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    results
      .filter((r) => r.status === 409)
      .forEach((r) => expect(['CONFLICT', 'TRANSITION_NOT_ALLOWED']).toContain(r.body.errors[0].code));
    expect(await app.db.getRepository('mq_tasks').count({ filter: { problemId: ids[0] } })).toBe(1);
  });

  it('revisits and evaluations come after completion', async () => {
    const id = await report(cadreA, '图书室开放时间短');
    const early = await leader.resource('mq_revisits').create({ values: { problemId: id, outcome: 'resolved' } });
    expect(early.status).toBe(409);
    expect(early.body.errors[0].code).toBe('REVISIT_BEFORE_DONE');
    const earlyScore = await admin.resource('mq_evaluations').create({ values: { problemId: id, score: 4 } });
    expect([earlyScore.status, earlyScore.body.errors[0].code]).toEqual([409, 'EVALUATION_BEFORE_DONE']);
    await driveToDone(id);
    const badScore = await admin.resource('mq_evaluations').create({ values: { problemId: id, score: 9 } });
    expect([badScore.status, badScore.body.errors[0].code]).toEqual([400, 'INVALID_SCORE']);
    const noOutcome = await leader.resource('mq_revisits').create({ values: { problemId: id } });
    expect([noOutcome.status, noOutcome.body.errors[0].code]).toEqual([400, 'REQUIRED']);
    expect(await app.db.getRepository('mq_revisits').count({ filter: { problemId: id } })).toBe(0);
    expect(await app.db.getRepository('mq_evaluations').count({ filter: { problemId: id } })).toBe(0);
  });

  it('announces every step it takes, in the step’s transaction, and none it refuses', async () => {
    const heard: [LoopAction, string, string, boolean][] = [];
    const listen = (event: LoopStepEvent) => {
      heard.push([event.action, event.from, event.to, event.problem.get('status') === event.to]);
      expect(event.transaction).toBeTruthy();
    };
    const stops = LOOP_ACTIONS.map((action) => onLoopStep(app.db, action, listen));
    try {
      const id = await report(cadreA, '宿舍热水供应不稳定');
      expect((await act(admin, 'complete', id, { completionSummary: '跳过' })).status).toBe(409);
      await driveToDone(id);
      // a revisit that finds it unresolved reopens it through the same loop
      await leader.resource('mq_revisits').create({ values: { problemId: id, outcome: 'unresolved' } });
      expect(heard).toEqual([
        ['assign', 'new', 'assigned', true],
        ['accept', 'assigned', 'in_progress', true],
        ['reportProgress', 'in_progress', 'in_progress', true],
        ['complete', 'in_progress', 'done', true],
        ['reopen', 'done', 'reopened', true],
      ]);
    } finally {
      stops.forEach((stop) => stop());
    }
  });

  it('a listener that fails undoes the step it heard of', async () => {
    const id = await report(cadreA, '校车座位不够');
    const stop = onLoopStep(app.db, 'assign', () => {
      throw new Error('the listener failed');
    });
    try {
      expect((await act(admin, 'assign', id, { personId: users.cadreA.id })).status).toBe(500);
    } finally {
      stop();
    }
    expect((await problem(id)).status).toBe('new');
    expect(await app.db.getRepository('mq_responsibilities').count({ filter: { problemId: id } })).toBe(0);
  });

  it('closing on a satisfied evaluation is a setting', async () => {
    const id = await report(cadreA, '午休床位不足');
    await driveToDone(id);
    await admin.resource('mq_evaluations').create({ values: { problemId: id, score: 3 } });
    expect((await act(admin, 'close', id)).status).toBe(409);
    const root = await app.rootAgent();
    expect((await root.post('/mqThreeLists:updateSettings').send({ closeOnSatisfiedEvaluation: true })).status).toBe(
      200,
    );
    expect((await act(admin, 'close', id)).status).toBe(200);
    expect((await root.post('/mqThreeLists:updateSettings').send({ closeOnSatisfiedEvaluation: 'yes' })).status).toBe(
      400,
    );
    expect((await root.post('/mqThreeLists:updateSettings').send({ closeOnSatisfiedEvaluation: false })).status).toBe(
      200,
    );
  });
});
