import fs from 'fs';
import path from 'path';
import type Application from '@nocobase/server';
import {
  LABEL,
  ROUTE_ID,
  STORED_PAGES_FORMAT,
  labelTree,
  mapJson,
  stableStringify,
  stringsOf,
  valuesNamed,
  treePathRows,
  type StoredModel,
  type StoredPage,
  type StoredPages,
  type StoredRoute,
  type StoredTemplate,
  type TreePathRow,
} from '../domain/stored-pages';
import { ALL_PAGES } from '../pages/all';
import { GROUP_KEY } from './page-builder';
import { blueprintsFingerprint, collectionsShown, collectionFingerprints, flowEngineVersion } from './stored-pages';

/** Columns of a route that each installation gives its own values. */
const ROUTE_OWN_COLUMNS = ['id', 'createdAt', 'updatedAt', 'parentId', 'sort', 'createdById', 'updatedById'];

/** What a page looks like beyond its stored definition: compared, never stored. */
export interface PageSurroundings {
  /** per route label: the roles that see it */
  roles: Record<string, string[]>;
  /** per route label: the ui layouts it belongs to */
  layouts: Record<string, string[]>;
  /** the page route labels in menu order */
  menu: string[];
}

export interface CapturedPages {
  definition: StoredPages;
  surroundings: PageSurroundings;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const plain = (record: any) => (record?.toJSON ? JSON.parse(JSON.stringify(record.toJSON())) : record);

/**
 * Reads our pages as they are in the database (made by the page builder, or from a stored
 * definition) into a stored definition: every uid and route id a label, the models of each page
 * and of the popup templates they use, in the shape `insertStoredPage` writes back. Throws when a
 * page points at something outside it, which a stored definition could not reproduce.
 */
export async function capturePages(app: Application): Promise<CapturedPages> {
  const db = app.db;
  const records = new Map<string, any>(
    (await db.getRepository('mq_workbench_pages').find()).map((r: any) => [r.get('key'), r.get('routeId')]),
  );
  const routes = db.getRepository('desktopRoutes');
  const route = async (id: unknown) =>
    id === undefined || id === null
      ? null
      : plain(await routes.findOne({ filterByTk: id as any, appends: ['children', 'roles', 'uiLayouts'] }));
  const group = await route(records.get(GROUP_KEY));
  if (!group) throw new Error('no menu group 下基层察民情 recorded');

  // everything flow-engine stores, once: a fresh app holds only our pages
  const models = new Map<string, Record<string, any>>(
    (await db.getModel('flowModels').findAll()).map((m: any) => [m.get('uid'), m.get('options') ?? {}]),
  );
  const paths: TreePathRow[] = (await db.getModel('flowModelTreePath').findAll()).map((p: any) => ({
    ancestor: p.get('ancestor'),
    descendant: p.get('descendant'),
    depth: Number(p.get('depth')),
    type: p.get('type') ?? null,
    async: p.get('async') === null || p.get('async') === undefined ? null : !!p.get('async'),
    sort: p.get('sort') === null || p.get('sort') === undefined ? null : Number(p.get('sort')),
  }));
  const templates = new Map<string, any>(
    (await db.getModel('flowModelTemplates').findAll()).map((t: any) => [t.get('uid'), plain(t)]),
  );
  const usages = (await db.getModel('flowModelTemplateUsages').findAll()).map((u: any) => plain(u));
  const parentOf = new Map<string, { parent: string; sort: number | null }>();
  const descendants = new Map<string, string[]>();
  for (const p of paths) {
    if (p.depth === 1) parentOf.set(p.descendant, { parent: p.ancestor, sort: p.sort });
    if (p.depth > 0) {
      const below = descendants.get(p.ancestor) ?? [];
      below.push(p.descendant);
      descendants.set(p.ancestor, below);
    }
  }
  const selfRow = new Map(paths.filter((p) => p.depth === 0).map((p) => [p.descendant, p]));
  const treeNode = (uid: string) => ({
    uid,
    parent: parentOf.get(uid)?.parent,
    sort: parentOf.get(uid)?.sort,
    options: models.get(uid) ?? {},
  });

  const labels = new Map<string, string>(); // uid → label
  // a uid labelled earlier in this capture; a missing one is a bug of the capture, not of the pages
  const labelOf = (uid: string): string => {
    const l = labels.get(uid);
    if (l === undefined) throw new Error(`page capture: ${uid} was not labelled`);
    return l;
  };
  const routeIds = new Map<string, string>(); // String(route id) → route label
  const surroundings: PageSurroundings = { roles: {}, layouts: {}, menu: [] };
  const noteRoute = (r: any, label: string) => {
    labels.set(r.schemaUid, label);
    routeIds.set(String(r.id), label);
    surroundings.roles[label] = (r.roles ?? []).map((role: any) => role.name).sort();
    surroundings.layouts[label] = (r.uiLayouts ?? []).map((layout: any) => layout.uid).sort();
  };
  const tabsOf = (r: any) => [...(r.children ?? [])].sort((a: any, b: any) => Number(a.sort) - Number(b.sort));
  noteRoute(group, `${LABEL}group`);

  // the pages' routes and the models under them
  const pages: { key: string; route: any; uids: string[] }[] = [];
  const menu = [...((await routes.find({ filter: { parentId: group.id }, sort: ['sort'] })) as any[])].map(plain);
  for (const page of ALL_PAGES) {
    const r = await route(records.get(page.key));
    if (!r) continue;
    const label = `${LABEL}${page.key}`;
    noteRoute(r, label);
    labels.set(r.menuSchemaUid, `${label}/menu`);
    tabsOf(r).forEach((tab: any, i: number) => {
      noteRoute(tab, `${label}/tab${i}`);
      labels.set(tab.tabSchemaName, `${label}/tab${i}/name`);
    });
    const roots = [r, ...tabsOf(r)].map((x: any) => x.schemaUid as string);
    const uids = roots.flatMap((root) => descendants.get(root) ?? []);
    const tree = labelTree(uids.map(treeNode), new Map(roots.map((root) => [root, labelOf(root)])));
    for (const [uid, l] of tree) if (!roots.includes(uid)) labels.set(uid, l);
    pages.push({ key: page.key, route: r, uids });
  }
  surroundings.menu = menu.flatMap((r) => routeIds.get(String(r.id)) ?? []);

  // the popup templates they use, and the templates those use, labelled by what they show
  const templateOrder: string[] = [];
  const templateModels = new Map<string, string[]>();
  const templatesUsedBy = (uids: string[]) => {
    const inside = new Set(uids);
    const used = new Set<string>();
    for (const u of usages) if (inside.has(u.modelUid)) used.add(u.templateUid);
    for (const uid of uids) for (const s of stringsOf(models.get(uid))) if (templates.has(s)) used.add(s);
    // in an order of what they are, not of when they were written
    const what = (uid: string) => {
      const t = templates.get(uid);
      return stableStringify([t.collectionName, t.associationName ?? '', t.useModel, t.name]);
    };
    return [...used].sort((a, b) => compareText(what(a), what(b)));
  };
  const takeTemplate = (templateUid: string) => {
    if (labels.has(templateUid)) return;
    const t = templates.get(templateUid);
    const base = `${LABEL}template:${t.collectionName}${t.associationName ? `@${t.associationName}` : ''}:${t.useModel}`;
    let label = base;
    for (let n = 2; [...labels.values()].includes(label); n++) label = `${base}#${n}`;
    labels.set(templateUid, label);
    const uids = [t.targetUid, ...(descendants.get(t.targetUid) ?? [])];
    for (const [uid, l] of labelTree(uids.map(treeNode), new Map([[t.targetUid, `${label}/target`]]))) {
      labels.set(uid, l);
    }
    templateModels.set(templateUid, uids);
    for (const nested of templatesUsedBy(uids)) takeTemplate(nested);
    templateOrder.push(templateUid);
  };
  for (const page of pages) for (const t of templatesUsedBy(page.uids)) takeTemplate(t);

  // grid layouts of popups the builder copied into templates still name the copied-from items:
  // uids of nothing, random on each run; labelled by place, made up afresh at install like the builder does
  const inOrder = [...pages.flatMap((p) => p.uids), ...[...templateModels.values()].flat()].sort((a, b) =>
    compareText(labelOf(a), labelOf(b)),
  );
  for (const uid of inOrder) {
    let k = 0;
    for (const rows of valuesNamed(models.get(uid), 'rows')) {
      if (!rows || typeof rows !== 'object') continue;
      for (const ref of Object.values(rows).flat(2)) {
        if (typeof ref === 'string' && !labels.has(ref) && !models.has(ref))
          labels.set(ref, `${labels.get(uid)}/dangling${k++}`);
      }
    }
  }

  // uids → labels; a uid of something not captured cannot be installed elsewhere
  const problems: string[] = [];
  const known = new Set([...models.keys(), ...templates.keys()]);
  const relabel = (value: any, where: string) =>
    mapJson(value, (v, key) => {
      if (typeof v === 'string' && labels.has(v)) return labels.get(v);
      if (key === 'routeId' && v !== null && routeIds.has(String(v))) return `${routeIds.get(String(v))}${ROUTE_ID}`;
      if (typeof v === 'string' && known.has(v)) problems.push(`${where} points at ${v}, outside our pages`);
      if (key === 'routeId' && v !== null && v !== undefined) problems.push(`${where} points at route ${v}`);
      return v;
    });
  const storedModels = (uids: string[], where: string): StoredModel[] =>
    uids.map((uid) => {
      const node = treeNode(uid);
      const model: StoredModel = {
        uid: labelOf(uid),
        ...(node.parent !== undefined ? { parent: labels.get(node.parent) ?? node.parent } : {}),
        ...(node.parent !== undefined ? { sort: node.sort ?? null } : {}),
        ...(selfRow.get(uid)?.async ? { async: true } : {}),
        options: relabel(node.options, `${where} ${labels.get(uid)}`),
      };
      if (model.parent !== undefined && !model.parent.startsWith(LABEL)) {
        problems.push(`${where} ${model.uid} hangs under ${model.parent}, outside our pages`);
      }
      return model;
    });
  const storedUsages = (uids: string[]): [string, string][] => {
    const inside = new Set(uids);
    return usages
      .filter((u) => inside.has(u.modelUid))
      .map((u) => [labels.get(u.modelUid), labels.get(u.templateUid) ?? u.templateUid] as [string, string])
      .sort((a, b) => (stableStringify(a) < stableStringify(b) ? -1 : 1));
  };
  const storedRoute = (r: any, where: string): StoredRoute => {
    const values = Object.fromEntries(
      Object.entries(r).filter(
        ([k, v]) => !ROUTE_OWN_COLUMNS.includes(k) && !['children', 'roles', 'uiLayouts'].includes(k) && v !== null,
      ),
    );
    return {
      values: relabel(values, where),
      ...(r.children?.length ? { children: tabsOf(r).map((tab: any) => storedRoute(tab, where)) } : {}),
    };
  };
  const byLabel = (a: StoredModel, b: StoredModel) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);

