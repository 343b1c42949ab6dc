import type { Context } from '@nocobase/actions';
import type { Plugin } from '@nocobase/server';

export interface PluginPackageJson {
  name: string;
  version: string;
  displayName?: string;
  'displayName.zh-CN'?: string;
}

export interface PluginInfoOptions {
  /** Resource name, e.g. `mqThreeLists`; the action is `<resource>:info`. */
  resource: string;
  packageJson: PluginPackageJson;
  /** Extra status a plugin wants to show on its settings page. */
  status?: (ctx: Context) => Promise<Record<string, unknown>>;
  /** More actions of the same resource, behind the same snippet (e.g. the plugin's settings). */
  actions?: Record<string, (ctx: Context, next: () => Promise<void>) => Promise<void>>;
}

/** The ACL snippet that guards a Minqing plugin's settings page and its server actions. */
export function settingsSnippetOf(packageName: string) {
  return `pm.minqing.${packageName.replace(/^@minqing\/plugin-/, '')}`;
}

/**
 * Gives a plugin a `<resource>:info` action that reports its version and status, guarded by the
 * same ACL snippet as its settings page, so the whole path server → client is proven per plugin.
 */
export function exposePluginInfo(plugin: Plugin, options: PluginInfoOptions) {
  const { resource, packageJson, status, actions = {} } = options;
  const snippet = settingsSnippetOf(packageJson.name);

  plugin.app.resourceManager.define({
    name: resource,
    actions: {
      ...actions,
      async info(ctx: Context, next) {
        const self = ctx.app.pm.get(packageJson.name) || plugin;
        ctx.body = {
          packageName: packageJson.name,
          displayName:
            (packageJson as unknown as Record<string, string | undefined>)[
              `displayName.${ctx.getCurrentLocale?.() ?? ''}`
            ] || packageJson.displayName,
          version: packageJson.version,
          enabled: Boolean(self.enabled),
          installed: Boolean(self.installed),
          nocobaseVersion: ctx.app.getVersion(),
          database: ctx.db.sequelize.getDialect(),
          ...(status ? await status(ctx) : {}),
        };
        await next();
      },
    },
  });
  plugin.app.acl.registerSnippet({ name: snippet, actions: [`${resource}:*`] });
}
