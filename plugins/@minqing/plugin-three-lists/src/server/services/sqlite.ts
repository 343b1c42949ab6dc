import type { Database } from '@nocobase/database';

const BUSY_TIMEOUT_MS = 5000;

/**
 * On SQLite each transaction has its own connection, and a write that meets another (a background
 * workflow, a second user) fails at once with SQLITE_BUSY. A busy timeout makes it wait its turn,
 * as PostgreSQL would; set on every connection Sequelize opens.
 */
export function waitOnBusySqlite(db: Database) {
  if (db.sequelize.getDialect() !== 'sqlite') return;
  const manager = db.sequelize.connectionManager as any;
  const configure = (connection: any) => connection?.configure?.('busyTimeout', BUSY_TIMEOUT_MS);
  Object.values(manager.connections ?? {}).forEach(configure);
  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (...args: any[]) => {
    const connection = await getConnection(...args);
    configure(connection);
    return connection;
  };
}

/**
 * A transaction that will write. On SQLite it begins IMMEDIATE: a deferred one that reads first
 * and writes later can deadlock against another writer, and SQLite then fails it at once, busy
 * timeout or not. Other databases ignore the type.
 */
export function writeTransaction<T>(db: Database, fn: (transaction: any) => Promise<T>): Promise<T> {
  return db.sequelize.transaction({ type: 'IMMEDIATE' } as any, fn);
}
