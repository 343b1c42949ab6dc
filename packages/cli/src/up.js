'use strict';
// `minqing up` (npm run app): configure, install, build, set up the database on the first run and
// start NocoBase with Minqing. What is left of the first run is read from the database
// (first-run.js); the terminal shows one line per step and the logins last, the rest is in the log.
const net = require('net');
const path = require('path');
const { root, childEnv, installDependencies, buildPlugins, NOCOBASE } = require('./steps');
const { ensureEnv, envFilePath } = require('./env');
const { plan, next } = require('./first-run');
const { Runner, Stopped } = require('./runner');

const PAGES_PLUGIN = '@minqing/plugin-workbench';
const OFF = ['off', '0', 'false', 'no'];

/** "2026-12-07 18:59:41 [error] …" and what follows it up to the next log line. */
const LOG_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[(\w+)\]/;

async function waitUntilAnswering(url, exited, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) return false;
    try {
      const res = await fetch(`${url}/api/app:getInfo`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok && (await res.json())?.data?.version) return true;
    } catch {
      // not listening yet, or still upgrading
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer at ${url} within ${timeoutMs / 60_000} minutes`);
}

/** Whether something already listens on the port (NocoBase would stop with "already in use"). */
function portTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(port) });
    socket.setTimeout(2_000);
    socket.once('connect', () => resolve(true) || socket.destroy());
    socket.once('timeout', () => resolve(false) || socket.destroy());
    socket.once('error', () => resolve(false));
  });
}

function describeDatabase(setting) {
  const dialect = setting('DB_DIALECT') || 'sqlite';
  if (dialect === 'sqlite')
    return `sqlite ${path.relative(root, path.resolve(root, setting('DB_STORAGE') || 'storage/db/nocobase.sqlite'))}`;
  return `${dialect} ${setting('DB_HOST') || '127.0.0.1'}:${setting('DB_PORT') || ''}/${setting('DB_DATABASE') || ''}`;
}

/** The env file `up` uses, made complete, and NocoBase pointed at it. */
function configure(envFileOption) {
  const envFile = envFilePath(root, envFileOption ?? process.env.APP_ENV_PATH);
  // NocoBase reads the same file: APP_ENV_PATH, resolved against the working directory (root)
  process.env.APP_ENV_PATH = path.relative(root, envFile);
  const { env, created } = ensureEnv(root, envFile);
  const setting = (name, fallback) => process.env[name] || env[name] || fallback;
  return { envFile, created, setting, storage: path.resolve(root, setting('STORAGE_PATH', 'storage')) };
}

async function up({ verbose = false, envFile } = {}) {
  const config = configure(envFile);
  const runner = new Runner({ root, storage: config.storage, verbose });
  try {
    return await steps(runner, config, { verbose });
  } catch (error) {
    await runner.drain(); // after a stop: until every process has shut down
    if (verbose)
      delete error.tail; // already on the terminal
    else if (error.tail) error.message += `\n(the lines above are the end of ${path.relative(root, runner.logFile)})`;
    throw error;
  } finally {
    runner.close();
  }
}

async function steps(runner, { envFile, created, setting }, { verbose }) {
  const port = setting('APP_PORT', '13000');
  const url = `http://127.0.0.1:${port}`;
  const plugins = setting('MINQING_PLUGINS', '').split(',').filter(Boolean);
  const settings = { plugins, demo: !OFF.includes(setting('MINQING_DEMO', 'on').toLowerCase()) };
  const envName = path.relative(root, envFile);

  const stopNow = (signal) => {
    runner.print(`stopped (${signal})`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  runner.handleSignals(stopNow);
  const logName = path.relative(root, runner.logFile);
  runner.print(
    `Minqing · ${describeDatabase(setting)} · full log ${logName}${verbose ? '' : ' (--verbose shows it here)'}`,
  );
  if (created) runner.print(`  created ${envName} with a generated APP_KEY and passwords`);
  const left = await runner.stopLeftovers();
  if (left) runner.print(`  stopped ${left} process(es) an earlier run left running`);
  const portFree = async () => {
    if (await portTaken(port))
      throw new Error(`port ${port} is taken by another program: stop it, or set APP_PORT in ${envName}`);
  };
  await portFree();

  const env_ = (extra) => childEnv({ APP_ENV_PATH: process.env.APP_ENV_PATH, ...extra });
  const run = (command, args, options = {}) => runner.run(command, args, { ...options, env: env_(options.env) });
  const nocobase = (args) => run('node', [NOCOBASE, ...args]);
  const firstRunDb = async (args) => {
    const { output } = await run('node', [path.join(__dirname, 'first-run-db.js'), ...args], {
      keep: true,
      finish: true, // a marker write is never cut half-way by a stop
      env: { LOGGER_LEVEL: 'error', LOGGER_TRANSPORT: 'console' },
    });
    return JSON.parse(output.trim().split('\n').pop());
  };

  await runner.step(
    'dependencies',
    async () => ((await installDependencies({ run })) ? 'installed from yarn.lock' : 'up to date'),
    { hint: '(the first time: a few minutes; sqlite3 compiles from source)' },
  );
  await runner.step('build', async () => {
    const results = await buildPlugins({ quiet: true });
    const built = results.filter((r) => !r.upToDate).length;
    return built ? `${built} of ${results.length} plugins built` : `${results.length} plugins up to date`;
  });

  let todo;
  let marker;
  await runner.step('database', async () => {
    const state = await firstRunDb(['read', ...plugins]);
    todo = plan(state, settings);
    marker = state.marker;
    if (todo.begin) marker = await firstRunDb(['write', JSON.stringify(todo.begin)]);
    if (todo.install === 'refuse') {
      throw new Error(
        'a first run was stopped while NocoBase installed itself into this database, which held other ' +
          'tables before: they are not dropped. Point DB_* at an empty database (or empty this one) and run again.',
      );
    }
    if (todo.install === 'reset') await firstRunDb(['reset']);
    if (todo.install !== 'skip') {
      await nocobase(['install']);
      marker = await firstRunDb([
        'write',
        JSON.stringify({ step: next('install', settings), details: marker.details }),
      ]);
      return `NocoBase installed${todo.install === 'reset' ? ' (again: the first try was stopped half-way)' : ''}`;
    }
    if (todo.adopted) return 'installed before first runs were recorded: taken as set up (no demo, no logins shown)';
    if (todo.logins) return `installed; resuming the first run at "${marker.step}"`;
    return `installed ${String(marker.details?.completedAt ?? '').slice(0, 10)}`.trim();
  });
  if (created && !todo.logins) {
    runner.print(`  note: ${envName} is new but the database is not: its administrator keeps the password it had`);
  }

  const others = todo.enable.filter((name) => name !== PAGES_PLUGIN);
  if (others.length) {
    await runner.step('plugins', async () => {
      await nocobase(['pm', 'enable', ...others]);
      return `enabled ${others.map((name) => name.replace('@minqing/plugin-', '')).join(', ')}`;
    });
  }
  if (todo.enable.includes(PAGES_PLUGIN)) {
    await runner.step(
      'pages',
      async () => {
        await nocobase(['pm', 'enable', PAGES_PLUGIN]);
        return 'the campaign pages (menu 下基层察民情)';
      },
      { hint: '(the workbench makes the campaign pages)' },
    );
  }
  const advance = async (step, details = marker.details) => {
    if (marker.step === step && details === marker.details) return;
    marker = await firstRunDb(['write', JSON.stringify({ step, details })]);
  };
  if (marker.step === 'plugins') await advance(next('plugins', settings));

  let demo = marker.details?.demo ?? null;
  if (todo.demo) {
    await runner.step(
      'demo',
      async () => {
        const { output } = await run('node', [path.join(root, 'packages/demo/bin/minqing-demo.js'), '--resume'], {
          keep: true,
          env: { LOGGER_LEVEL: 'error' },
        });
        demo = JSON.parse(output.trim().split('\n').pop());
        await advance('logins', { ...marker.details, demo: { leader: demo.leader, cadre: demo.cadre } });
        const problems = (demo.rows?.mq_problems ?? 0).toLocaleString('en-US');
        return `the 荆州 bureau: ${demo.users} users, ${problems} problems${demo.resumed ? ' (finished the load an earlier run committed)' : ''}`;
      },
      { hint: '(MINQING_DEMO=off for an empty installation)' },
    );
  } else if (marker.step === 'demo') await advance('logins');

  await portFree();
  const server = runner.start('node', [NOCOBASE, 'start', '--quickstart', '--launch-mode', 'node'], {
    env: env_(),
    onLine: (() => {
      let showing = false;
      return (line) => {
        if (verbose) return;
        const level = line.match(LOG_LINE)?.[1];
        // the gateway logs its 503 "maintaining" answers (to our own polling while it starts) as errors
        if (level) showing = ['error', 'fatal'].includes(level) && !line.includes('"maintaining":true');
        if (showing) runner.print(`  server: ${line}`);
      };
    })(),
  });
  let exit = null;
  server.done.then((result) => (exit = result));
  const started = await runner.step(
    'server',
    async () => {
      if (!(await waitUntilAnswering(url, () => exit !== null || runner.stopping))) {
        if (runner.stopping) throw new Stopped(runner.stopping);
        const error = new Error(`the server stopped before it answered (exit code ${(await server.done).code})`);
        error.tail = (await server.done).tail;
        throw error;
      }
      return `answers on ${url}`;
    },
    { hint: '(pending migrations run first)' },
  );

  if (started && todo.logins) {
    const password = setting('MINQING_DEMO_PASSWORD');
    runner.print('');
    runner.print(
      `┌ Logins, shown this once (kept in ${envName}: INIT_ROOT_EMAIL / INIT_ROOT_PASSWORD${demo ? ', MINQING_DEMO_PASSWORD' : ''})`,
    );
    runner.print(`│ administrator  ${setting('INIT_ROOT_EMAIL')}  password ${setting('INIT_ROOT_PASSWORD')}`);
    if (demo) {
      for (const [role, who] of [
        ['leader', demo.leader],
        ['cadre', demo.cadre],
      ]) {
        runner.print(`│ ${role.padEnd(13)}  ${who.username}  (${who.nickname}, ${who.post})  password ${password}`);
      }
    }
    runner.print(`├ admin   ${url}/admin`);
    runner.print(`├ public  ${url}/minqing/public`);
    await advance('done', { ...marker.details, completedAt: new Date().toISOString() });
    runner.print(`└ Ctrl-C stops the server; npm run app starts it again, with the data as it was`);
  } else if (started) {
    runner.print('');
    runner.print(
      `  admin   ${url}/admin   (the administrator's login is in ${envName}: INIT_ROOT_EMAIL / INIT_ROOT_PASSWORD)`,
    );
    runner.print(`  public  ${url}/minqing/public`);
    runner.print(`  Ctrl-C stops the server`);
  }

  const result = await server.done;
  if (runner.stopping) {
    runner.print(`stopped (${runner.stopping})`);
    return 0;
  }
  const why = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
  const error = new Error(`the server stopped (${why})`);
  error.tail = result.tail;
  throw error;
}

module.exports = { up, describeDatabase };
