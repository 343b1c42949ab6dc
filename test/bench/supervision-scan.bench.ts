/**
 * Benchmark (not a test; `npm run bench`): the supervision scan over N open problems against the
 * raw SQL that merely finds the overdue ones, on the same data in the same run.
 *   MINQING_BENCH_PROBLEMS=10000 npm run bench -- supervision-scan
 */
import { createMinqingApp } from '@minqing/test';
import { localDay } from '@minqing/plugin-three-lists';
import { findSupervisionEvents } from '../../plugins/@minqing/plugin-supervision/src/server/services/scan';
import { scanConfig } from '../../plugins/@minqing/plugin-supervision/src/server/domain/supervision';

const N = Number(process.env.MINQING_BENCH_PROBLEMS ?? 10000);

async function time(fn: () => Promise<unknown>, runs = 5) {
  const samples: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)], result };
}

it(`supervision scan over ${N} open problems`, async () => {
  const app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists'] });
  try {
    const db = app.db;
    await db.getModel('mq_units').bulkCreate([{ id: 1, name: '单位' }], { hooks: false });
    const today = localDay(new Date());
    const day = (offset: number) => {
      const d = new Date(`${today}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      return d.toISOString().slice(0, 10);
    };
    const statuses = ['assigned', 'in_progress', 'reopened'];
    const t0 = performance.now();
    for (let start = 0; start < N; start += 2000) {
      const ids = Array.from({ length: Math.min(2000, N - start) }, (_, i) => start + i + 1);
      await db.getModel('mq_problems').bulkCreate(
        ids.map((id) => ({
          id,
          code: `WT-B${id}`,
          title: `问题${id}`,
          unitId: 1,
          status: statuses[id % 3],
          category: 'other',
        })),
        { hooks: false },
      );
      await db.getModel('mq_responsibilities').bulkCreate(
        ids.map((id) => ({
          problemId: id,
          unitId: 1,
          mode: 'first_receiver',
          deadline: day((id % 40) - 20),
          acceptBy: day(-25),
          active: true,
        })),
        { hooks: false },
      );
    }
    const load = performance.now() - t0;
    const config = scanConfig({ conditions: ['due_soon', 'overdue', 'stalled'] });
    const ours = await time(() => findSupervisionEvents(db, config, new Date()));
    const raw = await time(() =>
      db.sequelize.query(
        `SELECT r."problemId", r."deadline" FROM mq_responsibilities r JOIN mq_problems p ON p.id = r."problemId"
         WHERE r.active = ${db.sequelize.getDialect() === 'postgres' ? 'TRUE' : '1'} AND p.status IN ('assigned','in_progress','reopened')
           AND r.deadline <= :limit`,
        { replacements: { limit: day(2) }, type: 'SELECT' },
      ),
    );
    const events = (ours.result as unknown[]).length;
    console.log(
      [
        `dialect ${db.sequelize.getDialect()}, ${N} open problems loaded in ${(load / 1000).toFixed(1)} s`,
        `scan (due soon + overdue + stalled): ${ours.median.toFixed(1)} ms for ${events} events`,
        `raw SQL finding due/overdue rows:   ${raw.median.toFixed(1)} ms for ${(raw.result as unknown[]).length} rows`,
        `ratio: ${(ours.median / raw.median).toFixed(2)}×`,
      ].join('\n'),
    );
  } finally {
    await app.destroy();
  }
}, 600_000);
