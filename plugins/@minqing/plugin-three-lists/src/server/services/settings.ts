import type { Database, Transaction } from '@nocobase/database';
import { DEFAULT_SETTINGS, mergeSettings, type LoopSettings } from '../domain/settings';

/** Reads settings from the database on every use: no per-process copy to go stale in a cluster. */
export async function getSettings(db: Database, transaction?: Transaction): Promise<LoopSettings> {
  const row = await db.getRepository('mq_settings').findOne({ sort: ['id'], transaction });
  return { ...DEFAULT_SETTINGS, ...((row?.get('values') as Partial<LoopSettings>) ?? {}) };
}

export async function updateSettings(db: Database, change: Record<string, unknown>): Promise<LoopSettings> {
  return db.sequelize.transaction(async (transaction) => {
    const next = mergeSettings(await getSettings(db, transaction), change);
    const repo = db.getRepository('mq_settings');
    const row = await repo.findOne({ sort: ['id'], transaction });
    if (row) await row.update({ values: next }, { transaction });
    else await repo.create({ values: { values: next }, transaction });
    return next;
  });
}
