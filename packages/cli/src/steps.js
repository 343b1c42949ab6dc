'use strict';
// Steps shared by `minqing up`, `minqing test` and `minqing setup`. Node built-ins only: the
// dependencies are not installed yet when these run (the build is required once they are).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '../../..');
const YARN = ['--yes', 'yarn@1.22.22'];
const binPath = path.join(root, 'node_modules', '.bin');
const NOCOBASE = path.join(root, 'node_modules/@nocobase/cli-v1/bin/index.js');

function childEnv(extra = {}) {
  return { ...process.env, PATH: `${binPath}${path.delimiter}${process.env.PATH}`, ...extra };
}

function step(title) {
  console.log(`\n\u001b[36m▶ ${title}\u001b[0m`);
}

/** Runs a command with the terminal as its output; throws if it fails. */
function sh(command, args, { env, ...options } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options, env: childEnv(env) });
  if (result.status !== 0) {
    const why = result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
    throw new Error(`${command} ${args.join(' ')} failed (${why})`);
  }
  return result;
}

/** Hash of what decides node_modules: the lockfile and every workspace package.json. */
function dependencyHash() {
  const files = ['package.json', 'yarn.lock'];
  for (const base of ['plugins/@minqing', 'packages']) {
    for (const name of fs.readdirSync(path.join(root, base))) {
      const file = path.join(base, name, 'package.json');
      if (fs.existsSync(path.join(root, file))) files.push(file);
    }
  }
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

const installMarker = () => path.join(root, 'node_modules', '.minqing-install');

function dependenciesUpToDate() {
  return fs.existsSync(installMarker()) && fs.readFileSync(installMarker(), 'utf8') === dependencyHash();
}

const YARN_INSTALL = [...YARN, 'install', '--frozen-lockfile', '--ignore-engines', '--network-timeout', '600000'];

/**
 * Installs node_modules from yarn.lock when the lockfile or a package.json changed since the last
 * install. `run(command, args)` runs it (default: output on the terminal). Returns true if it did.
 */
async function installDependencies({ force = false, run } = {}) {
  if (!force && dependenciesUpToDate()) return false;
  if (run) await run('npx', YARN_INSTALL);
  else {
    step('Installing dependencies from yarn.lock (first time: a few minutes; sqlite3 compiles from source)');
    sh('npx', YARN_INSTALL);
  }
  // a new file, renamed into place: node_modules may be hard-linked from another checkout's
  fs.writeFileSync(`${installMarker()}.tmp`, dependencyHash());
  fs.renameSync(`${installMarker()}.tmp`, installMarker());
  return true;
}

/** Builds every plugin whose sources changed (in this process: esbuild is installed by now). */
async function buildPlugins({ pack = false, quiet = false } = {}) {
  if (pack || !quiet) {
    if (!quiet) step(pack ? 'Building our plugins and their tarballs' : 'Building our plugins');
    sh('node', [path.join(root, 'packages/build/bin/minqing-build.js'), ...(pack ? ['--pack'] : [])]);
    return null;
  }
  const { buildPlugin, findPlugins } = require(path.join(root, 'packages/build/src'));
  const results = [];
  for (const dir of findPlugins(root)) results.push(await buildPlugin(dir));
  return results;
}

function nocobase(args, options = {}) {
  return sh('node', [NOCOBASE, ...args], options);
}

module.exports = {
  root,
  step,
  sh,
  childEnv,
  installDependencies,
  dependenciesUpToDate,
  buildPlugins,
  nocobase,
  NOCOBASE,
};
