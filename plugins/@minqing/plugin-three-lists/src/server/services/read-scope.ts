import type { Context, Next } from '@nocobase/actions';
import type { Collection } from '@nocobase/database';
import type Application from '@nocobase/server';

/**
 * 数据范围不止一跳: a record's data scope holds on every path that returns it, not only on its own
 * `list`/`get`. NocoBase applies a role's data scope to the collection an action is on (also to
 * the target of an association resource such as `mq_units/1/problems:list`), but not to the
 * records an `appends` brings along, nor to the records a filter on an association looks into.
 * Two ACL middlewares close that, for every collection and every association, also those an
 * administrator adds later:
 *
 * - before NocoBase's own (`core`): a filter, sort or export column that goes through an
 *   association into a guarded collection is rewritten to what the caller may see there (a
 *   condition on an association becomes "one of these ids", the ids found under the caller's
 *   data scope of the target), or refused when the caller may not view the target at all;
 * - after it: appends into a guarded collection the caller may not view are dropped, and
 *   appended records outside the caller's data scope of their collection are taken out of the
 *   answer (a to-one becomes null), with fields the caller may not view removed.
 *
 * Guarded collections are ours (`mq_*`): users' names and the files of a record are read through
 * the record that holds them (the files' own check is the file manager's, see publicity).
 */

/** A collection whose records keep their own data scope when reached through an association. */
export function isGuarded(collectionName: string) {
  return collectionName.startsWith('mq_');
}

export interface ViewScope {
  /** may view some records */
  allowed: boolean;
  /** the data scope, with variables resolved; undefined when every record */
  filter?: Record<string, unknown>;
  /** fields the role may view; undefined when all */
  fields?: string[];
}

function rolesOf(ctx: Context): string[] {
  const roles = ctx.state?.currentRoles?.length ? ctx.state.currentRoles : [ctx.state?.currentRole || 'anonymous'];
  return roles as string[];
}

function isRoot(ctx: Context) {
  return rolesOf(ctx).includes('root');
}

/** What the caller may view of `collectionName`: NocoBase's own answer, the scope's variables resolved. */
export async function viewScope(ctx: Context, collectionName: string): Promise<ViewScope> {
  if (isRoot(ctx)) return { allowed: true };
  const can = ctx.app.acl.can({ roles: rolesOf(ctx), resource: collectionName, action: 'view' });
  if (!can) return { allowed: false };
  const params = (can as any).params ?? {};
  let filter: Record<string, unknown> | undefined;
  if (params.filter && Object.keys(params.filter).length) {
    const resolved = await ctx.app.acl.resolveActionParams(ctx as any, {
      resourceName: collectionName,
      actionName: 'view',
      params: {},
    } as any);
    filter = (resolved as any).mergedParams?.filter ?? params.filter;
  }
  // NocoBase lists a role's scalar fields in `fields` and its associations in `appends`
  const fields =
    Array.isArray(params.fields) && params.fields.length
      ? [...(params.fields as string[]), ...((params.appends as string[] | undefined) ?? [])]
      : undefined;
  return { allowed: true, filter, fields };
}

function collectionOfAction(ctx: Context): Collection | undefined {
  const db = ctx.db;
  const name: string = ctx.action?.resourceName ?? '';
  if (!name) return undefined;
  if (name.includes('.')) {
    const [source, association] = name.split('.');
    const target = db.getCollection(source)?.getField(association)?.target;
    return target ? db.getCollection(target) : undefined;
  }
  return db.hasCollection(name) ? db.getCollection(name) : undefined;
}

/** The guarded hops of an association path: [prefix length, target collection] for each. */
function guardedHops(db: Context['db'], root: Collection, path: string[]) {
  const hops: { depth: number; target: string }[] = [];
  let collection: Collection | undefined = root;
  for (let i = 0; i < path.length && collection; i++) {
    const field: any = collection.getField(path[i]);
    if (!field?.target) break;
    if (isGuarded(field.target)) hops.push({ depth: i + 1, target: field.target });
    collection = db.getCollection(field.target);
  }
  return hops;
}

function primaryKeyOf(db: Context['db'], collectionName: string): string {
  const collection: any = db.getCollection(collectionName);
  return collection?.filterTargetKey && typeof collection.filterTargetKey === 'string'
    ? collection.filterTargetKey
    : 'id';
}

const refuse = (ctx: Context) => ctx.throw(403, 'No permissions');

/** `appends=a` comes as a string, `appends[]=a&appends[]=b` as an array */
const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? value.split(',') : [];

