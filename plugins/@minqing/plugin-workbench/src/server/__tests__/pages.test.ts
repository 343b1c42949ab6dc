import { Plugin } from '@nocobase/server';
import { createMinqingApp, type MinqingTestApp } from '@minqing/test';
import { ensureWorkbenchPages, staleStoredPages, type MadePage } from '..';
import { recordActionModelName } from '../domain/record-actions';
import { jsonDifferences } from '../domain/stored-pages';
import { WORKBENCH_PAGES } from '../pages';
import { ALL_PAGES, MOBILE_LAYOUT } from '../pages/all';
import { MOBILE_PAGES } from '../pages/mobile';
import { PROBLEM_INPUTS } from '../pages/problem-popups';
import { capturePages } from '../services/page-capture';
import { titleIn } from '@minqing/test/src/locale';
import { tt } from '../pages/i18n';
import { withdrawPage } from '../services/page-roles';
import { translateOldPageTitles } from '../services/page-titles';
import { GROUP_TITLE } from '../services/pages';
import { loadStoredPages } from '../services/stored-pages';

const VIEWS = ['client', 'ui-layout', 'flow-engine', 'ui-templates', 'data-visualization', 'block-list'];
const LIAISON = '@minqing/plugin-liaison';
/** the pages that show liaison's collections (联系点, 走访, 调研) */
const LIAISON_PAGES = ALL_PAGES.filter((p) =>
  p.needs.some((name) => ['mq_liaison_points', 'mq_visits', 'mq_research'].includes(name)),
).map((p) => p.key);

/** a role's blocks on its pages that the flow engine leaves out (it may not view the collection) */
const LEFT_OUT: Record<string, string[]> = { mq_cadre: ['mq_revisits: 403'] };

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The pages installed from the stored definition (src/server/pages/stored), on every database;
 * pages-builder.test.ts checks on SQLite that the definition is what the page builder makes.
 */
