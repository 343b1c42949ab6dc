#!/usr/bin/env node
'use strict';
// Minqing's user-facing commands, runnable before anything is installed (Node built-ins only):
//   minqing up     configure, install, build, set up the database on the first run, start on :13000
//   minqing test   install, build, type-check, run the jest projects (unit, server, browser, stock)
//   minqing setup  install + build;  minqing env  create the env file
const { parseArgs } = require('util');

const USAGE = `usage:
  minqing up [--verbose] [--env-path <file>]
      --verbose           the full log of every step and of the server on the terminal
      --env-path <file>   configuration (and so database and storage) from <file> instead of .env;
                          the same as APP_ENV_PATH=<file>, relative to the repository
  minqing test [--db sqlite|postgres|mariadb] [--only unit,server,browser,stock] [--changed] [-- <jest args>]
      --changed           only the test files touched by the working tree (git status vs HEAD)
  minqing setup [--force] [--pack]
  minqing env [--env-path <file>]`;

// (not --env-file: Node 20 takes that as its own option wherever it stands in the command line)
const COMMANDS = {
  up: {
    options: { verbose: { type: 'boolean', default: false }, 'env-path': { type: 'string' } },
    run: ({ values }) => require('../src/up').up({ verbose: values.verbose, envFile: values['env-path'] }),
  },
  test: {
    options: { db: { type: 'string' }, only: { type: 'string' }, changed: { type: 'boolean', default: false } },
    run: ({ values, positionals }) =>
      require('../src/test').test({ db: values.db, only: values.only, changed: values.changed, jestArgs: positionals }),
  },
  setup: {
    options: { force: { type: 'boolean', default: false }, pack: { type: 'boolean', default: false } },
    run: async ({ values }) => {
      const { installDependencies, buildPlugins } = require('../src/steps');
      await installDependencies({ force: values.force });
      await buildPlugins({ pack: values.pack });
    },
  },
  env: {
    options: { 'env-path': { type: 'string' } },
    run: async ({ values }) => {
      const { ensureEnv, envFilePath } = require('../src/env');
      const { root } = require('../src/steps');
      const { created, file } = ensureEnv(root, envFilePath(root, values['env-path']));
      console.log(created ? `created ${file}` : `${file} is complete`);
    },
  },
};

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) console.warn(`warning: Minqing is tested on Node 20; this is Node ${process.versions.node}`);
}

/** { command, run, parsed } for argv, or { usage } when it does not parse. */
function parse(argv) {
  const [name, ...rest] = argv;
  const command = COMMANDS[name];
  if (!command) return { usage: name && !['help', '--help', '-h'].includes(name) ? `unknown command ${name}` : '' };
  try {
    // everything after `--` (and any bare word) is passed on: jest's own arguments for `test`
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: name === 'test' });
    return { command: name, run: command.run, parsed };
  } catch (error) {
    return { usage: `minqing ${name}: ${error.message}` };
  }
}

if (require.main === module) {
  const { command, run, parsed, usage } = parse(process.argv.slice(2));
  if (!run) {
    if (usage) console.error(usage);
    console.log(USAGE);
    process.exit(usage ? 2 : 0);
  }
  checkNode();
  run(parsed).then(
    (code) => process.exit(typeof code === 'number' ? code : 0),
    (error) => {
      if (error.tail?.length) console.error(`\n${error.tail.join('\n')}`);
      const stopped = error.name === 'Stopped' || error.constructor?.name === 'Stopped';
      console.error(`\nminqing ${command}: ${error.message}`);
      if (stopped && command === 'up') console.error('npm run app picks up where this run stopped');
      process.exit(stopped ? (error.signal === 'SIGINT' ? 130 : 143) : 1);
    },
  );
}

module.exports = { parse, USAGE };
