import type { Database } from '@nocobase/database';

/**
 * 问题编号 (WT2026-000123) under concurrency. NocoBase's sequence field reads the last number from
 * its `sequences` row and writes the next one, in the creating transaction but without a lock: on
 * PostgreSQL and MySQL/MariaDB two problems filed at the same moment read the same number, and the
 * second fails on the unique index. Here every read of a `sequences` row inside a transaction is a
 * locking read (FOR UPDATE): the second creator waits for the first to commit and reads its number
 * (on MySQL a locking read sees the latest row, not the transaction's snapshot). It applies to
 * every sequence field of the app. SQLite needs none: its write queue runs one transaction at a
 * time.
 */
export function lockSequenceRows(db: Database) {
  if (db.sequelize.getDialect() === 'sqlite') return;
  const hook = (options: any) => {
    if (options?.transaction && !options.lock) options.lock = options.transaction.LOCK.UPDATE;
  };
  const attach = (collection: any) => {
    const model = collection?.model;
    if (!model || model.__mqSequenceLock) return;
    model.__mqSequenceLock = true;
    model.addHook('beforeFind', 'mq-sequence-lock', hook);
  };
  attach(db.getCollection('sequences'));
  db.on('afterDefineCollection', (collection: any) => {
    if (collection.name === 'sequences') attach(collection);
  });
}

/**
 * The row a sequence field counts in exists before the first record: two first problems at the
 * same moment would otherwise each find no row, each make one, and share a number. Made outside
 * any transaction, once per start.
 */
export async function ensureSequenceRows(db: Database, collectionName: string) {
  const collection = db.getCollection(collectionName);
  const sequences = db.getCollection('sequences');
  if (!collection || !sequences) return;
  for (const field of collection.fields.values()) {
    if (field.type !== 'sequence') continue;
    for (const pattern of (field.options.patterns ?? []) as { type: string; options?: { key?: number } }[]) {
      const key = pattern.options?.key;
      if (pattern.type !== 'integer' || key === undefined) continue;
      const where = { collection: collectionName, field: field.name, key };
      if (!(await sequences.model.findOne({ where }))) await sequences.model.create(where);
    }
  }
}
