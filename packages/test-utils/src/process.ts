import { ChildProcess, spawn, spawnSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { eventually } from './eventually';

export const repoRoot = path.resolve(__dirname, '../../..');

export interface RunningNocoBase {
  url: string;
  port: number;
  admin: { email: string; password: string };
  logFile: string;
  /** the env file the app runs with (its database, port and secrets) */
  envFile: string;
  /** Runs a NocoBase CLI command (`pm enable x`, …) against this app's configuration. */
  cli(args: string[]): void;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder of the NocoBase application (has package.json and node_modules). */
  cwd?: string;
  /** Names its database, log and socket under <cwd>/storage. */
  name: string;
  port: number;
  /** Plugins to enable after install. */
  plugins?: string[];
  env?: Record<string, string>;
  /** Node scripts to run with the app's configuration after install, before start (e.g. the demo). */
  beforeStart?: { script: string; args?: string[] }[];
}

function randomSecret(bytes = 18) {
  return crypto.randomBytes(bytes).toString('base64url');
}

async function waitForApp(url: string, child: ChildProcess, logFile: string, timeoutMs = 180_000) {
  const state = await eventually(
    async () => {
      // an app that exited will not start: said at once, not at the deadline
      if (child.exitCode !== null) return 'exited';
      const res = await fetch(`${url}/api/app:getInfo`).catch(() => undefined); // not listening yet
      return res?.ok && (await res.json())?.data?.version ? 'ready' : undefined;
    },
    { what: `NocoBase to answer at ${url} (see ${logFile})`, timeoutMs, intervalMs: 500 },
  );
  if (state === 'exited') throw new Error(`NocoBase exited with ${child.exitCode}; see ${logFile}`);
}

/**
 * Installs a NocoBase application on a fresh SQLite database and starts it as a separate process,
 * the way `npm run app` does, with its own generated secrets. Configuration goes through an env
 * file of its own so that a developer's `.env` never leaks in.
 */
export async function startNocoBase(options: StartOptions): Promise<RunningNocoBase> {
  const cwd = options.cwd ?? repoRoot;
  const dir = path.join(cwd, 'storage', 'e2e');
  fs.mkdirSync(dir, { recursive: true });
  const admin = { email: `admin@${options.name}.test`, password: randomSecret() };
  // a second checkout running its tests beside this one shifts its ports (MINQING_TEST_PORT_OFFSET)
  const port = options.port + Number(process.env.MINQING_TEST_PORT_OFFSET || 0);
  const env: Record<string, string> = {
    APP_ENV: 'development',
    APP_PORT: String(port),
    APP_KEY: randomSecret(48),
    API_BASE_PATH: '/api/',
    DB_DIALECT: 'sqlite',
    DB_STORAGE: `storage/e2e/${options.name}.sqlite`,
    SOCKET_PATH: `storage/e2e/${options.name}.sock`,
    PM2_HOME: path.join(dir, `${options.name}.pm2`),
    LOGGER_LEVEL: 'warn',
    INIT_APP_LANG: 'zh-CN',
    INIT_ROOT_EMAIL: admin.email,
    INIT_ROOT_USERNAME: 'admin',
    INIT_ROOT_PASSWORD: admin.password,
    PLUGIN_PACKAGE_PREFIX: '@nocobase/plugin-,@nocobase/plugin-sample-,@nocobase/preset-,@minqing/plugin-',
    TZ: 'Asia/Shanghai',
    ...options.env,
  };
  const envFile = path.join(dir, `${options.name}.env`);
  fs.writeFileSync(
    envFile,
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n',
  );
  fs.rmSync(path.join(cwd, env.DB_STORAGE), { force: true });

  const processEnv = {
    ...process.env,
    ...env,
    APP_ENV_PATH: path.relative(cwd, envFile),
    PATH: `${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
  };
  const cliBin = path.join(cwd, 'node_modules', '@nocobase', 'cli-v1', 'bin', 'index.js');
  const logFile = path.join(dir, `${options.name}.log`);
  const log = fs.openSync(logFile, 'w');

  const cli = (args: string[]) => {
    const res = spawnSync('node', [cliBin, ...args], { cwd, env: processEnv, stdio: ['ignore', log, log] });
    if (res.status !== 0) {
      const why = res.error?.message ?? (res.signal ? `signal ${res.signal}` : `exit code ${res.status}`);
      throw new Error(`nocobase ${args.join(' ')} failed (${why}); see ${logFile}`);
    }
  };

  cli(['install', '-f']);
  if (options.plugins?.length) cli(['pm', 'enable', ...options.plugins]);
  for (const { script, args = [] } of options.beforeStart ?? []) {
    const res = spawnSync('node', [script, ...args], { cwd, env: processEnv, stdio: ['ignore', log, log] });
    if (res.status !== 0) throw new Error(`${path.basename(script)} failed (exit code ${res.status}); see ${logFile}`);
  }

  const child = spawn('node', [cliBin, 'start', '--launch-mode', 'node'], {
    cwd,
    env: processEnv,
    detached: true,
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForApp(url, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, admin, logFile, envFile, cli, stop };
}

/** Signs in through the basic authenticator and returns headers for API calls. */
export async function signIn(url: string, account: string, password: string) {
  const res = await fetch(`${url}/api/auth:signIn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
    body: JSON.stringify({ account, password }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
  return { Authorization: `Bearer ${body.data.token}`, 'X-Authenticator': 'basic' };
}

/** Calls the app's API with these headers: the answer's JSON, or an error naming the action. */
export async function callApi(
  url: string,
  headers: Record<string, string>,
  method: string,
  action: string,
  body?: unknown,
) {
  const res = await fetch(`${url}/api/${action}`, {
    method,
    headers: { ...headers, 'Content-Type': 'application/json', 'X-Locale': 'zh-CN' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${action}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
