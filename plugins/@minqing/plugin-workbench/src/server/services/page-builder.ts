import { uid } from '@nocobase/utils';
import type Application from '@nocobase/server';
import type { Database } from '@nocobase/database';
import { recordActionModelName } from '../domain/record-actions';
import { stepModelName } from '../domain/steps';
import type { WorkbenchPage } from '../pages';
import { MOBILE_LAYOUT } from '../pages/all';
import { tt } from '../pages/i18n';
import { keptPopupFields, pruneGeneratedPopups } from './generated-popup-fields';

export const GROUP_KEY = 'group';
/** 下基层察民情 */
export const GROUP_TITLE = tt('Grassroots outreach');
export const GROUP_ICON = 'TeamOutlined';

/**
 * flow-engine's page builder, the one behind `POST /api/flowSurfaces:applyBlueprint`. Its class is
 * not exported from the package index, so it is reached by path; pinned by our NocoBase version.
 * It writes every generated popup node by node (~10,000 queries for a one-table page): the pages
 * are made with it once, by `npm run pages:capture`, and installed from what it wrote
 * (./stored-pages.ts); it runs at install only when that stored definition does not fit.
 */
export function flowSurfaces(app: Application) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { FlowSurfacesService } = require('@nocobase/plugin-flow-engine/dist/server/flow-surfaces/service');
  return new FlowSurfacesService(app.pm.get('flow-engine'));
}

const NOT_IN_POPUPS = new Set(['id', 'createdBy', 'updatedBy', 'createdById', 'updatedById', 'sort']);

/**
 * A collection's fields in the order its definition gives them, then those other plugins added,
 * by name. Not the order of `collection.fields`: it changes once the collection manager reloads
 * the collections at start (alphabetical, associations last), and the popups would with it.
 */