// ------------------------------------------------------------------------------------------------
// filters, sorts and export columns (before core)

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** `{ problems: { description: { $includes: 'x' } } }` → `{ 'problems.description': { $includes: 'x' } }` */
function flattenCondition(db: Context['db'], collection: Collection, key: string, value: unknown, out: [string, unknown][]) {
  const path = key.split('.');
  // walk to the collection the key ends on; an association whose value names fields goes on
  let current: Collection | undefined = collection;
  for (const segment of path) {
    const field: any = current?.getField(segment);
    current = field?.target ? db.getCollection(field.target) : undefined;
  }
  if (current && isPlainObject(value) && Object.keys(value).some((k) => !k.startsWith('$'))) {
    for (const [sub, subValue] of Object.entries(value)) {
      if (sub.startsWith('$')) out.push([key, { [sub]: subValue }]);
      else flattenCondition(db, collection, `${key}.${sub}`, subValue, out);
    }
    return;
  }
  out.push([key, value]);
}

async function rewriteFilter(ctx: Context, collection: Collection, filter: unknown): Promise<unknown> {
  if (Array.isArray(filter)) return Promise.all(filter.map((f) => rewriteFilter(ctx, collection, f)));
  if (!isPlainObject(filter)) return filter;
  const db = ctx.db;
  const out: Record<string, unknown>[] = [];
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      kept[key] = await rewriteFilter(ctx, collection, value);
      continue;
    }
    if (key.startsWith('$')) {
      kept[key] = value;
      continue;
    }
    const conditions: [string, unknown][] = [];
    flattenCondition(db, collection, key, value, conditions);
    for (const [path, condition] of conditions) {
      const segments = path.split('.');
      const hop = guardedHops(db, collection, segments)[0];
      if (!hop) {
        out.push({ [path]: condition });
        continue;
      }
      const scope = await viewScope(ctx, hop.target);
      if (!scope.allowed) refuse(ctx);
      const rest = segments.slice(hop.depth);
      if (!scope.filter && !scope.fields) {
        // every record of the target, but maybe not past it: look further along the path
        const further = guardedHops(db, collection, segments).filter((h) => h.depth > hop.depth);
        if (!further.length) {
          out.push({ [path]: condition });
          continue;
        }
      }
      if (!rest.length) refuse(ctx); // a condition on the association itself ($exists…): not through a scope
      if (scope.fields && !scope.fields.includes(rest[0])) refuse(ctx);
      const target = db.getCollection(hop.target);
      const inner = (await rewriteFilter(ctx, target, { [rest.join('.')]: condition })) as Record<string, unknown>;
      const pk = primaryKeyOf(db, hop.target);
      const rows = await db.getRepository(hop.target).find({
        filter: scope.filter ? { $and: [scope.filter, inner] } : inner,
        fields: [pk],
      } as any);
      const ids = rows.map((row: any) => row.get(pk));
      out.push({ [[...segments.slice(0, hop.depth), pk].join('.')]: { $in: ids } });
    }
  }
  if (Object.keys(kept).length) out.push(kept);
  if (out.length === 1) return out[0];
  return { $and: out };
}

/**
 * An aggregate query (`charts:queryData`, `<collection>:query`) groups, counts and orders by
 * fields it names, associations included: NocoBase checks the caller may view each collection on
 * the way, not their data scope there. A field through a guarded collection the caller sees only
 * in part is refused; the query's own filter is rewritten like a list's.
 */
async function guardAggregate(ctx: Context) {
  const { resourceName, actionName } = ctx.action ?? ({} as any);
  const values: any = ctx.action?.params?.values;
  if (!values || typeof values !== 'object') return;
  let collectionName: string | undefined;
  if (resourceName === 'charts' && actionName === 'queryData') collectionName = values.collection;
  else if (actionName === 'query') collectionName = resourceName;
  else return;
  if (values.dataSource && values.dataSource !== 'main') return;
  if (!collectionName || !ctx.db.hasCollection(collectionName)) return;
  const collection = ctx.db.getCollection(collectionName);
  const items = [...(values.measures ?? []), ...(values.dimensions ?? []), ...(values.orders ?? [])];
  for (const item of items) {
    const field = item?.field;
    const path: string[] = Array.isArray(field) ? field.map(String) : typeof field === 'string' ? field.split('.') : [];
    for (const hop of guardedHops(ctx.db, collection, path)) {
      const scope = await viewScope(ctx, hop.target);
      if (!scope.allowed || scope.filter) refuse(ctx);
    }
  }
  if (values.filter && Object.keys(values.filter).length) values.filter = await rewriteFilter(ctx, collection, values.filter);
}

