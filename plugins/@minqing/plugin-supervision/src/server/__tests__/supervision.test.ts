import type { Model } from '@nocobase/database';
import { addWorkingDays, localDay } from '@minqing/plugin-three-lists';
import { createMinqingApp, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';
import { findSupervisionEvents } from '../services/scan';
import { eventKey, scanConfig } from '../domain/supervision';

const DAY = 86400000;

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value) return value as T;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('督办与回访: our triggers and nodes in NocoBase workflows, with a controlled clock', () => {
  let app: MinqingTestApp;
  let admin: Agent, cadre: Agent, otherCadre: Agent, leader: Agent;
  let users: Record<string, TestUser>;
  let unitId: number;
  const workflowPlugin = () => app.app.pm.get('workflow') as any;
  const preset = async (title: string) =>
    app.db.getRepository('workflows').findOne({ filter: { title, current: true } });
  const supervisions = (filter = {}) => app.db.getRepository('mq_supervisions').find({ filter, sort: ['id'] });

  beforeAll(async () => {
    app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists', '@minqing/plugin-supervision'] });
    users = {
      admin: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
      other: await app.createUser({ username: 'other', roles: ['mq_cadre'] }),
      leader: await app.createUser({ username: 'leader', roles: ['mq_leader'] }),
    };
    admin = await app.agentAs(users.admin);
    cadre = await app.agentAs(users.cadre);
    otherCadre = await app.agentAs(users.other);
    leader = await app.agentAs(users.leader);
    unitId = (await admin.resource('mq_units').create({ values: { name: '荆州实验小学' } })).body.data.id;
  });
  afterAll(() => app?.destroy());

  async function assigned(title: string, deadline: string, extra: Record<string, unknown> = {}) {
    const id = (await cadre.resource('mq_problems').create({ values: { title, unitId } })).body.data.id;
    const res = await admin.post(`/mq_problems:assign?filterByTk=${id}`).send({ personId: users.cadre.id, ...extra });
    expect(res.status).toBe(200);
    // the deadline as the scenario needs it (the loop refuses past deadlines on assignment)
    await app.db
      .getRepository('mq_responsibilities')
      .update({ filter: { problemId: id, active: true }, values: { deadline } });
    return id as number;
  }

  it('installs the preset workflows, enabled and editable', async () => {
    const presets = await app.db
      .getRepository('workflows')
      .find({ filter: { 'title.$in': ['临期提醒', '逾期督办', '办结回访', '不满意重办'] }, appends: ['nodes'] });
    expect(presets.map((w: Model) => [w.get('title'), w.get('type'), w.get('enabled')]).sort()).toEqual([
      ['不满意重办', 'mq-supervision', true],
      ['临期提醒', 'mq-supervision', true],
      ['办结回访', 'mq-revisit', true],
      ['逾期督办', 'mq-supervision', true],
    ]);
    for (const w of presets) expect((w.get('nodes') as any[]).length).toBe(1);
    const root = await app.rootAgent();
    const listed = await root.resource('workflows').list({ filter: { type: 'mq-supervision' } });
    expect(listed.body.data.length).toBe(3);
  });

  it('the scan is one SQL statement', async () => {
    const spy = jest.spyOn(app.db.sequelize, 'query');
    await findSupervisionEvents(
      app.db,
      scanConfig({ conditions: ['due_soon', 'overdue', 'stalled', 'dissatisfied'] }),
      new Date(),
    );
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('a task due in 2 working days fires 临期 once, however often the scan runs', async () => {
    const today = localDay(new Date());
    const id = await assigned('午餐排队时间长', addWorkingDays(today, 2));
    const workflow = await preset('临期提醒');
    const trigger = workflowPlugin().triggers.get('mq-supervision');
    expect(await trigger.scan(workflow, new Date())).toBeGreaterThanOrEqual(1);
    await until('the reminder', async () => (await supervisions({ problemId: id })).length === 1);
    expect(await trigger.scan(workflow, new Date())).toBe(0);
    expect(await trigger.scan(workflow, new Date(Date.now() + 3600000))).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    const records = await supervisions({ problemId: id });
    expect(records.map((r: Model) => [r.get('level'), r.get('reason')])).toEqual([['reminder', 'due_soon']]);
    // the responsible person got an in-app message
    const messages = await app.db
      .getRepository('notificationInAppMessages')
      .find({ filter: { userId: users.cadre.id } });
    expect(messages.some((m: Model) => String(m.get('title')).includes('午餐排队时间长'))).toBe(true);
  });

  it('overdue fires 逾期 and escalates 提醒 → 催办 → 督办 → 通报 on schedule; repeats and a restart add nothing', async () => {
    const yesterday = localDay(new Date(Date.now() - DAY));
    const id = await assigned('校舍漏雨', yesterday, {
      mode: 'leader_guarantee',
      guarantorId: users.leader.id,
      goal: '雨季前修好',
    });
    const workflow = await preset('逾期督办');
    const scan = (daysLater: number) =>
      workflowPlugin()
        .triggers.get('mq-supervision')
        .scan(workflow, new Date(Date.now() + daysLater * DAY));
    const levels = async () =>
      (await supervisions({ problemId: id, reason: 'overdue' })).map((r: Model) => r.get('level'));
    await scan(0);
    await until('提醒', async () => (await levels()).length === 1);
    await scan(0);
    await scan(3);
    await until('催办', async () => (await levels()).length === 2);
    await scan(7);
    await until('督办', async () => (await levels()).length === 3);
    await scan(15);
    await until('通报', async () => (await levels()).length === 4);
    await scan(15);
    await scan(20);
    await new Promise((r) => setTimeout(r, 500));
    expect(await levels()).toEqual(['reminder', 'urge', 'supervise', 'notify']);

    // a restart: the triggers come up anew and scan again; the event keys are in the database
    await app.app.restart();
    expect(await scan(15)).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(await levels()).toHaveLength(4);

    // 领导包保: the guarantor is told too
    const leaderMessages = await app.db
      .getRepository('notificationInAppMessages')
      .find({ filter: { userId: users.leader.id } });
    expect(leaderMessages.some((m: Model) => String(m.get('title')).includes('校舍漏雨'))).toBe(true);
  });

  it('the scan keeps to its scope (handling modes, categories, units)', async () => {
    const all = await findSupervisionEvents(app.db, scanConfig({ conditions: ['overdue'] }), new Date());
    const guaranteed = await findSupervisionEvents(
      app.db,
      scanConfig({ conditions: ['overdue'], scope: { modes: ['leader_guarantee'] } }),
      new Date(),
    );
    expect(guaranteed.length).toBeGreaterThan(0);
    expect(guaranteed.length).toBeLessThan(all.length + 1);
    const responsibilities = await app.db
      .getRepository('mq_responsibilities')
      .find({ filter: { id: guaranteed.map((e) => e.responsibilityId) } });
    expect(responsibilities.every((r: Model) => r.get('mode') === 'leader_guarantee')).toBe(true);
    expect(
      await findSupervisionEvents(
        app.db,
        scanConfig({ conditions: ['overdue'], scope: { categories: ['employment'] } }),
        new Date(),
      ),
    ).toEqual([]);
    expect(
      await findSupervisionEvents(
        app.db,
        scanConfig({ conditions: ['overdue'], scope: { unitIds: [999999] } }),
        new Date(),
      ),
    ).toEqual([]);
  });

  it('given its workflow, the scan hands over only the events not yet fired (the SQL builds the same event key)', async () => {
    // one of each condition at +20 days: overdue ones exist; a problem in progress with no report
    // since acceptance goes stale; a done one gets a dissatisfied evaluation
    const stale = await assigned('操场积水', localDay(new Date(Date.now() + 40 * DAY)));
    await cadre.post(`/mq_problems:accept?filterByTk=${stale}`).send({});
    const disliked = await assigned('食堂菜价偏高', localDay(new Date(Date.now() + 40 * DAY)));
    await cadre.post(`/mq_problems:accept?filterByTk=${disliked}`).send({});
    await cadre.post(`/mq_problems:complete?filterByTk=${disliked}`).send({ completionSummary: '已调整菜价' });
    await app.db.getRepository('mq_evaluations').create({ values: { problemId: disliked, score: 1 } });
    const workflow = await app.db.getRepository('workflows').create({
      values: { title: '全部条件', type: 'mq-supervision', key: 'all-conditions', sync: false, enabled: false },
    });
    const config = scanConfig({ conditions: ['due_soon', 'overdue', 'stalled', 'dissatisfied'] });
    const at = new Date(Date.now() + 20 * DAY);
    // in a stable order: the statement has none
    const scan = async (unfiredBy?: number) =>
      (await findSupervisionEvents(app.db, config, at, undefined, unfiredBy)).sort((a, b) =>
        eventKey(0, a).localeCompare(eventKey(0, b)),
      );
    const all = await scan();
    expect([...new Set(all.map((e) => e.condition))].sort()).toEqual(['dissatisfied', 'overdue', 'stalled']);
    expect(all.find((e) => e.condition === 'overdue')?.level).toBe('notify'); // 20+ days late
    expect(await scan(workflow.get('id'))).toEqual(all);

    // every other event counts as fired by this workflow; a key of another workflow does not count
    const fired = all.filter((_, i) => i % 2 === 0);
    await app.db.getRepository('executions').createMany({
      records: [
        ...fired.map((e) => ({
          workflowId: workflow.get('id'),
          key: 'all-conditions',
          status: 1,
          context: {},
          eventKey: eventKey(workflow.get('id'), e),
        })),
        { workflowId: 999, key: 'other', status: 1, context: {}, eventKey: eventKey(999, all[1]) },
      ],
    });
    expect(await scan(workflow.get('id'))).toEqual(all.filter((_, i) => i % 2 === 1));
  });

  it('before the campaign ends, every leader without a revisit is reminded, once', async () => {
    const root = await app.rootAgent();
    const end = localDay(new Date(Date.now() + 3 * DAY));
    const wf = (
      await root.resource('workflows').create({
        values: {
          title: '活动结束前领导回访提醒',
          type: 'mq-revisit',
          config: { campaignEndsOn: end, remindDaysBefore: 10 },
          enabled: true,
          sync: false,
        },
      })
    ).body.data;
    const workflow = await app.db.getRepository('workflows').findOne({ filterByTk: wf.id });
    const trigger = workflowPlugin().triggers.get('mq-revisit');
    expect(await trigger.scan(workflow, new Date(Date.now() - 30 * DAY))).toBe(0); // too early
    expect(await trigger.scan(workflow, new Date())).toBe(1); // the one leader, who has not revisited
    expect(await trigger.scan(workflow, new Date())).toBe(0);
  });

  it('the supervised person answers; every answer is kept; others cannot answer', async () => {
    const [record] = await supervisions({ reason: 'overdue' });
    const first = await cadre
      .post(`/mq_supervisions:respond?filterByTk=${record.get('id')}`)
      .send({ response: '已联系施工队' });
    expect(first.status).toBe(200);
    const second = await cadre
      .post(`/mq_supervisions:respond?filterByTk=${record.get('id')}`)
      .send({ response: '本周完工' });
    expect(second.status).toBe(200);
    const saved = await app.db.getRepository('mq_supervisions').findOne({ filterByTk: record.get('id') });
    expect(saved.get('response')).toBe('本周完工');
    expect((saved.get('responseLog') as any[]).map((x) => x.text)).toEqual(['已联系施工队', '本周完工']);
    expect(
      (await cadre.post(`/mq_supervisions:respond?filterByTk=${record.get('id')}`).send({ response: ' ' })).status,
    ).toBe(400);
    expect([403, 404]).toContain(
      (await otherCadre.post(`/mq_supervisions:respond?filterByTk=${record.get('id')}`).send({ response: '不是我的' }))
        .status,
    );
    expect(
      (
        await leader
          .post(`/mq_supervisions:respond?filterByTk=${record.get('id')}`)
          .send({ response: '包保领导已过问' })
      ).status,
    ).toBe(200);
  });

  it('a revisit pending for a done problem is planned exactly once, and recording it 未解决 reopens the problem', async () => {
    const today = localDay(new Date());
    const id = await assigned('课后服务收费不透明', addWorkingDays(today, 10));
    await cadre.post(`/mq_problems:accept?filterByTk=${id}`).send({});
    await cadre.post(`/mq_problems:complete?filterByTk=${id}`).send({ completionSummary: '已公示收费标准' });
    const workflow = await preset('办结回访'); // 3 working days after completion
    const trigger = workflowPlugin().triggers.get('mq-revisit');
    expect(await trigger.scan(workflow, new Date())).toBe(0);
    expect(await trigger.scan(workflow, new Date(Date.now() + 7 * DAY))).toBe(1);
    const planned = await until('the planned revisit', () =>
      app.db.getRepository('mq_revisits').findOne({ filter: { problemId: id } }),
    );
    expect(planned.get('state')).toBe('pending');
    expect(planned.get('dueOn')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await trigger.scan(workflow, new Date(Date.now() + 8 * DAY))).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(await app.db.getRepository('mq_revisits').count({ filter: { problemId: id } })).toBe(1);

    // the problem is still 已办结 until someone records the revisit
    const recorded = await admin
      .resource('mq_revisits')
      .update({ filterByTk: planned.get('id'), values: { outcome: 'unresolved', satisfaction: 2 } });
    expect(recorded.status).toBe(200);
    const revisit = await app.db.getRepository('mq_revisits').findOne({ filterByTk: planned.get('id') });
    expect(revisit.get('state')).toBe('done');
    expect((await app.db.getRepository('mq_problems').findOne({ filterByTk: id })).get('status')).toBe('reopened');
  });

  it('每月调度: last month’s figures saved as a report and sent to every leader', async () => {
    const workflow = await preset('每月调度');
    expect(workflow.get('type')).toBe('schedule');
    expect(workflow.get('enabled')).toBe(false); // switched on by the office when the campaign starts
    await workflowPlugin().trigger(workflow, { date: new Date().toISOString() }, { manually: true });
    const report = await until('the report', () => app.db.getRepository('mq_dispatch_reports').findOne({}));
    expect(report.get('month')).toMatch(/^\d{4}-\d{2}$/);
    expect(report.get('summary')).toContain('响应率');
    expect((report.get('figures') as any).overall.figures).toHaveProperty('onTimeRate');
    const messages = await app.db
      .getRepository('notificationInAppMessages')
      .find({ filter: { userId: users.leader.id } });
    expect(messages.some((m: Model) => String(m.get('title')).includes('每月调度'))).toBe(true);
  });

  it('our triggers and nodes validate their configuration', async () => {
    const root = await app.rootAgent();
    const wf = await root.resource('workflows').create({
      values: {
        title: '自定义督办',
        type: 'mq-supervision',
        config: { conditions: ['stalled'], stalledDays: 5 },
        sync: false,
      },
    });
    expect(wf.status).toBe(200);
    const node = await root
      .resource('workflows.nodes', wf.body.data.id)
      .create({ values: { type: 'mq-escalate', title: '升级', config: {} } });
    expect(node.status).toBe(200);
  });
});
