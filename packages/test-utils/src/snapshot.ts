import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { MockServer } from '@nocobase/test';

/**
 * Installed databases kept for the rest of a test run, one per set of plugins. Installing
 * NocoBase with our plugins takes 10–15 s a file, most of it the same work every time; a file whose
 * plugins were installed before in this run starts from a copy of that database instead (2 s),
 * which is exactly the state the install left. Snapshots never outlive the run that made them
 * (the key holds the run id set by jest's global setup, which also removes older ones), so a
 * change to a plugin is always installed afresh.
 */

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { snapshotDir, templatePrefix } = require('../jest/snapshots');
const dir = () => snapshotDir() as string;

type DbOptions = Record<string, any>;

export function snapshotsEnabled() {
  return Boolean(process.env.MINQING_TEST_RUN) && process.env.MINQING_TEST_SNAPSHOTS !== 'off';
}

export function snapshotKey(parts: unknown[]) {
  const hash = crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12);
  return `${process.env.MINQING_TEST_RUN}_${hash}`;
}

/** the database name of a snapshot on PostgreSQL / MariaDB: short, safe and this checkout's */
function templateName(key: string) {
  return `${templatePrefix()}${key}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);
}

interface Store {
  /** Puts the snapshot `key` in place of the worker's database; false when there is none yet. */
  restore(key: string, options: DbOptions): Promise<boolean>;
  /** Keeps the worker's database as snapshot `key`. The app is destroyed (PostgreSQL copies need no connections). */
  save(key: string, app: MockServer): Promise<void>;
}

/** Only the first worker to get here makes the snapshot; the others install as before meanwhile. */
function claim(key: string) {
  fs.mkdirSync(dir(), { recursive: true });
  try {
    fs.closeSync(fs.openSync(path.join(dir(), `${key}.lock`), 'wx'));
    return true;
  } catch {
    return false;
  }
}

const ready = (key: string) => path.join(dir(), `${key}.ready`);

const sqlite: Store = {
  async restore(key, options) {
    const file = path.join(dir(), `${key}.sqlite`);
    if (!fs.existsSync(ready(key))) return false;
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${options.storage}${suffix}`, { force: true });
    fs.copyFileSync(file, options.storage);
    return true;
  },
  async save(key, app) {
    const file = path.join(dir(), `${key}.sqlite`);
    fs.rmSync(file, { force: true });
    // a consistent copy taken by SQLite itself, whatever its journal mode
    await app.db.sequelize.query(`VACUUM INTO ${app.db.sequelize.escape(file)}`);
    fs.writeFileSync(ready(key), '');
  },
};

async function pgClient(options: DbOptions) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Client } = require('pg');
  const client = new Client({
    host: options.host,
    port: Number(options.port),
    user: options.username,
    password: options.password || undefined,
    database: 'postgres',
  });
  await client.connect();
  return client;
}

const postgres: Store = {
  async restore(key, options) {
    if (!fs.existsSync(ready(key))) return false;
    const client = await pgClient(options);
    try {
      await client.query(`DROP DATABASE IF EXISTS "${options.database}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${options.database}" TEMPLATE "${templateName(key)}"`);
    } finally {
      await client.end();
    }
    return true;
  },
  async save(key, app) {
    const options = app.db.options as DbOptions;
    await app.destroy();
    const client = await pgClient(options);
    try {
      await client.query(`DROP DATABASE IF EXISTS "${templateName(key)}"`);
      await client.query(`CREATE DATABASE "${templateName(key)}" TEMPLATE "${options.database}"`);
    } finally {
      await client.end();
    }
    fs.writeFileSync(ready(key), '');
  },
};

async function mysqlConnection(options: DbOptions) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mysql = require('mysql2/promise');
  return mysql.createConnection({
    host: options.host,
    port: Number(options.port),
    user: options.username,
    password: options.password || undefined,
    multipleStatements: true,
  });
}

/** Copies every table of database `from` into a new database `to` (MariaDB has no template databases). */
async function copyDatabase(connection: any, from: string, to: string) {
  const [tables] = await connection.query(
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'`,
    [from],
  );
  const statements = [
    'SET FOREIGN_KEY_CHECKS = 0',
    `DROP DATABASE IF EXISTS \`${to}\``,
    `CREATE DATABASE \`${to}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ...tables.flatMap(({ name }: { name: string }) => [
      `CREATE TABLE \`${to}\`.\`${name}\` LIKE \`${from}\`.\`${name}\``,
      `INSERT INTO \`${to}\`.\`${name}\` SELECT * FROM \`${from}\`.\`${name}\``,
    ]),
    'SET FOREIGN_KEY_CHECKS = 1',
  ];
  await connection.query(statements.join(';\n'));
}

const mariadb: Store = {
  async restore(key, options) {
    if (!fs.existsSync(ready(key))) return false;
    const connection = await mysqlConnection(options);
    try {
      await copyDatabase(connection, templateName(key), options.database);
    } finally {
      await connection.end();
    }
    return true;
  },
  async save(key, app) {
    const options = app.db.options as DbOptions;
    await app.destroy();
    const connection = await mysqlConnection(options);
    try {
      await copyDatabase(connection, options.database, templateName(key));
    } finally {
      await connection.end();
    }
    fs.writeFileSync(ready(key), '');
  },
};

function store(dialect: string): Store | null {
  if (dialect === 'sqlite') return sqlite;
  if (dialect === 'postgres') return postgres;
  if (dialect === 'mariadb' || dialect === 'mysql') return mariadb;
  return null;
}

/** The worker's database options as NocoBase will read them from the environment. */
function workerDbOptions(): DbOptions {
  return {
    dialect: process.env.DB_DIALECT,
    storage: process.env.DB_STORAGE,
    host: process.env.DB_HOST,
    port: process.env.DB_PORT,
    username: process.env.DB_USER,
    password: process.env.DB_PASSWORD,
    database: process.env.DB_DATABASE,
  };
}

/**
 * Starts an app on a restored snapshot (`start` returns it), or installs one (`install`) and
 * keeps it as the snapshot for later files, then starts it again from that snapshot.
 */
export async function fromSnapshot<T extends MockServer>(
  key: string,
  install: () => Promise<T>,
  start: () => Promise<T>,
): Promise<T> {
  const options = workerDbOptions();
  const snapshots = snapshotsEnabled() ? store(String(options.dialect)) : null;
  if (!snapshots) return install();
  if (await snapshots.restore(key, options)) return start();
  if (!claim(key)) return install();
  const app = await install();
  await snapshots.save(key, app);
  if (options.dialect === 'sqlite') return app;
  return (await snapshots.restore(key, options)) ? start() : install();
}
