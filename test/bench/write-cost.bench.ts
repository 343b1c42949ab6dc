/**
 * What one write costs, request by request, with nobody else on the app (issue 22's mixed load,
 * taken apart): for each write of the load-writes mix and a plain collection's create, the SQL
 * statements it sends (split into reads, writes and the transaction's BEGIN/COMMIT), the statements
 * inside a transaction (on SQLite: the time it holds the one write turn), and its time. Counts do not
 * depend on how busy the machine is; times do (medians of RUNS, in turns with the baseline).
 *     npm run bench -- write-cost                               (SQLite; MINQING_TEST_DB=postgres|mariadb)
 *     MINQING_BENCH_RUNS=20 MINQING_BENCH_SQL=assign …          (print the statements of one write)
 *     MINQING_BENCH_PROFILE=assign …                            (a CPU profile of that write's runs: the
 *       functions with the most self time, and storage/bench/<write>.cpuprofile for Chrome's DevTools)
 */
import fs from 'fs';
import { Session } from 'inspector';
import path from 'path';
import { createMinqingApp, type Agent, type MinqingTestApp } from '@minqing/test';

const RUNS = Number(process.env.MINQING_BENCH_RUNS || 9);
const SHOW = process.env.MINQING_BENCH_SQL;
const PROFILE = process.env.MINQING_BENCH_PROFILE;

type Sample = { ms: number; statements: number; reads: number; writes: number; inTransaction: number; tx: number };

