import path from 'path';
import { createMinqingApp, MINQING_PLUGINS } from '@minqing/test';
import { ensureWorkbenchPages, staleStoredPages } from '..';
import { jsonDifferences } from '../domain/stored-pages';
import { WORKBENCH_PAGES } from '../pages';
import { capturePages, writeStoredPages, type CapturedPages } from '../services/page-capture';
import { loadStoredPages } from '../services/stored-pages';

const VIEWS = ['client', 'ui-layout', 'flow-engine', 'ui-templates', 'data-visualization'];
/** `npm run pages:capture`: write the stored definition from the builder's pages, then check it */
const CAPTURE = process.env.MINQING_PAGES_CAPTURE === '1';
const REGENERATE = 'if the blueprints or the builder changed on purpose, regenerate: npm run pages:capture';

/**
 * The page builder (flow-engine's applyBlueprint, 10–20 s a page) makes the pages from the
 * blueprints; the stored definition must be exactly what it makes, and installing that definition
 * must give the same pages. Slow (~3 min): on SQLite only. The rows are the same on every database;
 * pages.test.ts checks the install from the stored definition on each.
 */
const onSqlite = (process.env.DB_DIALECT ?? 'sqlite') === 'sqlite' ? describe : describe.skip;

onSqlite('the stored campaign pages', () => {
  let built: CapturedPages;

  beforeAll(async () => {
    // the plugin's own install would make the pages from the stored definition: its collection only
    const app = await createMinqingApp({ nocobasePlugins: VIEWS, plugins: MINQING_PLUGINS });
    try {
      await app.db.import({ directory: path.resolve(__dirname, '../collections') });
      await app.db.getCollection('mq_workbench_pages').sync();
      const made = await ensureWorkbenchPages(app.app as any, { via: 'builder' });
      expect(made.map((p) => p.key)).toEqual(WORKBENCH_PAGES.map((p) => p.key));
      built = await capturePages(app.app as any);
    } finally {
      await app.destroy();
    }
    if (CAPTURE) writeStoredPages(built.definition);
  }, 1_800_000);

  it('are what the page builder makes from the blueprints', () => {
    const stored = loadStoredPages();
    expect(stored).not.toBeNull();
    const differences = jsonDifferences(JSON.parse(JSON.stringify(stored)), built.definition, 30);
    if (differences.length) differences.push(REGENERATE);
    expect(differences).toEqual([]);
  });

  it('installed, are the pages the page builder makes: same rows, roles, layouts and menu order', async () => {
    const app = await createMinqingApp({
      nocobasePlugins: VIEWS,
      plugins: [...MINQING_PLUGINS, '@minqing/plugin-workbench'],
    });
    try {
      // the install ran before the official plugins were recorded: the pages that need them now
      expect(await staleStoredPages(app.app as any)).toEqual([]);
      expect((await ensureWorkbenchPages(app.app as any)).filter((p) => p.via !== 'stored')).toEqual([]);
      const installed = await capturePages(app.app as any);
      expect(jsonDifferences(installed.definition, built.definition, 30)).toEqual([]);
      expect(jsonDifferences(installed.surroundings, built.surroundings, 30)).toEqual([]);
    } finally {
      await app.destroy();
    }
  }, 600_000);
});
