import type { Model } from '@nocobase/database';
import { monthOfWorkStyle } from '../instructions/MonthlyReportInstruction';
import { OWN_WORK_FLAGS, widenLeaderFlagScope } from '../services/roles';
import {
  createMinqingApp,
  pinClock,
  unpinClock,
  workflowsSettled,
  type Agent,
  type MinqingTestApp,
  type TestUser,
} from '@minqing/test';

/** the file's clock: Wednesday 18 November 2026, 10:00 in the bureau */
const START = '2026-11-18T02:00:00Z';
const MINUTE = 60_000;

describe('作风监督 and 未诉先办: flags on the work and problems before the complaint, built through the API', () => {
  let app: MinqingTestApp;
  let office: Agent, cadre: Agent, leader: Agent, otherLeader: Agent;
  let users: Record<string, TestUser>;
  let near: number, far: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const flags = async (): Promise<Record<string, any>[]> =>
    (await app.db.getRepository('mq_work_style_flags').find({ sort: ['id'] })).map((f: Model) => f.toJSON() as any);
  const kindsOf = async () => (await flags()).map((f) => f.kind).sort();
  const compute = async () => {
    const res = await office.post('/mqSupervision:computeWorkStyle').send({});
    expect(res.status).toBe(200);
    return res.body.data;
  };

  beforeAll(async () => {
    pinClock(START);
    app = await createMinqingApp({
      plugins: ['@minqing/plugin-three-lists', '@minqing/plugin-liaison', '@minqing/plugin-supervision'],
    });
    users = {
      office: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
      leader: await app.createUser({ username: 'leader', roles: ['mq_leader'] }),
      other: await app.createUser({ username: 'other', roles: ['mq_leader'] }),
    };
    office = await app.agentAs(users.office);
    cadre = await app.agentAs(users.cadre);
    leader = await app.agentAs(users.leader);
    otherLeader = await app.agentAs(users.other);
    near = (
      await office
        .resource('mq_units')
        .create({ values: { name: '实验小学', region: '沙市区', type: 'primary_secondary' } })
    ).body.data.id;
    far = (
      await office
        .resource('mq_units')
        .create({ values: { name: '监利一中', region: '监利市', type: 'primary_secondary' } })
    ).body.data.id;
  });
  afterAll(async () => {
    await app?.destroy();
    unpinClock();
  });

  /** a problem taken through 交办 → 接收 → 办结 by the cadre */
  async function handled(
    title: string,
    completionSummary: string,
    assign: Record<string, unknown> = {},
    unitId = near,
  ) {
    const id = (await cadre.resource('mq_problems').create({ values: { title, unitId, category: 'canteen' } })).body
      .data.id;
    expect(
      (await office.post(`/mq_problems:assign?filterByTk=${id}`).send({ personId: users.cadre.id, ...assign })).status,
    ).toBe(200);
    expect((await cadre.post(`/mq_problems:accept?filterByTk=${id}`).send({ measures: '整改' })).status).toBe(200);
    expect((await cadre.post(`/mq_problems:complete?filterByTk=${id}`).send({ completionSummary })).status).toBe(200);
    return id as number;
  }

  it('a visit nobody was heard at, rushed visits, a hollow and a too-fast closure, a self-revisit: each one flag, with why and evidence', async () => {
    const at = (minutes: number) => new Date(Date.parse(START) - 3 * 86400000 + minutes * MINUTE).toISOString();
    // 走马观花: a visit with no one contacted and no summary; two visits ten minutes apart in two counties
    const empty = (await cadre.resource('mq_visits').create({ values: { unitId: near, visitedAt: at(0) } })).body.data
      .id;
    await cadre.resource('mq_visits').create({
      values: {
        unitId: near,
        visitedAt: at(60),
        contacted: ['teachers'],
        summary: '与教师座谈课后服务安排，记录三条建议',
      },
    });
    await cadre.resource('mq_visits').create({
      values: { unitId: far, visitedAt: at(70), contacted: ['students'], summary: '进食堂，学生反映菜品单一' },
    });
    // 表面文章: a summary that copies the problem; a 领导包保 problem done at once
    const copied = await handled('食堂排队时间长', '食堂排队时间长');
    const fast = await handled('校舍屋顶漏雨', '已联系维修单位完成屋面防水层更换并验收', {
      mode: 'leader_guarantee',
      guarantorId: users.leader.id,
      goal: '雨季前修复',
    });
    const fine = await handled('课后服务时间短', '课后服务延长至18:00，增设托管班两个', {}, far);
    // 自证: the guarantor revisits the problem he guaranteed; another leader revisits another
    expect(
      (
        await leader
          .resource('mq_revisits')
          .create({ values: { problemId: fast, outcome: 'resolved', satisfaction: 5 } })
      ).status,
    ).toBe(200);
    // another leader revisits another problem: one the office appointed him to (a planned revisit)
    const planned = await office
      .resource('mq_revisits')
      .create({ values: { problemId: fine, revisiterId: users.other.id, state: 'pending' } });
    expect(planned.status).toBe(200);
    expect(
      (
        await otherLeader
          .resource('mq_revisits')
          .update({ filterByTk: planned.body.data.id, values: { outcome: 'resolved', satisfaction: 4 } })
      ).status,
    ).toBe(200);

    const result = await compute();
    expect(result.flags).toBe((await flags()).length);
    expect(await kindsOf()).toEqual(
      [
        'closure_hollow', // copied
        'closure_too_fast', // fast, 0 minutes after assignment
        'self_revisit', // the guarantor
        'task_full_without_report', // fast: a 领导包保 problem done without a single progress report
        'visit_nobody_heard',
        'visits_rushed',
      ].sort(),
    );
    const byKind = Object.fromEntries((await flags()).map((f) => [f.kind, f]));
    expect(byKind.visit_nobody_heard).toMatchObject({
      visitId: empty,
      userId: users.cadre.id,
      state: 'open',
      family: 'cursory_visit',
    });
    expect(byKind.visits_rushed.why).toBe('沙市区与监利市两地走访仅相隔10分钟');
    expect(byKind.closure_hollow).toMatchObject({ problemId: copied, why: '办结无佐证，办结情况照抄问题描述' });
    expect(byKind.closure_too_fast).toMatchObject({ problemId: fast, userId: users.cadre.id });
    expect(byKind.self_revisit).toMatchObject({
      problemId: fast,
      userId: users.leader.id,
      evidence: { role: 'guarantor' },
    });
    // computing again adds nothing
    expect((await compute()).flags).toBe(0);
  });

  it('the office confirms or dismisses a flag once; a dismissal needs a reason, which stays; nobody edits a flag by hand', async () => {
    const [first, second] = await flags();
    const refused = await office
      .post(`/mq_work_style_flags:decide?filterByTk=${first.id}`)
      .set('X-Locale', 'zh-CN')
      .send({ decision: 'dismissed' });
    expect([refused.status, refused.body.errors[0].code, refused.body.errors[0].message]).toEqual([
      400,
      'REASON_REQUIRED',
      '不予认定须写明理由',
    ]);
    expect((await flags())[0].state).toBe('open'); // unchanged
    const dismissed = await office
      .post(`/mq_work_style_flags:decide?filterByTk=${first.id}`)
      .send({ decision: 'dismissed', reason: '当天为应急检查，已补记录' });
    expect(dismissed.status).toBe(200);
    expect(
      (await office.post(`/mq_work_style_flags:decide?filterByTk=${first.id}`).send({ decision: 'confirmed' })).status,
    ).toBe(409);
    expect(
      (await office.post(`/mq_work_style_flags:decide?filterByTk=${second.id}`).send({ decision: 'confirmed' })).status,
    ).toBe(200);
    const after = await flags();
    expect(after[0]).toMatchObject({
      state: 'dismissed',
      decisionReason: '当天为应急检查，已补记录',
      decidedById: users.office.id,
    });
    expect(after[1]).toMatchObject({ state: 'confirmed' });
    // not by the generic update, not by a cadre
    expect(
      (await office.resource('mq_work_style_flags').update({ filterByTk: after[2].id, values: { state: 'dismissed' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await cadre
          .post(`/mq_work_style_flags:decide?filterByTk=${after[2].id}`)
          .send({ decision: 'dismissed', reason: 'x' })
      ).status,
    ).toBe(403);
    // a recomputation leaves the decisions as they are
    await compute();
    expect((await flags()).slice(0, 2).map((f) => f.state)).toEqual(['dismissed', 'confirmed']);
    // a leader sees the flags on his own work, on the problems he guarantees and at his units (实验小学,
    // where he guarantees one) — the server's scope, whatever a page asks; another leader with no
    // unit or problem of his own here sees none of them
    const all = await flags();
    const guaranteed = all.find((f) => f.kind === 'closure_too_fast')!.problemId;
    const expected = all.filter((f) => f.userId === users.leader.id || f.unitId === near || f.problemId === guaranteed);
    const ids = (list: any[]) => list.map((f) => f.id).sort((a, b) => a - b);
    const mine = await leader.resource('mq_work_style_flags').list({ pageSize: 100 });
    expect(ids(mine.body.data)).toEqual(ids(expected));
    expect(mine.body.data.map((f: any) => f.kind)).toEqual(expect.arrayContaining(['self_revisit', 'closure_too_fast']));
    expect((await otherLeader.resource('mq_work_style_flags').list({ pageSize: 100 })).body.data).toEqual([]);
    // nor does a leader decide
    expect(
      (await leader.post(`/mq_work_style_flags:decide?filterByTk=${all[2].id}`).send({ decision: 'confirmed' })).status,
    ).toBe(403);
  });

  it('an installation made before (a leader saw only his own work) gets the wider scope; an administrator’s own stays', async () => {
    const scopes = app.db.getRepository('dataSourcesRolesResourcesScopes');
    const record = await scopes.findOne({ filter: { key: 'mq_aboutMe' } });
    const now = record.get('scope');
    // with liaison enabled: the units he liaises too
    expect(JSON.stringify(now)).toContain('unit.liaisonPoints.cadreId');
    await scopes.update({ filterByTk: record.get('id'), values: { scope: OWN_WORK_FLAGS } });
    expect(await widenLeaderFlagScope(app.db)).toBe(true);
    expect((await scopes.findOne({ filterByTk: record.get('id') })).get('scope')).toEqual(now);
    expect(await widenLeaderFlagScope(app.db)).toBe(false);
    const own = { userId: { $eq: '{{$user.id}}' }, unitId: { $eq: near } };
    await scopes.update({ filterByTk: record.get('id'), values: { scope: own } });
    expect(await widenLeaderFlagScope(app.db)).toBe(false);
    expect((await scopes.findOne({ filterByTk: record.get('id') })).get('scope')).toEqual(own);
    await scopes.update({ filterByTk: record.get('id'), values: { scope: now } });
  });

  it('the trigger mq-work-style fires once per open flag of its kinds, however often it scans; a dismissed flag never fires', async () => {
    const workflow = await app.db.getRepository('workflows').create({
      values: {
        title: '走马观花通报',
        type: 'mq-work-style',
        enabled: true,
        sync: false,
        config: { kinds: ['visit_nobody_heard', 'visits_rushed', 'closure_hollow'] },
      },
    });
    const trigger = (app.app.pm.get('workflow') as any).triggers.get('mq-work-style');
    const open = (await flags()).filter(
      (f) => f.state === 'open' && ['visit_nobody_heard', 'visits_rushed', 'closure_hollow'].includes(f.kind),
    );
    expect(await trigger.scan(workflow)).toBe(open.length);
    expect(await trigger.scan(workflow)).toBe(0);
    await workflowsSettled(app.app, { workflowId: workflow.get('id') });
    const executions = await app.db.getRepository('executions').find({ filter: { workflowId: workflow.get('id') } });
    expect(executions.map((e: Model) => (e.get('context') as any).flagId).sort()).toEqual(open.map((f) => f.id).sort());
  });

  it('a staff-entered evaluation is marked, for good; 满意率 says how many ratings came from the public itself', async () => {
    const id = await handled('厕所无洗手液', '每层配备洗手液并安排专人补充，家长已确认', {}, far);
    const staff = await office
      .resource('mq_evaluations')
      .create({ values: { problemId: id, score: 5, byStaff: false } });
    expect(staff.status).toBe(200);
    expect(staff.body.data.byStaff).toBe(true); // whatever the form says
    const changed = await office
      .resource('mq_evaluations')
      .update({ filterByTk: staff.body.data.id, values: { byStaff: false } });
    expect(changed.status).toBe(400);
    expect(
      (await app.db.getRepository('mq_evaluations').findOne({ filterByTk: staff.body.data.id }))?.get('byStaff'),
    ).toBe(true);
    // the public's own, as the single-use link writes it (no signed-in user)
    await app.db
      .getRepository('mq_evaluations')
      .create({ values: { problemId: id, score: 3, evaluatorKind: 'parent' } });
    const stats = (await office.get(`/mqStats:get?unitId=${far}`)).body.data.overall;
    // ratings at 监利一中: the revisit's 4 (staff), the evaluation entered by staff 5, the public's 3
    expect(stats.figures.fromPublic).toEqual({ satisfactionRate: 0, rated: 1, ratedByStaff: 2 });
    expect(stats.figures.satisfactionRate).toBe(0.6667);
  });

  it('未诉先办: a recurring issue is proposed with its evidence; one click makes a proactive problem; the same situation is not proposed again', async () => {
    // four canteen problems at 实验小学 within the window (two from the first test, two more)
    for (const title of ['食堂饭菜偏凉', '食堂餐具消毒不到位']) {
      await cadre.resource('mq_problems').create({ values: { title, unitId: near, category: 'canteen' } });
    }
    await compute();
    const candidates = (await office.resource('mq_proactive_candidates').list({ sort: ['id'] })).body.data;
    const recurring = candidates.find((c: any) => c.kind === 'recurring_at_unit');
    expect(recurring).toMatchObject({ unitId: near, category: 'canteen', state: 'open' });
    expect(recurring.evidence.problems).toHaveLength(4);
    const adopted = await office.post(`/mq_proactive_candidates:adopt?filterByTk=${recurring.id}`).send({});
    expect(adopted.status).toBe(200);
    const problem = await app.db.getRepository('mq_problems').findOne({ filterByTk: adopted.body.data.problem.id });
    expect(problem?.toJSON()).toMatchObject({ source: 'proactive', status: 'new', unitId: near, category: 'canteen' });
    expect(problem?.get('title')).toBe('实验小学：食堂问题反复出现（未诉先办）');
    expect(problem?.get('description')).toMatch(/^依据：WT2026-\d{6}、/);
    expect((await office.post(`/mq_proactive_candidates:adopt?filterByTk=${recurring.id}`).send({})).status).toBe(409);
    // computing again does not propose the same situation again
    await compute();
    const again = (await office.resource('mq_proactive_candidates').list({ filter: { kind: 'recurring_at_unit' } }))
      .body.data;
    expect(again).toHaveLength(1);
    // the figures count it
    const figures = (await office.get(`/mqStats:get?unitId=${near}`)).body.data.overall.figures;
    expect(figures.proactive.count).toBe(1);
  });

  it('the seasonal presets are installed off, editable; their node makes one proactive problem per unit concerned, once', async () => {
    const presets = await app.db.getRepository('workflows').find({
      filter: { type: 'schedule', key: ['mq-season-enrolment', 'mq-season-drowning', 'mq-season-exams'] },
      appends: ['nodes'],
    });
    // titled in the system's language at install (this app's: English)
    expect(presets.map((w: Model) => [w.get('key'), w.get('title'), w.get('enabled')]).sort()).toEqual([
      ['mq-season-drowning', 'Drowning-prevention check before the flood season', false],
      ['mq-season-enrolment', 'Enrolment risk check before the term', false],
      ['mq-season-exams', 'Service check before the examination weeks', false],
    ]);
    const enrolment = presets.find((w: Model) => w.get('key') === 'mq-season-enrolment') as Model;
    const workflowPlugin = app.app.pm.get('workflow') as any;
    const run = async () => {
      await workflowPlugin.trigger(enrolment, { date: new Date() }, { manually: true });
      await workflowsSettled(app.app, { workflowId: enrolment.get('id') });
    };
    await run();
    await run();
    const made = await app.db
      .getRepository('mq_problems')
      .find({ filter: { title: '开学季入学、学位与资助政策排查' } });
    expect(made.map((p: Model) => [p.get('unitId'), p.get('source'), p.get('category')]).sort()).toEqual(
      [
        [near, 'proactive', 'enrollment'],
        [far, 'proactive', 'enrollment'],
      ].sort(),
    );
  });

  it("每月调度 counts the month's flags by kind and those still to decide", async () => {
    const all = await flags();
    const month = await monthOfWorkStyle(app.db, '2026-11-01', '2026-11-30');
    expect(month).toMatchObject({ flags: all.length, open: all.filter((f) => f.state === 'open').length });
    expect(month.byKind.self_revisit).toBe(1);
    expect(await monthOfWorkStyle(app.db, '2026-10-01', '2026-10-31')).toMatchObject({ flags: 0, candidates: 0 });
  });
});
