import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { eventually } from '@minqing/test/src/eventually';
import { repoRoot, signIn, startNocoBase, type RunningNocoBase } from '@minqing/test/src/process';

/**
 * How another bureau adopts us: a stock NocoBase 2.2 application, made from the published
 * `@nocobase/app` and nothing of our workspace, gets our tarball through the plugin manager
 * (upload = `pm:add`, then `pm:enable`), and the plugin's server action answers.
 */
const PLUGIN = '@minqing/plugin-three-lists';
const stockDir = path.join(repoRoot, 'storage', 'stock-app');

/**
 * The stock app's node_modules holds the packages of the published NocoBase distribution as
 * installed from our lockfile (links, so the test does not download them again), minus every
 * @minqing package: our plugin can only arrive through the tarball.
 */
function makeStockApp() {
  fs.rmSync(stockDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(stockDir, 'node_modules'), { recursive: true });
  const appVersion = require('@nocobase/app/package.json').version;
  fs.writeFileSync(
    path.join(stockDir, 'package.json'),
    JSON.stringify(
      {
        name: 'stock-nocobase',
        private: true,
        scripts: { nocobase: 'nocobase-v1' },
        dependencies: { '@nocobase/app': appVersion },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(stockDir, '.env.e2e.example'), '');
  // our plugins' own dependencies are not part of NocoBase: the tarball must bring them
  const ours = new Set(
    fs
      .readdirSync(path.join(repoRoot, 'plugins', '@minqing'))
      .flatMap((dir) =>
        Object.keys(require(path.join(repoRoot, 'plugins', '@minqing', dir, 'package.json')).dependencies ?? {}),
      ),
  );
  const shared = path.join(repoRoot, 'node_modules');
  for (const entry of fs.readdirSync(shared)) {
    if (entry === '@minqing' || entry.startsWith('.') || ours.has(entry)) continue;
    fs.symlinkSync(path.join(shared, entry), path.join(stockDir, 'node_modules', entry));
  }
}

function tarballOf(packageName: string) {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'plugins', packageName, 'package.json'), 'utf8'));
  const file = path.join(
    repoRoot,
    'storage',
    'tarballs',
    `${packageName.slice(1).replace('/', '-')}-${pkg.version}.tgz`,
  );
  if (!fs.existsSync(file)) {
    execFileSync('node', [path.join(repoRoot, 'packages/build/bin/minqing-build.js'), '--pack', packageName], {
      stdio: 'inherit',
    });
  }
  return file;
}

describe('our tarball in a stock NocoBase 2.2 application', () => {
  let app: RunningNocoBase;

  beforeAll(async () => {
    makeStockApp();
    app = await startNocoBase({ cwd: stockDir, name: 'stock', port: 13120 });
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('is added and enabled through the plugin manager, and its server action answers', async () => {
    expect(fs.existsSync(path.join(stockDir, 'node_modules', '@minqing'))).toBe(false);
    expect(fs.existsSync(path.join(stockDir, 'node_modules', 'chinese-days'))).toBe(false);
    const headers = await signIn(app.url, app.admin.email, app.admin.password);

    const before = await fetch(`${app.url}/api/mqThreeLists:info`, { headers });
    expect(before.status).toBe(404);

    const form = new FormData();
    const file = tarballOf(PLUGIN);
    form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    const added = await fetch(`${app.url}/api/pm:add`, { method: 'POST', headers, body: form });
    expect(added.status).toBe(200);

    const listed = await eventually(
      async () => {
        const res = await fetch(`${app.url}/api/pm:list?locale=zh-CN`, { headers });
        if (!res.ok) return undefined;
        const body = await res.json();
        return body.data.find((p: { packageName: string }) => p.packageName === PLUGIN);
      },
      { what: 'the plugin manager to list the plugin', timeoutMs: 120_000, intervalMs: 1000 },
    );
    expect(listed).toMatchObject({ packageName: PLUGIN, enabled: false, displayName: '民情：三张清单' });
    expect(fs.realpathSync(path.join(stockDir, 'node_modules', PLUGIN))).toContain(path.join('storage', 'plugins'));

    const enabled = await fetch(
      `${app.url}/api/pm:enable?filterByTk=${encodeURIComponent(PLUGIN)}&awaitResponse=true`,
      {
        method: 'POST',
        headers,
      },
    );
    expect(enabled.status).toBe(200);

    const info = await eventually(
      async () => {
        const res = await fetch(`${app.url}/api/mqThreeLists:info`, { headers });
        return res.ok ? (await res.json()).data : undefined;
      },
      { what: 'mqThreeLists:info to answer', timeoutMs: 120_000, intervalMs: 1000 },
    );
    expect(info).toMatchObject({ packageName: PLUGIN, enabled: true, installed: true, database: 'sqlite' });

    const bundle = await fetch(`${app.url}/static/plugins/${PLUGIN}/dist/client/index.js`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toContain(`define("${PLUGIN}"`);
  });
});
