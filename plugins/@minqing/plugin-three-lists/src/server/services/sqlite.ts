import type { Database } from '@nocobase/database';

/**
 * SQLite under concurrency.
 *
 * Why it stalled: Sequelize opens a connection of its own for every SQLite transaction, and
 * node-sqlite3 runs every statement of every connection on libuv's thread pool (4 threads). Twenty
 * requests that each began a write transaction left one holding SQLite's write lock and the others
 * in SQLite's busy handler — which sleeps (nanosleep) *on a pool thread* for up to the busy
 * timeout. Four waiters took the four threads, so the holder's next statement (and its COMMIT, and
 * every read of the app, `app:getInfo` included) queued behind them until a waiter gave up; a
 * waiter that gave up got SQLITE_BUSY (Sequelize retried it 5 times, then the user saw a 500) or
 * was mapped to a false "someone else changed this problem". Each statement of the holder cost
 * about one busy timeout: minutes per request.
 *
 * The mechanism now: one write queue per database file in the process. A transaction takes its
 * turn in JavaScript *before* it opens/begins (no thread is held while it waits), and so does a
 * write outside a transaction; SQLite therefore never sees two writers of ours at once. The
 * journal is WAL, so reads outside transactions (lists, the public page, app:getInfo) neither wait
 * for the writer nor hold it. The busy timeout stays as a last resort for another process (the CLI,
 * a backup) touching the file. A transaction's connection is kept for the next one (opening a
 * connection re-reads NocoBase's whole schema on its first statement).
 *
 * Under load the turn is the bottleneck: writes per second = 1 / the time a turn is held, and that
 * time is its statements' round trips through the pool and the event loop. So reads outside
 * transactions leave the writer pool threads (`ReadGate`), SELECTs no longer ask `PRAGMA
 * table_info` each time (`ColumnTypes`), and the loop's steps read what they can before taking the
 * turn (services/loop.ts). test/bench/RESULTS.md has the figures.
 */
const BUSY_TIMEOUT_MS = 5000;
/**
 * How long one turn may be held before the transactions waiting behind it go ahead anyway
 * (SQLite's busy timeout decides then). Only code that opens a second transaction while it holds
 * one — and waits for it — holds a turn that long.
 *
 * It counts how long the *holder* has held the turn, not how long a waiter has waited: under load
 * thirty writers queue behind each other, and a waiter's wait is the sum of everyone's turns ahead
 * of it. Counted per waiter (as it was), a queue longer than 10 s sent every waiter ahead at once
 * into SQLite's busy wait on the thread pool, which starved the real holder's statements and
 * stalled the app for minutes (issue 22: "waited 10000 ms" × 101, then SQLITE_BUSY).
 */
export const QUEUE_PATIENCE_MS = 10_000;
/** Idle transaction connections kept open (the queue lets one transaction run at a time). */
const IDLE_CONNECTIONS = 2;

type Release = () => void;

