#!/usr/bin/env node
'use strict';
// Usage: minqing-build [--watch] [--pack] [--dev] [plugin-name ...]
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { buildPlugin, findPlugins } = require('../src');

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const only = args.filter((a) => !a.startsWith('--'));
const root = path.resolve(__dirname, '../../..');
const tarballDir = path.join(root, 'storage', 'tarballs');

const plugins = findPlugins(root).filter(
  (dir) => only.length === 0 || only.some((name) => dir.endsWith(name.replace(/^@minqing\//, ''))),
);
if (plugins.length === 0) {
  console.error(`minqing-build: no plugin matches ${only.join(', ')}`);
  process.exit(1);
}

async function buildOne(dir, minify) {
  const started = Date.now();
  const { packageName } = await buildPlugin(dir, { minify });
  console.log(`built ${packageName} in ${Date.now() - started} ms`);
}

function pack(dir) {
  fs.mkdirSync(tarballDir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', tarballDir], { cwd: dir, encoding: 'utf8' });
  const file = path.join(tarballDir, out.trim().split('\n').pop());
  console.log(`packed ${path.relative(root, file)}`);
}

function watch(dir) {
  let timer = null;
  fs.watch(path.join(dir, 'src'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildOne(dir, false).catch((e) => console.error(e.message)), 150);
  });
}

(async () => {
  const started = Date.now();
  const minify = !flags.has('--dev') && !flags.has('--watch');
  for (const dir of plugins) await buildOne(dir, minify);
  if (flags.has('--pack')) plugins.forEach(pack);
  console.log(`minqing-build: ${plugins.length} plugin(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (flags.has('--watch')) {
    plugins.forEach(watch);
    console.log('watching src/ of each plugin; Ctrl-C to stop');
  }
})().catch((error) => {
  console.error(error.errors ? error.errors.map((e) => e.text).join('\n') : error);
  process.exit(1);
});
