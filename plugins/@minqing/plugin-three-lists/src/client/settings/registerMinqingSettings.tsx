import type { Application } from '@nocobase/client';
import React from 'react';
import { PluginInfoPage } from './PluginInfoPage';

const GROUP = 'minqing';

export interface MinqingSettingsOptions {
  /** Short plugin name, e.g. `three-lists`; the page lives at /admin/settings/minqing/<name>. */
  name: string;
  /** Server resource whose `info` action the page shows. */
  resource: string;
  /** A schema string such as `{{t("Three lists", { ns: "@minqing/plugin-three-lists" })}}`. */
  title: string;
  icon?: string;
  sort?: number;
  /** the plugin's own settings, shown below its version and status */
  Settings?: React.ComponentType;
}

/** Adds the 民情 group (once) and a plugin's page under it in NocoBase's plugin settings. */
export function registerMinqingSettings(app: Application, options: MinqingSettingsOptions) {
  const settings = app.pluginSettingsManager;
  if (!settings.getSetting(GROUP)) {
    settings.add(GROUP, {
      title: '{{t("Minqing", { ns: "@minqing/plugin-three-lists" })}}',
      icon: 'HeartOutlined',
      sort: -10,
    });
  }
  settings.add(`${GROUP}.${options.name}`, {
    title: options.title,
    icon: options.icon,
    sort: options.sort,
    Component: () => (
      <>
        <PluginInfoPage resource={options.resource} />
        {options.Settings ? <options.Settings /> : null}
      </>
    ),
  });
}
