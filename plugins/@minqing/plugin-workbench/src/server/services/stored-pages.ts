import { uid } from '@nocobase/utils';
import type Application from '@nocobase/server';
import type { Database } from '@nocobase/database';
import {
  LABEL,
  ROUTE_ID,
  STORED_PAGES_FORMAT,
  fingerprint,
  isLabel,
  mapJson,
  treePathRows,
  valuesNamed,
  type StoredModel,
  type StoredPage,
  type StoredPages,
  type StoredTemplate,
} from '../domain/stored-pages';
import { ALL_PAGES, MOBILE_LAYOUT } from '../pages/all';
import { GROUP_ICON, GROUP_TITLE, fieldsInOrder } from './page-builder';

/** The definition committed in src/server/pages/stored, or null before the first capture. */
export function loadStoredPages(): StoredPages | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return require('../pages/stored');
  } catch (error) {
    if ((error as any)?.code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

export const flowEngineVersion = (): string =>
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('@nocobase/plugin-flow-engine/package.json').version;

/** What of src/server/pages makes the pages (not who sees them, nor what they wait for). */
export const blueprintsFingerprint = () =>
  fingerprint({
    group: { title: GROUP_TITLE, icon: GROUP_ICON },
    pages: ALL_PAGES.map(({ key, title, icon, tabs, assets, steps, layout, buttons, fieldModels }) => ({
      key,
      title,
      icon,
      ...(layout ? { layout } : {}),
      tabs,
      assets,
      steps,
      ...(buttons ? { buttons } : {}),
      ...(fieldModels ? { fieldModels } : {}),
    })),
  });

/**
 * Fields no block or popup of ours shows (see fieldGroups): another plugin adding one (liaison's
 * 联系点 under a unit) changes no page.
 */
const TO_MANY_CHILDREN = ['hasMany', 'hasOne'];

/**
 * What of a collection the page builder reads: its titles, and the fields a block or popup may
 * show, in their order. Another field, or another title field, gives other pages.
 */
export function collectionFingerprint(db: Database, name: string) {
  const collection = db.getCollection(name);
  if (!collection) return 'missing';
  const o = collection.options as any;
  return fingerprint({
    title: o.title,
    titleField: o.titleField,
    filterTargetKey: o.filterTargetKey,
    template: o.template,
    tree: o.tree,
    fields: fieldsInOrder(collection)
      .filter((field: any) => field.options.interface && !TO_MANY_CHILDREN.includes(field.type))
      .map((field: any) => {
        const f = field.options;
        return {
          name: field.name,
          type: field.type,
          interface: f.interface,
          target: f.target,
          foreignKey: f.foreignKey,
          targetKey: f.targetKey,
          sourceKey: f.sourceKey,
          through: f.through,
          title: f.uiSchema?.title,
          component: f.uiSchema?.['x-component'],
        };
      }),
  });
}

export const collectionFingerprints = (db: Database, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, collectionFingerprint(db, name)]));

/** The collections a page's blocks and popups show, and those their association fields point at. */
export function collectionsShown(db: Database, items: unknown[]): string[] {
  const names = new Set<string>();
  for (const item of items)
    for (const v of valuesNamed(item, 'collectionName')) if (typeof v === 'string') names.add(v);
  for (const name of [...names]) {
    for (const field of db.getCollection(name)?.fields.values() ?? []) {
      if (TO_MANY_CHILDREN.includes((field as any).type)) continue;
      const target = (field as any).options.interface && (field as any).options.target;
      if (target) names.add(target);
    }
  }
  return [...names].sort();
}

/** The plugin packages enabled, as the page builder reads them. */
export async function enabledPackages(db: Database, transaction?: any): Promise<Set<string>> {
  if (!db.getCollection('applicationPlugins')) return new Set();
  const plugins = await db.getRepository('applicationPlugins').find({
    fields: ['packageName'],
    filter: { enabled: true },
    transaction,
  });
  return new Set(plugins.map((p: any) => p.get('packageName')).filter(Boolean));
}

/** Model classes whose plugin is not enabled (a chart without data-visualization, an export button…). */
function unavailableUses(uses: Set<string>, enabled: Set<string>) {
  // the page builder's catalog: reached by path like the builder, pinned by the flow-engine version
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const catalog = require('@nocobase/plugin-flow-engine/dist/server/flow-surfaces/catalog');
  return [...uses].filter((use) => {
    const items = [catalog.ACTION_CATALOG_BY_USE.get(use), catalog.BLOCK_CATALOG_BY_USE.get(use)]
      .flat()
      .filter(Boolean);
    return items.length > 0 && !items.some((item: any) => catalog.isCatalogItemAvailable(item, enabled));
  });
}

const usesOf = (models: StoredModel[]) => models.map((m) => m.options.use).filter(Boolean);

export type StoredPageStatus =
  | { ready: true }
  /** the stored definition does not fit this app: the page builder makes the page */
  | { ready: false; stale: string }
  /** a plugin the page's blocks need is not enabled: the page waits for a later start */
  | { ready: false; waits: string };

