import crypto from 'crypto';

/**
 * A stored page definition: the rows flow-engine's page builder wrote for our pages, captured once
 * (`npm run pages:capture`) and inserted in bulk at install. Every uid in it is a label — `§` and a
 * path in the page (`§problems/tab0/grid/items[0]/columns[2]/field`) — so that a regeneration
 * changes only what changed, and an install gets fresh uids. A route id is `<route label>#id`.
 */
export const LABEL = '§';
export const ROUTE_ID = '#id';
/** Bumped when the shape below changes; a definition of another format is not used. */
export const STORED_PAGES_FORMAT = 1;

export const isLabel = (value: unknown): value is string => typeof value === 'string' && value.startsWith(LABEL);

/** One flowModels row and its place in the tree (flowModelTreePath). */
export interface StoredModel {
  uid: string;
  /** tree parent; absent for a root (a template's target) */
  parent?: string;
  /** position among the parent's children (the depth-1 path row's sort) */
  sort?: number | null;
  async?: boolean;
  options: Record<string, any>;
}

/** A desktopRoutes row without its ids, timestamps and sort, with its tabs. */
export interface StoredRoute {
  values: Record<string, any>;
  children?: StoredRoute[];
}

/** A popup template (flowModelTemplates) and its tree; shared by the pages whose popups reuse it. */
export interface StoredTemplate {
  values: Record<string, any>;
  models: StoredModel[];
  /** [model, template]: flowModelTemplateUsages rows */
  usages: [string, string][];
}

export interface StoredPage {
  route: StoredRoute;
  /** the uiSchemas shell of a flow page */
  shell: Record<string, any>;
  models: StoredModel[];
  usages: [string, string][];
  /** templates the page and its templates use, each after those it uses */
  templates: string[];
  /** collections the page and its templates show */
  collections: string[];
}

export interface StoredPages {
  format: number;
  /** version of @nocobase/plugin-flow-engine that built the pages */
  flowEngine: string;
  /** fingerprint of the page blueprints (src/server/pages) */
  blueprints: string;
  /** fingerprint of each collection the pages show */
  collections: Record<string, string>;
  group: StoredRoute;
  pages: Record<string, StoredPage>;
  templates: Record<string, StoredTemplate>;
  /** fingerprints of what else the builder's output depends on, checked by pages-builder.test.ts */
  inputs?: Record<string, string>;
}

/** JSON with sorted keys, so that equal values give equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && (value as any).constructor === Object) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as any)[key])]),
    );
  }
  return value;
}

export const fingerprint = (value: unknown) =>
  crypto.createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 16);

/** Copies a JSON value, passing every string (values and keys) and every `routeId` through `map`. */
export function mapJson(value: any, map: (value: any, key?: string) => any, key?: string): any {
  if (Array.isArray(value)) return value.map((item) => mapJson(item, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [typeof k === 'string' ? (map(k) ?? k) : k, mapJson(v, map, k)]),
    );
  }
  return map(value, key);
}

/** Every string of a JSON value. */
export function* stringsOf(value: any): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield k;
      yield* stringsOf(v);
    }
  }
}

/** Every value under a key named `name` in a JSON value. */
export function* valuesNamed(value: any, name: string): Generator<unknown> {
  if (Array.isArray(value)) for (const item of value) yield* valuesNamed(item, name);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === name) yield v;
      yield* valuesNamed(v, name);
    }
  }
}

export interface TreeNode {
  uid: string;
  parent?: string;
  sort?: number | null;
  options: Record<string, any>;
}

/**
 * Labels the nodes under `roots` by their path: `<parent>/<subKey>` for an object child,
 * `<parent>/<subKey>[i]` for the i-th child of an array (by sort). Returns uid → label.
 */
export function labelTree(nodes: TreeNode[], roots: Map<string, string>): Map<string, string> {
  const children = new Map<string, TreeNode[]>();
  for (const node of nodes) {
    if (node.parent === undefined) continue;
    children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  }
  const labels = new Map<string, string>();
  const visit = (uid: string, label: string) => {
    labels.set(uid, label);
    const bySubKey = new Map<string, TreeNode[]>();
    for (const child of children.get(uid) ?? []) {
      const subKey = String(child.options.subKey ?? '');
      bySubKey.set(subKey, [...(bySubKey.get(subKey) ?? []), child]);
    }
    for (const [subKey, list] of [...bySubKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const ordered = [...list].sort(
        (a, b) =>
          (a.sort ?? 0) - (b.sort ?? 0) ||
          (a.options.sortIndex ?? 0) - (b.options.sortIndex ?? 0) ||
          compare(stableStringify(a.options), stableStringify(b.options)),
      );
      const array = ordered.length > 1 || ordered[0].options.subType === 'array';
      ordered.forEach((child, i) => visit(child.uid, array ? `${label}/${subKey}[${i}]` : `${label}/${subKey}`));
    }
  };
  for (const [uid, label] of roots) visit(uid, label);
  return labels;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface TreePathRow {
  ancestor: string;
  descendant: string;
  depth: number;
  type: string | null;
  async: boolean | null;
  sort: number | null;
}

/**
 * The closure rows flow-engine keeps for these models (flowModelTreePath): the node itself
 * (its subKey as type), its parent (with the sort) and every further ancestor, the chain ending
 * at a node outside the list (a route's model, a root).
 */
export function treePathRows(models: StoredModel[]): TreePathRow[] {
  const byUid = new Map(models.map((model) => [model.uid, model]));
  const rows: TreePathRow[] = [];
  for (const model of models) {
    rows.push({
      ancestor: model.uid,
      descendant: model.uid,
      depth: 0,
      type: model.options.subKey ?? null,
      async: !!model.async,
      sort: null,
    });
    let depth = 1;
    for (let parent = model.parent; parent !== undefined; parent = byUid.get(parent)?.parent, depth++) {
      rows.push({
        ancestor: parent,
        descendant: model.uid,
        depth,
        type: null,
        async: null,
        sort: depth === 1 ? (model.sort ?? null) : null,
      });
    }
  }
  return rows;
}

/** Where two JSON values differ, as `path: a ≠ b` lines (at most `limit`), for a test's message. */
export function jsonDifferences(a: unknown, b: unknown, limit = 20, path = '$'): string[] {
  const out: string[] = [];
  const walk = (x: any, y: any, p: string) => {
    if (out.length >= limit) return;
    const bothObjects = x && y && typeof x === 'object' && typeof y === 'object';
    if (bothObjects && Array.isArray(x) === Array.isArray(y)) {
      const keys = Array.isArray(x)
        ? [...Array(Math.max(x.length, y.length)).keys()].map(String)
        : [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
      for (const k of keys) walk(x[k], y[k], Array.isArray(x) ? `${p}[${k}]` : `${p}.${k}`);
      return;
    }
    if (stableStringify(x) !== stableStringify(y)) {
      const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v).slice(0, 160));
      out.push(`${p}: ${show(x)} ≠ ${show(y)}`);
    }
  };
  walk(a, b, path);
  return out;
}
