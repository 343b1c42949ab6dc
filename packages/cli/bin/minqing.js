#!/usr/bin/env node
'use strict';
// Minqing's two user-facing commands, runnable before anything is installed (node built-ins only):
//   minqing up     install, build, configure, install the database, enable our plugins, start on :13000
//   minqing test   install, build, run every test (jest projects unit, server, browser, stock)
// and their parts: setup (install + build), env (create .env).
const path = require('path');
const { root, step, installDependencies, buildPlugins, nocobase, capture, sh } = require('../src/steps');
const { ensureEnv } = require('../src/env');

const [command = 'help', ...rest] = process.argv.slice(2);

function option(name, fallback) {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : fallback;
}

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) console.warn(`warning: Minqing is tested on Node 20; this is Node ${process.versions.node}`);
}

async function up() {
  checkNode();
  installDependencies();
  buildPlugins();
  step('Configuring (.env)');
  const { env, created } = ensureEnv(root);
  if (created) console.log('created .env with a generated APP_KEY and administrator password');
  const dialect = process.env.DB_DIALECT || env.DB_DIALECT;
  step(`Installing the database (${dialect}) if it is new`);
  const out = await capture('node', [path.join(root, 'node_modules/@nocobase/cli-v1/bin/index.js'), 'install']);
  const fresh = /installed successfully/.test(out);
  step('Enabling our plugins');
  const plugins = (process.env.MINQING_PLUGINS || env.MINQING_PLUGINS || '').split(',').filter(Boolean);
  nocobase(['pm', 'enable', ...plugins]);
  const port = process.env.APP_PORT || env.APP_PORT || 13000;
  const setting = (name) => process.env[name] || env[name];
  let demo = null;
  if (fresh && !['off', '0', 'false'].includes(String(setting('MINQING_DEMO') || 'on').toLowerCase())) {
    step('Loading the demo bureau (MINQING_DEMO=off in .env for an empty installation)');
    const out = await capture('node', [path.join(root, 'packages/demo/bin/minqing-demo.js')], { LOGGER_LEVEL: 'error' });
    demo = JSON.parse(out.trim().split('\n').pop());
  }
  if (fresh) {
    console.log(`\n┌ Logins (shown once; the administrator's is kept in .env as INIT_ROOT_*, the demo users' as MINQING_DEMO_PASSWORD)`);
    console.log(`│ administrator  ${setting('INIT_ROOT_EMAIL')}  password ${setting('INIT_ROOT_PASSWORD')}`);
    if (demo) {
      const password = setting('MINQING_DEMO_PASSWORD');
      console.log(`│ leader         ${demo.leader.username}  (${demo.leader.nickname}, ${demo.leader.post})  password ${password}`);
      console.log(`│ cadre          ${demo.cadre.username}  (${demo.cadre.nickname}, ${demo.cadre.post})  password ${password}`);
    }
    console.log(`└ open http://127.0.0.1:${port}/admin ; the public page is http://127.0.0.1:${port}/minqing/public`);
  }
  step(`Starting NocoBase with Minqing on http://127.0.0.1:${port} (Ctrl-C to stop)`);
  nocobase(['start', '--quickstart', '--launch-mode', 'node']);
}

async function test() {
  checkNode();
  const only = (option('only', 'unit,server,browser,stock') || '').split(',');
  const db = option('db', process.env.MINQING_TEST_DB || 'sqlite');
  const jestArgs = rest.includes('--') ? rest.slice(rest.indexOf('--') + 1) : [];
  installDependencies();
  buildPlugins({ pack: only.includes('stock') });
  if (only.includes('unit')) {
    step('Type-checking the server code and tests');
    sh('node', [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
  }
  step(`Running tests: ${only.join(', ')} (database: ${db})`);
  // jest's own arguments first: --selectProjects takes every word after it, a test path included
  sh('node', [path.join(root, 'node_modules/jest/bin/jest.js'), ...jestArgs, '--selectProjects', ...only], {
    env: { MINQING_TEST_DB: db },
  });
}

const commands = {
  up,
  test,
  setup: async () => {
    installDependencies({ force: rest.includes('--force') });
    buildPlugins({ pack: rest.includes('--pack') });
  },
  env: async () => {
    const { created } = ensureEnv(root);
    console.log(created ? 'created .env' : '.env is complete');
  },
  help: async () => {
    console.log('usage: minqing up | test [--db sqlite|postgres] [--only unit,server,browser,stock] [-- jest args] | setup [--pack] | env');
  },
};

(commands[command] || commands.help)().catch((error) => {
  console.error(`\nminqing ${command}: ${error.message}`);
  process.exit(1);
});
