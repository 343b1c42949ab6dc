import { uid } from '@nocobase/utils';
import type Application from '@nocobase/server';
import type { Database } from '@nocobase/database';
import { stepModelName } from '../domain/steps';
import { WORKBENCH_PAGES, type WorkbenchPage } from '../pages';
import { flowSurfaces } from './flow-surfaces';

export const GROUP_KEY = 'group';
export const GROUP_TITLE = '下基层察民情';

const NOT_IN_POPUPS = new Set(['id', 'createdBy', 'updatedBy', 'createdById', 'updatedById', 'sort']);

/** Every field a generated view/edit popup may show, first those the page's tables show. */
function fieldGroups(db: Database, collectionName: string, shown: string[]) {
  const collection = db.getCollection(collectionName);
  // a belongsTo shows as the record it points at, never as its bare foreign key
  const foreignKeys = new Set(
    [...collection.fields.values()].filter((f: any) => f.type === 'belongsTo').map((f: any) => f.foreignKey),
  );
  const all = [...collection.fields.values()]
    .filter((field: any) => field.options.interface && !NOT_IN_POPUPS.has(field.name) && !foreignKeys.has(field.name))
    .filter((field: any) => !['hasMany', 'hasOne'].includes(field.type))
    .map((field: any) => field.name as string);
  const first = shown.filter((name) => all.includes(name));
  const rest = all.filter((name) => !first.includes(name));
  return [
    { key: 'main', title: '基本信息', fields: first.length ? first : rest },
    ...(first.length && rest.length ? [{ key: 'more', title: '更多信息', fields: rest }] : []),
  ];
}

function blueprint(db: Database, page: WorkbenchPage, groupRouteId?: string | number) {
  const tables = page.tabs.flatMap((tab) => tab.blocks.filter((block) => block.type === 'table'));
  // each collection a popup may open: the tables' and those their association columns point at
  const shown = new Map<string, string[]>();
  const show = (name: string, fields: string[]) => shown.set(name, [...(shown.get(name) ?? []), ...fields]);
  for (const block of tables) {
    show(block.collection, block.fields);
    for (const name of block.fields) {
      const target = (db.getCollection(block.collection).getField(name) as any)?.target;
      if (target && db.hasCollection(target)) show(target, []);
    }
  }
  const collections = Object.fromEntries(
    [...shown].map(([name, fields]) => [name, { fieldGroups: fieldGroups(db, name, fields) }]),
  );
  return {
    version: '1',
    mode: 'create',
    navigation: {
      group: groupRouteId ? { routeId: groupRouteId } : { title: GROUP_TITLE, icon: 'TeamOutlined' },
      item: { title: page.title, icon: page.icon },
    },
    page: { title: page.title },
    defaults: { collections },
    assets: page.assets ?? {},
    tabs: page.tabs,
  };
}

/** The actions column of table `key` in the page just created (blocks are stored in the order given). */
function actionsColumn(tree: any, page: WorkbenchPage, key: string) {
  const t = page.tabs.findIndex((tab) => tab.blocks.some((block) => block.key === key));
  const tab = page.tabs[t];
  const tables = tab.blocks.filter((block) => block.type === 'table');
  const items = (tree?.subModels?.tabs?.[t]?.subModels?.grid?.subModels?.items ?? []).filter(
    (item: any) => item.use === 'TableBlockModel',
  );
  const table = items[tables.findIndex((block) => block.key === key)];
  const column = table?.subModels?.columns?.find((c: any) => c.use === 'TableActionsColumnModel');
  if (!column) throw new Error(`workbench page ${page.key}: table ${key} has no actions column`);
  return column.uid as string;
}

async function addStepButtons(db: Database, tree: any, page: WorkbenchPage, transaction: any) {
  const repository = db.getRepository('flowModels') as any;
  for (const { block, steps } of page.steps ?? []) {
    const parentId = actionsColumn(tree, page, block);
    for (const step of steps) {
      await repository.upsertModel(
        { uid: uid(), parentId, subKey: 'actions', subType: 'array', use: stepModelName(step) },
        { transaction },
      );
    }
  }
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
 * Creates each of our pages that was never created, under the menu group 下基层察民情, each in
 * one transaction with its bookkeeping row. Pages whose collections are not there (a plugin not
 * enabled) wait for a later start. Returns the keys created.
 */
export async function ensureWorkbenchPages(app: Application): Promise<string[]> {
  const db = app.db;
  const records = db.getRepository('mq_workbench_pages');
  const known = new Map<string, any>((await records.find()).map((r: any) => [r.get('key'), r]));
  let groupRouteId = known.get(GROUP_KEY)?.get('routeId');
  const created: string[] = [];
  const service = flowSurfaces(app);
  for (const page of WORKBENCH_PAGES) {
    if (known.has(page.key) || !page.needs.every((name) => db.hasCollection(name))) continue;
    await db.sequelize.transaction(async (transaction) => {
      const result = await service
        .applyBlueprint(blueprint(db, page, groupRouteId), { transaction, currentRoles: ['root'] })
        .catch((error: any) => {
          // the builder's message only counts its errors; the list says what to change
          const details = (error?.errors ?? []).map((e: any) => `${e.path ?? ''} ${e.message}`).join('; ');
          throw new Error(`page ${page.key} (${page.title}): ${error.message}${details ? `: ${details}` : ''}`);
        });
      const pageSchemaUid = result.target.pageSchemaUid;
      const route = await db.getRepository('desktopRoutes').findOne({
        filter: { schemaUid: pageSchemaUid },
        appends: ['children'],
        transaction,
      });
      await addStepButtons(db, result.surface?.tree, page, transaction);
      if (!groupRouteId) {
        groupRouteId = route.get('parentId');
        await records.create({ values: { key: GROUP_KEY, routeId: groupRouteId }, transaction });
        await grantRoutes(db, [groupRouteId], ['mq_admin', 'mq_leader', 'mq_cadre'], transaction);
      }
      const tabRouteIds = (route.get('children') as any[]).map((child) => child.get('id'));
      await grantRoutes(db, [route.get('id'), ...tabRouteIds], page.roles, transaction);
      await records.create({ values: { key: page.key, routeId: route.get('id'), pageSchemaUid }, transaction });
    });
    created.push(page.key);
  }
  return created;
}
