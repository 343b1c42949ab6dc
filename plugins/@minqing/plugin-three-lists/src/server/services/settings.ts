import type { Database, Transaction } from '@nocobase/database';
import { DEFAULT_SETTINGS, mergeSettings, type LoopSettings } from '../domain/settings';
import { writeTransaction } from './sqlite';

/** Reads a plugin's settings row on every use: no per-process copy to go stale in a cluster. */
export async function readSettings<T extends object>(
  db: Database,
  key: string,
  defaults: T,
  transaction?: Transaction,
): Promise<T> {
  const row = await db.getRepository('mq_settings').findOne({ filter: { key }, transaction });
  return { ...defaults, ...((row?.get('values') as Partial<T>) ?? {}) };
}

/** Validates a change with `merge` and stores the result, in one transaction. */
export async function writeSettings<T extends object>(
  db: Database,
  key: string,
  defaults: T,
  merge: (current: T, change: Record<string, unknown>) => T,
  change: Record<string, unknown>,
): Promise<T> {
  return writeTransaction(db, async (transaction) => {
    const next = merge(await readSettings(db, key, defaults, transaction), change);
    const repo = db.getRepository('mq_settings');
    const row = await repo.findOne({ filter: { key }, transaction });
    if (row) await row.update({ values: next }, { transaction });
    else await repo.create({ values: { key, values: next }, transaction });
    return next;
  });
}

export function getSettings(db: Database, transaction?: Transaction): Promise<LoopSettings> {
  return readSettings(db, 'three-lists', DEFAULT_SETTINGS, transaction);
}

export function updateSettings(db: Database, change: Record<string, unknown>): Promise<LoopSettings> {
  return writeSettings(db, 'three-lists', DEFAULT_SETTINGS, mergeSettings, change);
}
