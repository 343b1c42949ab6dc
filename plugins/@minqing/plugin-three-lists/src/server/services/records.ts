import type { Database, Model, Transaction } from '@nocobase/database';
import {
  breachesOf,
  comparable,
  RECORD_MESSAGES,
  RECORD_RULES,
  type FieldClause,
  type RecordRule,
  type RecordWrite,
} from '../domain/records';
import { Refusal } from '../domain/refusal';

type Values = Record<string, unknown>;

/**
 * A write the server itself makes (a loop step, a correction, publishing): exactly these values,
 * to this collection (this record, or any record for a write by filter), in this transaction,
 * while `write` runs. The guard lets through only fields whose new value is the one named here:
 * nested values or a second write riding in the same transaction are still refused.
 */
interface Sanction {
  collection: string;
  id?: unknown;
  values: Values;
  create?: boolean;
  destroy?: boolean;
}

const sanctions = new WeakMap<Transaction, Sanction[]>();

export async function asServer<T>(
  transaction: Transaction,
  sanction: Sanction,
  write: () => Promise<T>,
): Promise<T> {
  const list = sanctions.get(transaction) ?? [];
  sanctions.set(transaction, list);
  list.push(sanction);
  try {
    return await write();
  } finally {
    list.splice(list.indexOf(sanction), 1);
  }
}

function sanctionsFor(transaction: Transaction | null | undefined, collection: string, id?: unknown) {
  if (!transaction) return [];
  return (sanctions.get(transaction) ?? []).filter(
    (s) => s.collection === collection && (s.id === undefined || id === undefined || comparable(s.id) === comparable(id)),
  );
}

/** Whether the server is writing `value` to `field` right now (see asServer). */
function allowedBy(list: Sanction[], value: (field: string) => unknown) {
  return (field: string) =>
    list.some((s) => Object.prototype.hasOwnProperty.call(s.values, field) && comparable(s.values[field]) === comparable(value(field)));
}

interface Options {
  transaction?: Transaction | null;
  individualHooks?: boolean;
  attributes?: Values;
}

