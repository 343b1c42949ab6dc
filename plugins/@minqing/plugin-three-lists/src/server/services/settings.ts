import type { Database, Transaction } from '@nocobase/database';
import { defaultsOf, mergeSettings, type SettingsOf, type SettingsSchema } from '../domain/settings-schema';
import { LOOP_SETTINGS } from '../domain/settings';
import { writeTransaction } from './sqlite';

/**
 * A plugin's settings, stored as one row of `mq_settings` under `key` and read on every use (no
 * per-process copy to go stale in a cluster); a change is checked against the schema and stored
 * in one transaction.
 */
export function settingsStore<S extends SettingsSchema>(key: string, schema: S) {
  type T = SettingsOf<S>;
  const defaults = defaultsOf(schema);
  // read once per transaction: a loop step, its hooks and its checks each asked again, while the
  // step held SQLite's one write turn
  const known = new WeakMap<Transaction, Promise<T>>();
  const load = async (db: Database, transaction?: Transaction): Promise<T> => {
    const row = await db.getRepository('mq_settings').findOne({ filter: { key }, transaction });
    return { ...defaults, ...((row?.get('values') as Partial<T>) ?? {}) };
  };
  const read = (db: Database, transaction?: Transaction): Promise<T> => {
    if (!transaction) return load(db);
    let settings = known.get(transaction);
    if (!settings) {
      known.set(transaction, (settings = load(db, transaction)));
      // a failed read is not remembered
      settings.catch(() => known.delete(transaction));
    }
    return settings;
  };
  return {
    schema,
    defaults,
    get: read,
    /**
     * Lets `transaction` use settings read just before it began (outside it: a step reads them
     * before it takes the write turn). A change made meanwhile counts from the next transaction.
     */
    useIn: (transaction: Transaction, settings: T) => {
      if (!known.has(transaction)) known.set(transaction, Promise.resolve(settings));
    },
    update: (db: Database, change: Record<string, unknown>): Promise<T> =>
      writeTransaction(db, async (transaction) => {
        const next = mergeSettings(schema, await read(db, transaction), change);
        const repo = db.getRepository('mq_settings');
        const row = await repo.findOne({ filter: { key }, transaction });
        if (row) await row.update({ values: next }, { transaction });
        else await repo.create({ values: { key, values: next }, transaction });
        known.set(transaction, Promise.resolve(next));
        return next;
      }),
  };
}

export type SettingsStore<S extends SettingsSchema = SettingsSchema> = ReturnType<typeof settingsStore<S>>;

export const loopSettings = settingsStore('three-lists', LOOP_SETTINGS);

export const getSettings = loopSettings.get;
export const updateSettings = loopSettings.update;