async function guardQuery(ctx: Context, next: Next) {
  const permission: any = (ctx as any).permission;
  if (!isRoot(ctx)) await guardAggregate(ctx);
  // no permission at all: NocoBase's own refusal comes next, nothing to look into
  if (permission?.skip || !permission?.can || isRoot(ctx)) return next();
  const collection = collectionOfAction(ctx);
  if (!collection) return next();
  const params: any = ctx.action.params;
  const db = ctx.db;
  if (params.filter && Object.keys(params.filter).length) {
    params.filter = await rewriteFilter(ctx, collection, params.filter);
  }
  // a sort through a guarded association the caller sees only in part would order by the rest
  if (params.sort) {
    const kept: string[] = [];
    for (const key of listOf(params.sort)) {
      let visible = true;
      for (const hop of guardedHops(db, collection, key.replace(/^-/, '').split('.'))) {
        const scope = await viewScope(ctx, hop.target);
        if (!scope.allowed || scope.filter) visible = false;
      }
      if (visible) kept.push(key);
    }
    params.sort = kept;
  }
  // an export's columns are its appends: one through a guarded collection needs an unscoped view there
  const columns = params.values?.columns;
  if (Array.isArray(columns)) {
    for (const column of columns) {
      const path: string[] = Array.isArray(column?.dataIndex) ? column.dataIndex : [];
      for (const hop of guardedHops(db, collection, path)) {
        const scope = await viewScope(ctx, hop.target);
        if (!scope.allowed || scope.filter) refuse(ctx);
        if (scope.fields && path[hop.depth] && !scope.fields.includes(path[hop.depth])) refuse(ctx);
      }
    }
  }
  return next();
}

// ------------------------------------------------------------------------------------------------
// appends (after core)

interface ScopedPath {
  path: string[];
  target: string;
  scope: ViewScope;
}

// answers hold NocoBase models (other middlewares call their methods) or plain objects
const isModel = (row: any) => row && typeof row.get === 'function' && row.dataValues;
const read = (row: any, key: string) => (isModel(row) ? row.dataValues[key] : row?.[key]);
const has = (row: any, key: string) => !!row && typeof row === 'object' && key in (isModel(row) ? row.dataValues : row);
function write(row: any, key: string, value: unknown) {
  if (isModel(row)) row.setDataValue(key, value);
  else row[key] = value;
}
const keysOf = (row: any) => Object.keys(isModel(row) ? row.dataValues : row);
function remove(row: any, key: string) {
  if (isModel(row)) delete row.dataValues[key];
  else delete row[key];
}

function recordsAt(rows: any[], path: string[]): { holder: any; key: string; value: any }[] {
  let level: any[] = rows.filter(Boolean);
  const found: { holder: any; key: string; value: any }[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next: any[] = [];
    for (const row of level) {
      if (!has(row, key)) continue;
      const value = read(row, key);
      if (i === path.length - 1) found.push({ holder: row, key, value });
      for (const child of Array.isArray(value) ? value : [value]) if (child) next.push(child);
    }
    level = next;
  }
  return found;
}

async function pruneAppended(ctx: Context, rows: any[], scoped: ScopedPath[]) {
  const db = ctx.db;
  // shallow paths first: what a deeper path holds may already be gone
  for (const { path, target, scope } of [...scoped].sort((a, b) => a.path.length - b.path.length)) {
    const found = recordsAt(rows, path);
    const pk = primaryKeyOf(db, target);
    const records = found.flatMap(({ value }) => (Array.isArray(value) ? value : value ? [value] : []));
    let allowed: Set<string> | undefined;
    if (scope.filter) {
      const ids = [...new Set(records.map((r) => read(r, pk)).filter((id) => id !== undefined && id !== null))];
      const inScope = ids.length
        ? await db
            .getRepository(target)
            .find({ filter: { $and: [scope.filter, { [pk]: { $in: ids } }] }, fields: [pk] } as any)
        : [];
      allowed = new Set(inScope.map((row: any) => String(row.get(pk))));
    }
    const visible = (record: any) => !allowed || allowed.has(String(read(record, pk)));
    const strip = (record: any) => {
      if (!scope.fields || !record || typeof record !== 'object') return record;
      for (const key of keysOf(record)) {
        const field: any = db.getCollection(target)?.getField(key);
        // association values are handled by their own path; scalar fields outside the list go
        if (key !== pk && field && !field.target && !scope.fields.includes(key)) remove(record, key);
      }
      return record;
    };
    for (const { holder, key, value } of found) {
      if (Array.isArray(value)) write(holder, key, value.filter(visible).map(strip));
      else if (value) write(holder, key, visible(value) ? strip(value) : null);
    }
  }
}

