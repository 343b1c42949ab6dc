/**
 * Making the campaign pages (@minqing/plugin-workbench) on a fresh database, not a test
 * (`npm run bench -- pages.bench`): seconds and queries for all eleven pages installed from the stored
 * definition, and made by flow-engine's page builder (the path before the stored definition, and
 * the one `npm run pages:capture` runs), in the same run on the same machine.
 *     npm run bench -- pages.bench                                  (SQLite)
 *     npm test -- --db postgres --only bench -- pages.bench         (PostgreSQL)
 *     MINQING_BENCH_PAGES_BUILDER=off npm run bench -- pages.bench  (the stored definition only)
 */
import path from 'path';
import { createMinqingApp, MINQING_PLUGINS } from '@minqing/test';
import { ensureWorkbenchPages, type MadePage } from '../../plugins/@minqing/plugin-workbench/src/server';

const VIEWS = ['client', 'ui-layout', 'flow-engine', 'ui-templates', 'data-visualization', 'block-list'];
const COLLECTIONS = path.resolve(__dirname, '../../plugins/@minqing/plugin-workbench/src/server/collections');
const BUILDER = process.env.MINQING_BENCH_PAGES_BUILDER !== 'off';

/**
 * `quiet`: no stack trace per query. Sequelize's SQLite dialect formats one for every query, which
 * jest's source maps make cost about a third of the builder's time: the builder as a plain node
 * process (`pm enable`) runs closer to that figure, the test suites ran the other.
 */
async function makePages(via?: 'builder', { quiet = false } = {}) {
  // our plugins without the workbench, whose install would make the pages: its collection only
  const app = await createMinqingApp({ nocobasePlugins: VIEWS, plugins: MINQING_PLUGINS });
  try {
    await app.db.import({ directory: COLLECTIONS });
    await app.db.getCollection('mq_workbench_pages').sync();
    let queries = 0;
    const sequelize = app.db.sequelize as any;
    const logging = sequelize.options.logging;
    sequelize.options.logging = () => queries++;
    const stackTraceLimit = Error.stackTraceLimit;
    if (quiet) Error.stackTraceLimit = 0;
    const t0 = performance.now();
    let made: MadePage[];
    try {
      made = await ensureWorkbenchPages(app.app as any, { via });
    } finally {
      sequelize.options.logging = logging;
      Error.stackTraceLimit = stackTraceLimit;
    }
    return { seconds: (performance.now() - t0) / 1000, queries, made };
  } finally {
    await app.destroy();
  }
}

it('makes the campaign pages on a fresh database', async () => {
  const dialect = process.env.DB_DIALECT ?? 'sqlite';
  const lines = [`campaign pages on a fresh ${dialect} database (${new Date().toISOString().slice(0, 10)}):`];
  const stored = await makePages();
  expect(stored.made.every((p) => p.via === 'stored')).toBe(true);
  const line = (what: string, r: typeof stored) =>
    `  ${what}: ${r.made.length} pages in ${r.seconds.toFixed(1)} s, ${r.queries.toLocaleString('en')} queries`;
  lines.push(line('from the stored definition', stored));
  if (BUILDER) {
    const built = await makePages('builder');
    lines.push(line('by the page builder      ', built));
    const quiet = await makePages('builder', { quiet: true });
    lines.push(line('… without stack traces   ', quiet));
    lines.push(
      `  → ${(built.seconds / stored.seconds).toFixed(0)}× (${(quiet.seconds / stored.seconds).toFixed(0)}×) faster`,
    );
  }
  console.log(lines.join('\n'));
}, 1_800_000);
