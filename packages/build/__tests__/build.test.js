'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { buildPlugin, watchPlugin } = require('../src');

function fixturePlugin() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-build-'));
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write(
    'package.json',
    JSON.stringify({
      name: '@minqing/plugin-fixture',
      version: '1.2.3',
      dependencies: { 'chinese-days': '*', 'hidden-manifest': '1.0.0' },
    }),
  );
  // a dependency whose `exports` hide its package.json from require.resolve, with one of its own
  write(
    'node_modules/hidden-manifest/package.json',
    JSON.stringify({
      name: 'hidden-manifest',
      version: '1.0.0',
      exports: { '.': './index.js' },
      dependencies: { 'its-own': '2.0.0' },
    }),
  );
  write('node_modules/hidden-manifest/index.js', 'module.exports = 1;\n');
  write('node_modules/its-own/package.json', JSON.stringify({ name: 'its-own', version: '2.0.0', main: 'index.js' }));
  write('node_modules/its-own/index.js', 'module.exports = 2;\n');
  write('src/index.ts', "export * from './server';\nexport { default } from './server';\n");
  write('src/server/index.ts', "export { default } from './plugin';\n");
  write(
    'src/server/plugin.ts',
    "import { Plugin } from '@nocobase/server';\nimport things from './collections/things';\nexport default class extends Plugin {\n  things = things;\n}\n",
  );
  write(
    'src/server/collections/things.ts',
    "import { Database } from '@nocobase/database';\nexport const isDb = (x: unknown) => x instanceof Database;\nexport default { name: 'things' };\n",
  );
  write('src/server/types.d.ts', 'declare const nothing: string;\n');
  write(
    'src/server/__tests__/x.test.ts',
    "import { createMinqingApp } from '@minqing/test';\nthrow new Error('tests are not shipped' + createMinqingApp);\n",
  );
  write(
    'src/client/index.tsx',
    [
      "import { Plugin } from '@nocobase/client';",
      "import { Button } from 'antd';",
      "import { helper } from './helper';",
      'export const View = () => <Button>{helper()}</Button>;',
      'export default class extends Plugin {}',
    ].join('\n'),
  );
  write('src/client/helper.ts', "export const helper = () => 'bundled, not external';\n");
  write(
    'src/page/index.ts',
    "import { helper } from '../client/helper';\ndocument.title = helper() + '</script>';\n",
  );
  // the modern client (plugin-ui-layout's mobile layout): another Minqing plugin's client comes
  // from the pure values it shares, bundled, since the modern client defines no admin-client module
  write(
    'src/client-v2/index.tsx',
    [
      "import { Plugin } from '@nocobase/client-v2';",
      "import { MODE_OPTIONS } from '@minqing/plugin-three-lists/client';",
      'export const modes = MODE_OPTIONS.map((o) => o.value);',
      'export default class extends Plugin {}',
    ].join('\n'),
  );
  write('src/locale/zh-CN.json', '{"Hello":"你好"}');
  return dir;
}