/** Whether page `key` can be installed from the stored definition on this app, now. */
export function storedPageStatus(
  db: Database,
  stored: StoredPages | null,
  key: string,
  enabled: Set<string>,
): StoredPageStatus {
  if (!stored) return { ready: false, stale: 'there is no stored definition' };
  if (stored.format !== STORED_PAGES_FORMAT) return { ready: false, stale: `stored format ${stored.format}` };
  if (stored.flowEngine !== flowEngineVersion()) {
    return {
      ready: false,
      stale: `stored from flow-engine ${stored.flowEngine}, this app runs ${flowEngineVersion()}`,
    };
  }
  if (stored.blueprints !== blueprintsFingerprint()) {
    return { ready: false, stale: 'the blueprints in src/server/pages changed since the pages were stored' };
  }
  const page = stored.pages[key];
  if (!page) return { ready: false, stale: 'the page is not in the stored definition' };
  const changed = page.collections.filter((name) => stored.collections[name] !== collectionFingerprint(db, name));
  if (changed.length) return { ready: false, stale: `collections changed since the pages were stored: ${changed}` };
  const models = [...page.models, ...page.templates.flatMap((t) => stored.templates[t].models)];
  const missing = unavailableUses(new Set(usesOf(models)), enabled);
  if (missing.length) return { ready: false, waits: `plugins not enabled for ${missing.join(', ')}` };
  return { ready: true };
}

/** Labels → fresh uids (or the ids of the routes just made), throughout a stored value. */
class Restorer {
  readonly uids = new Map<string, string>();
  readonly routeIds = new Map<string, unknown>();
  /** template labels bound to a template made before */
  readonly existing = new Set<string>();

  uid(label: string): string {
    const known = this.uids.get(label);
    if (known !== undefined) return known;
    const fresh = uid();
    this.uids.set(label, fresh);
    return fresh;
  }

  restore<T>(value: T): T {
    return mapJson(value, (v) => {
      if (!isLabel(v)) return v;
      if (v.endsWith(ROUTE_ID)) {
        const route = v.slice(0, -ROUTE_ID.length);
        if (!this.routeIds.has(route)) throw new Error(`stored page points at route ${route}, not made`);
        return this.routeIds.get(route);
      }
      return this.uid(v);
    });
  }
}

const CHUNK = 200;
async function bulkCreate(db: Database, collection: string, rows: any[], transaction: any) {
  const model = db.getModel(collection);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await model.bulkCreate(rows.slice(i, i + CHUNK), { transaction, hooks: false });
  }
}

/**
 * The models in two statements and their tree paths in a few, instead of the repository's
 * ~8 queries per node: the rows are those flow-engine's repository writes (the capture checks it).
 */
async function insertModels(db: Database, models: StoredModel[], restorer: Restorer, transaction: any) {
  const rows = models.map((m) => ({
    ...m,
    uid: restorer.uid(m.uid),
    parent: m.parent === undefined ? undefined : restorer.uid(m.parent),
    options: restorer.restore(m.options),
  }));
  await bulkCreate(
    db,
    'flowModels',
    rows.map((r) => ({ uid: r.uid, name: r.uid, options: r.options })),
    transaction,
  );
  await bulkCreate(db, 'flowModelTreePath', treePathRows(rows), transaction);
}

async function insertUsages(db: Database, usages: [string, string][], restorer: Restorer, transaction: any) {
  const rows = usages.map(([model, template]) => ({
    uid: uid(),
    modelUid: restorer.uid(model),
    templateUid: restorer.uid(template),
  }));
  await bulkCreate(db, 'flowModelTemplateUsages', rows, transaction);
}

