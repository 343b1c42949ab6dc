export { PluginInfoPage } from './settings/PluginInfoPage';
export type { PluginInfo } from './settings/PluginInfoPage';
export { registerMinqingSettings } from './settings/registerMinqingSettings';
export type { MinqingSettingsOptions } from './settings/registerMinqingSettings';
export { default } from './plugin';
