import fs from 'fs';
import { crashLoad } from '@minqing/test/src/crash-load';
import { signIn } from '@minqing/test/src/process';
import {
  alive,
  asAdmin,
  databaseSettings,
  eventually,
  killGroups,
  openDatabase,
  STOCK_DIALECT,
  workingCopy,
  type CliRun,
  type WorkingCopy,
} from './cli';

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

describe(`npm run app, stopped and started again, on an empty installation (MINQING_DEMO=off, ${STOCK_DIALECT})`, () => {
  const copy = workingCopy('restart-empty', 13141, {
    MINQING_PLUGINS: PLUGINS,
    MINQING_DEMO: 'off',
    ...databaseSettings('restart-empty'),
  });
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

  it(
    'kill -9 in the middle of visits with problems, assignments and an Excel import: nothing half-written',
    async () => {
      run = copy.start();
      await run.waitFor(READY);
      const admin = await asAdmin(copy);
      const headers = await signIn(copy.url, copy.env().INIT_ROOT_EMAIL, copy.env().INIT_ROOT_PASSWORD);
      const me = (await admin.api('GET', 'auth:check')).data.id as number;
      const unitId = (await admin.api('POST', 'mq_units:create', { name: '崩溃测试学校' })).data.id as number;
      const toAssign: number[] = [];
      for (let i = 0; i < 10; i++)
        toAssign.push((await admin.api('POST', 'mq_problems:create', { title: `crash-assign-${i}`, unitId })).data.id);

      // the load, never awaited in full: an import of 200 problems, 30 visits with 3 problems each,
      // 10 assignments, all at once
      const load = await crashLoad({
        url: copy.url,
        headers,
        unitId,
        toAssign,
        personId: me,
        answer: (res) => res.status,
      });
      // kill -9 once the first write has answered: the rest is in flight
      await Promise.race(
        load.map((answer) => answer.then((status) => (status === 200 ? true : new Promise(() => {})))),
      );
      await copy.killAll();
      const statuses = await Promise.all(load);
      expect(statuses).toContain('cut'); // the kill came in the middle

      const db = await openDatabase(copy);
      try {
        expect(await db.integrity()).toBe('ok');
        // every visit with all of its problems, and no problem of a visit that is not there
        const visits = await db.query(
          `SELECT v.summary, COUNT(vp."problemId") AS n FROM mq_visits v
             LEFT JOIN mq_visits_problems vp ON vp."visitId" = v.id
            WHERE v.summary LIKE 'crash-%' GROUP BY v.id, v.summary`,
        );
        visits.forEach((v) => expect([v.summary, Number(v.n)]).toEqual([v.summary, 3]));
        const orphans = await db.query(
          `SELECT COUNT(*) AS n FROM mq_problems p WHERE p.title LIKE 'crash-%-%-%' AND NOT EXISTS
             (SELECT 1 FROM mq_visits_problems vp WHERE vp."problemId" = p.id)`,
        );
        expect(Number(orphans[0].n)).toBe(0);
        // every problem its code, unique
        const codes = await db.query(
          `SELECT COUNT(*) AS n, COUNT(code) AS coded, COUNT(DISTINCT code) AS distinct_codes FROM mq_problems`,
        );
        expect([Number(codes[0].coded), Number(codes[0].distinct_codes)]).toEqual([
          Number(codes[0].n),
          Number(codes[0].n),
        ]);
        // an assignment happened with its responsibility, or not at all
        const assigned = await db.query(
          `SELECT p.status, (SELECT COUNT(*) FROM mq_responsibilities r WHERE r."problemId" = p.id) AS n
             FROM mq_problems p WHERE p.title LIKE 'crash-assign-%'`,
        );
        expect(assigned).toHaveLength(10);
        assigned.forEach((p) =>
          expect([p.status, Number(p.n)]).toEqual(p.status === 'new' ? ['new', 0] : ['assigned', 1]),
        );
        console.log(
          `kill -9 on ${STOCK_DIALECT}: import ${statuses[0]}, answers ${JSON.stringify(statuses.reduce((m: Record<string, number>, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}))}; ` +
            `${visits.length} visits of 30 kept whole, ${assigned.filter((p) => p.status === 'assigned').length} of 10 assigned`,
        );
      } finally {
        await db.close();
      }
    },
    RESTARTS,
  );
});
