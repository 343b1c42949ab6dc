import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { repoRoot, signIn } from '@minqing/test/src/process';

/**
 * The real `npm run app` command (packages/cli/bin/minqing.js up) on a working copy of its own: an
 * env file and a storage folder under storage/e2e/<name>, so a developer's .env and database are
 * never touched. Each run is a process group of its own, as in a terminal.
 */
export interface CliRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves when the output matches; rejects if the command ends first or the time is up. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export interface WorkingCopy {
  name: string;
  dir: string;
  envFile: string;
  logFile: string;
  url: string;
  /** The env file as the CLI completed it (generated passwords included). */
  env(): Record<string, string>;
  start(): CliRun;
  /** Process groups the CLI noted as running (the server, a step). */
  groups(): number[];
  /** kill -9 of everything any run started (the test's cleanup). */
  killAll(): Promise<void>;
  /** Sets the first run's marker in the database, as the CLI does between steps. */
  setFirstRunStep(step: string): void;
}

const CLI = path.join(repoRoot, 'packages/cli/bin/minqing.js');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function workingCopy(name: string, port: number, settings: Record<string, string>): WorkingCopy {
  const storage = `storage/e2e/${name}`;
  const dir = path.join(repoRoot, storage);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const envFile = path.join(dir, 'app.env');
  const appPort = port + Number(process.env.MINQING_TEST_PORT_OFFSET || 0);
  const lines = {
    APP_ENV: 'development',
    APP_PORT: String(appPort),
    API_BASE_PATH: '/api/',
    STORAGE_PATH: storage,
    DB_DIALECT: 'sqlite',
    DB_STORAGE: `${storage}/db/minqing.sqlite`,
    DB_LOGGING: 'off',
    LOGGER_LEVEL: 'info',
    TZ: 'Asia/Shanghai',
    INIT_APP_LANG: 'zh-CN',
    INIT_ROOT_EMAIL: `admin@${name}.test`,
    INIT_ROOT_USERNAME: 'admin',
    PLUGIN_PACKAGE_PREFIX: '@nocobase/plugin-,@nocobase/plugin-sample-,@nocobase/preset-,@minqing/plugin-',
    ...settings,
  };
  // APP_KEY and the passwords are left to the CLI, which generates them
  fs.writeFileSync(
    envFile,
    Object.entries(lines)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  const env = () =>
    Object.fromEntries(
      fs
        .readFileSync(envFile, 'utf8')
        .split('\n')
        .map((line) => line.match(/^([A-Z0-9_]+)=(.*)$/))
        .filter(Boolean)
        .map((m) => [m![1], m![2]]),
    );
  // nothing of the test runner's own configuration (DB_*, APP_*, …) reaches the CLI
  const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, LANG: 'C.UTF-8' };
  const runs: CliRun[] = [];
  const start = (): CliRun => {
    const child = spawn('node', [CLI, 'up', '--env-path', path.relative(repoRoot, envFile)], {
      cwd: repoRoot,
      env: childEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    // what a person reads, without the colours of a terminal (there are none off a terminal anyway)
    const take = (chunk: Buffer) => (text += chunk.toString().replace(/\u001b\[[0-9;]*m/g, ''));
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let ended = false;
    exited.then(() => (ended = true));
    const run: CliRun = {
      child,
      output: () => text,
      exited,
      async waitFor(pattern, timeoutMs = 8 * 60_000) {
        const deadline = Date.now() + timeoutMs;
        while (!pattern.test(text)) {
          if (ended) throw new Error(`minqing up ended before ${pattern}:\n${text}`);
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${text}`);
          await sleep(200);
        }
      },
    };
    runs.push(run);
    return run;
  };
  const groups = () => {
    const file = path.join(dir, 'minqing-up.pid');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')).groups as number[]) : [];
  };
  const setFirstRunStep = (step: string) => {
    const script = path.join(repoRoot, 'packages/cli/src/first-run-db.js');
    const read = spawnSync('node', [script, 'read'], {
      cwd: repoRoot,
      env: { ...childEnv, APP_ENV_PATH: envFile, LOGGER_LEVEL: 'error', LOGGER_TRANSPORT: 'console' },
      encoding: 'utf8',
    });
    const { marker } = JSON.parse(read.stdout.trim().split('\n').pop()!);
    const write = spawnSync('node', [script, 'write', JSON.stringify({ step, details: marker.details })], {
      cwd: repoRoot,
      env: { ...childEnv, APP_ENV_PATH: envFile, LOGGER_LEVEL: 'error', LOGGER_TRANSPORT: 'console' },
      encoding: 'utf8',
    });
    if (write.status !== 0) throw new Error(`first-run-db.js write failed: ${write.stderr}`);
  };
  const killAll = () =>
    killGroups([...runs.map((run) => run.child.pid!), ...groups()].filter((group) => alive(-group)));
  return {
    name,
    dir,
    envFile,
    logFile: path.join(dir, 'logs', 'minqing-up.log'),
    url: `http://127.0.0.1:${appPort}`,
    env,
    start,
    groups,
    killAll,
    setFirstRunStep,
  };
}

/** Signs in as the administrator of the env file; the API helpers of that session. */
export async function asAdmin(copy: WorkingCopy) {
  const headers = await signIn(copy.url, copy.env().INIT_ROOT_EMAIL, copy.env().INIT_ROOT_PASSWORD);
  const api = async (method: string, action: string, body?: unknown) => {
    const res = await fetch(`${copy.url}/api/${action}`, {
      method,
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${action}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const count = async (collection: string, filter: object = {}) =>
    (await api('GET', `${collection}:list?pageSize=1&filter=${encodeURIComponent(JSON.stringify(filter))}`)).meta
      .count as number;
  return { api, count };
}

/** kill -9 of process groups (a crash, a power cut), waiting until none of their processes is left. */
export async function killGroups(groups: number[]) {
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // gone
    }
  }
  await eventually('the killed processes to be gone', () => groups.every((group) => !alive(-group)), 30_000);
}

/** The database of the stock runs: SQLite by default, PostgreSQL or MariaDB with MINQING_TEST_DB. */
export const STOCK_DIALECT = process.env.MINQING_TEST_DB || 'sqlite';

/**
 * Settings of a working copy's database: none for SQLite (the copy's own file); on PostgreSQL or
 * MariaDB a fresh database `<prefix>_<name>`, made here (`npm run app` installs on an empty one).
 */
export function databaseSettings(name: string): Record<string, string> {
  if (STOCK_DIALECT === 'sqlite') return {};
  const database = `${process.env.MINQING_TEST_DB_PREFIX || 'minqing_test'}_${name.replace(/\W/g, '_')}`;
  if (STOCK_DIALECT === 'mariadb' || STOCK_DIALECT === 'mysql') {
    const settings = {
      DB_DIALECT: STOCK_DIALECT,
      DB_HOST: process.env.MINQING_TEST_MYSQL_HOST || '127.0.0.1',
      DB_PORT: process.env.MINQING_TEST_MYSQL_PORT || '3306',
      DB_USER: process.env.MINQING_TEST_MYSQL_USER || 'root',
      DB_PASSWORD: process.env.MINQING_TEST_MYSQL_PASSWORD || '',
      DB_DATABASE: database,
    };
    execFileSync(
      'mysql',
      [
        '-h',
        settings.DB_HOST,
        '-P',
        settings.DB_PORT,
        '-u',
        settings.DB_USER,
        '-e',
        `DROP DATABASE IF EXISTS \`${database}\`; CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      ],
      { env: { ...process.env, MYSQL_PWD: settings.DB_PASSWORD }, stdio: 'ignore' },
    );
    return settings;
  }
  if (STOCK_DIALECT !== 'postgres')
    throw new Error(`MINQING_TEST_DB=${STOCK_DIALECT}: sqlite, postgres or mariadb here`);
  const settings = {
    DB_DIALECT: 'postgres',
    DB_HOST: process.env.MINQING_TEST_PG_HOST || '127.0.0.1',
    DB_PORT: process.env.MINQING_TEST_PG_PORT || '5432',
    DB_USER: process.env.MINQING_TEST_PG_USER || 'postgres',
    DB_PASSWORD: process.env.MINQING_TEST_PG_PASSWORD || '',
    DB_DATABASE: database,
  };
  const psql = (sql: string) =>
    execFileSync(
      'psql',
      ['-h', settings.DB_HOST, '-p', settings.DB_PORT, '-U', settings.DB_USER, '-d', 'postgres', '-c', sql],
      { env: { ...process.env, PGPASSWORD: settings.DB_PASSWORD }, stdio: 'ignore' },
    );
  psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  psql(`CREATE DATABASE ${database}`);
  return settings;
}

/**
 * Opens a working copy's database directly (the server stopped or killed): SQLite checks its file
 * first (PRAGMA integrity_check). Returns a query function and a close.
 */
export async function openDatabase(copy: WorkingCopy) {
  const env = copy.env();
  if ((env.DB_DIALECT || 'sqlite') === 'sqlite') {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const sqlite3 = require('sqlite3');
    const file = path.join(repoRoot, env.DB_STORAGE);
    const db = await new Promise<any>((resolve, reject) => {
      const d = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (e: Error | null) => (e ? reject(e) : resolve(d)));
    });
    const query = (sql: string) =>
      new Promise<any[]>((resolve, reject) =>
        db.all(sql, (e: Error | null, rows: any[]) => (e ? reject(e) : resolve(rows))),
      );
    const close = () => new Promise<void>((resolve) => db.close(() => resolve()));
    return {
      query,
      close,
      integrity: async () => (await query('PRAGMA integrity_check'))[0].integrity_check as string,
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Client } = require('pg');
  const client = new Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD,
    database: env.DB_DATABASE,
  });
  await client.connect();
  const query = async (sql: string) => (await client.query(sql)).rows as any[];
  return { query, close: () => client.end() as Promise<void>, integrity: async () => 'ok' };
}