/** A FIFO lock: `acquire()` resolves with the function that lets the next one go. */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  /** transactions and writes waiting or running (for the benchmark and the tests) */
  pending = 0;
  /** how often a turn was not given within the patience (each logged) */
  impatient = 0;
  /**
   * Who holds the turn now: where it was asked for (a stack, formatted only when read) and since
   * when — what an impatient waiter reports, so a transaction that waits on another can be found.
   */
  holder: { asked: Error; since: number } | null = null;
  /**
   * Every turn given and not yet ended, oldest first. Usually one; more only once a waiter ran out
   * of patience — then the oldest is the one that is stuck, and the one to name.
   */
  readonly live = new Set<{ asked: Error; since: number }>();

  constructor(private readonly patienceMs = QUEUE_PATIENCE_MS) {}

  acquire(onImpatient?: (holder: WriteQueue['holder']) => void): Promise<Release> {
    this.pending++;
    const asked = new Error('asked for the SQLite write turn');
    let release!: Release;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => mine);
    let released = false;
    let turn: WriteQueue['holder'] = null;
    const done: Release = () => {
      if (released) return;
      released = true;
      this.pending--;
      if (this.holder === turn) this.holder = null;
      if (turn) this.live.delete(turn);
      release();
    };
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => {
      const check = () => {
        const oldest = this.live.values().next().value as WriteQueue['holder'];
        const held = oldest ? Date.now() - oldest.since : 0;
        if (held < this.patienceMs) {
          // the queue moves (or is between two turns): wait until the present holder could be stuck
          timer = setTimeout(check, this.patienceMs - held);
          timer.unref?.();
          return;
        }
        this.impatient++;
        onImpatient?.(oldest);
        resolve();
      };
      timer = setTimeout(check, this.patienceMs);
      timer.unref?.();
    });
    return Promise.race([previous, patience]).then(() => {
      clearTimeout(timer);
      turn = { asked, since: Date.now() };
      this.holder = turn;
      this.live.add(turn);
      return done;
    });
  }

  /** Runs `fn` in its turn. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/**
 * At most `slots` reads outside transactions at once; the others wait in JavaScript.
 *
 * Why: node-sqlite3 hands every step of every statement (prepare, run, finalize; and Sequelize's
 * `PRAGMA table_info` before each SELECT) to libuv's thread pool, a FIFO of 4 threads by default.
 * The app's reads outside transactions all go through Sequelize's one default connection, where
 * SQLite runs them one at a time anyway (the connection's mutex) — but each one waiting for that
 * mutex sits on a pool thread. With 50 readers the pool's queue was dozens deep, and every statement
 * of the transaction holding the write turn (on its own connection) queued behind all of them: the
 * turn was held for the readers' time, not its own. Reads waiting here instead keep pool threads free
 * for the writer, and lose nothing: they could not run side by side on that connection.
 */
export class ReadGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly slots: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // the slot passes straight to the next reader
      if (next) next();
      else this.running--;
    }
  }
}

/** libuv's pool size as this process has it (read once, when the pool starts). */
const POOL_THREADS = Number(process.env.UV_THREADPOOL_SIZE) || 4;
/** pool threads left to the writer and the file system (logs, uploads) */
const READ_SLOTS = Math.max(1, POOL_THREADS - 2);

const GATES_KEY = Symbol.for('minqing.sqlite.readGates');

/** The read gate of a database file, shared by every Database instance of the process on that file. */
function readGateOf(db: Database): ReadGate {
  const storage = String((db.sequelize as any).options.storage ?? ':memory:');
  const gates: Map<string, ReadGate> = ((globalThis as any)[GATES_KEY] ??= new Map());
  let gate = gates.get(storage);
  if (!gate) gates.set(storage, (gate = new ReadGate(READ_SLOTS)));
  return gate;
}

const QUEUES_KEY = Symbol.for('minqing.sqlite.writeQueues');
const PATCHED = Symbol.for('minqing.sqlite.queued');

/** The queue of a database file, shared by every Database instance of the process on that file. */
export function writeQueueOf(db: Database): WriteQueue | undefined {
  if (db.sequelize.getDialect() !== 'sqlite') return undefined;
  const storage = String((db.sequelize as any).options.storage ?? ':memory:');
  const queues: Map<string, WriteQueue> = ((globalThis as any)[QUEUES_KEY] ??= new Map());
  let queue = queues.get(storage);
  if (!queue) queues.set(storage, (queue = new WriteQueue()));
  return queue;
}

