/**
 * Benchmark at bureau / province scale (not a test; `npm run bench -- scale`). Loads a
 * deterministic data set through bulk SQL, then prints for each measure our figure, a baseline
 * measured in the same run on the same data, and the ratio:
 *   1. problem list API (page 1 and 50, unit + status filter, responsibilities appended) vs the
 *      same request on a plain NocoBase collection holding the same rows vs the raw SQL;
 *   2. mqStats:get for a region and a year vs the raw SQL aggregates;
 *   3. the supervision scan vs the raw SQL that finds the due rows: a workflow's first scan (every
 *      event new) and its later ones (what it fired left out);
 *   4. the public endpoints under 50 concurrent clients (a separate process), cached and uncached;
 *   5. 作风监督 and 未诉先办: computing the flags and candidates (their rules over the rows of the
 *      look-back period, and the check of what is already recorded) vs the raw SQL reading those rows;
 *   6. the server's RSS after each.
 *     MINQING_BENCH_PROBLEMS=100000 npm run bench -- scale
 *     MINQING_BENCH_PROBLEMS=100000 npm test -- --db postgres --only bench -- scale   (PostgreSQL)
 */
import { execFile } from 'child_process';
import http from 'http';
import path from 'path';
import { createMinqingApp, type Agent } from '@minqing/test';
import { loadDataset } from '@minqing/demo';
import { DONE_STATUSES, SATISFIED } from '@minqing/plugin-three-lists/domain';
import { findSupervisionEvents } from '../../plugins/@minqing/plugin-supervision/src/server/services/scan';
import { eventKey, scanConfig } from '../../plugins/@minqing/plugin-supervision/src/server/domain/supervision';
import {
  computeWorkStyle,
  workStyleSettings,
} from '../../plugins/@minqing/plugin-supervision/src/server/services/work-style';

const N = Number(process.env.MINQING_BENCH_PROBLEMS ?? 100000);
const RUNS = Number(process.env.MINQING_BENCH_RUNS ?? 15);
const CONCURRENCY = 50;
const LOAD_SECONDS = Number(process.env.MINQING_BENCH_LOAD_SECONDS ?? 5);
/** e.g. MINQING_BENCH_MEASURES=stats,scan for a quicker run at a million problems */
const MEASURES = (process.env.MINQING_BENCH_MEASURES ?? 'list,stats,scan,public,workstyle').split(',');

async function median(fn: () => Promise<unknown>, runs = RUNS) {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(runs / 2)];
}

/** Medians of several functions measured in turns, so that neither gets the quieter moments. */
async function medians(fns: (() => Promise<unknown>)[], runs = RUNS) {
  for (const fn of fns) await fn(); // warm
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      samples[k].push(performance.now() - t0);
    }
  }
  return samples.map((list) => list.sort((a, b) => a - b)[Math.floor(runs / 2)]);
}

const lines: string[] = [];
const rss = () => `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`;
/** Printed now, and again in the summary at the end. */
function print(line: string) {
  lines.push(line);
  console.log(line);
}
function report(measure: string, ours: number, baselines: [string, number][]) {
  const parts = baselines.map(([name, value]) => `${name} ${value.toFixed(1)} ms → ${(ours / value).toFixed(2)}×`);
  print(`${measure.padEnd(44)} ours ${ours.toFixed(1).padStart(8)} ms | ${parts.join(' | ')} | RSS ${rss()}`);
}

