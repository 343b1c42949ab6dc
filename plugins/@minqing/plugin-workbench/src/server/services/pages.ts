import type Application from '@nocobase/server';
import type { Database } from '@nocobase/database';
import { ALL_PAGES, MOBILE_LAYOUT } from '../pages/all';
import { GROUP_KEY, buildPage } from './page-builder';
import { enabledPackages, insertStoredPage, loadStoredPages, makeStoredGroup, storedPageStatus } from './stored-pages';

export { GROUP_KEY, GROUP_TITLE } from './page-builder';

/** plugin-ui-layout's mobile layout is there and enabled (the phone app's pages need it). */
export async function hasMobileLayout(db: Database) {
  if (!db.getCollection('uiLayouts') || !db.getCollection('desktopRoutes').getField('uiLayouts')) return false;
  return !!(await db.getRepository('uiLayouts').findOne({ filter: { uid: MOBILE_LAYOUT, enabled: true } }));
}

/** The page route, its tab routes and the group, to each role the page is for. */
async function grantRoutes(db: Database, routeIds: (string | number)[], roles: string[], transaction: any) {
  const existing = new Set(
    (await db.getRepository('roles').find({ filter: { name: roles }, transaction })).map((r: any) => r.get('name')),
  );
  for (const role of roles.filter((name) => existing.has(name))) {
    for (const routeId of routeIds) {
      await db.getRepository<any>('desktopRoutes.roles', routeId).add({ tk: [role], transaction });
    }
  }
}

/**
 * A page made after some that follow it in the menu (its plugin enabled later) goes before the
 * first of those still there, not at the end: the menu keeps the order of src/server/pages.
 */
async function placeInMenu(db: Database, route: any, key: string, routeIds: Map<string, unknown>, transaction: any) {
  const following = ALL_PAGES.slice(ALL_PAGES.findIndex((p) => p.key === key) + 1)
    .map((p) => routeIds.get(p.key))
    .filter((id) => id !== undefined)
    .map(String);
  const siblings = (
    await db.getRepository('desktopRoutes').find({
      filter: { parentId: route.get('parentId') },
      fields: ['id', 'sort'],
      sort: ['sort'],
      transaction,
    })
  ).filter((r: any) => String(r.get('id')) !== String(route.get('id')));
  const next = siblings.findIndex((r: any) => following.includes(String(r.get('id'))));
  if (next < 0) return;
  const upper = Number(siblings[next].get('sort'));
  const lower = next > 0 ? Number(siblings[next - 1].get('sort')) : upper - 2000;
  const sort = Math.floor((lower + upper) / 2);
  if (sort > lower && sort < upper) {
    await db.getRepository('desktopRoutes').update({ filterByTk: route.get('id'), values: { sort }, transaction });
  }
}

export interface MadePage {
  key: string;
  /** from the stored definition (seconds for all), or by the page builder (10–20 s a page) */
  via: 'stored' | 'builder';
  /** why the stored definition was not used */
  why?: string;
}

export interface EnsureOptions {
  /** make the pages with the page builder, whatever is stored (the capture and its test, the bench) */
  via?: 'builder';
  /** told when a page is made with the page builder although it should not need to be */
  log?: { warn: (message: string) => void };
}

/**
 * Creates each of our pages that was never created, under the menu group 下基层察民情, each in
 * one transaction with its bookkeeping row: from the stored definition (src/server/pages/stored)
 * when it fits this app, else with the page builder. Pages whose collections or block plugins are
 * not there (a plugin not enabled) wait for a later start. Returns the pages made.
 */
