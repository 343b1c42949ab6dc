import type { Application } from '@nocobase/client';
import React from 'react';
import type { SettingsSchema } from '../../server/domain/settings-schema';
import { PluginInfoPage } from './PluginInfoPage';
import { SettingsForm } from './SettingsForm';

const GROUP = 'minqing';

export interface MinqingSettingsOptions {
  /** Short plugin name, e.g. `three-lists`; the page lives at /admin/settings/minqing/<name>. */
  name: string;
  /** Server resource whose `info` action the page shows (and `getSettings`/`updateSettings`, with `settings`). */
  resource: string;
  /** A schema string such as `{{t("Three lists", { ns: "@minqing/plugin-three-lists" })}}`. */
  title: string;
  icon?: string;
  sort?: number;
  /** the plugin's settings, as a form made from their schema */
  settings?: {
    schema: SettingsSchema;
    /** the card's title, a message key in the schema's namespace */
    title: string;
    testId?: string;
    /** what the card says above the form */
    Intro?: React.ComponentType;
  };
  /** anything else the plugin shows on its page, below its version, status and settings */
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
  const form = options.settings;
  settings.add(`${GROUP}.${options.name}`, {
    title: options.title,
    icon: options.icon,
    sort: options.sort,
    Component: () => (
      <>
        <PluginInfoPage resource={options.resource} />
        {form ? (
          <SettingsForm resource={options.resource} schema={form.schema} title={form.title} testId={form.testId}>
            {form.Intro ? <form.Intro /> : null}
          </SettingsForm>
        ) : null}
        {options.Settings ? <options.Settings /> : null}
      </>
    ),
  });
}
