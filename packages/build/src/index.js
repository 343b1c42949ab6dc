'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');
const esbuild = require('esbuild');
const { isExternal } = require('./externals');
const { wrapUmd } = require('./umd');

// Shipped: the plugin entry, the server per file, locales. Not shipped: tests and declarations,
// which the server globs also match (esbuild's globs have no exclusions).
// src/server/**/*.js: the workbench's stored pages (generated CommonJS data, shipped as they are)
const SERVER_ENTRIES = ['src/*.ts', 'src/server/**/*.ts', 'src/server/**/*.js', 'src/locale/*.json'];
const NOT_SHIPPED = [/(^|\/)__tests__\//, /\.d\.js$/];
const STAMP = '.minqing-build.json';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Plugin folders of the workspace. */
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

/**
 * Folder of package `name` as node resolves it from `fromDir` (its node_modules lookup paths,
 * from createRequire), else from this tool's workspace. Works for packages whose `exports` hide
 * their package.json from require.resolve.
 */
function packageDir(name, fromDir) {
  for (const base of [fromDir, __dirname]) {
    const lookup = createRequire(path.join(base, 'noop.js')).resolve.paths(name) ?? [];
    const found = lookup
      .map((dir) => path.join(dir, name))
      .find((dir) => fs.existsSync(path.join(dir, 'package.json')));
    if (found) return fs.realpathSync(found);
  }
  return null;
}

function packageVersion(name, fromDir) {
  const dir = packageDir(name, fromDir);
  return dir ? readJson(path.join(dir, 'package.json')).version : null;
}

/** External imports recorded in esbuild's metafile, as package names. */
function importedPackages(metafile, outputFilter = () => true) {
  const names = new Set();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!outputFilter(file)) continue;
    for (const { path: id, external } of output.imports) {
      const name = external && bareSpecifier(id);
      if (name) names.add(name);
    }
  }
  return [...names];
}

function serverOptions(pluginDir, { minify }) {
  return {
    absWorkingDir: pluginDir,
    entryPoints: SERVER_ENTRIES,
    outdir: 'dist',
    outbase: 'src',
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    loader: { '.json': 'copy', '.js': 'copy' },
    sourcemap: minify ? false : 'inline',
    write: false,
    metafile: true,
    logLevel: 'silent',
  };
}

const shipped = (file) => !NOT_SHIPPED.some((re) => re.test(file.split(path.sep).join('/')));

/** Writes the server files and locales of a build; returns the packages they import. */
function writeServer(pluginDir, result) {
  for (const file of result.outputFiles) {
    if (!shipped(path.relative(pluginDir, file.path))) continue;
    if (file.path.endsWith('.json')) {
      try {
        JSON.parse(file.text); // refuse to ship a broken locale file
      } catch (error) {
        throw new Error(`${path.relative(pluginDir, file.path)}: invalid JSON (${error.message})`);
      }
    }
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path, file.contents);
  }
  return importedPackages(result.metafile, shipped);
}

/**
 * The two client runtimes of NocoBase 2.x: the admin client (`src/client` → `dist/client`, defined
 * as `<package>`) and the modern client-v2 (`src/client-v2` → `dist/client-v2`, defined as
 * `<package>/client-v2`; it renders plugin-ui-layout's mobile layout). A plugin has either or both.
 */
const LANES = ['client', 'client-v2'];

function clientEntry(pluginDir, lane = 'client') {
  return ['index.tsx', 'index.ts'].map((f) => path.join(pluginDir, 'src', lane, f)).find(fs.existsSync);
}

function clientOptions(pluginDir, entry, { minify }, lane = 'client') {
  return {
    absWorkingDir: pluginDir,
    entryPoints: [entry],
    outfile: path.join(pluginDir, 'dist', lane, 'index.js'),
    bundle: true,
    write: false,
    metafile: true,
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
            // the modern client defines no plugin module of the admin client: another Minqing
            // plugin's client is bundled from the pure values it shares (src/client/shared.ts)
            const sibling = lane === 'client-v2' && /^@minqing\/plugin-[\w-]+\/client$/.exec(args.path);
            if (sibling) {
              const dir = packageDir(args.path.replace(/\/client$/, ''), pluginDir);
              const shared = dir && path.join(dir, 'src', 'client', 'shared.ts');
              if (!shared || !fs.existsSync(shared)) throw new Error(`${args.path}: no src/client/shared.ts for client-v2`);
              return { path: shared };
            }
            return isExternal(args.path) ? { path: args.path, external: true } : undefined;
          });
        },
      },
    ],
  };
}

