export { PluginInfoPage } from './settings/PluginInfoPage';
export type { PluginInfo } from './settings/PluginInfoPage';
export { registerMinqingSettings } from './settings/registerMinqingSettings';
export type { MinqingSettingsOptions } from './settings/registerMinqingSettings';
export { SettingsForm } from './settings/SettingsForm';
export type { SettingsFormProps } from './settings/SettingsForm';
// the campaign's vocabulary, shared by every Minqing client, of both runtimes (./shared.ts)
export * from './shared';
export type { RateFigure } from '../server/domain/figures';
export type { SettingSpec, SettingsSchema } from '../server/domain/settings-schema';
export { default } from './plugin';
// 工作台账: the columns of the ledger export (the workbench's button asks for exactly these)
export { LEDGER_COLUMNS } from '../server/services/ledger';