export function fieldsInOrder(collection: any): any[] {
  const defined: string[] = (collection.options.fields ?? []).map((f: any) => f.name);
  const rank = (name: string) => (defined.includes(name) ? defined.indexOf(name) : defined.length);
  return [...collection.fields.values()].sort(
    (a: any, b: any) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/**
 * Every field a generated view/edit popup may show, first those the page's tables show (or those
 * the popups keep, ./generated-popup-fields).
 */
function fieldGroups(db: Database, collectionName: string, shown: string[]) {
  const collection = db.getCollection(collectionName);
  // a belongsTo shows as the record it points at, never as its bare foreign key
  const foreignKeys = new Set(
    [...collection.fields.values()].filter((f: any) => f.type === 'belongsTo').map((f: any) => f.foreignKey),
  );
  const all = fieldsInOrder(collection)
    .filter((field: any) => field.options.interface && !NOT_IN_POPUPS.has(field.name) && !foreignKeys.has(field.name))
    .filter((field: any) => !['hasMany', 'hasOne'].includes(field.type))
    .map((field: any) => field.name as string);
  // a collection whose generated popups keep only some fields (./generated-popup-fields) has them first
  const first = (keptPopupFields(collectionName) ?? shown).filter((name) => all.includes(name));
  const rest = all.filter((name) => !first.includes(name));
  return [
    { key: 'main', title: tt('Basic information'), fields: first.length ? first : rest },
    ...(first.length && rest.length ? [{ key: 'more', title: tt('More information'), fields: rest }] : []),
  ];
}

export function blueprint(db: Database, page: WorkbenchPage, groupRouteId?: string | number) {
  const tables = page.tabs.flatMap((tab) => tab.blocks.filter((block) => ['table', 'list'].includes(block.type)));
  // each collection a popup may open: the tables' and those their association columns point at
  const shown = new Map<string, string[]>();
  const show = (name: string, fields: string[]) => shown.set(name, [...(shown.get(name) ?? []), ...fields]);
  for (const block of tables) {
    show(block.collection, block.fields);
    // the records a view/edit popup points at, columns or not (典型案例's 民生实事, another plugin's field)
    for (const field of db.getCollection(block.collection).fields.values() as Iterable<any>) {
      const target = field.type === 'belongsTo' && field.options.interface && field.target;
      if (target && !NOT_IN_POPUPS.has(field.name) && db.hasCollection(target) && !shown.has(target)) show(target, []);
    }
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
    // the phone app's pages are tabs of the mobile layout's bottom bar, in no group
    navigation:
      page.layout === 'mobile'
        ? { layoutUid: MOBILE_LAYOUT, item: { title: page.title, icon: page.icon } }
        : {
            group: groupRouteId ? { routeId: groupRouteId } : { title: GROUP_TITLE, icon: GROUP_ICON },
            item: { title: page.title, icon: page.icon },
          },
    page: { title: page.title },
    defaults: { collections },
    assets: page.assets ?? {},
    tabs: page.tabs,
  };
}

const ROW_ACTIONS_OF: Record<string, { block: string; row: (block: any) => any }> = {
  // a table's actions column
  table: {
    block: 'TableBlockModel',
    row: (block) => block?.subModels?.columns?.find((c: any) => c.use === 'TableActionsColumnModel'),
  },
  // a list's card (the phone app)
  list: { block: 'ListBlockModel', row: (block) => block?.subModels?.item },
};

/** Block `key` (a table or a list) in the page just created (blocks are stored in the order given). */
function blockModel(tree: any, page: WorkbenchPage, key: string) {
  const t = page.tabs.findIndex((tab) => tab.blocks.some((block) => block.key === key));
  const tab = page.tabs[t];
  const type = tab.blocks.find((block) => block.key === key)?.type;
  const kind = ROW_ACTIONS_OF[type];
  if (!kind) throw new Error(`workbench page ${page.key}: block ${key} (${type}) has no rows for buttons`);
  const same = tab.blocks.filter((block) => block.type === type);
  const items = (tree?.subModels?.tabs?.[t]?.subModels?.grid?.subModels?.items ?? []).filter(
    (item: any) => item.use === kind.block,
  );
  return { kind, type, model: items[same.findIndex((block) => block.key === key)] };
}

/** Where the row actions of block `key` hang: a table's actions column, a list's card. */
function actionsColumn(tree: any, page: WorkbenchPage, key: string) {
  const { kind, type, model } = blockModel(tree, page, key);
  const row = kind.row(model);
  if (!row) throw new Error(`workbench page ${page.key}: ${type} ${key} has no row actions`);
  return row.uid as string;
}

/** Table block `key` in the page just created. */
function tableModel(tree: any, page: WorkbenchPage, key: string) {
  return blockModel(tree, page, key).model;
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
  for (const { block, row = [], top = [] } of page.buttons ?? []) {
    const table = tableModel(tree, page, block);
    if (!table) throw new Error(`workbench page ${page.key}: no table ${block}`);
    const rowParent = row.length ? actionsColumn(tree, page, block) : undefined;
    for (const key of row) {
      await repository.upsertModel(
        { uid: uid(), parentId: rowParent, subKey: 'actions', subType: 'array', use: recordActionModelName(key) },
        { transaction },
      );
    }
    for (const key of top) {
      await repository.upsertModel(
        { uid: uid(), parentId: table.uid, subKey: 'actions', subType: 'array', use: recordActionModelName(key) },
        { transaction },
      );
    }
  }
}

const BLOCK_MODELS: Record<string, string> = { list: 'ListBlockModel', createForm: 'CreateFormModel' };

/** The field items of block `key` (a list's cards or a create form) in the page just created. */
function fieldItems(tree: any, page: WorkbenchPage, key: string): any[] {
  const t = page.tabs.findIndex((tab) => tab.blocks.some((block) => block.key === key));
  const blocks = page.tabs[t]?.blocks ?? [];
  const type = blocks.find((block) => block.key === key)?.type;
  const use = BLOCK_MODELS[type];
  if (!use) throw new Error(`workbench page ${page.key}: block ${key} (${type}) has no fields to set`);
  const same = blocks.filter((block) => block.type === type);
  const models = (tree?.subModels?.tabs?.[t]?.subModels?.grid?.subModels?.items ?? []).filter(
    (item: any) => item.use === use,
  );
  const model = models[same.findIndex((block) => block.key === key)];
  const grid = type === 'list' ? model?.subModels?.item?.subModels?.grid : model?.subModels?.grid;
  return grid?.subModels?.items ?? [];
}

/**
 * Our field models where the page names them: on a list's cards the 逾期 N 天 tag of
 * `overdueDays` (label hidden: the tag says what it is), in 记录走访 the unit picker that offers my
 * liaison units first. The items stay those the builder made, so an administrator edits them.
 */
async function setFieldModels(db: Database, tree: any, page: WorkbenchPage, transaction: any) {
  const repository = db.getRepository('flowModels') as any;
  for (const { block, field, use, hideLabel } of page.fieldModels ?? []) {
    const item = fieldItems(tree, page, block).find(
      (i: any) => i?.stepParams?.fieldSettings?.init?.fieldPath === field,
    );
    const shown = item?.subModels?.field;
    if (!shown) throw new Error(`workbench page ${page.key}: no field ${field} in ${block}`);
    await repository.patch({ uid: shown.uid, use }, { transaction });
    if (hideLabel) {
      await repository.patch(
        { uid: item.uid, stepParams: { ...item.stepParams, detailItemSettings: { showLabel: { showLabel: false } } } },
        { transaction },
      );
    }
  }
}

/** what the page builder puts above every list block, which a phone's list has no use for */
const NOT_ON_PHONE_LISTS = new Set(['FilterActionModel', 'AddNewActionModel']);
/** NocoBase's own buttons on a phone's cards (查看), sized for a finger like our step buttons */
const TOUCH = { minHeight: 44, minWidth: 44 };

/**
 * The phone's lists, those of its popups too: no filter, no "+" (a cadre adds through 记录走访,
 * not from a list); refresh stays. The builder adds both to every list whatever the blueprint
 * says. The buttons left on the cards get a finger's 44 px.
 */
async function fitListsToPhone(db: Database, tree: any, transaction: any) {
  const repository = db.getRepository('flowModels') as any;
  const visit = async (node: any): Promise<void> => {
    if (!node || typeof node !== 'object') return;
    if (node.use === 'ListBlockModel') {
      for (const action of node.subModels?.actions ?? []) {
        if (NOT_ON_PHONE_LISTS.has(action.use)) await repository.remove(action.uid, { transaction });
      }
      node.subModels.actions = (node.subModels?.actions ?? []).filter((a: any) => !NOT_ON_PHONE_LISTS.has(a.use));
      for (const action of node.subModels?.item?.subModels?.actions ?? []) {
        await repository.patch({ uid: action.uid, props: { ...action.props, style: TOUCH } }, { transaction });
      }
    }
    for (const sub of Object.values(node.subModels ?? {})) {
      for (const child of Array.isArray(sub) ? sub : [sub]) await visit(child);
    }
  };
  await visit(tree);
}

/** Makes a page with the page builder, then adds our step buttons; returns the page's route. */
export async function buildPage(
  app: Application,
  page: WorkbenchPage,
  groupRouteId: string | number | undefined,
  transaction: any,
) {
  const db = app.db;
  const result = await flowSurfaces(app)
    .applyBlueprint(blueprint(db, page, groupRouteId), { transaction, currentRoles: ['root'] })
    .catch((error: any) => {
      // the builder's message only counts its errors; the list says what to change
      const details = (error?.errors ?? []).map((e: any) => `${e.path ?? ''} ${e.message}`).join('; ');
      throw new Error(`page ${page.key} (${page.title}): ${error.message}${details ? `: ${details}` : ''}`);
    });
  const tree = result.surface?.tree;
  if (page.layout === 'mobile') await fitListsToPhone(db, tree, transaction);
  await setFieldModels(db, tree, page, transaction);
  await pruneGeneratedPopups(db, transaction);
  await addStepButtons(db, tree, page, transaction);
  return db.getRepository('desktopRoutes').findOne({
    filter: { schemaUid: result.target.pageSchemaUid },
    appends: ['children'],
    transaction,
  });
}
