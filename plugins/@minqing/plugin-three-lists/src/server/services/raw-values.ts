import type { Context } from '@nocobase/actions';
import type { Database } from '@nocobase/database';
import type Application from '@nocobase/server';
import { actionHandler } from '../actions/respond';
import { Refusal } from '../domain/refusal';
import { NS } from '../collections/fields';

/** the actions that write the values they are sent (the stock ones and ours) */
const WRITES = ['create', 'update', 'updateOrCreate', 'firstOrCreate', 'add', 'set', 'importXlsx', 'correct'];
const TEXT_TYPES = ['string', 'text'];
const NESTED = ['belongsTo', 'hasOne', 'hasMany', 'belongsToMany'];

type Values = Record<string, unknown>;

/** `mq_problems` or `mq_visits.problems` → the collection its values are written to */
function collectionOfResource(db: Database, resourceName: string) {
  const [source, association] = resourceName.split('.');
  const collection = db.getCollection(source);
  if (!association) return collection;
  const target = collection?.getField(association)?.options?.target as string | undefined;
  return target ? db.getCollection(target) : undefined;
}

/** a field's title key and namespace: `{{t("Title", { ns: "…" })}}` */
function titleOf(field: { name: string; options?: { uiSchema?: { title?: string } } }) {
  const m = /^\{\{t\("(.+?)"(?:, \{ ns: "(.+?)" \})?\)\}\}$/.exec(field.options?.uiSchema?.title ?? '');
  return m ? { label: JSON.parse(`"${m[1]}"`) as string, ns: m[2] ?? NS } : { label: field.name, ns: NS };
}

/**
 * Refuses a list or an object sent for a text field of our collections, at any depth of nested
 * association values. NocoBase's string setter joins a list into one text before any model hook
 * (or domain/values.ts) sees it: `title: ['a', 'b']` would be stored as "a,b".
 */
export function checkRawValues(db: Database, collectionName: string | undefined, values: unknown, depth = 0): void {
  if (!collectionName || depth > 3 || !values || typeof values !== 'object') return;
  if (Array.isArray(values)) {
    for (const item of values) checkRawValues(db, collectionName, item, depth);
    return;
  }
  const collection = db.getCollection(collectionName);
  if (!collection?.name.startsWith('mq_')) return;
  for (const [name, value] of Object.entries(values as Values)) {
    const field = collection.getField(name) as { name: string; type: string; options: Values } | undefined;
    if (!field || value === null || typeof value !== 'object' || value instanceof Date) continue;
    if (TEXT_TYPES.includes(field.type)) {
      const { label, ns } = titleOf(field as never);
      throw new Refusal('INVALID_TYPE', '{{field}} must be {{kind}}', { field: label, kind: 'a text' }, 400, ns);
    }
    if (NESTED.includes(field.type)) checkRawValues(db, field.options.target as string, value, depth + 1);
  }
}

/** Checks what a write action is sent before NocoBase's setters touch it (after the ACL). */
export function holdRawValues(app: Application) {
  app.resourceManager.use(
    actionHandler(async (ctx: Context, next) => {
      const { resourceName, actionName, params } = ctx.action ?? {};
      if (resourceName?.startsWith('mq_') && WRITES.includes(actionName)) {
        checkRawValues(ctx.db, collectionOfResource(ctx.db, resourceName)?.name, params?.values);
      }
      await next();
    }),
    { tag: 'minqingRawValues', after: 'acl' },
  );
}
