import type { Context } from '@nocobase/actions';
import type { SettingsSchema } from '../domain/settings-schema';
import type { SettingsStore } from '../services/settings';
import { loopSettings } from '../services/settings';
import { respondWith } from './respond';

/** `<resource>:getSettings` / `updateSettings` of a plugin's settings, behind its settings snippet. */
export function settingsActionsOf<S extends SettingsSchema>(store: SettingsStore<S>) {
  return {
    getSettings: respondWith((ctx: Context) => store.get(ctx.db)),
    updateSettings: respondWith((ctx: Context) => store.update(ctx.db, ctx.action.params.values ?? {})),
  };
}

/** `mqThreeLists:getSettings` / `updateSettings` */
export const settingsActions = settingsActionsOf(loopSettings);