/** The title key of a field (the one its uiSchema translates), for messages in the user's language. */
export function labelOf(db: Database, collection: string, field: string) {
  const title = (db.getCollection(collection)?.getField(field)?.options as { uiSchema?: { title?: string } } | undefined)
    ?.uiSchema?.title;
  const key = title && /^\{\{t\("(.+?)"/.exec(title)?.[1];
  if (key) return JSON.parse(`"${key}"`) as string;
  if (field === 'createdAt') return 'Created at';
  if (field.endsWith('Id')) return labelOf(db, collection, field.slice(0, -2));
  return field;
}

function refusalOf(db: Database, collection: string, rule: RecordRule, code: keyof typeof RECORD_MESSAGES, fields: string[], ns?: string) {
  const status = code === 'MADE_BY_STEP' || code === 'PROBLEM_KEPT' || code === 'RECORD_KEPT' ? 403 : 400;
  return new Refusal(
    code,
    RECORD_MESSAGES[code],
    {
      // loop fields have their own words (field.status…), the others their collection titles
      fields,
      names: fields.map((f) => labelOf(db, collection, f)),
      record: rule.title,
      step: rule.madeBy ? [`action.${rule.madeBy}`] : [],
    },
    status,
    ns,
  );
}

const refuseFirst = (db: Database, collection: string, rule: RecordRule, write: RecordWrite, allowed: (f: string) => boolean, ns?: string) => {
  const [breach] = breachesOf(rule, write, allowed);
  if (breach) throw refusalOf(db, collection, rule, breach.code, breach.fields, ns);
};

/**
 * Holds every write of `collection` to `rule`: created by the stock create or an import, changed
 * by the generic update, a bulk update, an association resource, nested values or a workflow node,
 * destroyed one by one or by filter. Only `asServer` writes pass, and only with their own values.
 * Another plugin holds its own fields on our collections the same way (`ns`: its locale).
 */
export function holdRecords(db: Database, collection: string, rule: RecordRule, ns?: string) {
  const defaultsOf = () => {
    const attributes = (db.getModel(collection) as unknown as { rawAttributes: Record<string, { defaultValue?: unknown }> })
      .rawAttributes;
    return Object.fromEntries(Object.entries(attributes).map(([name, a]) => [name, a.defaultValue]));
  };
  const setByServer = rule.clauses.filter((c) => c.kind === 'server' && c.setByServerOnCreate).flatMap((c) => c.fields);

  const checkCreate = (model: Model, options: Options) => {
    const list = sanctionsFor(options?.transaction, collection);
    if (rule.madeBy && !list.some((s) => s.create)) throw refusalOf(db, collection, rule, 'MADE_BY_STEP', [], ns);
    // the server's clock, whatever the request says (the month a problem counts in)
    if (setByServer.includes('createdAt') && !allowedBy(list, (f) => model.get(f))('createdAt')) {
      model.set('createdAt', new Date());
    }
    refuseFirst(
      db,
      collection,
      rule,
      { kind: 'create', values: model.get() as Values, defaults: defaultsOf() },
      allowedBy(list, (f) => model.get(f)),
      ns,
    );
  };
  const checkUpdate = (model: Model, options: Options) => {
    const changed = ((model.changed() || []) as string[]).filter((f) => f !== 'updatedAt');
    if (!changed.length) return;
    const previous = (model as unknown as { _previousDataValues: Values })._previousDataValues;
    const list = sanctionsFor(options?.transaction, collection, model.get('id'));
    refuseFirst(db, collection, rule, { kind: 'update', previous, changed }, allowedBy(list, (f) => model.get(f)), ns);
  };
  // before any other hook of the save (NocoBase runs every beforeSave before any beforeCreate or
  // beforeUpdate): what is checked is what the request asked, not what the server's hooks add
  const first = (event: string, listener: (...args: any[]) => void) => {
    db.on(event, listener); // binds the model hook
    db.removeListener(event, listener);
    db.prependListener(event, listener);
  };
  first(`${collection}.beforeSave`, (model: Model, options: Options) =>
    model.isNewRecord ? checkCreate(model, options) : checkUpdate(model, options),
  );
  // NocoBase's import inserts with bulkCreate, which runs no per-row hooks
  db.on(`${collection}.beforeBulkCreate`, (models: Model[], options: Options) => {
    if (!options?.individualHooks) models.forEach((model) => checkCreate(model, options));
  });

  // an update by filter (association remove/set, a workflow's bulk node) runs no per-row hooks
  db.on(`${collection}.beforeBulkUpdate`, (options: Options) => {
    if (options?.individualHooks) return;
    const attributes = options?.attributes ?? {};
    const changed = Object.keys(attributes).filter((f) => f !== 'updatedAt');
    const list = sanctionsFor(options?.transaction, collection);
    refuseFirst(db, collection, rule, { kind: 'bulkUpdate', changed }, allowedBy(list, (f) => attributes[f]), ns);
  });

  if (rule.destroyable) {
    const destroyable = rule.destroyable;
    db.on(`${collection}.beforeDestroy`, (model: Model, options: Options) => {
      if (sanctionsFor(options?.transaction, collection, model.get('id')).some((s) => s.destroy)) return;
      refuseFirst(db, collection, rule, { kind: 'destroy', previous: model.get() as Values }, () => false, ns);
    });
    db.on(`${collection}.beforeBulkDestroy`, (options: Options & { where?: unknown }) => {
      if (options?.individualHooks) return;
      if (sanctionsFor(options?.transaction, collection).some((s) => s.destroy)) return;
      // without the rows we cannot tell which may go: a destroy by filter of kept records is refused
      if (!destroyable({})) throw refusalOf(db, collection, rule, rule.keptCode ?? 'RECORD_KEPT', [], ns);
    });
  }
}

/** The core's records held to RECORD_RULES (domain/records.ts). */
export function holdCoreRecords(db: Database) {
  for (const [collection, rule] of Object.entries(RECORD_RULES)) holdRecords(db, collection, rule);
}

export type { FieldClause, RecordRule };

interface ActorOptions extends Options {
  context?: { state?: { currentUser?: { id?: number } } };
}

/** The signed-in user of a request, in a hook's options (none for a workflow or the server itself). */
export function actorOf(options: ActorOptions | undefined) {
  return options?.context?.state?.currentUser?.id;
}

/**
 * `field` names the person who acts (the revisiting leader, the visiting cadre): on a request,
 * it is the signed-in user — filled in when left empty, refused when it names someone else — and
 * it never changes afterwards. A workflow or the server's own write (no user) names whom it must.
 */
export function holdActingPerson(
  db: Database,
  collection: string,
  field: string,
  title: string,
  options: { ns?: string; appoints?: (model: Model) => boolean } = {},
) {
  const { ns, appoints } = options;
  holdRecords(db, collection, { title, clauses: [{ fields: [field], code: 'RECORDED_FACT', kind: 'fixed' }] }, ns);
  db.on(`${collection}.beforeCreate`, (model: Model, options: ActorOptions) => {
    const userId = actorOf(options);
    // no user (a workflow, the server), or a record that appoints someone (a planned revisit)
    if (!userId || appoints?.(model)) return;
    const given = model.get(field);
    if (given !== undefined && given !== null && given !== '' && comparable(given) !== comparable(userId)) {
      throw new Refusal(
        'NOT_ON_ANOTHERS_NAME',
        '{{names}} is whoever records it, signed in: a record is never filed on someone else\'s name',
        { names: [labelOf(db, collection, field)] },
        403,
        ns,
      );
    }
    model.set(field, userId);
  });
}
