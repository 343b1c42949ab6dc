export { exposePluginInfo, settingsSnippetOf } from './services/plugin-info';
export type { PluginInfoOptions, PluginPackageJson } from './services/plugin-info';
export { default } from './plugin';
