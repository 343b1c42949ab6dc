import type { Context, Next } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { getSettings, updateSettings } from '../services/settings';

/** `mqThreeLists:getSettings` / `updateSettings`, behind the plugin's settings snippet. */
export function registerSettingsActions(app: Application) {
  app.resourceManager.registerActionHandlers({
    'mqThreeLists:getSettings': async (ctx: Context, next: Next) => {
      ctx.body = await getSettings(ctx.db);
      await next();
    },
    'mqThreeLists:updateSettings': async (ctx: Context, next: Next) => {
      ctx.body = await updateSettings(ctx.db, ctx.action.params.values ?? {});
      await next();
    },
  });
}
