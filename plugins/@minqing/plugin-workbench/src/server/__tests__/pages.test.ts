import { createMinqingApp, MINQING_PLUGINS, type MinqingTestApp } from '@minqing/test';
import { ensureWorkbenchPages } from '..';
import { WORKBENCH_PAGES } from '../pages';

const VIEWS = ['client', 'ui-layout', 'flow-engine', 'ui-templates', 'data-visualization'];

describe('the campaign pages', () => {
  let app: MinqingTestApp;

  beforeAll(async () => {
    app = await createMinqingApp({ nocobasePlugins: VIEWS, plugins: [...MINQING_PLUGINS, '@minqing/plugin-workbench'] });
  });
  afterAll(() => app?.app.destroy());

  it('creates every page once', async () => {
    const t0 = Date.now();
    const created = await ensureWorkbenchPages(app.app as any);
    console.log('created', created, Date.now() - t0, 'ms');
    const records = await app.db.getRepository('mq_workbench_pages').find();
    expect(records.map((r: any) => r.get('key')).sort()).toEqual(['group', ...WORKBENCH_PAGES.map((p) => p.key)].sort());
  }, 900_000);
});
