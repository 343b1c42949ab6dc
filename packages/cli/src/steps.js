'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync, spawn } = require('child_process');

const root = path.resolve(__dirname, '../../..');
const YARN = ['--yes', 'yarn@1.22.22'];
const binPath = path.join(root, 'node_modules', '.bin');

function childEnv(extra = {}) {
  return { ...process.env, PATH: `${binPath}${path.delimiter}${process.env.PATH}`, ...extra };
}

function step(title) {
  console.log(`\n\u001b[36m▶ ${title}\u001b[0m`);
}

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

function installDependencies({ force = false } = {}) {
  const marker = path.join(root, 'node_modules', '.minqing-install');
  const hash = dependencyHash();
  if (!force && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === hash) return false;
  step('Installing dependencies from yarn.lock (first time: a few minutes; sqlite3 compiles from source)');
  const started = Date.now();
  sh('npx', [...YARN, 'install', '--frozen-lockfile', '--ignore-engines', '--network-timeout', '600000']);
  fs.writeFileSync(marker, hash);
  console.log(`dependencies installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return true;
}

function buildPlugins({ pack = false } = {}) {
  step(pack ? 'Building our plugins and their tarballs' : 'Building our plugins');
  sh('node', [path.join(root, 'packages/build/bin/minqing-build.js'), ...(pack ? ['--pack'] : [])]);
}

function nocobase(args, options = {}) {
  return sh('node', [path.join(root, 'node_modules/@nocobase/cli-v1/bin/index.js'), ...args], options);
}

/** Runs a command, streaming its output, and returns what it printed. */
function capture(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        out += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

module.exports = { root, step, sh, installDependencies, buildPlugins, nocobase, capture, childEnv };
