import type { Model } from '@nocobase/database';
import { addWorkingDays, localDay, NO_OVERRIDES } from '@minqing/plugin-three-lists'; // the test's holiday table is empty
import {
  createMinqingApp,
  eventually,
  pinClock,
  unpinClock,
  workflowsSettled,
  type Agent,
  type MinqingTestApp,
  type TestUser,
} from '@minqing/test';
import { findSupervisionEvents } from '../services/scan';
import { eventKey, scanConfig } from '../domain/supervision';
import { ScanTimers } from '../triggers/scanning';

const DAY = 86400000;
/** the file's clock: Wednesday 18 November 2026, 10:00 in the bureau, weeks from any holiday */
const START = '2026-11-18T02:00:00Z';

describe('督办与回访: our triggers and nodes in NocoBase workflows, with a controlled clock', () => {
  let app: MinqingTestApp;
  let admin: Agent, cadre: Agent, otherCadre: Agent, leader: Agent;
  let users: Record<string, TestUser>;
  let unitId: number;
  const workflowPlugin = () => app.app.pm.get('workflow') as any;
  /** a preset workflow by its key (its title is in the system's language) */
  const preset = async (key: string) => app.db.getRepository('workflows').findOne({ filter: { key, current: true } });
  const supervisions = (filter = {}) => app.db.getRepository('mq_supervisions').find({ filter, sort: ['id'] });

  /** `days` after the moment of asking, on the file's clock */
  const later = (days: number) => new Date(Date.now() + days * DAY);
  /** executions of a workflow, once every workflow has finished what it was given */
  const executionsOf = async (workflow: Model) => {
    const workflowId = workflow.get('id') as number;
    await workflowsSettled(app.app, { workflowId });
    return app.db.getRepository('executions').count({ filter: { workflowId } });
  };

  beforeAll(async () => {
    pinClock(START);
    // the scans of this file are the ones it runs, at the moments it names
    ScanTimers.firstScanDelayMs = null;
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
  afterAll(async () => {
    await app?.destroy();
    unpinClock();
  });

  async function assigned(title: string, deadline: string, extra: Record<string, unknown> = {}) {
    const id = (await cadre.resource('mq_problems').create({ values: { title, unitId } })).body.data.id;
    const res = await admin.post(`/mq_problems:assign?filterByTk=${id}`).send({ personId: users.cadre.id, ...extra });
    expect(res.status).toBe(200);
    // the deadline as the scenario needs it (the loop refuses past deadlines on assignment)
    await app.db
      .getRepository('mq_responsibilities')
      // (a fixture's write past the guard: the deadline is a recorded fact, corrected only with a reason)
      .update({ filter: { problemId: id, active: true }, values: { deadline }, hooks: false });
    return id as number;
  }

  it('installs the preset workflows, enabled and editable, titled in the system’s language', async () => {
    // this test app was installed in English (INIT_APP_LANG unset); the demo and `npm run app` in Chinese
    const presets = await app.db.getRepository('workflows').find({
      filter: { key: ['mq-due-soon', 'mq-overdue', 'mq-revisit-after-done', 'mq-dissatisfied'] },
      appends: ['nodes'],
    });
    expect(presets.map((w: Model) => [w.get('title'), w.get('type'), w.get('enabled')]).sort()).toEqual([
      ['Due-soon reminder', 'mq-supervision', true],
      ['Overdue supervision', 'mq-supervision', true],
      ['Redo when dissatisfied', 'mq-supervision', true],
      ['Revisit after completion', 'mq-revisit', true],
    ]);
    expect(presets.flatMap((w: Model) => (w.get('nodes') as Model[]).map((n) => n.get('title'))).sort()).toEqual([
      'Issue supervision',
      'Plan a revisit',
      'Send a reminder',
      'Supervise the dissatisfaction',
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
    const id = await assigned('午餐排队时间长', addWorkingDays(today, 2, NO_OVERRIDES));
    const workflow = await preset('mq-due-soon');
    const trigger = workflowPlugin().triggers.get('mq-supervision');
    expect(await trigger.scan(workflow, new Date())).toBe(1); // the only problem due soon
    await eventually(async () => (await supervisions({ problemId: id })).length === 1, { what: 'the reminder' });
    expect(await trigger.scan(workflow, new Date())).toBe(0);
    expect(await trigger.scan(workflow, new Date(Date.now() + 3600000))).toBe(0);
    // nothing more happened: one execution
    expect(await executionsOf(workflow)).toBe(1);
    const records = await supervisions({ problemId: id });
    expect(records.map((r: Model) => [r.get('level'), r.get('reason')])).toEqual([['reminder', 'due_soon']]);
    // the responsible person got an in-app message
    const messages = await app.db
      .getRepository('notificationInAppMessages')
      .find({ filter: { userId: users.cadre.id } });
    expect(messages.some((m: Model) => String(m.get('title')).includes('午餐排队时间长'))).toBe(true);
    // in the receiver's language: the system's (English in this app), as they chose none
    expect(messages.map((m: Model) => m.get('title'))).toContain(
      `[Reminder] ${(await app.db.getRepository('mq_problems').findOne({ filterByTk: id })).get('code')} 午餐排队时间长`,
    );
  });

  it('overdue fires 逾期 and escalates 提醒 → 催办 → 督办 → 通报 on schedule; repeats and a restart add nothing', async () => {
    const yesterday = localDay(later(-1));
    const id = await assigned('校舍漏雨', yesterday, {
      mode: 'leader_guarantee',
      guarantorId: users.leader.id,
      goal: '雨季前修好',
    });
    const workflow = await preset('mq-overdue');
    const scan = (daysLater: number) =>
      workflowPlugin().triggers.get('mq-supervision').scan(workflow, later(daysLater));
    const levels = async () =>
      (await supervisions({ problemId: id, reason: 'overdue' })).map((r: Model) => r.get('level'));
    const reached = (n: number, level: string) =>
      eventually(async () => (await levels()).length === n, { what: level });
    // on the file's clock: 校舍漏雨 was due yesterday; 午餐排队 (above) is due Friday the 20th
    expect(await scan(0)).toBe(1); // 校舍漏雨 1 day late: 提醒
    await reached(1, '提醒');
    expect(await scan(0)).toBe(0);
    expect(await scan(3)).toBe(2); // 4 days: 催办; 午餐排队 1 day late: 提醒
    await reached(2, '催办');
    expect(await scan(7)).toBe(2); // 8 days: 督办; 午餐排队 5 days: 催办
    await reached(3, '督办');
    expect(await scan(15)).toBe(2); // 16 days: 通报; 午餐排队 13 days: 督办
    await reached(4, '通报');
    expect(await scan(15)).toBe(0);
    expect(await scan(20)).toBe(1); // still 通报, fired already; 午餐排队 18 days: 通报
    // nothing more happened: eight executions, four records of 校舍漏雨
    expect(await executionsOf(workflow)).toBe(8);
    expect(await levels()).toEqual(['reminder', 'urge', 'supervise', 'notify']);

    // a restart: the triggers come up anew and scan again; the event keys are in the database
    await app.app.restart();
    expect(await scan(15)).toBe(0);
    expect(await executionsOf(workflow)).toBe(8);
    expect(await levels()).toHaveLength(4);

    // 领导包保: the guarantor is told too
    const leaderMessages = await app.db
      .getRepository('notificationInAppMessages')
      .find({ filter: { userId: users.leader.id } });
    expect(leaderMessages.some((m: Model) => String(m.get('title')).includes('校舍漏雨'))).toBe(true);
  });

  it('the scan keeps to its scope (handling modes, categories, units)', async () => {
    // one more overdue problem, handled 首接首办, next to the guaranteed one above
    await assigned('走廊灯坏了', localDay(later(-2)));
    const all = await findSupervisionEvents(app.db, scanConfig({ conditions: ['overdue'] }), new Date());
    const guaranteed = await findSupervisionEvents(
      app.db,
      scanConfig({ conditions: ['overdue'], scope: { modes: ['leader_guarantee'] } }),
      new Date(),
    );
    expect(all).toHaveLength(2);
    expect(guaranteed).toHaveLength(1);
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
    const stale = await assigned('操场积水', localDay(later(40)));
    await cadre.post(`/mq_problems:accept?filterByTk=${stale}`).send({});
    const disliked = await assigned('食堂菜价偏高', localDay(later(40)));
    await cadre.post(`/mq_problems:accept?filterByTk=${disliked}`).send({});
    await cadre.post(`/mq_problems:complete?filterByTk=${disliked}`).send({ completionSummary: '已调整菜价' });
    await app.db.getRepository('mq_evaluations').create({ values: { problemId: disliked, score: 1 } });
    const workflow = await app.db.getRepository('workflows').create({
      values: { title: '全部条件', type: 'mq-supervision', key: 'all-conditions', sync: false, enabled: false },
    });
    const config = scanConfig({ conditions: ['due_soon', 'overdue', 'stalled', 'dissatisfied'] });
    const at = later(20);
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
    const end = localDay(later(3));
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
    expect(await trigger.scan(workflow, later(-30))).toBe(0); // too early
    expect(await trigger.scan(workflow, new Date())).toBe(1); // the one leader, who has not revisited
    expect(await trigger.scan(workflow, new Date())).toBe(0);
    expect(await executionsOf(workflow)).toBe(1);
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
    const id = await assigned('课后服务收费不透明', addWorkingDays(today, 10, NO_OVERRIDES), {
      mode: 'leader_guarantee',
      guarantorId: users.leader.id,
      goal: '公示收费标准',
    });
    await cadre.post(`/mq_problems:accept?filterByTk=${id}`).send({});
    await cadre.post(`/mq_problems:complete?filterByTk=${id}`).send({ completionSummary: '已公示收费标准' });
    const workflow = await preset('mq-revisit-after-done'); // 3 working days after completion
    const trigger = workflowPlugin().triggers.get('mq-revisit');
    expect(await trigger.scan(workflow, new Date())).toBe(0);
    // done on Wednesday: 3 working days later is Monday, within the week
    expect(await trigger.scan(workflow, later(7))).toBe(1);
    const planned: Model = await eventually(
      () => app.db.getRepository('mq_revisits').findOne({ filter: { problemId: id } }),
      { what: 'the planned revisit' },
    );
    expect(planned.get('state')).toBe('pending');
    // due 5 working days after the scan's execution planned it (today, on the file's clock)
    expect(planned.get('dueOn')).toBe(addWorkingDays(localDay(new Date()), 5, NO_OVERRIDES));
    expect(await trigger.scan(workflow, later(8))).toBe(0);
    // nothing more happened: one execution, one planned revisit
    expect(await executionsOf(workflow)).toBe(1);
    expect(await app.db.getRepository('mq_revisits').count({ filter: { problemId: id } })).toBe(1);

    // the problem is still 已办结 until the appointed leader (the guarantor) records the revisit;
    // the office may not record it on their name
    expect(planned.get('revisiterId')).toBe(users.leader.id);
    const onTheirName = await admin
      .resource('mq_revisits')
      .update({ filterByTk: planned.get('id'), values: { outcome: 'resolved', satisfaction: 5 } });
    expect([onTheirName.status, onTheirName.body.errors[0].code]).toEqual([403, 'NOT_ON_ANOTHERS_NAME']);
    const recorded = await leader
      .resource('mq_revisits')
      .update({ filterByTk: planned.get('id'), values: { outcome: 'unresolved', satisfaction: 2 } });
    expect(recorded.status).toBe(200);
    const revisit = await app.db.getRepository('mq_revisits').findOne({ filterByTk: planned.get('id') });
    expect(revisit.get('state')).toBe('done');
    expect((await app.db.getRepository('mq_problems').findOne({ filterByTk: id })).get('status')).toBe('reopened');
  });

  it('每月调度: last month’s figures saved as a report and sent to every leader', async () => {
    const workflow = await preset('mq-monthly-dispatch');
    expect(workflow.get('type')).toBe('schedule');
    // each leader reads it in their own language; the report is kept in the system's
    const english = await app.createUser({ username: 'leader-en', roles: ['mq_leader'] });
    await app.db.getRepository('users').update({ filterByTk: users.leader.id, values: { appLang: 'zh-CN' } });
    expect(workflow.get('enabled')).toBe(false); // switched on by the office when the campaign starts
    await workflowPlugin().trigger(workflow, { date: new Date().toISOString() }, { manually: true });
    const report: Model = await eventually(() => app.db.getRepository('mq_dispatch_reports').findOne({}), {
      what: 'the report',
    });
    expect(report.get('month')).toBe('2026-10'); // the month before the file's clock
    expect(report.get('title')).toBe('Monthly dispatch 2026-10');
    expect(report.get('summary')).toContain('Response rate');
    expect((report.get('figures') as any).overall.figures).toHaveProperty('onTimeRate');
    const messages = await app.db
      .getRepository('notificationInAppMessages')
      .find({ filter: { userId: users.leader.id } });
    expect(messages.map((m: Model) => m.get('title'))).toContain('【每月调度】2026-10');
    expect(messages.find((m: Model) => m.get('title') === '【每月调度】2026-10')?.get('content')).toContain('响应率');
    const theirs = await app.db.getRepository('notificationInAppMessages').find({ filter: { userId: english.id } });
    expect(theirs.map((m: Model) => m.get('title'))).toContain('[Monthly dispatch] 2026-10');
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

  it('scans soon after a start and at once on "run now"; neither fires an event twice', async () => {
    const today = localDay(new Date());
    const workflow = await preset('mq-due-soon');
    const workflows = app.db.getRepository('workflows');
    const first = await assigned('图书角书籍陈旧', addWorkingDays(today, 2, NO_OVERRIDES));
    // a start: the workflow is switched on again, as a server start does with every enabled one
    ScanTimers.firstScanDelayMs = 0;
    try {
      await workflows.update({ filterByTk: workflow.get('id'), values: { enabled: false } });
      await workflows.update({ filterByTk: workflow.get('id'), values: { enabled: true } });
      await eventually(async () => (await supervisions({ problemId: first })).length === 1, {
        what: 'the first scan after the start',
      });
    } finally {
      ScanTimers.firstScanDelayMs = null;
    }

    // run now (an administrator, through the plugin's settings resource)
    const second = await assigned('课桌椅损坏', addWorkingDays(today, 2, NO_OVERRIDES));
    const now = await admin.post('/mqSupervision:scanNow').send({});
    expect(now.status).toBe(200);
    const mine = now.body.data.workflows.find((w: any) => w.workflowId === workflow.get('id'));
    expect(mine.fired).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await supervisions({ problemId: second })).length === 1, { what: 'run now' });
    await workflowsSettled(app.app);
    const again = await admin.post('/mqSupervision:scanNow').send({});
    expect([again.status, again.body.data.fired]).toEqual([200, 0]);
    expect((await supervisions({ problemId: first })).length).toBe(1);
    expect((await cadre.post('/mqSupervision:scanNow').send({})).status).toBe(403);
  });
});