it(
  'the cost of one write: statements and time, ours vs a plain create',
  async () => {
    const app: MinqingTestApp = await createMinqingApp();
    try {
      const agent: Agent = await app.rootAgent();
      const me = (await agent.get('/auth:check')).body.data.id as number;
      const unitId = (await agent.post('/mq_units:create').send({ name: '荆州实验小学', region: '沙市区' })).body.data
        .id as number;
      await agent.post('/collections:create').send({
        name: 'bench_plain',
        title: 'bench',
        fields: [
          { name: 'title', type: 'string', interface: 'input' },
          { name: 'description', type: 'text', interface: 'textarea' },
        ],
      });
      await agent
        .post('/mqPublicity:updateSettings')
        .send({ submissionsPerWindow: 10000, submissionsPerAddress: 100000 });

      const ok = (res: any, what: string) => {
        if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.data;
      };
      const problem = async (title: string) =>
        ok(await agent.post('/mq_problems:create').send({ title, unitId, category: 'canteen' }), 'create').id as number;
      const step = async (id: number, action: string, body: object) =>
        ok(await agent.post(`/mq_problems:${action}?filterByTk=${id}`).send(body), action);

      // statements as Sequelize sends them, with the transaction they belong to
      let log: { sql: string; tx: boolean; at: number }[] | undefined;
      let t0 = process.hrtime.bigint();
      const sequelize = app.db.sequelize as any;
      const query = sequelize.query.bind(sequelize);
      sequelize.query = (sql: any, options?: any) => {
        const text = typeof sql === 'string' ? sql : sql?.query;
        log?.push({
          sql: String(text),
          tx: Boolean(options?.transaction),
          at: Number(process.hrtime.bigint() - t0) / 1e6,
        });
        return query(sql, options);
      };
      // BEGIN / COMMIT go to the connection, not through sequelize.query
      const transaction = sequelize.transaction.bind(sequelize);
      let transactions = 0;
      sequelize.transaction = (...args: any[]) => {
        if (log) transactions++;
        return transaction(...args);
      };

      let n = 0;
      const writes: Record<string, { prepare: () => Promise<unknown>; send: (x: any) => Promise<any> }> = {
        'plain create (baseline)': {
          prepare: async () => null,
          send: () =>
            agent.post('/bench_plain:create').send({ title: `r${++n}`, description: '食堂午餐排队时间太长了' }),
        },
        'problem create': {
          prepare: async () => null,
          send: () => agent.post('/mq_problems:create').send({ title: `问题${++n}`, unitId, category: 'canteen' }),
        },
        'visit + 2 problems': {
          prepare: async () => null,
          send: () =>
            agent.post('/mq_visits:create').send({
              unitId,
              kinds: ['canteen'],
              summary: `走访${++n}`,
              problems: [{ title: `问题${n}a` }, { title: `问题${n}b` }],
            }),
        },
        assign: {
          prepare: () => problem(`待交办${++n}`),
          send: (id) => agent.post(`/mq_problems:assign?filterByTk=${id}`).send({ personId: me }),
        },
        progress: {
          prepare: async () => {
            const id = await problem(`办理中${++n}`);
            await step(id, 'assign', { personId: me });
            await step(id, 'accept', { measures: '错峰就餐' });
            return id;
          },
          send: (id) =>
            agent.post(`/mq_problems:reportProgress?filterByTk=${id}`).send({ content: `进展${++n}`, percent: 50 }),
        },
        revisit: {
          prepare: async () => {
            const id = await problem(`已办结${++n}`);
            await step(id, 'assign', { personId: me });
            await step(id, 'accept', { measures: '错峰就餐' });
            await step(id, 'complete', { completionSummary: '已解决' });
            return id;
          },
          send: (id) => agent.post('/mq_revisits:create').send({ problemId: id, outcome: 'resolved', satisfaction: 5 }),
        },
        'public report': {
          prepare: async () => null,
          send: () =>
            app
              .anonymous()
              .post('/mqPublic:submit')
              .set('X-Forwarded-For', `10.0.${++n % 250}.1`)
              .send({ category: 'canteen', unitId, description: `食堂午餐排队时间太长了，希望增加窗口 ${n}` }),
        },
      };

      const session = new Session();
      session.connect();
      const post = (method: string, params?: object) =>
        new Promise<any>((resolve, reject) =>
          session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
        );
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      const profiles: any[] = [];

      const samples: Record<string, Sample[]> = {};
      const shown = new Set<string>();
      for (let run = 0; run < RUNS + 1; run++) {
        for (const [name, w] of Object.entries(writes)) {
          const input = await w.prepare();
          log = [];
          transactions = 0;
          t0 = process.hrtime.bigint();
          const profiled = PROFILE && run > 0 && name.startsWith(PROFILE);
          if (profiled) await post('Profiler.start');
          const res = await w.send(input);
          if (profiled) profiles.push((await post('Profiler.stop')).profile);
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const statements = log;
          log = undefined;
          ok(res, name);
          if (run === 0) continue; // the first of each warms caches and prepared paths
          const writesSql = statements.filter((s) => /^\s*(insert|update|delete|replace)\b/i.test(s.sql)).length;
          (samples[name] ??= []).push({
            ms,
            statements: statements.length,
            writes: writesSql,
            reads: statements.length - writesSql,
            inTransaction: statements.filter((s) => s.tx).length,
            tx: transactions,
          });
          if (SHOW && name.startsWith(SHOW) && !shown.has(name)) {
            shown.add(name);
            console.log(
              `${name} (${ms.toFixed(1)} ms):\n${statements.map((s) => `${s.at.toFixed(1).padStart(7)} ms ${s.tx ? 'T' : ' '} ${s.sql.slice(0, 200)}`).join('\n')}`,
            );
          }
        }
      }
      if (profiles.length) {
        // self time per function over every profiled run, ours marked
        const self = new Map<string, number>();
        for (const profile of profiles) {
          const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
          const dt = profile.timeDeltas as number[];
          (profile.samples as number[]).forEach((id, i) => {
            const f = byId.get(id).callFrame;
            const file = String(f.url)
              .replace(/^.*node_modules\//, '')
              .replace(/^.*\/plugins\/@minqing\//, '★ ');
            const key = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}`;
            self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
          });
        }
        const total = [...self.values()].reduce((a, b) => a + b, 0);
        const byPackage = new Map<string, number>();
        for (const [key, ms] of self) {
          const file = key.split('  ')[1] ?? '';
          const pkg = file.startsWith('★')
            ? file.split('/').slice(0, 4).join('/')
            : (/^(@[^/]+\/[^/]+|[^/:]+)/.exec(file)?.[1] ?? file);
          byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
        }
        console.log(
          `self time by package:\n${[...byPackage.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 15)
            .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)
            .join('\n')}`,
        );
        const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
        console.log(
          `profile of ${PROFILE} (${profiles.length} runs, ${total.toFixed(0)} ms sampled):\n${top
            .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)
            .join('\n')}`,
        );
        const dir = path.join(__dirname, '../../storage/bench');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${PROFILE}.cpuprofile`), JSON.stringify(profiles[profiles.length - 1]));
      }
      session.disconnect();
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const base = median(samples['plain create (baseline)'].map((s) => s.ms));
      const lines = Object.entries(samples).map(([name, s]) => {
        const ms = median(s.map((x) => x.ms));
        const m = (k: keyof Sample) => median(s.map((x) => x[k]));
        return `${name.padEnd(24)} ${String(m('statements')).padStart(4)} statements (${m('reads')} reads, ${m(
          'writes',
        )} writes; ${m('inTransaction')} in ${m('tx')} transaction(s))  ${ms.toFixed(1).padStart(7)} ms  ${(
          ms / base
        ).toFixed(2)}× plain`;
      });
      console.log(`write-cost on ${process.env.DB_DIALECT}, medians of ${RUNS}:\n${lines.join('\n')}`);
    } finally {
      await app.destroy();
    }
  },
  30 * 60_000,
);
