#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');
const { execFileSync } = require('child_process');
const { buildPlugin, watchPlugin, findPlugins } = require('../src');

const USAGE = `usage: minqing-build [--watch] [--pack] [--dev] [--force] [plugin-name ...]
  (no option)  build dist/ of every plugin that changed since its last build (minified client)
  --dev        unminified, with inline source maps
  --force      build even when dist/ is up to date
  --watch      build, then rebuild on every change of src/ (unminified; Ctrl-C to stop)
  --pack       also write storage/tarballs/<plugin>-<version>.tgz (npm pack)`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      watch: { type: 'boolean', default: false },
      pack: { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`minqing-build: ${error.message}\n${USAGE}`);
  process.exit(2);
}
const { values: flags, positionals: only } = args;
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = path.resolve(__dirname, '../../..');
const tarballDir = path.join(root, 'storage', 'tarballs');

const plugins = findPlugins(root).filter(
  (dir) => only.length === 0 || only.some((name) => dir.endsWith(name.replace(/^@minqing\//, ''))),
);
if (plugins.length === 0) {
  console.error(`minqing-build: no plugin matches ${only.join(', ')}`);
  process.exit(1);
}

function pack(dir) {
  fs.mkdirSync(tarballDir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', tarballDir], {
    cwd: dir,
    encoding: 'utf8',
  });
  const file = path.join(tarballDir, out.trim().split('\n').pop());
  console.log(`packed ${path.relative(root, file)}`);
}

async function watch() {
  for (const dir of plugins) {
    const name = path.basename(dir);
    await watchPlugin(dir, (error, what) => {
      const time = new Date().toTimeString().slice(0, 8);
      if (error) console.error(`${time} ${name} ${what}: ${error.message}`);
      else console.log(`${time} rebuilt ${name} ${what}`);
    });
  }
  console.log(`watching src/ of ${plugins.length} plugin(s); Ctrl-C to stop`);
}

(async () => {
  if (flags.watch) return watch();
  const started = Date.now();
  const minify = !flags.dev;
  let built = 0;
  for (const dir of plugins) {
    const t0 = Date.now();
    const result = await buildPlugin(dir, { minify, force: flags.force });
    if (!result.upToDate) {
      built++;
      console.log(`built ${result.packageName} in ${Date.now() - t0} ms`);
    }
  }
  if (flags.pack) plugins.forEach(pack);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`minqing-build: ${built} built, ${plugins.length - built} up to date, in ${seconds} s`);
})().catch((error) => {
  console.error(error.errors ? error.errors.map((e) => e.text).join('\n') : error.message);
  process.exit(1);
});