  const storedTemplates: Record<string, StoredTemplate> = {};
  for (const templateUid of templateOrder) {
    const t = templates.get(templateUid);
    const label = labelOf(templateUid);
    const uids = templateModels.get(templateUid) ?? [];
    const values = Object.fromEntries(
      Object.entries(t).filter(([k, v]) => !['uid', 'createdAt', 'updatedAt'].includes(k) && v !== null),
    );
    storedTemplates[label] = {
      values: relabel(values, label),
      models: storedModels(uids, label).sort(byLabel),
      usages: storedUsages(uids),
    };
  }
  const usedTemplates = (uids: string[]) => {
    const order: string[] = [];
    const visit = (templateUid: string) => {
      const label = labelOf(templateUid);
      if (order.includes(label)) return;
      for (const nested of templatesUsedBy(templateModels.get(templateUid) ?? [])) visit(nested);
      order.push(label);
    };
    for (const t of templatesUsedBy(uids)) visit(t);
    return order;
  };

  const storedPages: Record<string, StoredPage> = {};
  for (const { key, route: r, uids } of pages) {
    const shell = await db.getRepository('uiSchemas').findOne({ filterByTk: r.schemaUid });
    const schema = shell ? plain(shell).schema : null;
    const used = usedTemplates(uids);
    const page: StoredPage = {
      route: storedRoute(r, key),
      shell: typeof schema === 'string' ? JSON.parse(schema) : schema,
      models: storedModels(uids, key).sort(byLabel),
      usages: storedUsages(uids),
      templates: used,
      collections: [],
    };
    page.collections = collectionsShown(db, [page, ...used.map((t) => storedTemplates[t])]);
    storedPages[key] = page;
  }