/**
 * A standalone page a plugin serves itself (src/page/index.ts → dist/page/index.js): one script
 * with everything bundled in (no NocoBase client, no shared modules), for pages that must load
 * fast without the admin client, like the public page.
 */
function pageEntry(pluginDir) {
  return ['index.ts', 'index.tsx'].map((f) => path.join(pluginDir, 'src', 'page', f)).find(fs.existsSync);
}

function pageOptions(pluginDir, entry, { minify }) {
  return {
    absWorkingDir: pluginDir,
    entryPoints: [entry],
    outfile: path.join(pluginDir, 'dist', 'page', 'index.js'),
    bundle: true,
    write: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome80', 'safari14'],
    minify,
    // esbuild writes "</script" as "<\/script" for the browser: the server can inline the output
    legalComments: 'none',
    logLevel: 'silent',
  };
}

/** Writes the client bundle as an AMD module; returns the shared modules it names. */
function writeClient(pluginDir, packageName, result, lane = 'client') {
  const deps = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const { path: id, external } of output.imports) if (external) deps.add(id);
  }
  const sorted = [...deps].sort();
  const file = result.outputFiles[0];
  fs.mkdirSync(path.dirname(file.path), { recursive: true });
  fs.writeFileSync(file.path, wrapUmd(lane === 'client' ? packageName : `${packageName}/${lane}`, sorted, file.text));
  return sorted;
}