describe('minqing-build', () => {
  let dir;
  beforeAll(async () => {
    dir = fixturePlugin();
    await buildPlugin(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compiles the server per file to CommonJS, without tests', () => {
    const plugin = fs.readFileSync(path.join(dir, 'dist/server/plugin.js'), 'utf8');
    expect(plugin).toContain('require("@nocobase/server")');
    expect(fs.existsSync(path.join(dir, 'dist/server/collections/things.js'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'dist/server/__tests__'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'dist/server/types.d.js'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'dist/index.js'), 'utf8')).toContain('require("./server")');
  });

  it('bundles the client as an AMD module named after the package, with shared modules as dependencies', () => {
    const code = fs.readFileSync(path.join(dir, 'dist/client/index.js'), 'utf8');
    const defined = [];
    class FakePlugin {}
    const shared = {
      '@nocobase/client': { Plugin: FakePlugin },
      antd: { Button: 'Button' },
      'react/jsx-runtime': { jsx: (t, p) => ({ t, p }) },
    };
    const define = (name, deps, factory) =>
      defined.push({ name, deps, exports: factory(...deps.map((d) => shared[d])) });
    define.amd = true;
    vm.runInNewContext(code, { define, self: {} });
    expect(defined).toHaveLength(1);
    expect(defined[0].name).toBe('@minqing/plugin-fixture');
    expect(defined[0].deps.sort()).toEqual(['@nocobase/client', 'antd', 'react/jsx-runtime']);
    const mod = defined[0].exports;
    expect(Object.getPrototypeOf(mod.default)).toBe(FakePlugin);
    expect(mod.View()).toEqual({ t: 'Button', p: { children: 'bundled, not external' } });
  });

  it('bundles the modern client as `<package>/client-v2`, a sibling plugin’s shared values inside', () => {
    const code = fs.readFileSync(path.join(dir, 'dist/client-v2/index.js'), 'utf8');
    const defined = [];
    class FakePlugin {}
    const define = (name, deps, factory) =>
      defined.push({ name, deps, exports: factory(...deps.map(() => ({ Plugin: FakePlugin }))) });
    define.amd = true;
    vm.runInNewContext(code, { define, self: {} });
    expect(defined.map((d) => [d.name, d.deps])).toEqual([['@minqing/plugin-fixture/client-v2', ['@nocobase/client-v2']]]);
    expect(Object.getPrototypeOf(defined[0].exports.default)).toBe(FakePlugin);
    expect(defined[0].exports.modes).toEqual(['first_receiver', 'leader_guarantee']);
  });

  it('ships locales and the versions of what it expects from NocoBase', () => {
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'dist/locale/zh-CN.json'), 'utf8'))).toEqual({ Hello: '你好' });
    const versions = require(path.join(dir, 'dist/externalVersion.js'));
    expect(versions['@nocobase/server']).toMatch(/^2\.2\./);
    // the admin client is prebuilt inside @nocobase/app: its version is that of the core packages
    expect(versions['@nocobase/client']).toBe(versions['@nocobase/server']);
    // what esbuild's metafile records: the packages shipped files import (those installed here, with
    // their versions), none that only a test imports
    expect(Object.keys(versions).sort()).toEqual([
      '@nocobase/client',
      '@nocobase/client-v2',
      '@nocobase/database',
      '@nocobase/server',
    ]);
  });

  it('bundles a standalone page into one script that needs no module loader and can be inlined', () => {
    const code = fs.readFileSync(path.join(dir, 'dist/page/index.js'), 'utf8');
    expect(code).not.toMatch(/\brequire\(|\bdefine\(/);
    expect(code).not.toContain('</script>');
    const document = { title: '' };
    vm.runInNewContext(code, { document });
    expect(document.title).toBe('bundled, not external</script>');
  });

  it('ships the plugin’s own dependencies in dist/node_modules, not as expectations of NocoBase', () => {
    expect(fs.existsSync(path.join(dir, 'dist/node_modules/chinese-days/package.json'))).toBe(true);
    expect(require(path.join(dir, 'dist/externalVersion.js'))['chinese-days']).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'dist/node_modules/hidden-manifest/index.js'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'dist/node_modules/its-own/index.js'))).toBe(true);
  });

  it('skips a plugin whose sources have not changed since its last build, and rebuilds one that changed', async () => {
    const plugin = path.join(dir, 'dist/server/plugin.js');
    const before = fs.statSync(plugin).mtimeMs;
    expect(await buildPlugin(dir)).toMatchObject({ upToDate: true });
    expect(fs.statSync(plugin).mtimeMs).toBe(before);
    expect(await buildPlugin(dir, { minify: false })).toMatchObject({ upToDate: false }); // other options
    fs.appendFileSync(path.join(dir, 'src/server/collections/things.ts'), 'export const more = 1;\n');
    expect(await buildPlugin(dir, { minify: false })).toMatchObject({ upToDate: false });
    expect(fs.readFileSync(path.join(dir, 'dist/server/collections/things.js'), 'utf8')).toContain('more');
    expect(await buildPlugin(dir, { minify: false })).toMatchObject({ upToDate: true });
  });

  it('watches: rebuilds a changed server file, a new one, a locale and the client; reports a broken file', async () => {
    const watched = fixturePlugin();
    const reports = [];
    const watcher = await watchPlugin(watched, (error, what) => reports.push(error ? `${what}: error` : what));
    const read = (file) =>
      fs.existsSync(path.join(watched, file)) ? fs.readFileSync(path.join(watched, file), 'utf8') : '';
    const until = async (what, test) => {
      const deadline = Date.now() + 20_000;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; reports: ${reports.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      expect(read('dist/server/plugin.js')).toContain('sourceMappingURL'); // unminified, with source maps
      fs.writeFileSync(path.join(watched, 'src/server/collections/things.ts'), "export default { name: 'renamed' };\n");
      await until('the changed file', () => read('dist/server/collections/things.js').includes('renamed'));
      fs.writeFileSync(
        path.join(watched, 'src/server/collections/added.ts'),
        "import _ from 'lodash';\nexport default _;\n",
      );
      await until('the new file', () => read('dist/server/collections/added.js').includes('lodash'));
      await until('its import in externalVersion.js', () => read('dist/externalVersion.js').includes('"lodash"'));
      fs.writeFileSync(path.join(watched, 'src/locale/zh-CN.json'), '{"Hello":"您好"}');
      await until('the locale', () => read('dist/locale/zh-CN.json').includes('您好'));
      fs.writeFileSync(path.join(watched, 'src/client/helper.ts'), "export const helper = () => 'changed';\n");
      await until('the client bundle', () => read('dist/client/index.js').includes('changed'));
      fs.writeFileSync(path.join(watched, 'src/locale/zh-CN.json'), '{ broken');
      await until('the error report', () => reports.includes('server: error'));
      expect(read('dist/locale/zh-CN.json')).toContain('您好'); // the last good one stays
    } finally {
      await watcher.dispose();
      fs.rmSync(watched, { recursive: true, force: true });
    }
  });

  it('refuses a broken locale file', async () => {
    const broken = fixturePlugin();
    fs.writeFileSync(path.join(broken, 'src/locale/en-US.json'), '{ nope');
    await expect(buildPlugin(broken)).rejects.toThrow(/JSON/);
    fs.rmSync(broken, { recursive: true, force: true });
  });
});