type GuardedRead = (ctx: Context, ids: unknown[]) => Promise<unknown>;
// kept on the app: a plugin importing this module may hold another copy of it than the core's
const REGISTRY = Symbol.for('minqing.guardedReads');
const guardedReads = {
  get: (app: Application) => (app as any)[REGISTRY] as Map<string, GuardedRead[]> | undefined,
  has: (app: Application) => !!(app as any)[REGISTRY],
  set: (app: Application, map: Map<string, GuardedRead[]>) => ((app as any)[REGISTRY] = map),
};

/**
 * Calls `listener` with the ids of `collectionName`'s records that another collection's answer
 * brings along through its appends (after the data scope has taken out what the caller may not
 * see): the care ledger audits such reads.
 */
export function onGuardedRead(app: Application, collectionName: string, listener: GuardedRead) {
  if (!guardedReads.has(app)) guardedReads.set(app, new Map());
  const listeners = guardedReads.get(app)!;
  listeners.set(collectionName, [...(listeners.get(collectionName) ?? []), listener]);
}

async function guardAppends(ctx: Context, next: Next) {
  const permission: any = (ctx as any).permission;
  if (permission?.skip) return next();
  const root = isRoot(ctx);
  const collection = collectionOfAction(ctx);
  const params: any = ctx.action?.params;
  if (!collection || !params) return next();
  const db = ctx.db;
  const paths = new Set<string>();
  if (params.appends !== undefined) params.appends = listOf(params.appends);
  if (params.fields !== undefined) params.fields = listOf(params.fields);
  for (const append of (params.appends ?? []) as string[]) paths.add(append);
  for (const field of (params.fields ?? []) as string[]) {
    // a role's field list (which NocoBase puts in `fields`) names associations too: they are loaded
    if (field.includes('.')) paths.add(field.split('.').slice(0, -1).join('.'));
    else if ((collection.getField(field) as any)?.target) paths.add(field);
  }
  if (!paths.size) return next();

  const listeners = guardedReads.get(ctx.app as Application);
  const dropped = new Set<string>();
  const scoped = new Map<string, ScopedPath>();
  const audited = new Map<string, { path: string[]; target: string }>();
  for (const append of paths) {
    const segments = append.split('.');
    for (const hop of guardedHops(db, collection, segments)) {
      const prefix = segments.slice(0, hop.depth);
      const key = prefix.join('.');
      if (listeners?.has(hop.target)) audited.set(key, { path: prefix, target: hop.target });
      if (root || scoped.has(key) || dropped.has(key)) continue;
      const scope = await viewScope(ctx, hop.target);
      if (!scope.allowed) {
        dropped.add(key);
        break;
      }
      if (scope.filter || scope.fields) scoped.set(key, { path: prefix, target: hop.target, scope });
    }
  }
  if (dropped.size) {
    const under = (p: string) => [...dropped].some((d) => p === d || p.startsWith(`${d}.`));
    if (params.appends) params.appends = (params.appends as string[]).filter((a) => !under(a));
    if (params.fields) params.fields = (params.fields as string[]).filter((f) => !under(f));
    for (const key of [...audited.keys()]) if (under(key)) audited.delete(key);
  }
  await next();
  if (!ctx.body || (!scoped.size && !audited.size)) return;

  const body: any = ctx.body;
  const rows = Array.isArray(body) ? body : Array.isArray(body?.rows) ? body.rows : typeof body === 'object' ? [body] : [];
  if (scoped.size) await pruneAppended(ctx, rows, [...scoped.values()]);
  for (const { path, target } of audited.values()) {
    const pk = primaryKeyOf(db, target);
    const ids = recordsAt(rows, path)
      .flatMap(({ value }) => (Array.isArray(value) ? value : value ? [value] : []))
      .map((record) => read(record, pk));
    if (ids.length) for (const listener of listeners?.get(target) ?? []) await listener(ctx, ids);
  }
}

// ------------------------------------------------------------------------------------------------
// files (attachments) of our records

