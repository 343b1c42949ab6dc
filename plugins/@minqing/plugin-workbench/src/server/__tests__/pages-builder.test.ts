import fs from 'fs';
import path from 'path';
import { createMinqingApp, MINQING_PLUGINS, NOCOBASE_PLUGINS } from '@minqing/test';
import { ensureWorkbenchPages, staleStoredPages } from '..';
import { fingerprint, jsonDifferences, type StoredPages } from '../domain/stored-pages';
import { ALL_PAGES } from '../pages/all';
import { capturePages, writeStoredPages, type CapturedPages } from '../services/page-capture';
import { loadStoredPages } from '../services/stored-pages';

const VIEWS = ['client', 'ui-layout', 'flow-engine', 'ui-templates', 'data-visualization', 'block-list'];
/** `npm run pages:capture`: write the stored definition from the builder's pages, then check it */
const CAPTURE = process.env.MINQING_PAGES_CAPTURE === '1';
const REGENERATE = 'if that is meant, regenerate the stored pages: npm run pages:capture';
const ROOT = path.resolve(__dirname, '../../../../../..');
const SERVER = 'plugins/@minqing/plugin-workbench/src/server';

/**
 * What the page builder's output depends on beyond the blueprints and collections (which the
 * stored definition fingerprints itself): our code that calls it and reads its pages back, the
 * NocoBase packages installed, the plugins enabled, and the stored definition as it was written.
 * When all are as recorded at the capture, the stored definition is the builder's output.
 */
function builderInputs(stored: StoredPages | null): Record<string, string> {
  const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
  const sources = [
    `${SERVER}/services/page-builder.ts`,
    `${SERVER}/services/page-capture.ts`,
    `${SERVER}/domain/stored-pages.ts`,
    `${SERVER}/domain/steps.ts`,
    `${SERVER}/domain/record-actions.ts`,
    // the blueprints, those of the campaign's other pages (pages/campaign/) with them
    ...fs
      .readdirSync(path.join(ROOT, SERVER, 'pages'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .map((file) => `${SERVER}/pages/${file}`),
  ];
  const nocobase = path.join(ROOT, 'node_modules/@nocobase');
  const versions = fs
    .readdirSync(nocobase)
    .sort()
    .map((name) => `${name}@${JSON.parse(fs.readFileSync(path.join(nocobase, name, 'package.json'), 'utf8')).version}`);
  const { inputs, ...definition } = (stored ?? {}) as StoredPages;
  return {
    ...Object.fromEntries(sources.map((file) => [file, fingerprint(read(file))])),
    'NocoBase packages': fingerprint(versions),
    'plugins enabled': fingerprint([...NOCOBASE_PLUGINS, ...VIEWS, ...MINQING_PLUGINS]),
    'stored definition': fingerprint(JSON.parse(JSON.stringify(definition))),
  };
}

const stored = CAPTURE ? null : loadStoredPages();
const changed = (() => {
  if (CAPTURE) return [];
  const now = builderInputs(stored);
  return Object.keys(now).filter((input) => stored?.inputs?.[input] !== now[input]);
})();
/** the builder runs (~4 min) only when something it depends on changed since the capture */
const COMPARE = CAPTURE || changed.length > 0 || process.env.MINQING_PAGES_COMPARE === 'always';
const onSqlite = (process.env.DB_DIALECT ?? 'sqlite') === 'sqlite' ? describe : describe.skip;

/**
 * The page builder (flow-engine's applyBlueprint, 10–20 s a page) makes the pages from the
 * blueprints; the stored definition must be exactly what it makes, and installing that definition
 * must give the same pages. Slow, so on SQLite only and only when an input of the builder changed
 * (MINQING_PAGES_COMPARE=always for every run); the rows are the same on every database, and
 * pages.test.ts checks the install from the stored definition on each, every run.
 */
onSqlite('the stored campaign pages', () => {
  let built: CapturedPages;

  beforeAll(async () => {
    if (!COMPARE) return;
    // the plugin's own install would make the pages from the stored definition: its collection only
    const app = await createMinqingApp({ nocobasePlugins: VIEWS, plugins: MINQING_PLUGINS });
    // sequelize's SQLite dialect formats a stack trace for every query, which jest's source maps
    // make cost a third of the builder's time here; no query of it fails
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      await app.db.import({ directory: path.resolve(__dirname, '../collections') });
      await app.db.getCollection('mq_workbench_pages').sync();
      const made = await ensureWorkbenchPages(app.app as any, { via: 'builder' });
      expect(made.map((p) => p.key)).toEqual(ALL_PAGES.map((p) => p.key));
      built = await capturePages(app.app as any);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
      await app.destroy();
    }
    if (CAPTURE) {
      const definition = built.definition;
      writeStoredPages({ ...definition, inputs: builderInputs(definition) });
    }
  }, 1_800_000);

  it('were stored from what the page builder depends on now', () => {
    const message = changed.map((input) => `${input} changed since the pages were stored`);
    if (message.length) message.push(REGENERATE);
    expect(message).toEqual([]);
  });

  (COMPARE ? it : it.skip)('are what the page builder makes from the blueprints', () => {
    const { inputs, ...definition } = (CAPTURE ? loadStoredPages() : stored) ?? ({} as StoredPages);
    const differences = jsonDifferences(JSON.parse(JSON.stringify(definition)), built.definition, 30);
    if (differences.length) differences.push(REGENERATE);
    expect(differences).toEqual([]);
  });

  (COMPARE ? it : it.skip)(
    'installed, are the pages the page builder makes: same rows, roles, layouts and menu order',
    async () => {
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
    },
    600_000,
  );
});
