/**
 * What one write costs, request by request, with nobody else on the app (issue 22's mixed load,
 * taken apart): for each write of the load-writes mix and a plain collection's create, the SQL
 * statements it sends (split into reads, writes and the transaction's BEGIN/COMMIT), the statements
 * inside a transaction (on SQLite: the time it holds the one write turn), and its time. Counts do not
 * depend on how busy the machine is; times do (medians of RUNS, in turns with the baseline).
 *     npm run bench -- write-cost                               (SQLite; MINQING_TEST_DB=postgres|mariadb)
 *     MINQING_BENCH_RUNS=20 MINQING_BENCH_SQL=assign …          (print the statements of one write)
 */
import { createMinqingApp, type Agent, type MinqingTestApp } from '@minqing/test';

const RUNS = Number(process.env.MINQING_BENCH_RUNS || 9);
const SHOW = process.env.MINQING_BENCH_SQL;

type Sample = { ms: number; statements: number; reads: number; writes: number; inTransaction: number; tx: number };

it('the cost of one write: statements and time, ours vs a plain create', async () => {
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
    let log: { sql: string; tx: boolean }[] | undefined;
    const sequelize = app.db.sequelize as any;
    const query = sequelize.query.bind(sequelize);
    sequelize.query = (sql: any, options?: any) => {
      const text = typeof sql === 'string' ? sql : sql?.query;
      log?.push({ sql: String(text), tx: Boolean(options?.transaction) });
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
        send: () => agent.post('/bench_plain:create').send({ title: `r${++n}`, description: '食堂午餐排队时间太长了' }),
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

    const samples: Record<string, Sample[]> = {};
    const shown = new Set<string>();
    for (let run = 0; run < RUNS + 1; run++) {
      for (const [name, w] of Object.entries(writes)) {
        const input = await w.prepare();
        log = [];
        transactions = 0;
        const t0 = process.hrtime.bigint();
        const res = await w.send(input);
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
          console.log(`${name}:\n${statements.map((s) => `${s.tx ? 'T' : ' '} ${s.sql.slice(0, 220)}`).join('\n')}`);
        }
      }
    }
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
}, 30 * 60_000);
