import type { Context, Next } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { viewScope } from '../services/read-scope';
import { listResults, type ResultsQuery } from '../services/results';
import { dashboardFor } from '../services/dashboard';
import { computeStats, type StatsQuery } from '../services/stats';

const NS = '@minqing/plugin-three-lists';

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
      // GET /api/mqStats:dashboard: 数据看板 of the signed-in user, in one scope, in their language
      async dashboard(ctx: Context, next: Next) {
        const state = ctx.state as { currentUser?: { id?: number }; currentRole?: string; currentRoles?: string[] };
        ctx.body = await dashboardFor(
          ctx.db,
          { userId: state.currentUser?.id, roles: [state.currentRole, ...(state.currentRoles ?? [])] },
          (key, options) => ctx.t(key, { ns: NS, ...options }),
        );
        await next();
      },
    },
  });
  // GET /api/mqResults:list?page=1&pageSize=20&unitId=…&category=…: 成效清单
  app.resourceManager.define({
    name: 'mqResults',
    actions: {
      async list(ctx: Context, next: Next) {
        const { page, pageSize, unitId, category } = ctx.action.params as ResultsQuery;
        // the results are problems: the caller's data scope of the problem list holds here too
        const scope = await viewScope(ctx, 'mq_problems');
        if (!scope.allowed) return ctx.throw(403, 'No permissions');
        const { data, meta } = await listResults(ctx.db, { page, pageSize, unitId, category }, scope.filter);
        ctx.body = { rows: data, ...meta }; // wrapped by NocoBase as { data, meta }
        await next();
      },
    },
  });
  // leaders and the campaign office see the figures and results; other roles get them through this snippet
  app.acl.registerSnippet({
    name: 'pm.minqing.stats',
    actions: ['mqStats:get', 'mqStats:dashboard', 'mqResults:list'],
  });
}
