import type { Database, Model } from '@nocobase/database';
import { t } from '../collections/fields';
import { Refusal } from '../domain/refusal';
import evaluations from '../collections/mq_evaluations';
import milestones from '../collections/mq_milestones';
import problems from '../collections/mq_problems';
import progressReports from '../collections/mq_progress_reports';
import responsibilities from '../collections/mq_responsibilities';
import revisits from '../collections/mq_revisits';
import supervisions from '../collections/mq_supervisions';
import tasks from '../collections/mq_tasks';
import corrections from '../collections/mq_corrections';
import holidays from '../collections/mq_holidays';
import units from '../collections/mq_units';

/** Our collections in dependency order (a target before what points at it). */
export const LIST_COLLECTIONS = [
  units,
  problems,
  responsibilities,
  tasks,
  milestones,
  progressReports,
  revisits,
  evaluations,
  supervisions,
  corrections,
  holidays,
];

const SYSTEM_FIELDS = ['createdBy', 'createdById', 'updatedBy', 'updatedById', 'parentId'];

/** A collection as our plugins define it in code: its name and fields (with their foreign keys). */
type CollectionDefinition = { name: string; fields?: object[] };

/** Fields our rules read or write: an admin may retitle them, never remove or retype them. */
export function protectedFieldsOf(collections: CollectionDefinition[]): Record<string, Set<string>> {
  return Object.fromEntries(
    collections.map((c) => [
      c.name,
      new Set([
        ...SYSTEM_FIELDS,
        ...(c.fields ?? []).flatMap((field) => {
          const { name, foreignKey } = field as { name?: string; foreignKey?: string };
          return [name, foreignKey].filter((key): key is string => Boolean(key));
        }),
      ]),
    ]),
  );
}

/**
 * Puts code-defined collections into the collection manager (the official plugins' db2cm, as
 * plugin-users does for `users`), so admins see them in Data sources, build blocks on them and add
 * their own fields. Idempotent: a collection already in the manager keeps the admin's changes.
 */
export async function syncToCollectionManager(db: Database, collections: CollectionDefinition[] = LIST_COLLECTIONS) {
  // data-source-main's CollectionRepository, which has db2cm
  const repo = db.getRepository('collections') as unknown as { db2cm(name: string): Promise<void> };
  for (const collection of collections) {
    await repo.db2cm(collection.name);
  }
  // plugin-users adds createdById/updatedById without an interface: give them one, like our other keys
  const fields = db.getRepository('fields');
  for (const name of ['createdById', 'updatedById']) {
    const rows = await fields.find({ filter: { name, collectionName: collections.map((c) => c.name) } });
    for (const row of rows) {
      if (row.get('interface')) continue;
      const title = name === 'createdById' ? 'Created by ID' : 'Last updated by ID';
      await row.update({
        interface: 'integer',
        isForeignKey: true,
        uiSchema: { type: 'number', title: t(title), 'x-component': 'InputNumber', 'x-read-pretty': true },
      });
    }
  }
}

const STRUCTURAL = ['name', 'type'];
const STRUCTURAL_OPTIONS = ['target', 'foreignKey', 'sourceKey', 'targetKey', 'through'];

/**
 * Unlike `uiManageable` (which forbids removing any field, the admin's own included), this guards
 * only what our rules depend on: our collections, and our fields' names, types and relations.
 */
export function protectSchema(db: Database, collections: CollectionDefinition[] = LIST_COLLECTIONS) {
  const protectedFields = protectedFieldsOf(collections);
  // data-source-main's own before-destroy hooks already drop the column or table: ours must come first
  const first = (event: string, listener: (model: Model) => void) => {
    db.on(event, listener); // binds the model hook
    db.removeListener(event, listener);
    db.prependListener(event, listener);
  };

  first('collections.beforeDestroy', (model) => {
    if (protectedFields[model.get('name')]) {
      throw new Refusal(
        'COLLECTION_PROTECTED',
        'The collection {{name}} belongs to Minqing and cannot be removed',
        { name: model.get('name') },
        400,
      );
    }
  });

  first('fields.beforeDestroy', (model) => {
    if (protectedFields[model.get('collectionName')]?.has(model.get('name'))) {
      throw new Refusal(
        'FIELD_PROTECTED',
        'The field {{name}} is used by Minqing rules and cannot be removed; you can hide it in forms and tables instead',
        { name: model.get('name') },
        400,
      );
    }
  });

  first('fields.beforeUpdate', (model) => {
    const collectionName = model.previous('collectionName') ?? model.get('collectionName');
    const name = model.previous('name') ?? model.get('name');
    if (!protectedFields[collectionName]?.has(name)) return;
    const before = model.previous('options') ?? {};
    const after = model.get('options') ?? {};
    const changed = [
      // data-source-main re-saves foreign keys with their own values: only a real change counts
      ...STRUCTURAL.filter(
        (key) => model.changed(key) && model.previous(key) !== undefined && model.previous(key) !== model.get(key),
      ),
      ...STRUCTURAL_OPTIONS.filter((key) => key in before && before[key] !== after[key]),
    ];
    if (changed.length) {
      throw new Refusal(
        'FIELD_PROTECTED',
        'The field {{name}} is used by Minqing rules: its {{what}} cannot change (its title, options and display can)',
        { name, what: changed },
        400,
      );
    }
  });
}

/**
 * Adds fields to another plugin's collection through the collection manager (as plugin-departments
 * adds fields to `users`), so they are visible, editable and protected like the rest. Idempotent.
 */
export async function ensureFields(db: Database, collectionName: string, definitions: { name: string }[]) {
  const fields = db.getRepository('fields');
  for (const field of definitions) {
    if (await fields.findOne({ filter: { collectionName, name: field.name } })) continue;
    await fields.create({ values: { ...field, collectionName }, context: {} });
  }
}
