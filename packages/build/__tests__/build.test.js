'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { buildPlugin } = require('../src');

function fixturePlugin() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-build-'));
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('package.json', JSON.stringify({ name: '@minqing/plugin-fixture', version: '1.2.3', dependencies: { 'chinese-days': '*' } }));
  write('src/server/index.ts', "export { default } from './plugin';\n");
  write('src/server/plugin.ts', "import { Plugin } from '@nocobase/server';\nexport default class extends Plugin {}\n");
  write('src/server/collections/things.ts', "export default { name: 'things' };\n");
  write('src/server/__tests__/x.test.ts', 'throw new Error("tests are not shipped");\n');
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
  });

  it('bundles the client as an AMD module named after the package, with shared modules as dependencies', () => {
    const code = fs.readFileSync(path.join(dir, 'dist/client/index.js'), 'utf8');
    const defined = [];
    class FakePlugin {}
    const shared = { '@nocobase/client': { Plugin: FakePlugin }, antd: { Button: 'Button' }, 'react/jsx-runtime': { jsx: (t, p) => ({ t, p }) } };
    const define = (name, deps, factory) => defined.push({ name, deps, exports: factory(...deps.map((d) => shared[d])) });
    define.amd = true;
    vm.runInNewContext(code, { define, self: {} });
    expect(defined).toHaveLength(1);
    expect(defined[0].name).toBe('@minqing/plugin-fixture');
    expect(defined[0].deps.sort()).toEqual(['@nocobase/client', 'antd', 'react/jsx-runtime']);
    const mod = defined[0].exports;
    expect(Object.getPrototypeOf(mod.default)).toBe(FakePlugin);
    expect(mod.View()).toEqual({ t: 'Button', p: { children: 'bundled, not external' } });
  });

  it('ships locales and the versions of what it expects from NocoBase', () => {
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'dist/locale/zh-CN.json'), 'utf8'))).toEqual({ Hello: '你好' });
    const versions = require(path.join(dir, 'dist/externalVersion.js'));
    expect(versions['@nocobase/server']).toMatch(/^2\.2\./);
    // the admin client is prebuilt inside @nocobase/app: its version is that of the core packages
    expect(versions['@nocobase/client']).toBe(versions['@nocobase/server']);
  });

  it('ships the plugin’s own dependencies in dist/node_modules, not as expectations of NocoBase', () => {
    expect(fs.existsSync(path.join(dir, 'dist/node_modules/chinese-days/package.json'))).toBe(true);
    expect(require(path.join(dir, 'dist/externalVersion.js'))['chinese-days']).toBeUndefined();
  });

  it('refuses a broken locale file', async () => {
    const broken = fixturePlugin();
    fs.writeFileSync(path.join(broken, 'src/locale/en-US.json'), '{ nope');
    await expect(buildPlugin(broken)).rejects.toThrow(/JSON/);
    fs.rmSync(broken, { recursive: true, force: true });
  });
});