/** A statement that changes a table's columns. */
const SCHEMA_SQL = /^\s*(create|alter|drop)\b/i;
const TABLE_INFO = /^PRAGMA table_info\(`([^`]+)`\);?$/i;

/**
 * Sequelize's SQLite dialect asks `PRAGMA table_info` of every table a SELECT reads, before every
 * SELECT (to parse its values by column type): two round trips through the thread pool and the
 * event loop for each read — and for each read of the transaction holding the write turn. The
 * columns change only with the schema: they are kept per table here and forgotten whenever a
 * statement of this process creates, alters or drops anything (a schema change by another
 * process, e.g. the CLI, takes a restart, as NocoBase's own collection cache does).
 */
export class ColumnTypes {
  private readonly tables = new Map<string, unknown[]>();
  /** bumped by every schema change: an answer asked for before it is not kept */
  private generation = 0;
  private changes = 0;

  async changing<T>(change: () => Promise<T>): Promise<T> {
    this.changes++;
    this.forget();
    try {
      return await change();
    } finally {
      this.changes--;
      this.forget();
    }
  }

  forget() {
    this.generation++;
    this.tables.clear();
  }

  /** Answers `PRAGMA table_info` on `connection` (node-sqlite3's Database) from what is known. */
  serve(connection: any) {
    if (!connection?.all || connection.__mqColumns) return;
    connection.__mqColumns = true;
    const all = connection.all;
    connection.all = (sql: unknown, ...rest: any[]) => {
      const table = typeof sql === 'string' && rest.length === 1 && typeof rest[0] === 'function' ? TABLE_INFO.exec(sql)?.[1] : undefined;
      if (!table) return all.call(connection, sql, ...rest);
      const done = rest[0];
      const known = this.tables.get(table);
      if (known) {
        process.nextTick(() => done.call(connection, null, known.map((row) => ({ ...(row as object) }))));
        return connection;
      }
      const asked = this.generation;
      return all.call(connection, sql, (error: unknown, rows: unknown[]) => {
        if (!error && Array.isArray(rows) && rows.length && asked === this.generation && !this.changes) {
          this.tables.set(table, rows.map((row) => ({ ...(row as object) })));
        }
        done.call(connection, error, rows);
      });
    };
  }
}

/** A statement that writes (INSERT/UPDATE/DELETE, schema changes), outside a transaction. */
const WRITE_SQL = /^\s*(insert|update|delete|replace|create|drop|alter|pragma\s+\w+\s*=|vacuum|reindex)\b/i;

/**
 * Puts every transaction, and every write outside one, of this database through the file's write
 * queue; WAL journal; busy timeout as the last resort. Once per Database instance.
 */
export function queueSqliteWrites(db: Database) {
  if (db.sequelize.getDialect() !== 'sqlite') return;
  const sequelize = db.sequelize as any;
  const manager = sequelize.connectionManager as any;
  if (manager[PATCHED]) return;
  manager[PATCHED] = true;
  const queue = writeQueueOf(db)!;
  // names the holder and where it asked for its turn: a transaction that waits on another (a write
  // outside it, a second transaction) while holding the turn is a bug to find, not to wait out
  const warn = (what: string) => (holder: WriteQueue['holder']) =>
    db.logger?.warn?.(
      `SQLite write queue: ${what} goes ahead of a turn held for more than ${QUEUE_PATIENCE_MS} ms (a transaction opened while another is held?)` +
        (holder
          ? `; the turn has been held for ${Date.now() - holder.since} ms, asked for at:\n${String(holder.asked.stack).split('\n').slice(1, 16).join('\n')}`
          : ''),
    );

  const configure = (connection: any) => {
    if (!connection || connection.__mqConfigured) return;
    connection.__mqConfigured = true;
    connection.configure?.('busyTimeout', BUSY_TIMEOUT_MS);
    // kept in the file: readers and the writer no longer wait for each other
    if (connection.filename && connection.filename !== ':memory:') connection.run?.('PRAGMA journal_mode=WAL');
    // WAL: durable across a crash of the process (kill -9); a power cut may lose the last commits
    connection.run?.('PRAGMA synchronous=NORMAL');
    columns.serve(connection);
  };
  const columns = new ColumnTypes();
  Object.values(manager.connections ?? {}).forEach(configure);

  const idle: any[] = [];
  // an in-memory database is one shared connection: nothing to keep
  const keep = String(sequelize.options.storage ?? ':memory:') !== ':memory:';
  /** transaction id → its turn's release */
  const turns = new Map<string, Release>();
  const getConnection = manager.getConnection.bind(manager);
  const releaseConnection = manager.releaseConnection.bind(manager);
  const onProcessExit = manager._onProcessExit.bind(manager);

  manager.getConnection = async (options: any = {}) => {
    const uuid = options.uuid;
    if (!uuid || uuid === 'default' || manager.connections[uuid]) {
      const connection = await getConnection(options);
      configure(connection);
      return connection;
    }
    // a transaction's own connection: its turn first, then a kept connection or a new one
    const release = await queue.acquire(warn('a transaction'));
    try {
      let connection = idle.pop();
      if (connection) manager.connections[uuid] = connection;
      else connection = await getConnection(options);
      configure(connection);
      turns.set(uuid, release);
      return connection;
    } catch (error) {
      release();
      throw error;
    }
  };

  const endTurn = (uuid: string | undefined) => {
    if (!uuid) return;
    const release = turns.get(uuid);
    turns.delete(uuid);
    release?.();
  };

  manager.releaseConnection = (connection: any, force?: boolean) => {
    const uuid = connection?.uuid;
    if (uuid && turns.has(uuid) && keep && !force && idle.length < IDLE_CONNECTIONS && connection.open !== false) {
      // committed or rolled back: the connection is clean, keep it for the next transaction
      delete manager.connections[uuid];
      idle.push(connection);
    } else {
      releaseConnection(connection, force);
    }
    endTurn(uuid);
  };

  // a COMMIT or ROLLBACK that failed: the connection's state is unknown, close it
  manager.destroyConnection = async (connection: any) => {
    const uuid = connection?.uuid;
    if (uuid) delete manager.connections[uuid];
    await new Promise<void>((resolve) => (connection?.close ? connection.close(() => resolve()) : resolve()));
    endTurn(uuid);
  };

  manager._onProcessExit = async () => {
    const closing = idle.splice(0).map((c) => new Promise<void>((resolve) => c.close(() => resolve())));
    await Promise.all(closing);
    return onProcessExit();
  };

  // writes outside a transaction (NocoBase's own bookkeeping, a hook without a transaction) take
  // their turn too: SQLite would otherwise make them wait on a pool thread
  const query = sequelize.query.bind(sequelize);
  const reads = readGateOf(db);
  sequelize.query = (sql: any, options?: any) => {
    const text = typeof sql === 'string' ? sql : sql?.query;
    if (typeof text === 'string' && SCHEMA_SQL.test(text)) return columns.changing(() => route(sql, options, text));
    return route(sql, options, text);
  };
  const route = (sql: any, options: any, text: unknown) => {
    if (options?.transaction) return query(sql, options);
    if (typeof text === 'string' && WRITE_SQL.test(text)) {
      return queue.acquire(warn('a write')).then(async (release) => {
        try {
          return await query(sql, options);
        } finally {
          release();
        }
      });
    }
    return reads.run(() => query(sql, options));
  };
}

/** A write that lost to a concurrent one: SQLite busy, PostgreSQL serialization failure or deadlock, MySQL deadlock or lock wait. */
export function isLockError(error: unknown) {
  const e = error as { code?: string; parent?: { code?: string }; original?: { code?: string } } | null;
  const code = e?.parent?.code ?? e?.original?.code ?? e?.code;
  return (
    code === 'SQLITE_BUSY' ||
    code === '40001' ||
    code === '40P01' ||
    code === 'ER_LOCK_DEADLOCK' ||
    code === 'ER_LOCK_WAIT_TIMEOUT'
  );
}

/** Attempts of a write transaction that lost to a concurrent one (a deadlock is nobody's mistake). */
const WRITE_ATTEMPTS = 3;

/**
 * A transaction that will write, run again (from the start, in a new transaction) when the
 * database gave it up for a deadlock or a lock it could not get: `fn` writes only through the
 * transaction and acts outside the database in `transaction.afterCommit`.
 * On SQLite it begins IMMEDIATE: it holds the write lock from its first statement (with the queue
 * nobody else of ours wants it, and another process waits for it rather than deadlocking with a
 * deferred one). Other databases ignore the type.
 */
export async function writeTransaction<T>(db: Database, fn: (transaction: any) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.sequelize.transaction({ type: 'IMMEDIATE' } as any, fn);
    } catch (error) {
      if (!isLockError(error) || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/**
 * Takes the row `id` of `model` for the rest of the transaction if it still matches `where`, and
 * says whether it did. A concurrent transaction that claims the same row waits for this one, then
 * sees the row as it was left and matches nothing: it lost. A locking read, not an UPDATE, so
 * that "matched" never depends on whether a value changed (MySQL/MariaDB count changed rows: an
 * update within the same millisecond, or to the same value, would claim nothing). SQLite has no
 * row locks and needs none: the write queue runs one transaction at a time.
 */
export async function claimRow(model: any, id: unknown, where: Record<string, unknown>, transaction: any) {
  const pk = model.primaryKeyAttribute;
  const row = await model.findOne({
    where: { ...where, [pk]: id },
    attributes: [pk],
    transaction,
    lock: transaction.LOCK?.UPDATE,
  });
  return Boolean(row);
}
