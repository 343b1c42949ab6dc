'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const { isExternal } = require('./externals');
const { wrapUmd } = require('./umd');

const SERVER_SOURCE = /\.(ts|tsx|js)$/;
const SKIP_SERVER = [/(^|\/)__tests__\//, /(^|\/)client(-v2)?\//, /\.d\.ts$/];

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Plugin folders of the workspace, core first so that dependents can name its client. */
function findPlugins(root) {
  const dir = path.join(root, 'plugins', '@minqing');
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'package.json')))
    .map((name) => path.join(dir, name));
}

function bareSpecifier(id) {
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('node:')) return null;
  const parts = id.split('/');
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Version of `name` as node would resolve it from the plugin, else from the workspace of this tool. */
function packageVersion(name, fromDir) {
  for (let dir of [fromDir, __dirname]) {
    while (true) {
      const candidate = path.join(dir, 'node_modules', name, 'package.json');
      if (fs.existsSync(candidate)) return readJson(candidate).version;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

async function buildServer(pluginDir, { minify }) {
  const src = path.join(pluginDir, 'src');
  const entryPoints = listFiles(src)
    .filter((file) => SERVER_SOURCE.test(file) && !SKIP_SERVER.some((re) => re.test(file)))
    .map((file) => path.join(src, file));
  const result = await esbuild.build({
    entryPoints,
    outdir: path.join(pluginDir, 'dist'),
    outbase: src,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: minify ? false : 'inline',
    write: false,
    logLevel: 'silent',
  });
  const specifiers = [];
  for (const file of result.outputFiles) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path, file.text);
    for (const m of file.text.matchAll(/\brequire\((["'])([^"']+)\1\)/g)) specifiers.push(m[2]);
  }
  return specifiers.map(bareSpecifier).filter(Boolean);
}

async function buildClient(pluginDir, packageName, { minify }) {
  const entry = ['index.tsx', 'index.ts'].map((f) => path.join(pluginDir, 'src', 'client', f)).find(fs.existsSync);
  if (!entry) return [];
  const used = new Set();
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    minify,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [
      {
        name: 'nocobase-shared-modules',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => {
            if (!isExternal(args.path)) return undefined;
            used.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const deps = [...used].sort();
  const outFile = path.join(pluginDir, 'dist', 'client', 'index.js');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, wrapUmd(packageName, deps, result.outputFiles[0].text));
  return deps;
}

function copyLocales(pluginDir) {
  const from = path.join(pluginDir, 'src', 'locale');
  const to = path.join(pluginDir, 'dist', 'locale');
  fs.mkdirSync(to, { recursive: true });
  for (const file of listFiles(from).filter((f) => f.endsWith('.json'))) {
    readJson(path.join(from, file)); // refuse to ship a broken locale file
    fs.copyFileSync(path.join(from, file), path.join(to, file));
  }
}

/** dist/externalVersion.js lets the plugin manager show whether the plugin fits the running NocoBase. */
function writeExternalVersion(pluginDir, specifiers) {
  const names = [...new Set(specifiers.map(bareSpecifier).filter(Boolean))].sort();
  const coreVersion = packageVersion('@nocobase/server', pluginDir);
  const versions = {};
  for (const name of names) {
    const version = packageVersion(name, pluginDir) || (name.startsWith('@nocobase/') ? coreVersion : null);
    if (version) versions[name] = version;
  }
  fs.writeFileSync(
    path.join(pluginDir, 'dist', 'externalVersion.js'),
    `module.exports = ${JSON.stringify(versions, null, 2)};\n`,
  );
}

function packageDir(name, fromDir) {
  for (let dir of [fromDir, __dirname]) {
    while (true) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`cannot find ${name}, a dependency of ${fromDir}`);
}

/**
 * A stock NocoBase has none of our plugins' own dependencies: ship them (and theirs) inside
 * dist/node_modules, where node finds them from dist/server, as @nocobase/build does.
 */
function bundleDependencies(pluginDir) {
  const seen = new Set();
  const copy = (name, fromDir) => {
    if (seen.has(name)) return;
    seen.add(name);
    const source = packageDir(name, fromDir);
    const target = path.join(pluginDir, 'dist', 'node_modules', name);
    fs.cpSync(source, target, {
      recursive: true,
      dereference: true,
      filter: (src) => !src.includes(`${path.sep}.bin`),
    });
    for (const dep of Object.keys(readJson(path.join(source, 'package.json')).dependencies ?? {})) copy(dep, source);
  };
  for (const dep of Object.keys(readJson(path.join(pluginDir, 'package.json')).dependencies ?? {}))
    copy(dep, pluginDir);
  return [...seen];
}

async function buildPlugin(pluginDir, options = {}) {
  const { minify = true } = options;
  const packageName = readJson(path.join(pluginDir, 'package.json')).name;
  fs.rmSync(path.join(pluginDir, 'dist'), { recursive: true, force: true });
  const [serverDeps, clientDeps] = await Promise.all([
    buildServer(pluginDir, { minify }),
    buildClient(pluginDir, packageName, { minify }),
  ]);
  copyLocales(pluginDir);
  const bundled = bundleDependencies(pluginDir);
  writeExternalVersion(
    pluginDir,
    [...serverDeps, ...clientDeps].filter((id) => !bundled.includes(bareSpecifier(id))),
  );
  return { packageName, clientDeps, bundled };
}

module.exports = { bundleDependencies, buildPlugin, buildServer, buildClient, copyLocales, findPlugins, listFiles };