/** Points `label` at the same template made before (by a page made earlier), if there is one. */
async function bindExistingTemplate(
  db: Database,
  label: string,
  template: StoredTemplate,
  restorer: Restorer,
  transaction: any,
) {
  if (restorer.existing.has(label)) return true;
  // already named by a template made now: made with that uid, never another one's
  if (restorer.uids.has(label)) return false;
  const { name, type, dataSourceKey, collectionName, associationName, useModel } = template.values;
  // the builder names two templates alike when it makes a second one (基层单位's own 编辑 beside the
  // one its association popups share): label `…#2` is the second of that name, not the first again
  const nth = Number(/#(\d+)$/.exec(label)?.[1] ?? 1);
  const existing = (
    await db.getRepository('flowModelTemplates').find({
      filter: { name, type, dataSourceKey, collectionName, associationName: associationName ?? null, useModel },
      sort: ['createdAt'],
      transaction,
    })
  )[nth - 1];
  const target = existing && (await db.getModel('flowModels').findByPk(existing.get('targetUid'), { transaction }));
  if (!existing || !target) return false;
  restorer.uids.set(label, existing.get('uid'));
  restorer.uids.set(`${label}/target`, existing.get('targetUid'));
  restorer.existing.add(label);
  return true;
}

/**
 * A popup template the page uses: the one made before (by another of our pages, under the name
 * the builder gives it) when it is still there, else a new one from the stored definition.
 */
async function ensureTemplate(
  db: Database,
  label: string,
  template: StoredTemplate,
  restorer: Restorer,
  transaction: any,
) {
  if (await bindExistingTemplate(db, label, template, restorer, transaction)) return;
  await insertModels(db, template.models, restorer, transaction);
  await bulkCreate(
    db,
    'flowModelTemplates',
    [{ ...restorer.restore(template.values), uid: restorer.uid(label) }],
    transaction,
  );
  await insertUsages(db, template.usages, restorer, transaction);
}

/** Menu order: the page builder's rule, so that pages made either way sort alike. */
const routeSort = (offset = 0) => Date.now() * 1000 + Math.floor(Math.random() * 1000) + offset;

/** The ui layouts a new route under `parentId` belongs to (the builder's rule: the parent's, else the admin layout). */
async function layoutsFor(db: Database, parentId: unknown, transaction: any): Promise<string[]> {
  if (!db.getCollection('uiLayouts') || !db.getCollection('desktopRoutes').getField('uiLayouts')) return [];
  if (parentId !== undefined && parentId !== null) {
    const parents = await db.getRepository<any>('desktopRoutes.uiLayouts', parentId as any).find({ transaction });
    if (parents.length) return parents.map((layout: any) => layout.get('uid'));
  }
  const admin = await db
    .getRepository('uiLayouts')
    .findOne({ filter: { uid: 'admin-layout-model', enabled: true }, transaction });
  return admin ? ['admin-layout-model'] : [];
}

async function setLayouts(db: Database, routeIds: unknown[], layouts: string[], transaction: any) {
  if (!layouts.length) return;
  for (const id of routeIds) {
    await db.getRepository<any>('desktopRoutes.uiLayouts', id as any).set({ tk: layouts, transaction });
  }
}

/**
 * The menu group 下基层察民情: the root group of that title if there is one (like the page
 * builder), else a new one from the stored definition. Returns its route id.
 */
export async function makeStoredGroup(app: Application, stored: StoredPages, transaction: any) {
  const db = app.db;
  const routes = db.getRepository('desktopRoutes');
  const existing = await routes.find({ filter: { type: 'group', title: GROUP_TITLE, parentId: null }, transaction });
  if (existing.length > 1) throw new Error(`${existing.length} menu groups are titled ${GROUP_TITLE}: keep one`);
  if (existing.length === 1) return existing[0].get('id');
  const restorer = new Restorer();
  const group = await routes.create({
    values: { ...restorer.restore(stored.group.values), parentId: null, sort: routeSort() },
    transaction,
  });
  await setLayouts(db, [group.get('id')], await layoutsFor(db, null, transaction), transaction);
  return group.get('id');
}

/**
 * Installs page `key` from the stored definition under the group: its route and tabs through the
 * repository (so that the hooks grant new menus and make route models as for any page), its shell,
 * the popup templates it uses, then its models and tree paths in bulk. Returns the page's route.
 */
export async function insertStoredPage(
  app: Application,
  stored: StoredPages,
  key: string,
  groupRouteId: unknown,
  transaction: any,
) {
  const db = app.db;
  const page: StoredPage = stored.pages[key];
  const restorer = new Restorer();
  // first the templates pages made before already have: a template made now that names one of them
  // (a popup inside a popup) must point at that one, whatever their order (the 基层单位 page, made
  // after liaison is enabled, got a second 编辑 template of 基层单位 otherwise)
  for (const label of page.templates) {
    await bindExistingTemplate(db, label, stored.templates[label], restorer, transaction);
  }
  for (const label of page.templates) {
    await ensureTemplate(db, label, stored.templates[label], restorer, transaction);
  }

  const routes = db.getRepository('desktopRoutes');
  const values = restorer.restore(page.route.values);
  // one base for the page and its tabs: the tabs keep their order (each its own random sort did not)
  const sort = routeSort();
  await routes.create({
    values: {
      ...values,
      parentId: groupRouteId,
      sort,
      children: (page.route.children ?? []).map((tab, i) => ({
        ...restorer.restore(tab.values),
        sort: sort + 1 + i,
        parentId: null,
      })),
    },
    transaction,
  });
  const route = await routes.findOne({ filter: { schemaUid: values.schemaUid }, appends: ['children'], transaction });
  const tabs = [...(route.get('children') as any[])].sort((a, b) => Number(a.get('sort')) - Number(b.get('sort')));
  restorer.routeIds.set(`${LABEL}${key}`, route.get('id'));
  restorer.routeIds.set(`${LABEL}group`, groupRouteId);
  tabs.forEach((tab, i) => restorer.routeIds.set(`${LABEL}${key}/tab${i}`, tab.get('id')));
  const mobile = ALL_PAGES.find((p) => p.key === key)?.layout === 'mobile';
  await setLayouts(
    db,
    [route.get('id'), ...tabs.map((tab) => tab.get('id'))],
    mobile ? [MOBILE_LAYOUT] : await layoutsFor(db, groupRouteId, transaction),
    transaction,
  );
  await (db.getRepository('uiSchemas') as any).insert({ ...page.shell, 'x-uid': values.schemaUid }, { transaction });

  await insertModels(db, page.models, restorer, transaction);
  await insertUsages(db, page.usages, restorer, transaction);
  return route;
}