describe('the campaign pages', () => {
  let app: MinqingTestApp;
  let firstRun: MadePage[];
  let recordsBeforeLiaison: string[];

  const menu = async (agent: any) => {
    const routes = (await agent.resource('desktopRoutes').listAccessible({ tree: true })).body.data as any[];
    const group = routes.find((r) => r.title === GROUP_TITLE);
    return (group?.children ?? []).map((r: any) => r.title as string);
  };
  const recordKeys = async () =>
    (await app.db.getRepository('mq_workbench_pages').find()).map((r: any) => r.get('key') as string).sort();

  /** at install, where `pm enable` makes the pages, the stored definition must fit as well as later */
  let staleAtInstall: string[];
  class InstallProbe extends Plugin {
    async install() {
      staleAtInstall = await staleStoredPages(this.app);
    }
  }

  beforeAll(async () => {
    // liaison is enabled later, as a bureau might: its pages wait for it
    app = await createMinqingApp({
      nocobasePlugins: VIEWS,
      plugins: [
        '@minqing/plugin-three-lists',
        '@minqing/plugin-supervision',
        '@minqing/plugin-publicity',
        '@minqing/plugin-warm-hearts',
        '@minqing/plugin-workbench',
      ],
      extraPlugins: [InstallProbe],
    });
    // the mock server's install ran before it recorded the official plugins (export buttons, charts)
    firstRun = await ensureWorkbenchPages(app.app as any);
    recordsBeforeLiaison = await recordKeys();
    await app.app.pm.enable(LIAISON);
    // enabling restarts the app; its afterStart makes the pages
    await until('the liaison pages', async () =>
      (await recordKeys()).length === ALL_PAGES.length + 1 ? true : undefined,
    );
  }, 900_000);
  afterAll(() => app?.app.destroy());

  it('installs them from the stored definition, as it was stored', async () => {
    expect(staleAtInstall).toEqual([]);
    expect(await staleStoredPages(app.app as any)).toEqual([]);
    expect(firstRun.length).toBeGreaterThan(0);
    expect(firstRun.filter((p) => p.via !== 'stored')).toEqual([]);
    const { definition } = await capturePages(app.app as any);
    const { inputs, ...stored } = JSON.parse(JSON.stringify(loadStoredPages()));
    expect(jsonDifferences(definition, stored, 30)).toEqual([]);
  });

  it('makes the menu group 下基层察民情 with every page once, in menu order, liaison’s when it is enabled', async () => {
    expect(recordsBeforeLiaison).not.toEqual(expect.arrayContaining(LIAISON_PAGES));
    expect(await recordKeys()).toEqual(['group', ...ALL_PAGES.map((p) => p.key)].sort());
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
        // the phone app: 我的待办's cards (回复督办 while a 督办 waits); 回访's (待我回访 and the done problems)
        'MqProblemAcceptActionModel',
        'MqProblemReportProgressActionModel',
        'MqProblemCompleteActionModel',
        'MqProblemAnswerSupervisionActionModel',
        'MqProblemRevisitActionModel',
        'MqProblemRevisitActionModel',
      ].sort(),
    );
  });

  it('makes the phone app on the mobile layout: bottom-bar pages in no group, for their roles, cards not tables', async () => {
    const routes = app.db.getRepository('desktopRoutes');
    const records = new Map<string, number>(
      (await app.db.getRepository('mq_workbench_pages').find()).map((r: any) => [r.get('key'), r.get('routeId')]),
    );
    for (const page of MOBILE_PAGES) {
      const route = await routes.findOne({
        filterByTk: records.get(page.key) as number,
        appends: ['uiLayouts', 'roles', 'children'],
      });
      expect(route.get('parentId')).toBeNull();
      expect(route.get('title')).toBe(page.title);
      expect(route.get('uiLayouts').map((l: any) => l.get('uid'))).toEqual([MOBILE_LAYOUT]);
      const roles = route.get('roles').map((r: any) => r.get('name'));
      expect(roles).toEqual(expect.arrayContaining(page.roles));
      for (const role of ['mq_admin', 'mq_leader', 'mq_cadre'].filter((r) => !page.roles.includes(r))) {
        expect(roles).not.toContain(role);
      }
      const tree = await (app.db.getRepository('flowModels') as any).findModelByParentId(route.get('schemaUid'), {
        subKey: 'page',
        includeAsyncNode: true,
      });
      // the blocks hang under the tabs (route children), each its own tree
      const grids = await Promise.all(
        route.get('children').map((tab: any) =>
          (app.db.getRepository('flowModels') as any).findModelByParentId(tab.get('schemaUid'), {
            subKey: 'grid',
            includeAsyncNode: true,
          }),
        ),
      );
      const uses = JSON.stringify([tree, grids]).match(/"use":"[A-Za-z]+"/g) ?? [];
      const lists = page.tabs.some((tab) => tab.blocks.some((block) => block.type === 'list'));
      if (lists) expect(uses).toContain('"use":"ListItemModel"');
      expect(uses).not.toContain('"use":"TableBlockModel"');
      expect(uses).not.toContain('"use":"SubTableFieldModel"');
      // no filter and no "+" on a phone list (popups' too): a cadre adds through 记录走访
      expect(uses).not.toContain('"use":"FilterActionModel"');
      expect(uses).not.toContain('"use":"AddNewActionModel"');
      // our field models where the page names them (the 逾期 tag, the liaison unit picker)
      for (const use of new Set((page.fieldModels ?? []).map((f) => f.use))) {
        expect(uses.filter((u) => u === `"use":"${use}"`)).toHaveLength(
          (page.fieldModels ?? []).filter((f) => f.use === use).length,
        );
      }
      // NocoBase's 查看 on the cards sized for a finger, like our steps
      const views: any[] = [];
      const walk = (node: any) => {
        if (!node || typeof node !== 'object') return;
        if (node.use === 'ViewActionModel') views.push(node);
        Object.values(node).forEach(walk);
      };
      walk(grids);
      if (lists) expect(views.length).toBeGreaterThan(0);
      for (const view of views) expect(view.props?.style).toEqual({ minHeight: 44, minWidth: 44 });
    }
    // the desktop menu does not show them
    const leader = await app.agentAs(await app.createUser({ roles: ['mq_leader'] }));
    const top = ((await leader.resource('desktopRoutes').listAccessible({ tree: true })).body.data as any[]).map(
      (r) => r.title,
    );
    for (const page of MOBILE_PAGES) expect(top).not.toContain(page.title);
  });

  it('shows each role its pages', async () => {
    const cadre = await app.agentAs(await app.createUser({ roles: ['mq_cadre'] }));
    const leader = await app.agentAs(await app.createUser({ roles: ['mq_leader'] }));
    const cadreMenu = (await menu(cadre)).map((title: string) => titleIn('zh-CN', title));
    expect(cadreMenu).toEqual(expect.arrayContaining(['我的联系点', '走访记录', '问题清单', '我的待办', '成效清单']));
    expect(cadreMenu).not.toContain('督办');
    // a cadre reads no revisits: 回访 would be an empty page
    expect(cadreMenu).not.toContain('回访');
    expect(cadreMenu).not.toContain('数据看板');
    expect(await menu(leader)).toEqual(
      WORKBENCH_PAGES.filter((p) => p.roles.includes('mq_leader')).map((p) => p.title),
    );
  });

  it.each(['mq_admin', 'mq_leader', 'mq_cadre', 'mq_care'])(
    '%s: the menu holds exactly the pages for the role, and the role reads every table on them',
    async (role) => {
      const agent = await app.agentAs(await app.createUser({ roles: [role] }));
      const mine = WORKBENCH_PAGES.filter((p) => p.roles.includes(role));
      expect(await menu(agent)).toEqual(mine.map((p) => p.title));
      // every table on the role's pages answers the role, except the blocks the flow engine leaves
      // out for a role that may not view their collection (我的待办's revisits: a cadre reads none)
      const collections = new Set(
        mine.flatMap((p) =>
          p.tabs.flatMap((tab) => tab.blocks.filter((b) => b.type === 'table').map((b) => b.collection)),
        ),
      );
      const refused: string[] = [];
      for (const name of collections) {
        const res = await agent.resource(name).list({ pageSize: 1 });
        if (res.status !== 200) refused.push(`${name}: ${res.status}`);
      }
      expect(refused).toEqual(LEFT_OUT[role] ?? []);
      // every page title in both languages, never a raw key
      for (const page of mine) {
        for (const lang of ['zh-CN', 'en-US'] as const) {
          for (const title of [
            page.title,
            ...page.tabs.flatMap((tab) => [tab.title, ...tab.blocks.map((b) => b.title)]),
          ]) {
            if (!title) continue;
            const shown = titleIn(lang, title);
            expect(shown).not.toMatch(/\{\{|^[a-z]+[A-Z_]/);
            if (lang === 'zh-CN') expect([title, shown]).toEqual([title, expect.stringMatching(/[\u4e00-\u9fa5]/)]);
          }
        }
      }
    },
  );

  it('keeps the care ledger to the care role: no other role has its page or reads it', async () => {
    for (const role of ['mq_leader', 'mq_cadre']) {
      const agent = await app.agentAs(await app.createUser({ roles: [role] }));
      expect(await menu(agent)).not.toContain(tt('Care ledger'));
      expect((await agent.resource('mq_care_students').list()).status).toBe(403);
    }
  });

  it('puts the campaign buttons (作风监督, 未诉先办, 接诉即办, 认领, 典型案例, 工作台账) on their tables', async () => {
    const models = await app.db.getRepository('flowModels').find();
    const uses = models
      .map((m: any) => m.get('options')?.use as string)
      .filter((use: string) => use && /^Mq(?!Problem)\w+ActionModel$/.test(use));
    const expected = WORKBENCH_PAGES.flatMap((p) =>
      (p.buttons ?? []).flatMap((b) => [...(b.row ?? []), ...(b.top ?? [])]),
    );
    expect(uses.sort()).toEqual(expected.map(recordActionModelName).sort());
    // the ledger export sits above its table, not on a row
    const ledger = models.find((m: any) => m.get('options')?.use === 'MqLedgerExportActionModel');
    const parent = models.find((m: any) => m.get('uid') === ledger.get('options').parentId);
    expect(parent.get('options').use).toBe('TableBlockModel');
  });

  it('reads back as a tree, like any page: the table with its columns, the popup templates', async () => {
    const route = await app.db.getRepository('desktopRoutes').findOne({
      filter: { title: tt('Problem list'), type: 'flowPage' },
      appends: ['children'],
    });
    const repository = app.db.getRepository('flowModels') as any;
    const page = await repository.findModelByParentId(route.get('schemaUid'), {
      subKey: 'page',
      includeAsyncNode: true,
    });
    expect(page).toMatchObject({
      use: 'RootPageModel',
      props: { title: tt('Problem list'), routeId: route.get('id') },
    });
    const tab = route.get('children')[0];
    const grid = await repository.findModelByParentId(tab.get('schemaUid'), { subKey: 'grid', includeAsyncNode: true });
    const table = grid.subModels.items[0];
    expect(table.use).toBe('TableBlockModel');
    const columns = table.subModels.columns.map((c: any) => c.stepParams?.fieldSettings?.init?.fieldPath ?? c.use);
    expect(columns.filter((c: string) => c !== 'TableActionsColumnModel')).toEqual([
      'code',
      'title',
      'status',
      'category',
      'unit',
      'source',
      'createdAt',
    ]);
    const actions = table.subModels.columns.find((c: any) => c.use === 'TableActionsColumnModel').subModels.actions;
    expect(actions.map((a: any) => a.use)).toEqual(
      expect.arrayContaining(['ViewActionModel', 'MqProblemAssignActionModel']),
    );
    // 查看 opens our own popup (the handler's facts), 编辑 the collection's shared popup template
    const view = actions.find((a: any) => a.use === 'ViewActionModel');
    expect(view.stepParams?.popupSettings?.openView?.popupTemplateUid).toBeFalsy();
    const edit = actions.find((a: any) => a.use === 'EditActionModel');
    const template = await app.db
      .getRepository('flowModelTemplates')
      .findOne({ filter: { uid: edit.stepParams.popupSettings.openView.popupTemplateUid } });
    expect(template.get('collectionName')).toBe('mq_problems');
    expect(await repository.findModelById(template.get('targetUid'), { includeAsyncNode: true })).toMatchObject({
      subModels: { page: { use: 'ChildPageModel' } },
    });
  });

  it('shows a problem in its generated popups as a handler needs it: no loop timestamps, publication or computed inputs', async () => {
    const repository = app.db.getRepository('flowModels') as any;
    const templates = await app.db
      .getRepository('flowModelTemplates')
      .find({ filter: { collectionName: 'mq_problems' } });
    const fieldsOf = (model: any, item: string): string[] => [
      ...(model.use === item ? [model.stepParams?.fieldSettings?.init?.fieldPath] : []),
      ...Object.values(model.subModels ?? {}).flatMap((sub: any) =>
        (Array.isArray(sub) ? sub : [sub]).flatMap((child: any) => fieldsOf(child, item)),
      ),
    ];
    const loopAndPublication = [
      ...['assignedAt', 'acceptedAt', 'doneAt', 'closedAt', 'reopenedAt', 'reopenCount', 'reopenReason'],
      ...[
        'isPublic',
        'publicTitle',
        'publicSummary',
        'publishedAt',
        'createdAt',
        'updatedAt',
        'unansweredSupervisions',
      ],
    ];
    const seen = { form: 0, details: 0 };
    for (const template of templates) {
      const tree = await repository.findModelById(template.get('targetUid'), { includeAsyncNode: true });
      const form = fieldsOf(tree, 'FormItemModel');
      const details = fieldsOf(tree, 'DetailsItemModel');
      seen.form += form.length;
      seen.details += details.length;
      // typed only what a person may set: the loop's steps and publicity set the rest
      expect({ name: template.get('name'), form: form.filter((f) => !PROBLEM_INPUTS.includes(f)) }).toEqual({
        name: template.get('name'),
        form: [],
      });
      expect({ name: template.get('name'), details: details.filter((f) => loopAndPublication.includes(f)) }).toEqual({
        name: template.get('name'),
        details: [],
      });
    }
    // the generated ones are there: 责任清单's `problem` shows the facts, 问题清单's 编辑 the inputs
    expect(seen.form).toBeGreaterThan(0);
    expect(seen.details).toBeGreaterThan(0);
    const shown = templates.find((t: any) => /^Responsibility list -> Problem/.test(t.get('name')));
    const facts = fieldsOf(
      await repository.findModelById(shown.get('targetUid'), { includeAsyncNode: true }),
      'DetailsItemModel',
    );
    expect(facts).toEqual(expect.arrayContaining(['title', 'status', 'category', 'overdueDays']));
  });

  it('keeps what an administrator changed and never brings back a page they deleted', async () => {
    const routes = app.db.getRepository('desktopRoutes');
    // the desktop pages (the phone app's 我的待办 has the same title, in no group)
    const desktop = { type: 'flowPage', parentId: { $exists: true } };
    const todo = await routes.findOne({ filter: { title: tt('My to-dos'), ...desktop } });
    await routes.update({ filterByTk: todo.get('id'), values: { title: '今日待办' } });
    const research = await routes.findOne({ filter: { title: tt('Research'), ...desktop } });
    await routes.destroy({ filterByTk: research.get('id') });
    expect(await ensureWorkbenchPages(app.app as any)).toEqual([]);
    const pages = (title: string) => routes.count({ filter: { title, ...desktop } });
    expect(await pages('今日待办')).toBe(1);
    expect(await pages(tt('My to-dos'))).toBe(0);
    expect(await pages(tt('Research'))).toBe(0);
  });

  it('gives pages made before with Chinese titles the translatable ones (the migration), keeping an administrator’s', async () => {
    const routes = app.db.getRepository('desktopRoutes');
    const models = app.db.getRepository('flowModels');
    const problems = await routes.findOne({ filter: { title: tt('Problem list'), type: 'flowPage' } });
    const supervision = await routes.findOne({ filter: { title: tt('Supervision'), type: 'flowPage' } });
    await routes.update({ filterByTk: problems.get('id'), values: { title: '问题清单' } });
    await routes.update({ filterByTk: supervision.get('id'), values: { title: '我们的督办' } });
    const root = (await models.find()).find(
      (m: any) => m.get('options')?.use === 'RootPageModel' && m.get('options')?.parentId === problems.get('schemaUid'),
    );
    const options = root.get('options');
    await models.update({
      filterByTk: root.get('uid'),
      values: { options: { ...options, props: { ...options.props, title: '问题清单' } } },
    });
    expect(await translateOldPageTitles(app.db)).toBe(2);
    expect((await routes.findOne({ filterByTk: problems.get('id') })).get('title')).toBe(tt('Problem list'));
    expect((await routes.findOne({ filterByTk: supervision.get('id') })).get('title')).toBe('我们的督办');
    expect((await models.findOne({ filterByTk: root.get('uid') })).get('options').props.title).toBe(tt('Problem list'));
    expect(await translateOldPageTitles(app.db)).toBe(0);
  });

  it('takes 回访 from cadres who had it before (the migration), once', async () => {
    const cadre = await app.agentAs(await app.createUser({ roles: ['mq_cadre'] }));
    const record = await app.db.getRepository('mq_workbench_pages').findOne({ filter: { key: 'revisits' } });
    const route = await app.db
      .getRepository('desktopRoutes')
      .findOne({ filterByTk: record.get('routeId'), appends: ['children'] });
    const routeIds = [route.get('id'), ...route.get('children').map((child: any) => child.get('id'))];
    // as an installation made before: the page was the cadres' too
    for (const id of routeIds) await app.db.getRepository<any>('desktopRoutes.roles', id).add({ tk: ['mq_cadre'] });
    expect((await menu(cadre)).map((title: string) => titleIn('zh-CN', title))).toContain('回访');
    expect(await withdrawPage(app.db, 'revisits', 'mq_cadre')).toBe(true);
    expect((await menu(cadre)).map((title: string) => titleIn('zh-CN', title))).not.toContain('回访');
    expect(await withdrawPage(app.db, 'revisits', 'mq_cadre')).toBe(false);
    // the leaders keep it
    const leader = await app.agentAs(await app.createUser({ roles: ['mq_leader'] }));
    expect((await menu(leader)).map((title: string) => titleIn('zh-CN', title))).toContain('回访');
  });
});