  // the closure rows must be those the insert writes
  const allModels = [...Object.values(storedPages), ...Object.values(storedTemplates)].flatMap((x) => x.models);
  const modelLabels = new Set(allModels.map((m) => m.uid));
  const storedUids = new Set([...labels].filter(([, l]) => modelLabels.has(l)).map(([uid]) => uid));
  const label = (uid: string) => labels.get(uid) ?? uid;
  const actual = new Set(
    paths
      .filter((p) => storedUids.has(p.descendant))
      .map((p) => stableStringify({ ...p, ancestor: label(p.ancestor), descendant: label(p.descendant) })),
  );
  const derived = new Set(treePathRows(allModels).map((row) => stableStringify(row)));
  for (const row of derived) if (!actual.has(row)) problems.push(`tree path ${row} is not in the database`);
  for (const row of actual) if (!derived.has(row)) problems.push(`tree path ${row} would not be written`);
  const unusedTemplates = [...templates.keys()].filter((uid) => !labels.has(uid));
  if (unusedTemplates.length) problems.push(`templates no page uses: ${unusedTemplates.join(', ')}`);
  if (problems.length) throw new Error(`the pages cannot be stored:\n${[...new Set(problems)].join('\n')}`);

  const allCollections = [...new Set(Object.values(storedPages).flatMap((p) => p.collections))].sort();
  return {
    definition: {
      format: STORED_PAGES_FORMAT,
      flowEngine: flowEngineVersion(),
      blueprints: blueprintsFingerprint(),
      collections: collectionFingerprints(db, allCollections),
      group: storedRoute(group, 'group'),
      pages: storedPages,
      templates: storedTemplates,
    },
    surroundings,
  };
}

