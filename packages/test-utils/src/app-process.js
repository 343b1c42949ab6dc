#!/usr/bin/env node
'use strict';
/**
 * A server test's app as a process of its own, so a test can kill it (`kill -9`) in the middle of
 * a load and look at the database afterwards:   node app-process.js <port> [plugin,…]
 *
 * It starts, as createMinqingApp's snapshot start does, on the database that the test's jest worker
 * installed (the worker's DB_* and APP_ENV_PATH are inherited), with our plugins from source like
 * the server tests (the TypeScript compiled on require by the same SWC settings as jest's, and
 * `@minqing/plugin-x` mapped to its src as jest's moduleNameMapper does), and answers HTTP on
 * 127.0.0.1:<port> (0: any free port) under /api/. It prints `listening <port>` once it answers.
 */
const http = require('http');
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '../../..');
const [port, pluginList] = process.argv.slice(2);

// TypeScript of this repository (never node_modules') compiled as jest's transform does
const { addHook } = require('pirates');
const swc = require('@swc/core');
addHook(
  (code, filename) =>
    swc.transformSync(code, {
      filename,
      sourceMaps: 'inline',
      jsc: {
        parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx'), decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: false, react: { runtime: 'automatic' } },
        target: 'es2021',
      },
      module: { type: 'commonjs' },
    }).code,
  {
    exts: ['.ts', '.tsx'],
    ignoreNodeModules: false,
    matcher: (file) => !file.includes(`${path.sep}node_modules${path.sep}`),
  },
);

// jest.config.js's moduleNameMapper: our plugins from source
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const plugin = /^@minqing\/(plugin-[\w-]+)(\/domain)?$/.exec(request);
  if (plugin) {
    const dir = path.join(root, 'plugins/@minqing', plugin[1], 'src');
    request = plugin[2] ? path.join(dir, 'server/domain/index.ts') : path.join(dir, 'index.ts');
  }
  return resolve.call(this, request, ...rest);
};

require('@nocobase/cli-v1/src/util').initEnv();

(async () => {
  const { restartMinqingApp } = require('./app');
  const { app } = await restartMinqingApp(pluginList ? { plugins: pluginList.split(',') } : {});
  // the real app answers under /api/ (API_BASE_PATH), the server tests' app at the root: the
  // clients speak to this one as to the real one
  const handle = app.callback();
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/api/')) req.url = req.url.slice(4);
    handle(req, res);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
