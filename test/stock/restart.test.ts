import fs from 'fs';
import { signIn } from '@minqing/test/src/process';
import { alive, asAdmin, eventually, killGroups, workingCopy, type CliRun, type WorkingCopy } from './cli';

/**
 * `npm run app` started, stopped and started again on one database: it comes back up each time
 * with the data as it was, never loads the demo twice and prints the logins (passwords) only once,
 * whether it was stopped by Ctrl-C, SIGTERM or kill -9, and a first run killed during the demo load
 * is finished by the next one. What "fresh" means is read from the database (mq_first_run).
 * The workbench's pages are left out (MINQING_PLUGINS): they take minutes and restart on their own.
 */
const PLUGINS = [
  '@minqing/plugin-three-lists',
  '@minqing/plugin-liaison',
  '@minqing/plugin-supervision',
  '@minqing/plugin-publicity',
  '@minqing/plugin-warm-hearts',
].join(',');

// the last line: what a run does once the server answers (showing the logins, recording that) is done
const READY = /Ctrl-C stops the server/;
// a first run (install, plugins, demo) takes minutes on a busy machine, a restart under one
const FIRST_RUN = 15 * 60_000;
const RESTARTS = 10 * 60_000;
const LOGINS = /Logins, shown this once/;

async function stop(run: CliRun, how: 'SIGINT' | 'SIGTERM') {
  // a terminal's Ctrl-C reaches the foreground process group; `kill` reaches one process
  if (how === 'SIGINT') process.kill(-run.child.pid!, 'SIGINT');
  else process.kill(run.child.pid!, 'SIGTERM');
  const code = await run.exited;
  expect([how, code, run.output()]).toEqual([how, 0, expect.stringContaining(`stopped (${how})`)]);
}

/** What every later start must show: up, nothing loaded again, no password printed. */
function expectPlainRestart(run: CliRun, copy: WorkingCopy) {
  const out = run.output();
  expect(out).not.toMatch(LOGINS);
  expect(out).not.toMatch(/✓ demo|✓ plugins|NocoBase installed/);
  for (const secret of [copy.env().INIT_ROOT_PASSWORD, copy.env().MINQING_DEMO_PASSWORD])
    expect(out).not.toContain(secret);
  expect(out).toContain(`admin   ${copy.url}/admin`);
}

describe('npm run app, stopped and started again, on the demo bureau', () => {
  const copy = workingCopy('restart-demo', 13140, { MINQING_PLUGINS: PLUGINS, MINQING_DEMO: 'on' });
  let run: CliRun;
  afterAll(() => copy.killAll());

  it(
    'finishes a first run killed during the demo load, and shows its logins then, once',
    async () => {
      run = copy.start();
      await eventually(
        'the demo load to begin',
        () => fs.existsSync(copy.logFile) && /loading the demo bureau/.test(fs.readFileSync(copy.logFile, 'utf8')),
        8 * 60_000,
      );
      await killGroups([run.child.pid!, ...copy.groups()]); // a crash in the middle of the first run
      expect(run.output()).not.toMatch(LOGINS);

      run = copy.start();
      await run.waitFor(READY);
      const out = run.output();
      expect(out).toMatch(/✓ database\s+installed; resuming the first run at "demo"/);
      expect(out).toMatch(/✓ demo\s+the 荆州 bureau: 340 users, 1,500 problems/);
      expect(out).toMatch(LOGINS);
      expect(out).toContain(`administrator  ${copy.env().INIT_ROOT_EMAIL}  password ${copy.env().INIT_ROOT_PASSWORD}`);
      expect(out).toMatch(new RegExp(`leader\\s+leader01 .* password ${copy.env().MINQING_DEMO_PASSWORD}`));
      expect(out.match(/password /g)).toHaveLength(3);

      const admin = await asAdmin(copy);
      expect(await admin.count('mq_problems')).toBe(1500);
      await signIn(copy.url, 'leader01', copy.env().MINQING_DEMO_PASSWORD);
      await admin.api('POST', 'users:create', { username: 'written-before-restart', nickname: '重启前写入' });
      await stop(run, 'SIGINT');
    },
    FIRST_RUN,
  );

  it(
    'comes back after Ctrl-C with the data as it was; killed with kill -9 (the CLI alone, then the server), again',
    async () => {
      const check = async () => {
        const admin = await asAdmin(copy);
        expect(await admin.count('mq_problems')).toBe(1500);
        expect(await admin.count('users', { username: 'written-before-restart' })).toBe(1);
      };
      run = copy.start();
      await run.waitFor(READY);
      expectPlainRestart(run, copy);
      await check();

      // kill -9 of the CLI alone: the server it started is left running, the next run stops it
      const leftover = copy.groups();
      expect(leftover).toHaveLength(1);
      await killGroups([run.child.pid!]);
      expect(alive(-leftover[0])).toBe(true);
      run = copy.start();
      await run.waitFor(READY);
      expect(run.output()).toMatch(/stopped \d+ process\(es\) an earlier run left running/);
      expect(alive(-leftover[0])).toBe(false);
      expectPlainRestart(run, copy);
      await check();

      // kill -9 of the server (a crash): the CLI says so and ends; the next start is as any other
      await killGroups(copy.groups());
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/the server stopped \(exit code|the server stopped \(signal/);
      run = copy.start();
      await run.waitFor(READY);
      expectPlainRestart(run, copy);
      await check();
      await stop(run, 'SIGTERM');
    },
    RESTARTS,
  );

  it(
    'finishes a demo load that committed but whose run died before recording it, instead of loading it twice',
    async () => {
      copy.setFirstRunStep('demo'); // what a kill -9 right after the demo's commit leaves
      run = copy.start();
      await run.waitFor(READY);
      expect(run.output()).toMatch(
        /✓ demo\s+the 荆州 bureau: 340 users, 1,500 problems \(finished the load an earlier run committed\)/,
      );
      expect(run.output()).toMatch(LOGINS); // that run never showed them
      const admin = await asAdmin(copy);
      expect(await admin.count('mq_problems')).toBe(1500);
      expect(await admin.count('users', { username: 'written-before-restart' })).toBe(1);
      await stop(run, 'SIGINT');
    },
    RESTARTS,
  );
});

describe('npm run app, stopped and started again, on an empty installation (MINQING_DEMO=off)', () => {
  const copy = workingCopy('restart-empty', 13141, { MINQING_PLUGINS: PLUGINS, MINQING_DEMO: 'off' });
  let run: CliRun;
  afterAll(() => copy.killAll());

  it(
    'shows the administrator’s login on the first run only, and loads no demo on any',
    async () => {
      run = copy.start();
      await run.waitFor(READY);
      const out = run.output();
      expect(out).toMatch(/✓ database\s+NocoBase installed/);
      expect(out).not.toMatch(/✓ demo/);
      expect(out).toContain(`administrator  ${copy.env().INIT_ROOT_EMAIL}  password ${copy.env().INIT_ROOT_PASSWORD}`);
      expect(out.match(/password /g)).toHaveLength(1);
      const admin = await asAdmin(copy);
      expect(await admin.count('mq_problems')).toBe(0);
      await admin.api('POST', 'users:create', { username: 'written-before-restart' });
      await stop(run, 'SIGTERM');

      for (const how of ['SIGINT', 'SIGTERM'] as const) {
        run = copy.start();
        await run.waitFor(READY);
        expectPlainRestart(run, copy);
        const again = await asAdmin(copy);
        expect(await again.count('mq_problems')).toBe(0);
        expect(await again.count('users', { username: 'written-before-restart' })).toBe(1);
        await stop(run, how);
      }
    },
    FIRST_RUN,
  );
});
