import type { Database, Transaction } from '@nocobase/database';
import { comparable } from '../domain/records';

/**
 * Whether a record exists, asked by the foreign-key check of every save (services/values.ts) and by
 * the loop's steps before they write (a responsible person, a unit): once per record and
 * transaction. A step that assigns a problem used to read the same user and unit twice and the
 * problem it had just read a third time, each as a whole row through the repository (parsing its
 * fields every time), while it held SQLite's one write turn. Now one narrow primary-key read, and a
 * record seen in a transaction is known to exist until that transaction destroys anything.
 */
const seen = new WeakMap<Transaction, Set<string>>();
const watched = new WeakSet<Database>();

const keyOf = (collection: string, id: unknown) => `${collection}\u0000${comparable(id)}`;

/** Notes that `collection` has record `id` in this transaction (a step has just read it). */
export function noteExists(transaction: Transaction | null | undefined, collection: string, id: unknown) {
  if (!transaction) return;
  let known = seen.get(transaction);
  if (!known) seen.set(transaction, (known = new Set()));
  known.add(keyOf(collection, id));
}

/** Forgets what a transaction saw once it destroys a record (of any collection, by any path). */
export function forgetOnDestroy(db: Database) {
  if (watched.has(db)) return;
  watched.add(db);
  const forget = (...args: any[]) => {
    const options = args.find((a) => a && typeof a === 'object' && 'transaction' in a);
    if (options?.transaction) seen.delete(options.transaction);
  };
  db.on('afterDestroy', forget);
  db.on('afterBulkDestroy', forget);
}

export async function recordExists(
  db: Database,
  collection: string,
  id: unknown,
  transaction?: Transaction | null,
): Promise<boolean> {
  if (transaction && seen.get(transaction)?.has(keyOf(collection, id))) return true;
  const model = db.getCollection(collection)?.model;
  if (!model) return false;
  const pk = model.primaryKeyAttribute;
  const found = await model.findOne({ where: { [pk]: id }, attributes: [pk], transaction: transaction ?? undefined });
  if (found) noteExists(transaction, collection, id);
  return Boolean(found);
}

/**
 * Checks, before the write turn, the records a write's values name (a loop step's person and
 * unit, a visit's unit); returns what notes them as seen in the write's transaction (its own
 * checks and the foreign-key check of every save then need not read them again in the turn).
 */
export function checkBeforeTurn(db: Database, named: [collection: string, id: unknown][]) {
  return async () => {
    const found: [string, unknown][] = [];
    for (const [collection, id] of named) {
      // one that is missing (or not an id at all) is left to the step, which refuses it in its order
      if (Number.isSafeInteger(Number(id)) && Number(id) > 0 && (await recordExists(db, collection, id))) {
        found.push([collection, id]);
      }
    }
    return (transaction: Transaction) => found.forEach(([collection, id]) => noteExists(transaction, collection, id));
  };
}