/** Where the stored definition lives: one module per page and one for the templates. */
export const STORED_PAGES_DIR = path.resolve(__dirname, '../pages/stored');

const HEADER =
  '// Generated by `npm run pages:capture` from the blueprints in src/server/pages (see the README).\n' +
  '// Do not edit: change the blueprint and regenerate.\n';

const jsModule = (value: unknown) => `${HEADER}module.exports = ${JSON.stringify(value, null, 2)};\n`;

/** Writes the definition as JS modules (the build ships .js, not .json): index, templates, a page each. */
export function writeStoredPages(definition: StoredPages, dir = STORED_PAGES_DIR) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { pages, templates, ...meta } = definition;
  for (const [key, page] of Object.entries(pages)) fs.writeFileSync(path.join(dir, `${key}.js`), jsModule(page));
  fs.writeFileSync(path.join(dir, 'templates.js'), jsModule(templates));
  const index =
    `${HEADER}module.exports = {\n` +
    Object.entries(meta)
      .map(([k, v]) => `  ${k}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')},\n`)
      .join('') +
    `  pages: {\n${Object.keys(pages)
      .map((key) => `    '${key}': require('./${key}'),\n`)
      .join('')}  },\n` +
    `  templates: require('./templates'),\n};\n`;
  fs.writeFileSync(path.join(dir, 'index.js'), index);
}