export async function ensureWorkbenchPages(app: Application, options: EnsureOptions = {}): Promise<MadePage[]> {
  const db = app.db;
  const records = db.getRepository('mq_workbench_pages');
  const routes = db.getRepository('desktopRoutes');
  const known = new Map<string, any>((await records.find()).map((r: any) => [r.get('key'), r]));
  let groupRouteId = known.get(GROUP_KEY)?.get('routeId');
  // an administrator may have deleted the group: the next page makes a new one
  const groupGone = groupRouteId !== undefined && !(await routes.findOne({ filterByTk: groupRouteId }));
  if (groupGone) groupRouteId = undefined;
  const stored = options.via === 'builder' ? null : loadStoredPages();
  const enabled = await enabledPackages(db);
  const routeIds = new Map<string, unknown>([...known].map(([key, r]) => [key, r.get('routeId')]));
  const made: MadePage[] = [];
  const mobileLayout = await hasMobileLayout(db);
  for (const page of ALL_PAGES) {
    if (known.has(page.key) || !page.needs.every((name) => db.hasCollection(name))) continue;
    // the phone app waits for plugin-ui-layout's mobile layout
    if (page.layout === 'mobile' && !mobileLayout) continue;
    const status =
      options.via === 'builder'
        ? ({ ready: false, stale: 'the page builder was asked for' } as const)
        : storedPageStatus(db, stored, page.key, enabled);
    if ('waits' in status) continue;
    if ('stale' in status && options.via !== 'builder') {
      // the same page, 10–20 s instead of a fraction of a second
      options.log?.warn(
        `page ${page.key}: the stored definition does not fit (${status.stale}); making it with the page builder` +
          ' (developers: `npm run pages:capture` regenerates the stored pages)',
      );
    }
    const mobile = page.layout === 'mobile';
    const parentOf = await db.sequelize.transaction(async (transaction) => {
      let route: any;
      if (status.ready && stored) {
        const parentId = mobile ? null : (groupRouteId ?? (await makeStoredGroup(app, stored, transaction)));
        route = await insertStoredPage(app, stored, page.key, parentId, transaction);
      } else {
        route = await buildPage(app, page, mobile ? undefined : groupRouteId, transaction);
      }
      const parentId = route.get('parentId');
      if (groupRouteId === undefined && !mobile) {
        await records.updateOrCreate({
          filterKeys: ['key'],
          values: { key: GROUP_KEY, routeId: parentId },
          transaction,
        });
        await grantRoutes(db, [parentId], ['mq_admin', 'mq_leader', 'mq_cadre'], transaction);
      }
      await placeInMenu(db, route, page.key, routeIds, transaction);
      const tabRouteIds = (route.get('children') as any[]).map((child) => child.get('id'));
      // the group too: a role with a page of its own only (关爱专员's care ledger) reaches it through the
      // menu (the phone app's pages hang in no group)
      const group = parentId === null || parentId === undefined ? [] : [parentId];
      await grantRoutes(db, [...group, route.get('id'), ...tabRouteIds], page.roles, transaction);
      await records.create({
        values: { key: page.key, routeId: route.get('id'), pageSchemaUid: route.get('schemaUid') },
        transaction,
      });
      routeIds.set(page.key, route.get('id'));
      return parentId;
    });
    if (!mobile) groupRouteId = parentOf;
    made.push({
      key: page.key,
      via: status.ready ? 'stored' : 'builder',
      ...('stale' in status ? { why: status.stale } : {}),
    });
  }
  return made;
}

/**
 * Pages the stored definition cannot make on this app now, and why (tests keep this empty): of
 * those whose collections are there, made or not.
 */
export async function staleStoredPages(app: Application) {
  const stored = loadStoredPages();
  const enabled = await enabledPackages(app.db);
  const mobileLayout = await hasMobileLayout(app.db);
  return ALL_PAGES.filter((page) => page.needs.every((name) => app.db.hasCollection(name)))
    .filter((page) => page.layout !== 'mobile' || mobileLayout)
    .map((page) => ({ key: page.key, status: storedPageStatus(app.db, stored, page.key, enabled) }))
    .filter(({ status }) => 'stale' in status)
    .map(({ key, status }) => `${key}: ${(status as any).stale}`);
}
