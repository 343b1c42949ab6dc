import type { Database } from '@nocobase/database';

const done = new WeakMap<Database, Set<string>>();

/**
 * NocoBase calls a plugin's load() again on reloads that keep the same Database (a field added in
 * the collection manager, a plugin enabled): register each set of model hooks once per database.
 */
export function oncePerDatabase(db: Database, name: string, register: () => void) {
  const names = done.get(db) ?? new Set<string>();
  if (names.has(name)) return;
  names.add(name);
  done.set(db, names);
  register();
}
