/**
 * Many people at once (issue 22), not a test: the app started by the real `npm run app` (a working
 * copy of its own under storage/e2e, no demo, no workbench pages), driven by HTTP clients in another
 * process (`load-writes.js`). Each phase runs against our actions and then, as the baseline, the
 * same number of clients against a plain NocoBase collection's `create` / `list` in the same run.
 *     npm run bench -- load-writes                                      (SQLite)
 *     MINQING_TEST_DB=postgres npm run bench -- load-writes             (PostgreSQL, database <prefix>_bench)
 *     MINQING_BENCH_SECONDS=20 …                                        (the mixed phase's length, default 15)
 *     MINQING_BENCH_DB_POOL_MAX=20 …                                    (the app's DB_POOL_MAX, else the CLI's default)
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { asAdmin, databaseSettings, workingCopy, type WorkingCopy } from '../stock/cli';
import { signIn } from '@minqing/test/src/process';

const PLUGINS = [
  '@minqing/plugin-three-lists',
  '@minqing/plugin-liaison',
  '@minqing/plugin-supervision',
  '@minqing/plugin-publicity',
].join(',');
const SECONDS = Number(process.env.MINQING_BENCH_SECONDS || 15);
const DIALECT = process.env.MINQING_TEST_DB || 'sqlite';

type Template = { method: string; path: string; body?: unknown; public?: boolean; label?: string };
type Stats = { requests: number; statuses: Record<string, number>; p50: number; p95: number; p99: number; max: number };
type Result = { wallMs: number; write?: Stats; read?: Stats; byLabel?: Record<string, Stats> };

function drive(phase: object): Result {
  const file = path.join(os.tmpdir(), `minqing-load-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(phase));
  const out = execFileSync('node', [path.join(__dirname, 'load-writes.js'), file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const fmt = (s?: Stats) =>
  s
    ? `${s.requests} req, ${Object.entries(s.statuses)
        .map(([k, v]) => `${v}×${k}`)
        .join(' ')}, p50 ${s.p50} / p95 ${s.p95} / p99 ${s.p99} ms (max ${s.max})`
    : '—';
const ratio = (ours?: Stats, base?: Stats) =>
  ours && base && base.p95 ? `p95 ${(ours.p95 / base.p95).toFixed(2)}×, p50 ${(ours.p50 / base.p50).toFixed(2)}×` : '—';

it(
  'many people at once: public reports, loop actions, a mixed load',
  async () => {
    const copy: WorkingCopy = workingCopy('bench-load', 13190, {
      MINQING_PLUGINS: PLUGINS,
      MINQING_DEMO: 'off',
      LOGGER_LEVEL: 'warn',
      // a fresh database `<prefix>_bench` on PostgreSQL each run
      ...databaseSettings('bench'),
      // the connection pool's size under test (issue 22); the CLI passes none of the runner's env on
      ...(process.env.MINQING_BENCH_DB_POOL_MAX ? { DB_POOL_MAX: process.env.MINQING_BENCH_DB_POOL_MAX } : {}),
    });
    const run = copy.start();
    try {
      await run.waitFor(/Ctrl-C stops the server/, 20 * 60_000);
      const admin = await asAdmin(copy);
      // a keep-alive connection the server closed while a burst ran: once more on a new one
      const again =
        <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
        async (...args: A) => {
          try {
            return await fn(...args);
          } catch (error) {
            if (!/fetch failed/.test(String(error))) throw error;
            return fn(...args);
          }
        };
      const api = again(admin.api);
      const count = again(admin.count);
      const authHeaders = await signIn(copy.url, copy.env().INIT_ROOT_EMAIL, copy.env().INIT_ROOT_PASSWORD);
      const me = (await api('GET', 'auth:check')).data.id as number;
      const unitId = (await api('POST', 'mq_units:create', { name: '荆州实验小学', region: '沙市区' })).data
        .id as number;
      // the baseline: a collection made in the collection manager, as an administrator would
      await api('POST', 'collections:create', {
        name: 'bench_plain',
        title: 'bench',
        fields: [
          { name: 'title', type: 'string', interface: 'input' },
          { name: 'description', type: 'text', interface: 'textarea' },
        ],
      });
      // the app sees one address here (no proxy): let the burst through the intake's limit
      await api('POST', 'mqPublicity:updateSettings', { submissionsPerWindow: 10000, submissionsPerAddress: 100000 });

      const newProblem = async (title: string) =>
        (await api('POST', 'mq_problems:create', { title, unitId, category: 'canteen' })).data.id as number;
      const step = (id: number, action: string, body: object) =>
        api('POST', `mq_problems:${action}?filterByTk=${id}`, body);
      const assigned = async (title: string) => {
        const id = await newProblem(title);
        await step(id, 'assign', { personId: me });
        return id;
      };
      const inProgress = async (title: string) => {
        const id = await assigned(title);
        await step(id, 'accept', { measures: '错峰就餐' });
        return id;
      };
      const done = async (title: string) => {
        const id = await inProgress(title);
        await step(id, 'complete', { completionSummary: '已解决' });
        return id;
      };
      const many = async <T>(n: number, make: (i: number) => Promise<T>) => {
        const out: T[] = [];
        for (let i = 0; i < n; i += 5)
          out.push(...(await Promise.all([...Array(Math.min(5, n - i))].map((_, k) => make(i + k)))));
        return out;
      };

      const base = { baseUrl: copy.url, authHeaders };
      const plainCreate: Template = {
        method: 'POST',
        path: 'bench_plain:create',
        body: { title: 'r{{n}}', description: '食堂午餐排队时间太长了' },
      };
      const burst = (n: number, t: Template | ((i: number) => Template)) =>
        drive({ ...base, requests: Array.from({ length: n }, (_, i) => (typeof t === 'function' ? t(i) : t)) });
      const lines: string[] = [];
      const report = (what: string, ours: Result, baseline: Result) => {
        lines.push(`${what}`);
        lines.push(`  ours      ${fmt(ours.write)}  (${ours.wallMs} ms)`);
        lines.push(`  baseline  ${fmt(baseline.write)}  (${baseline.wallMs} ms)`);
        lines.push(`  ratio     ${ratio(ours.write, baseline.write)}`);
        // as it comes: a phase that never ends still leaves the ones before it
        process.stdout.write(`load-writes ${DIALECT}: ${lines.slice(-4).join('\n')}\n`);
      };

      // 1. 50 public reports at once, from 50 addresses
      const reportsBefore = await count('mq_public_reports');
      const reports = burst(50, {
        method: 'POST',
        path: 'mqPublic:submit',
        public: true,
        body: { category: 'canteen', unitId, description: '食堂午餐排队时间太长了，希望增加窗口 {{n}}' },
      });
      const written = (await count('mq_public_reports')) - reportsBefore;
      const codes = (await api('GET', 'mq_public_reports:list?pageSize=200&fields=trackingCode')).data.map(
        (r: { trackingCode: string }) => r.trackingCode,
      );
      report('50 concurrent public reports (mqPublic:submit)', reports, burst(50, plainCreate));
      lines.push(`  written   ${written} reports, ${new Set(codes).size} unique tracking codes of ${codes.length}`);

      // 2. 20 accepts of one problem: one wins, 19 conflicts
      const one = await assigned('同一个问题');
      report(
        '20 concurrent accept, one problem (1 × 200 and 19 × 409 expected)',
        burst(20, { method: 'POST', path: `mq_problems:accept?filterByTk=${one}`, body: { measures: '措施{{n}}' } }),
        burst(20, plainCreate),
      );

      // 3. 20 accepts of 20 problems: all succeed
      const twenty = await many(20, (i) => assigned(`问题${i}`));
      report(
        '20 concurrent accept, 20 problems',
        burst(20, (i) => ({
          method: 'POST',
          path: `mq_problems:accept?filterByTk=${twenty[i]}`,
          body: { measures: 'm' },
        })),
        burst(20, plainCreate),
      );

      // 4. 30 writers (visits with two problems, revisits, assignments, progress reports) + 50 readers
      const toAssign = await many(10 * 12, (i) => newProblem(`待交办${i}`));
      const working = await many(10, (i) => inProgress(`办理中${i}`));
      const finished = await many(10, (i) => done(`已办结${i}`));
      const writers: Template[][] = [
        ...[...Array(8)].map(() => [
          {
            method: 'POST',
            path: 'mq_visits:create',
            label: 'visit + 2 problems',
            body: {
              unitId,
              kinds: ['canteen'],
              summary: '走访{{n}}',
              problems: [{ title: '问题{{n}}' }, { title: '问题{{n}}' }],
            },
          },
        ]),
        ...finished.slice(0, 7).map((id) => [
          {
            method: 'POST',
            path: 'mq_revisits:create',
            label: 'revisit',
            body: { problemId: id, outcome: 'resolved', satisfaction: 5 },
          },
        ]),
        ...[...Array(8)].map((_, w) =>
          toAssign.slice(w * 15, w * 15 + 15).map((id) => ({
            method: 'POST',
            path: `mq_problems:assign?filterByTk=${id}`,
            label: 'assign',
            body: { personId: me },
          })),
        ),
        ...working.slice(0, 7).map((id) => [
          {
            method: 'POST',
            path: `mq_problems:reportProgress?filterByTk=${id}`,
            label: 'progress',
            body: { content: '进展{{n}}', percent: 50 },
          },
        ]),
      ];
      const readers: Template[] = [
        { method: 'GET', path: 'mq_problems:list?pageSize=20&appends[]=responsibilities', label: 'problem list' },
        { method: 'GET', path: 'mq_visits:list?pageSize=20', label: 'visit list' },
        { method: 'GET', path: 'mqPublic:list?pageSize=10', public: true, label: 'public page' },
        { method: 'GET', path: 'app:getInfo', label: 'app:getInfo' },
      ];
      const mixed = drive({
        ...base,
        seconds: SECONDS,
        byLabel: true,
        writers: writers.length,
        writeTemplatesByClient: writers,
        readers: 50,
        readTemplates: readers,
      });
      const plainMixed = drive({
        ...base,
        seconds: SECONDS,
        writers: writers.length,
        writeTemplates: [plainCreate],
        readers: 50,
        readTemplates: [
          { method: 'GET', path: 'bench_plain:list?pageSize=20' },
          { method: 'GET', path: 'app:getInfo' },
        ],
      });
      lines.push(`mixed, ${writers.length} writers + 50 readers for ${SECONDS} s`);
      lines.push(`  ours writes    ${fmt(mixed.write)}`);
      lines.push(`  ours reads     ${fmt(mixed.read)}`);
      for (const [label, s] of Object.entries(mixed.byLabel ?? {})) lines.push(`    ${label.padEnd(18)} ${fmt(s)}`);
      lines.push(`  plain writes   ${fmt(plainMixed.write)}`);
      lines.push(`  plain reads    ${fmt(plainMixed.read)}`);
      lines.push(`  ratio writes   ${ratio(mixed.write, plainMixed.write)}`);
      lines.push(`  ratio reads    ${ratio(mixed.read, plainMixed.read)}`);
      console.log(`load-writes on ${DIALECT} (${new Date().toISOString().slice(0, 16)}):\n${lines.join('\n')}`);
    } finally {
      await copy.killAll();
    }
  },
  40 * 60_000,
);
