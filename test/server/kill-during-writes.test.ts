import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { createMinqingApp, eventually, restartMinqingApp, type MinqingTestApp } from '@minqing/test';
import { crashLoad } from '@minqing/test/src/crash-load';

/**
 * kill -9 of the server in the middle of writes on PostgreSQL (CI's PostgreSQL phase runs it;
 * test/stock/restart.test.ts does the same through the real `npm run app` on SQLite, which costs a
 * full install). MariaDB is left out of CI: it passed there alone, but twice timed out in an app
 * start beside other jobs, unexplained — `MINQING_KILL_TEST_MARIADB=1` runs it. The app runs as a
 * process of its own on the worker's installed database (packages/test-utils/src/app-process.js),
 * takes an Excel import of 200 problems, 30 visits with 3 problems each and 10 assignments at once,
 * and is killed once a third of them have answered. Then the database must open cleanly and hold
 * every visit with all or none of its problems, every problem with a unique code, every assignment
 * with its responsibility or not at all.
 */
const DIALECT = process.env.DB_DIALECT;

function startApp() {
  const child: ChildProcess = spawn(
    'node',
    [path.join(__dirname, '../../packages/test-utils/src/app-process.js'), '0'],
    // its own process group, as a server is: kill -9 reaches everything it started
    { env: process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`the app process ended:\n${out}`);
      const port = /listening (\d+)/.exec(out)?.[1];
      return port ? `http://127.0.0.1:${port}` : undefined;
    },
    { what: 'the app process to listen', timeoutMs: 120_000, intervalMs: 100 },
  );
  const kill9 = async () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone already
    }
    await exited;
  };
  return { url, kill9, output: () => out };
}

// SQLite's kill -9 runs through the real CLI in test/stock/restart.test.ts (CI's stock phase): not twice
const onServerDatabases =
  DIALECT === 'postgres' || (DIALECT === 'mariadb' && process.env.MINQING_KILL_TEST_MARIADB) ? describe : describe.skip;

onServerDatabases(`kill -9 of the server in the middle of writes (${DIALECT})`, () => {
  let app: MinqingTestApp | undefined;
  let server: ReturnType<typeof startApp> | undefined;
  afterAll(async () => {
    await server?.kill9();
    await app?.destroy();
  });

  it('leaves every visit with all or none of its problems, codes unique, assignments whole', async () => {
    const started = Date.now();
    const took: string[] = [];
    const lap = (what: string) => took.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // installed (or restored from this run's snapshot) in the worker, then handed to the process
    app = await createMinqingApp();
    lap('installed');
    // the installed root user, with a token issued here as a sign-in would (the same app key and
    // token table serve the process)
    const root = await app.db.getRepository('users').findOne({ filter: { 'roles.name': 'root' } });
    const auth = app.app.authManager;
    const { jti } = await auth.tokenController.add({ userId: root.get('id') });
    const token = auth.jwt.sign(
      { userId: root.get('id'), roleName: 'root', signInTime: Date.now() },
      { jwtid: jti, expiresIn: '1h' },
    );
    const headers = { Authorization: `Bearer ${token}`, 'X-Authenticator': 'basic', 'X-Role': 'root' };
    const unitId = (await app.db.getRepository('mq_units').create({ values: { name: '崩溃测试学校' } })).get(
      'id',
    ) as number;
    await app.destroy();
    app = undefined;

    server = startApp();
    const url = await server.url;
    lap('process up');
    const api = async (action: string, body: unknown) => {
      const res = await fetch(`${url}/api/${action}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${action}: ${res.status} ${await res.text()}`);
      return (await res.json()).data;
    };
    const toAssign: number[] = [];
    for (let i = 0; i < 10; i++)
      toAssign.push((await api('mq_problems:create', { title: `crash-assign-${i}`, unitId })).id);

    // the load, never awaited in full; anything but a 200 with what it said, so a failure shows why
    const load = await crashLoad({
      url,
      headers,
      unitId,
      toAssign,
      personId: root.get('id'),
      answer: async (res) => (res.status === 200 ? 200 : `${res.status} ${(await res.text()).slice(0, 500)}`),
    });
    // kill -9 once a third of the writes have answered: the rest is in flight, some mid-transaction
    let answered = 0;
    await new Promise<void>((resolve) => load.forEach((answer) => answer.then(() => ++answered === 14 && resolve())));
    await server.kill9();
    lap('killed');
    const statuses = await Promise.all(load);
    expect(statuses).toContain('cut'); // the kill came in the middle
    // nothing but success or the cut: never a 500 or a BUSY for the concurrency itself
    const refused = statuses.filter((s) => s !== 200 && s !== 'cut');
    if (refused.length) console.log(`the server said:\n${server.output().slice(-20_000)}`);
    expect(refused).toEqual([]);

    // the database opens again (the app started on it, as after a crash) and holds nothing half-written
    app = await restartMinqingApp();
    lap('restarted');
    const db = app.db;
    if (DIALECT === 'sqlite') {
      const [check] = (await db.sequelize.query('PRAGMA integrity_check', { type: 'SELECT' })) as any[];
      expect(check.integrity_check).toBe('ok');
    }
    const visits = await db.getRepository('mq_visits').find({
      filter: { summary: { $startsWith: 'crash-' } },
      appends: ['problems'],
    });
    visits.forEach((v: any) => expect([v.get('summary'), v.get('problems').length]).toEqual([v.get('summary'), 3]));
    const crashed = await db.getRepository('mq_problems').find({
      filter: { title: { $startsWith: 'crash-' } },
      fields: ['id', 'title'],
    });
    const linked = new Set(
      ((await db.getCollection('mq_visits_problems').model.findAll({ raw: true })) as any[]).map((r) => r.problemId),
    );
    const orphans = crashed.filter((p: any) => /^crash-\d+-\d$/.test(p.get('title')) && !linked.has(p.get('id')));
    expect(orphans.map((p: any) => p.get('title'))).toEqual([]);
    const problems = await db.getRepository('mq_problems').find({ fields: ['id', 'code'] });
    const codes = problems.map((p: any) => p.get('code'));
    expect(codes.filter((c: unknown) => !c)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    const assigned = await db.getRepository('mq_problems').find({
      filter: { id: toAssign },
      appends: ['responsibilities'],
    });
    expect(assigned).toHaveLength(10);
    assigned.forEach((p: any) =>
      expect([p.get('status'), p.get('responsibilities').length]).toEqual(
        p.get('status') === 'new' ? ['new', 0] : ['assigned', 1],
      ),
    );
    // the import commits chunk by chunk (NocoBase's importer): what is there is whole rows with codes
    const imported = crashed.filter((p: any) => /^crash-import-/.test(p.get('title'))).length;
    console.log(
      `kill -9 on ${DIALECT}: answers ${JSON.stringify(
        statuses.reduce((m: Record<string, number>, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}),
      )}; ${visits.length} visits of 30 kept whole, ${imported} imported, ` +
        `${assigned.filter((p: any) => p.get('status') === 'assigned').length} of 10 assigned (${took.join(', ')})`,
    );
  }, 600_000);
});
