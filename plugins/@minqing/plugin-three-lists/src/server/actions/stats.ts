import type { Context, Next } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { computeStats, type StatsQuery } from '../services/stats';

/** GET /api/mqStats:get?groupBy=unit&from=2026-01-01&to=2026-12-31&region=… */
export function registerStatsResource(app: Application) {
  app.resourceManager.define({
    name: 'mqStats',
    actions: {
      async get(ctx: Context, next: Next) {
        const { groupBy, from, to, unitId, region, category } = ctx.action.params as StatsQuery;
        ctx.body = await computeStats(ctx.db, { groupBy, from, to, unitId, region, category });
        await next();
      },
    },
  });
  // leaders and the campaign office see the figures; other roles get them through this snippet
  app.acl.registerSnippet({ name: 'pm.minqing.stats', actions: ['mqStats:get'] });
}
