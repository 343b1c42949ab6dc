import path from 'path';
import { createMinqingApp, MINQING_PLUGINS } from '@minqing/test';
import { CAMPAIGN_PAGES } from '../pages/campaign';
import { buildPage } from '../services/page-builder';

const VIEWS = ['client', 'ui-layout', 'flow-engine', 'ui-templates', 'data-visualization'];
const ONLY = (process.env.TMP_PAGES ?? '').split(',').filter(Boolean);

describe('tmp: campaign pages through the builder', () => {
  it('builds', async () => {
    const app = await createMinqingApp({ nocobasePlugins: VIEWS, plugins: MINQING_PLUGINS });
    Error.stackTraceLimit = 0;
    try {
      await app.db.import({ directory: path.resolve(__dirname, '../collections') });
      const failures: string[] = [];
      for (const page of CAMPAIGN_PAGES.filter((p) => !ONLY.length || ONLY.includes(p.key))) {
        try {
          await app.db.sequelize.transaction((transaction) => buildPage(app.app as any, page, undefined, transaction));
          console.info(`built ${page.key}`);
        } catch (e: any) {
          failures.push(`${page.key}: ${e.message}`);
        }
      }
      expect(failures).toEqual([]);
    } finally {
      await app.destroy();
    }
  }, 1_800_000);
});