/** dist/externalVersion.js lets the plugin manager show whether the plugin fits the running NocoBase. */
function writeExternalVersion(pluginDir, imported, bundled) {
  const names = [...new Set(imported.map(bareSpecifier).filter(Boolean))].filter((n) => !bundled.includes(n)).sort();
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

/** The plugin's own dependencies and theirs, as node resolves them: name → folder. */
function dependencyClosure(pluginDir) {
  const found = new Map();
  const visit = (name, fromDir) => {
    if (found.has(name)) return;
    const dir = packageDir(name, fromDir);
    if (!dir) throw new Error(`cannot find ${name}, a dependency of ${fromDir}`);
    found.set(name, dir);
    for (const dep of Object.keys(readJson(path.join(dir, 'package.json')).dependencies ?? {})) visit(dep, dir);
  };
  for (const dep of Object.keys(readJson(path.join(pluginDir, 'package.json')).dependencies ?? {}))
    visit(dep, pluginDir);
  return found;
}

/**
 * A stock NocoBase has none of our plugins' own dependencies: ship them (and theirs) inside
 * dist/node_modules, where node finds them from dist/server, as @nocobase/build does.
 */
function bundleDependencies(pluginDir) {
  const closure = dependencyClosure(pluginDir);
  for (const [name, source] of closure) {
    fs.cpSync(source, path.join(pluginDir, 'dist', 'node_modules', name), {
      recursive: true,
      dereference: true,
      filter: (src) => !src.includes(`${path.sep}.bin`),
    });
  }
  return [...closure.keys()];
}

/**
 * What decides dist/: the plugin's sources and package.json, its dependencies' versions, this
 * tool and esbuild. The same hash as dist/.minqing-build.json means dist/ is up to date.
 */
function inputsHash(pluginDir, { minify }) {
  const hash = crypto.createHash('sha256').update(JSON.stringify({ minify, esbuild: esbuild.version }));
  const add = (file) => hash.update(file).update(fs.readFileSync(file));
  const tree = (dir) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
          .sort()
      : [];
  add(path.join(pluginDir, 'package.json'));
  tree(path.join(pluginDir, 'src')).forEach(add);
  tree(__dirname).forEach(add);
  for (const [name, dir] of dependencyClosure(pluginDir)) {
    hash.update(`${name}@${readJson(path.join(dir, 'package.json')).version}`);
  }
  return hash.digest('hex');
}

function isUpToDate(pluginDir, hash) {
  const stamp = path.join(pluginDir, 'dist', STAMP);
  return fs.existsSync(stamp) && readJson(stamp).hash === hash;
}

/** Builds dist/ of one plugin; skips it when its inputs have not changed since the last build. */
async function buildPlugin(pluginDir, options = {}) {
  const { minify = true, force = false } = options;
  const packageName = readJson(path.join(pluginDir, 'package.json')).name;
  const hash = inputsHash(pluginDir, { minify });
  if (!force && isUpToDate(pluginDir, hash)) return { packageName, upToDate: true };
  fs.rmSync(path.join(pluginDir, 'dist'), { recursive: true, force: true });
  const lanes = LANES.map((lane) => ({ lane, entry: clientEntry(pluginDir, lane) })).filter((l) => l.entry);
  const page = pageEntry(pluginDir);
  const [server, ...clients] = await Promise.all([
    esbuild.build(serverOptions(pluginDir, { minify })),
    ...lanes.map(({ lane, entry }) => esbuild.build(clientOptions(pluginDir, entry, { minify }, lane))),
    ...(page ? [esbuild.build(pageOptions(pluginDir, page, { minify }))] : []),
  ]);
  const serverImports = writeServer(pluginDir, server);
  const clientDeps = [
    ...new Set(clients.slice(0, lanes.length).flatMap((client, i) => writeClient(pluginDir, packageName, client, lanes[i].lane))),
  ].sort();
  const bundled = bundleDependencies(pluginDir);
  writeExternalVersion(pluginDir, [...serverImports, ...clientDeps], bundled);
  fs.writeFileSync(path.join(pluginDir, 'dist', STAMP), JSON.stringify({ hash }));
  return { packageName, upToDate: false, clientDeps, bundled };
}

/**
 * Builds one plugin, then rebuilds what changed through esbuild's watch mode (server files,
 * locales and the client bundle; new files under src/server and src/locale are picked up).
 * `report(error | null, what)` is told after every rebuild. Returns { dispose }.
 */
async function watchPlugin(pluginDir, report = () => {}) {
  const { packageName } = await buildPlugin(pluginDir, { minify: false, force: true });
  const bundled = dependencyClosure(pluginDir);
  const imports = { server: [], client: [], 'client-v2': [] };
  const onEnd = (what, write) => ({
    name: 'minqing-write',
    setup(build) {
      let initial = true; // the build watch() starts with: dist/ is already fresh, nothing to tell
      build.onEnd((result) => {
        try {
          if (result.errors.length) throw new Error(result.errors.map((e) => e.text).join('\n'));
          imports[what] = write(result);
          writeExternalVersion(pluginDir, Object.values(imports).flat(), [...bundled.keys()]);
          if (!initial) report(null, what);
        } catch (error) {
          report(error, what);
        } finally {
          initial = false;
        }
      });
    },
  });
  const contexts = [
    await esbuild.context({
      ...serverOptions(pluginDir, { minify: false }),
      plugins: [onEnd('server', (result) => writeServer(pluginDir, result))],
    }),
  ];
  for (const lane of LANES) {
    const entry = clientEntry(pluginDir, lane);
    if (!entry) continue;
    const options = clientOptions(pluginDir, entry, { minify: false }, lane);
    options.plugins.push(onEnd(lane, (result) => writeClient(pluginDir, packageName, result, lane)));
    contexts.push(await esbuild.context(options));
  }
  const page = pageEntry(pluginDir);
  if (page) {
    const options = pageOptions(pluginDir, page, { minify: false });
    options.plugins = [onEnd('page', () => [])];
    contexts.push(await esbuild.context(options));
  }
  // watch() builds once (which fills the import lists), then again on every change
  await Promise.all(contexts.map((context) => context.watch()));
  return { dispose: () => Promise.all(contexts.map((context) => context.dispose())) };
}

module.exports = {
  buildPlugin,
  watchPlugin,
  bundleDependencies,
  findPlugins,
  importedPackages,
  inputsHash,
  packageDir,
};