/** Every attachment field of a guarded collection: its owner collection and through table. */
function fileOwners(db: Context['db']) {
  const owners: { collection: string; through: string; foreignKey: string; otherKey: string }[] = [];
  for (const [name, collection] of db.collections) {
    if (!isGuarded(name)) continue;
    for (const field of (collection as Collection).fields.values()) {
      const o: any = field.options;
      if (o.type === 'belongsToMany' && o.target === 'attachments' && o.through && db.hasCollection(o.through)) {
        owners.push({ collection: name, through: o.through, foreignKey: o.foreignKey, otherKey: o.otherKey });
      }
    }
  }
  return owners;
}

/**
 * NocoBase lets any signed-in user read any row of `attachments` and fetch its file (ids are
 * sequential). A file held by one of our records is the record's: it is read only by those who
 * may view one of the records holding it, under their data scope. Through `attachments:get`,
 * `getFile` (and the `/files/…` URLs that resolve to it) and `list`, whatever the role.
 */
/** Whether the caller may read an attachment: not one of our records' files, or one they may view. */
async function mayReadFile(ctx: Context, id: unknown): Promise<boolean> {
  const db = ctx.db;
  let owned = false;
  for (const owner of fileOwners(db)) {
    const rows = await db.getModel(owner.through).findAll({
      where: { [owner.otherKey]: id },
      attributes: [owner.foreignKey],
      raw: true,
    });
    if (!rows.length) continue;
    owned = true;
    const scope = await viewScope(ctx, owner.collection);
    if (!scope.allowed) continue;
    const ownerIds = (rows as any[]).map((r) => r[owner.foreignKey]);
    const pk = primaryKeyOf(db, owner.collection);
    const visible = await db.getRepository(owner.collection).count({
      filter: scope.filter ? { $and: [scope.filter, { [pk]: { $in: ownerIds } }] } : { [pk]: { $in: ownerIds } },
    } as any);
    if (visible) return true;
  }
  return !owned;
}

// The local storage's own path (/storage/uploads/<name>, where a /files/… URL redirects) is served
// by NocoBase to any signed-in user once its auth:checkLegacyFileAccess action passes; the file
// named in the original URL is one of our records' files, it is checked like one here.
const UPLOADS = '/storage/uploads/';

async function storagePathFile(ctx: Context): Promise<unknown> {
  const url = String(ctx.originalUrl ?? '').split('?')[0];
  const at = url.indexOf(UPLOADS);
  if (at < 0) return undefined;
  const filename = decodeURIComponent(url.slice(at + UPLOADS.length)).split('/').pop();
  if (!filename) return undefined;
  const file = await ctx.db.getRepository('attachments').findOne({ filter: { filename }, fields: ['id'] } as any);
  return file?.get('id');
}

async function guardFiles(ctx: Context, next: Next) {
  const { resourceName, actionName } = ctx.action ?? ({} as any);
  if (isRoot(ctx)) return next();
  if (resourceName === 'auth' && actionName === 'checkLegacyFileAccess') {
    const id = await storagePathFile(ctx);
    if (id !== undefined && !(await mayReadFile(ctx, id))) {
      return ctx.throw(ctx.state.currentUser ? 403 : 401, 'No permissions');
    }
    return next();
  }
  if (resourceName !== 'attachments') return next();
  const db = ctx.db;
  const owners = fileOwners(db);
  const params: any = ctx.action.params;
  const id = (ctx.state as any).fileAccess?.id ?? params.filterByTk;
  if (['get', 'getFile', 'download', 'preview'].includes(actionName) && id !== undefined) {
    if (await mayReadFile(ctx, id)) return next();
    return ctx.throw(ctx.state.currentUser ? 403 : 401, 'No permissions');
  }
  if (actionName === 'list') {
    // a list of files is no way to our records' files: they are read through the record
    const held = new Set<unknown>();
    for (const owner of owners) {
      const rows = await db.getModel(owner.through).findAll({ attributes: [owner.otherKey], raw: true });
      for (const r of rows as any[]) held.add(r[owner.otherKey]);
    }
    if (held.size) {
      const exclude = { id: { $notIn: [...held] } };
      params.filter = params.filter && Object.keys(params.filter).length ? { $and: [params.filter, exclude] } : exclude;
    }
  }
  return next();
}

export function holdReadScopes(app: Application) {
  app.acl.use(guardQuery as any, { tag: 'minqingQueryScope', before: 'core' });
  app.acl.use(guardAppends as any, { tag: 'minqingAppendScope', after: 'core' });
  // before file-manager's own skip of getFile: ours decides first
  app.acl.use(guardFiles as any, { tag: 'minqingFileScope', before: ['core', 'skipGetFileAcl'] } as any);
}
