import type { Context, Next } from '@nocobase/actions';
import { publicitySettings } from '../services/settings';

/** mqPublicity:getSettings / updateSettings, behind this plugin's settings snippet */
export const settingsActions = {
  async getSettings(ctx: Context, next: Next) {
    ctx.body = await publicitySettings.get(ctx.db);
    await next();
  },
  async updateSettings(ctx: Context, next: Next) {
    ctx.body = await publicitySettings.update(ctx.db, ctx.action.params.values ?? {});
    await next();
  },
};