it(`bureau/province scale: ${N} problems`, async () => {
  const app = await createMinqingApp({
    plugins: ['@minqing/plugin-three-lists', '@minqing/plugin-supervision', '@minqing/plugin-publicity'],
  });
  const db = app.db;
  const dialect = db.sequelize.getDialect();
  const q = (name: string) => db.sequelize.getQueryInterface().quoteIdentifier(name);
  const server = http.createServer(app.app.callback()).listen(0);
  try {
    // the preset supervision workflows would scan and fire on the loaded rows while we measure
    await db.getRepository('workflows').update({ filter: { enabled: true }, values: { enabled: false } });
    const loaded = await loadDataset(db, { problems: N });
    print(
      `${dialect}: ${N} problems, ${loaded.units} units, rows ${JSON.stringify(loaded.rows)} loaded in ${loaded.seconds.toFixed(1)} s`,
    );

    const root: Agent = await app.rootAgent();
    if (MEASURES.includes('list')) {
      // the same rows, every column, in plain NocoBase collections: same types and indexes, none of
      // our hooks, fields interfaces or sequence
      const RELATIONS = ['hasMany', 'belongsTo', 'belongsToMany', 'hasOne'];
      const plainFields = (name: string) =>
        (db.getCollection(name).options.fields as any[])
          .filter((f) => !RELATIONS.includes(f.type))
          .map((f) => ({
            name: f.name,
            type: f.type === 'sequence' ? 'string' : f.type,
            ...(f.primaryKey ? { primaryKey: true, autoIncrement: true } : {}),
          }));
      const columnsOf = (name: string) =>
        plainFields(name)
          .map((f) => f.name)
          .filter((c) => Object.keys(db.getModel(name).rawAttributes).includes(c));
      db.collection({
        name: 'plain_problems',
        timestamps: true,
        fields: [
          ...plainFields('mq_problems'),
          { name: 'responsibilities', type: 'hasMany', target: 'plain_responsibilities', foreignKey: 'problemId' },
        ],
        indexes: [
          ...new Set(
            ((db.getCollection('mq_problems').options as any).indexes ?? []).map((i: any) => JSON.stringify(i.fields)),
          ),
        ].map((fields) => ({ fields: JSON.parse(fields as string) })),
      });
      db.collection({
        name: 'plain_responsibilities',
        timestamps: true,
        fields: plainFields('mq_responsibilities'),
        indexes: [{ fields: ['problemId'] }],
      });
      await db
        .getCollection('plain_problems')
        .sync()
        .catch((e) => {
          throw new Error(`plain_problems: ${e.message} ${e.sql ?? ''} ${JSON.stringify(e.original ?? {})}`);
        });
      await db.getCollection('plain_responsibilities').sync();
      const copy = async (to: string, from: string) => {
        const list = [...new Set([...columnsOf(from), 'createdAt', 'updatedAt'])].map(q).join(', ');
        await db.sequelize.query(`INSERT INTO ${q(to)} (${list}) SELECT ${list} FROM ${q(from)}`);
      };
      await copy('plain_problems', 'mq_problems');
      await copy('plain_responsibilities', 'mq_responsibilities');
      if (dialect !== 'mysql' && dialect !== 'mariadb') await db.sequelize.query('ANALYZE');

      const [big] = (await db.sequelize.query(
        `SELECT ${q('unitId')} AS u, COUNT(*) AS n FROM ${q('mq_problems')} GROUP BY ${q('unitId')} ORDER BY n DESC LIMIT 1`,
        { type: 'SELECT' },
      )) as any[];
      const unitId = Number(big.u);

      // 1. list API
      for (const page of [1, 50]) {
        const query = {
          page,
          pageSize: 20,
          sort: '-id',
          filter: JSON.stringify({ unitId, status: 'closed' }),
          'appends[]': 'responsibilities',
        };
        const get = async (resource: string) => {
          const res = await root.get(`/${resource}:list`).query(query);
          if (res.status !== 200)
            throw new Error(`${resource}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
          return res;
        };
        const [ours, plain, raw] = await medians([
          () => get('mq_problems'),
          () => get('plain_problems'),
          async () => {
            const rows = (await db.sequelize.query(
              `SELECT * FROM ${q('mq_problems')} WHERE ${q('unitId')} = :unitId AND ${q('status')} = 'closed' ORDER BY ${q('id')} DESC LIMIT 20 OFFSET :offset`,
              { replacements: { unitId, offset: (page - 1) * 20 }, type: 'SELECT' },
            )) as any[];
            await db.sequelize.query(
              `SELECT COUNT(*) AS n FROM ${q('mq_problems')} WHERE ${q('unitId')} = :unitId AND ${q('status')} = 'closed'`,
              {
                replacements: { unitId },
                type: 'SELECT',
              },
            );
            if (rows.length) {
              await db.sequelize.query(`SELECT * FROM ${q('mq_responsibilities')} WHERE ${q('problemId')} IN (:ids)`, {
                replacements: { ids: rows.map((r) => r.id) },
                type: 'SELECT',
              });
            }
          },
        ]);
        report(`1. list page ${page} (unit ${unitId}, closed, +responsibilities)`, ours, [
          ['plain NocoBase', plain],
          ['raw SQL', raw],
        ]);
      }
    }

    // 2. stats for a region and a year
    if (MEASURES.includes('stats')) {
      const year = new Date().getFullYear();
      const region = '县区1';
      const stats = await median(async () => {
        const res = await root.get('/mqStats:get').query({ region, from: `${year}-01-01`, to: `${year}-12-31` });
        if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      });
      const done = `p.${q('status')} IN (${DONE_STATUSES.map((status) => `'${status}'`).join(', ')})`;
      const rawStats = await median(() =>
        Promise.all([
          db.sequelize.query(
            `SELECT COUNT(p.${q('assignedAt')}) AS assigned,
             SUM(CASE WHEN ${done} THEN 1 ELSE 0 END) AS done,
             SUM(CASE WHEN ${done} AND p.${q('doneAt')} <= r.${q('deadline')} THEN 1 ELSE 0 END) AS on_time,
             SUM(CASE WHEN r.${q('acceptedAt')} IS NOT NULL AND r.${q('acceptedAt')} <= r.${q('acceptBy')} THEN 1 ELSE 0 END) AS accepted_in_time
           FROM ${q('mq_problems')} p JOIN ${q('mq_units')} u ON u.${q('id')} = p.${q('unitId')}
           LEFT JOIN ${q('mq_responsibilities')} r ON r.${q('problemId')} = p.${q('id')} AND r.${q('active')} = ${dialect === 'postgres' ? 'TRUE' : '1'}
           WHERE u.${q('region')} = :region AND p.${q('createdAt')} >= :from AND p.${q('createdAt')} < :to`,
            { replacements: { region, from: `${year}-01-01`, to: `${year + 1}-01-01` }, type: 'SELECT' },
          ),
          db.sequelize.query(
            `SELECT COUNT(*) AS n, SUM(CASE WHEN v.${q('outcome')} = 'resolved' THEN 1 ELSE 0 END) AS resolved, SUM(CASE WHEN v.${q('satisfaction')} >= ${SATISFIED} THEN 1 ELSE 0 END) AS satisfied
           FROM ${q('mq_revisits')} v JOIN ${q('mq_problems')} p ON p.${q('id')} = v.${q('problemId')} JOIN ${q('mq_units')} u ON u.${q('id')} = p.${q('unitId')}
           WHERE u.${q('region')} = :region AND p.${q('createdAt')} >= :from AND p.${q('createdAt')} < :to AND v.${q('outcome')} IS NOT NULL`,
            { replacements: { region, from: `${year}-01-01`, to: `${year + 1}-01-01` }, type: 'SELECT' },
          ),
          db.sequelize.query(
            `SELECT SUM(CASE WHEN e.${q('score')} >= ${SATISFIED} THEN 1 ELSE 0 END) AS satisfied, COUNT(*) AS n
           FROM ${q('mq_evaluations')} e JOIN ${q('mq_problems')} p ON p.${q('id')} = e.${q('problemId')} JOIN ${q('mq_units')} u ON u.${q('id')} = p.${q('unitId')}
           WHERE u.${q('region')} = :region AND p.${q('createdAt')} >= :from AND p.${q('createdAt')} < :to`,
            { replacements: { region, from: `${year}-01-01`, to: `${year + 1}-01-01` }, type: 'SELECT' },
          ),
        ]),
      );
      report(`2. mqStats:get region ${region}, ${year}`, stats, [['raw SQL', rawStats]]);
    }

    // 3. supervision scan over all open tasks
    if (MEASURES.includes('scan')) {
      const config = scanConfig({ conditions: ['due_soon', 'overdue', 'stalled'] });
      const now = new Date();
      const limit = new Date(now.getTime() + 3 * 86400000).toISOString().slice(0, 10);
      let found = 0;
      const rawScan = () =>
        db.sequelize
          .query(
            // the rows the three conditions find: due soon or overdue, and in progress without a report
            `SELECT r.${q('problemId')}, r.${q('deadline')} FROM ${q('mq_responsibilities')} r JOIN ${q('mq_problems')} p ON p.${q('id')} = r.${q('problemId')}
           WHERE r.${q('active')} = ${dialect === 'postgres' ? 'TRUE' : '1'} AND p.${q('status')} IN ('assigned','in_progress','reopened') AND r.${q('deadline')} <= :limit
           UNION ALL
           SELECT r.${q('problemId')}, r.${q('deadline')} FROM ${q('mq_responsibilities')} r JOIN ${q('mq_problems')} p ON p.${q('id')} = r.${q('problemId')}
           WHERE r.${q('active')} = ${dialect === 'postgres' ? 'TRUE' : '1'} AND p.${q('status')} IN ('in_progress','reopened')
             AND (SELECT MAX(COALESCE(t.${q('lastReportedAt')}, p.${q('acceptedAt')})) FROM ${q('mq_tasks')} t WHERE t.${q('problemId')} = p.${q('id')}) < :stalledBefore`,
            {
              replacements: { limit, stalledBefore: new Date(now.getTime() - config.stalledDays * 86400000) },
              type: 'SELECT',
            },
          )
          .then((rows) => (found = rows.length));

      // the first scan of a workflow: every event is new and handed to JS
      let events: { problemId: number }[] = [];
      const [first, rawFirst] = await medians(
        [async () => (events = await findSupervisionEvents(db, config, now)), rawScan],
        5,
      );
      report(`3a. supervision scan, first (${events.length} events, ${found} rows)`, first, [['raw SQL', rawFirst]]);

      // every later scan, through the trigger as its timer runs it: what the workflow has fired is
      // left out in SQL (its executions are made here in bulk, as the first scan would leave them)
      const workflow = await db.getRepository('workflows').create({
        values: { title: 'bench', key: 'bench-scan', type: 'mq-supervision', config, enabled: false, sync: false },
      });
      const fired = events.map((e: any) => ({
        workflowId: workflow.get('id'),
        key: 'bench-scan',
        status: 1,
        context: {},
        eventKey: eventKey(workflow.get('id'), e),
      }));
      for (let start = 0; start < fired.length; start += 5000) {
        // with hooks: they give executions their ids
        await db.getModel('executions').bulkCreate(fired.slice(start, start + 5000));
      }
      const trigger = (app.app.pm.get('workflow') as any).triggers.get('mq-supervision');
      let fresh = -1;
      const [hourly, rawHourly] = await medians([async () => (fresh = await trigger.scan(workflow, now)), rawScan], 5);
      report(`3b. supervision scan, hourly (${fresh} new of ${events.length})`, hourly, [['raw SQL', rawHourly]]);
    }

    // 4. public endpoints under load, from a separate process
    if (MEASURES.includes('public')) {
      const port = (server.address() as any).port;
      // the mock server mounts the API at / rather than /api: ask which
      const probe = await fetch(`http://127.0.0.1:${port}/api/mqPublic:options`);
      const base = probe.status === 200 ? `http://127.0.0.1:${port}/api` : `http://127.0.0.1:${port}`;
      const urls = [
        `${base}/mqPublic:list?page=1`,
        `${base}/mqPublic:stats?groupBy=month`,
        `${base}/mqPublic:list?page=2&category=canteen`,
      ].join(',');
      // asynchronously: the server answering these requests runs in this very process
      const load = () =>
        new Promise<any>((resolve, reject) =>
          execFile(
            process.execPath,
            [path.join(__dirname, 'load.js'), urls, String(CONCURRENCY), String(LOAD_SECONDS)],
            { encoding: 'utf8' },
            (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
          ),
        );
      // the first request of each computes its answer (what a change costs the next visitor); the
      // cached measure is the warm cache
      const cold: string[] = [];
      for (const url of urls.split(',')) {
        const t0 = performance.now();
        await fetch(url);
        cold.push(`${url.slice(base.length)} ${Math.round(performance.now() - t0)} ms`);
      }
      print(`4. public endpoints, first request each (cold): ${cold.join(', ')}`);
      const cached = await load();
      print(`4. public endpoints, cached, ${CONCURRENCY} clients: ${JSON.stringify(cached)} | RSS ${rss()}`);
      // a day of the campaign: someone changes something every second, and every change makes the
      // answers new (the figures are sent one change behind while they are recomputed)
      let changes = 0;
      const name = (await db.getRepository('mq_units').findOne({ filterByTk: 1 })).get('name');
      const editing = setInterval(() => {
        changes++;
        void db
          .getRepository('mq_units')
          .update({ filterByTk: 1, values: { name: `${name}${changes % 2 ? ' ' : ''}` } })
          .catch(() => undefined);
      }, 1000);
      const changing = await load().finally(() => clearInterval(editing));
      print(
        `4. public endpoints, cached, a change every second (${changes}), ${CONCURRENCY} clients: ${JSON.stringify(changing)} | RSS ${rss()}`,
      );
      const plugin = app.app.pm.get('@minqing/plugin-publicity') as any;
      // uncached: every answer computed (the cache is bypassed on read and never filled)
      const { body, wrap } = plugin.publicCache;
      plugin.publicCache.body = async () => undefined;
      plugin.publicCache.wrap = async (_key: string, _ttl: unknown, compute: () => Promise<unknown>) => {
        const value = await compute();
        return { value, body: '', hit: false };
      };
      const uncached = await load();
      Object.assign(plugin.publicCache, { body, wrap });
      print(`4. public endpoints, uncached, ${CONCURRENCY} clients: ${JSON.stringify(uncached)} | RSS ${rss()}`);
    }

    // 5. 作风监督 and 未诉先办 over the look-back period
    if (MEASURES.includes('workstyle')) {
      const now = new Date();
      const settings = await workStyleSettings.get(db);
      const from = new Date(now.getTime() - settings.lookbackDays * 86400000);
      const windowFrom = new Date(now.getTime() - Math.max(settings.recurringDays, 2 * settings.risingDays) * 86400000);
      const t = (name: string) => q(name);
      // the rows the rules read, and nothing done with them
      const raw = () =>
        Promise.all(
          [
            `SELECT p.${t('id')}, p.${t('title')}, p.${t('description')}, p.${t('assignedAt')}, p.${t('doneAt')}, r.${t('mode')}, x.${t('completionSummary')},
               (SELECT COUNT(*) FROM ${t('mq_tasks_evidence')} ev WHERE ev.${t('ownerId')} = x.${t('id')}) AS evidence
             FROM ${t('mq_problems')} p
             LEFT JOIN ${t('mq_responsibilities')} r ON r.${t('problemId')} = p.${t('id')} AND r.${t('active')} = ${dialect === 'postgres' ? 'TRUE' : '1'}
             LEFT JOIN ${t('mq_tasks')} x ON x.${t('problemId')} = p.${t('id')}
             WHERE p.${t('status')} IN ('done', 'closed') AND p.${t('doneAt')} >= :from`,
            `SELECT ${t('id')}, ${t('taskId')}, ${t('content')} FROM ${t('mq_progress_reports')} WHERE ${t('createdAt')} >= :from`,
            `SELECT v.${t('id')}, r.${t('personId')}, r.${t('guarantorId')} FROM ${t('mq_revisits')} v
             JOIN ${t('mq_responsibilities')} r ON r.${t('problemId')} = v.${t('problemId')}
               AND (r.${t('personId')} = v.${t('revisiterId')} OR r.${t('guarantorId')} = v.${t('revisiterId')})
             WHERE v.${t('outcome')} IS NOT NULL AND v.${t('revisitedAt')} >= :from`,
            `SELECT p.${t('unitId')}, COUNT(*) FROM ${t('mq_evaluations')} e JOIN ${t('mq_problems')} p ON p.${t('id')} = e.${t('problemId')}
             WHERE e.${t('createdAt')} >= :from GROUP BY p.${t('unitId')}`,
            `SELECT x.${t('id')}, x.${t('progress')} FROM ${t('mq_tasks')} x
             WHERE x.${t('progress')} >= 100 AND x.${t('updatedAt')} >= :from
               AND NOT EXISTS (SELECT 1 FROM ${t('mq_progress_reports')} pr WHERE pr.${t('taskId')} = x.${t('id')})`,
            `SELECT ${t('id')}, ${t('createdById')}, ${t('createdAt')} FROM ${t('mq_evaluations')}
             WHERE ${t('byStaff')} = ${dialect === 'postgres' ? 'TRUE' : '1'} AND ${t('createdAt')} >= :from`,
            `SELECT ${t('id')}, ${t('category')}, ${t('unitId')}, ${t('source')}, ${t('createdAt')} FROM ${t('mq_problems')}
             WHERE ${t('createdAt')} >= :windowFrom`,
          ].map((text) => db.sequelize.query(text, { replacements: { from, windowFrom, now }, type: 'SELECT' })),
        );
      // the first computation records every flag; the daily one finds them again and adds nothing
      const t0 = performance.now();
      const first = await computeWorkStyle(db, now);
      const firstMs = performance.now() - t0;
      const flags = await db.getRepository('mq_work_style_flags').find({ fields: ['kind'] });
      const byKind: Record<string, number> = {};
      for (const flag of flags) byKind[flag.get('kind') as string] = (byKind[flag.get('kind') as string] ?? 0) + 1;
      print(
        `5. work style, first computation ${firstMs.toFixed(0)} ms: ${first.flags} flags ${JSON.stringify(byKind)}, ${first.candidates} candidates`,
      );
      const [daily, rawMs] = await medians([() => computeWorkStyle(db, now), raw], 5);
      report(`5. work style, daily computation (${first.found.flags} flags found)`, daily, [['raw SQL', rawMs]]);
    }
  } finally {
    server.close();
    console.log(`\n=== ${dialect}, ${N} problems, ${new Date().toISOString()} ===\n${lines.join('\n')}`);
    await app.destroy();
  }
}, 3_600_000);
