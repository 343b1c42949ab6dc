import type { Context, Next } from '@nocobase/actions';
import { getSettings, updateSettings } from '../services/settings';

/** `mqThreeLists:getSettings` / `updateSettings`, behind the plugin's settings snippet. */
export const settingsActions = {
  async getSettings(ctx: Context, next: Next) {
    ctx.body = await getSettings(ctx.db);
    await next();
  },
  async updateSettings(ctx: Context, next: Next) {
    ctx.body = await updateSettings(ctx.db, ctx.action.params.values ?? {});
    await next();
  },
};
