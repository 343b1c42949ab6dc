import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { repoRoot, startNocoBase, type RunningNocoBase } from './process';

/**
 * One app for every browser test of a run: our six plugins, the campaign pages and the demo
 * bureau, started once by jest's global setup of the `browser` project (about a minute) instead of
 * once per file. Files share its data, so each one works on records it makes or names uniquely,
 * and never assumes an empty database.
 */
export const SHARED_PLUGINS = [
  '@minqing/plugin-three-lists',
  '@minqing/plugin-liaison',
  '@minqing/plugin-supervision',
  '@minqing/plugin-publicity',
  '@minqing/plugin-warm-hearts',
  '@minqing/plugin-workbench',
];
/** the demo users' password in the shared app (leader01…, cadre001…) */
export const DEMO_PASSWORD = 'demo-e2e-password';
const SHARED_PORT = 13100;

const infoFile = () => path.join(repoRoot, 'storage', 'e2e', 'shared-app.json');

export interface SharedApp extends RunningNocoBase {
  demoPassword: string;
}

export async function startSharedApp(): Promise<RunningNocoBase> {
  // a second browser run of this checkout would reinstall the first one's database under it
  const sharedPort = SHARED_PORT + Number(process.env.MINQING_TEST_PORT_OFFSET || 0);
  const busy = await fetch(`http://127.0.0.1:${sharedPort}/api/app:getInfo`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${sharedPort} is taken: is another browser test run of this checkout going on?`);
  const app = await startNocoBase({
    name: 'shared',
    port: SHARED_PORT,
    plugins: SHARED_PLUGINS,
    beforeStart: [
      { script: path.join(repoRoot, 'packages/demo/bin/minqing-demo.js'), args: ['--password', DEMO_PASSWORD] },
    ],
  });
  const { url, port, admin, logFile, envFile } = app;
  fs.writeFileSync(infoFile(), JSON.stringify({ url, port, admin, logFile, envFile }, null, 2));
  return app;
}

/** The app the browser project's global setup started (see jest/browser-setup.ts). */
export function sharedApp(): SharedApp {
  if (!fs.existsSync(infoFile())) {
    throw new Error(
      'no shared app: browser tests run through jest --selectProjects browser (its global setup starts it)',
    );
  }
  const info = JSON.parse(fs.readFileSync(infoFile(), 'utf8'));
  const cliBin = path.join(repoRoot, 'node_modules', '@nocobase', 'cli-v1', 'bin', 'index.js');
  return {
    ...info,
    demoPassword: DEMO_PASSWORD,
    cli(args: string[]) {
      const res = spawnSync('node', [cliBin, ...args], {
        cwd: repoRoot,
        env: { ...process.env, APP_ENV_PATH: path.relative(repoRoot, info.envFile) },
        stdio: 'ignore',
      });
      if (res.status !== 0) throw new Error(`nocobase ${args.join(' ')} failed; see ${info.logFile}`);
    },
    // the global teardown stops it
    async stop() {},
  };
}

export function forgetSharedApp() {
  fs.rmSync(infoFile(), { force: true });
}
