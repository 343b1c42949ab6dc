import { createMinqingApp, MINQING_PLUGINS, type MinqingTestApp } from '@minqing/test';
import { ensureWorkbenchPages } from '..';
import { WORKBENCH_PAGES } from '../pages';
import { GROUP_TITLE } from '../services/pages';

const VIEWS = ['client', 'ui-layout', 'flow-engine', 'ui-templates', 'data-visualization'];

describe('the campaign pages', () => {
  let app: MinqingTestApp;
  let firstRun: string[];

  const menu = async (agent: any) => {
    const routes = (await agent.resource('desktopRoutes').listAccessible({ tree: true })).body.data as any[];
    const group = routes.find((r) => r.title === GROUP_TITLE);
    return (group?.children ?? []).map((r: any) => r.title as string);
  };

  beforeAll(async () => {
    app = await createMinqingApp({
      nocobasePlugins: VIEWS,
      plugins: [...MINQING_PLUGINS, '@minqing/plugin-workbench'],
    });
    // the mock server's install ran before it knew which official plugins are enabled: make them now
    firstRun = await ensureWorkbenchPages(app.app as any);
  }, 900_000);
  afterAll(() => app?.app.destroy());

  it('makes the menu group 下基层察民情 with every page, once', async () => {
    const records = await app.db.getRepository('mq_workbench_pages').find();
    expect(records.map((r: any) => r.get('key')).sort()).toEqual(
      ['group', ...WORKBENCH_PAGES.map((p) => p.key)].sort(),
    );
    expect(firstRun.length).toBeGreaterThan(0);
    const routes = app.db.getRepository('desktopRoutes');
    const group = await routes.findOne({ filter: { title: GROUP_TITLE, type: 'group' } });
    const pages = await routes.find({ filter: { parentId: group.get('id') }, sort: ['sort'] });
    expect(pages.map((p: any) => p.get('title'))).toEqual(WORKBENCH_PAGES.map((p) => p.title));
    const before = await routes.count();
    expect(await ensureWorkbenchPages(app.app as any)).toEqual([]);
    expect(await routes.count()).toBe(before);
  });

  it('puts the step buttons on the problem rows, as our flow models', async () => {
    const models = await app.db.getRepository('flowModels').find();
    const uses = models.map((m: any) => m.get('options')?.use).filter((use: string) => use?.startsWith('MqProblem'));
    expect(uses.sort()).toEqual(
      [
        'MqProblemAssignActionModel',
        'MqProblemAcceptActionModel',
        'MqProblemReportProgressActionModel',
        'MqProblemCompleteActionModel',
        'MqProblemRevisitActionModel',
        'MqProblemCloseActionModel',
        // 成效清单
        'MqProblemRevisitActionModel',
        'MqProblemCloseActionModel',
        'MqProblemPublishActionModel',
      ].sort(),
    );
  });

  it('shows each role its pages', async () => {
    const cadre = await app.agentAs(await app.createUser({ roles: ['mq_cadre'] }));
    const leader = await app.agentAs(await app.createUser({ roles: ['mq_leader'] }));
    const cadreMenu = await menu(cadre);
    expect(cadreMenu).toEqual(expect.arrayContaining(['我的联系点', '走访记录', '问题清单', '我的待办', '成效清单']));
    expect(cadreMenu).not.toContain('督办');
    expect(cadreMenu).not.toContain('数据看板');
    expect(await menu(leader)).toEqual(WORKBENCH_PAGES.map((p) => p.title));
  });

  it('keeps what an administrator changed and never brings back a page they deleted', async () => {
    const routes = app.db.getRepository('desktopRoutes');
    const todo = await routes.findOne({ filter: { title: '我的待办', type: 'flowPage' } });
    await routes.update({ filterByTk: todo.get('id'), values: { title: '今日待办' } });
    const research = await routes.findOne({ filter: { title: '调研', type: 'flowPage' } });
    await routes.destroy({ filterByTk: research.get('id') });
    expect(await ensureWorkbenchPages(app.app as any)).toEqual([]);
    const pages = (title: string) => routes.count({ filter: { title, type: 'flowPage' } });
    expect(await pages('今日待办')).toBe(1);
    expect(await pages('我的待办')).toBe(0);
    expect(await pages('调研')).toBe(0);
  });
});
