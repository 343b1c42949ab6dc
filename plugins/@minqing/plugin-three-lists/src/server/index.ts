// The vocabulary and the rules (pure): statuses and their groups, thresholds, the loop and its
// events, figures, disclosure, working days, settings schemas. Also `@minqing/plugin-three-lists/domain`.
export * from './domain';
export { exposePluginInfo, settingsSnippetOf } from './services/plugin-info';
export type { PluginInfoOptions, PluginPackageJson } from './services/plugin-info';
export { LEDGER_COLUMNS } from './services/ledger';
export { defineListCollection, fieldBuilders, t } from './collections/fields';
export type { Option } from './collections/fields';
export { ensureFields, protectSchema, syncToCollectionManager } from './services/schema';
export { grantRoles, LEADER_PROBLEM_SCOPE, MQ_ALL } from './services/roles';
export type { Grant, RoleSpec, ScopeSpec } from './services/roles';
export { CURRENT_USER_ID, offerRecordActions } from './services/acl';
export { settingsStore, getSettings as getLoopSettings } from './services/settings';
export type { SettingsStore } from './services/settings';
export { settingsActionsOf } from './actions/settings';
export { sqlDialect, tableOf } from './services/sql';
export type { SqlDialect } from './services/sql';
export { computeStats } from './services/stats';
export { continueProblemCodes } from './services/problem-codes';
export type { Stats, StatsGroup, StatsQuery } from './services/stats';
export { oncePerDatabase } from './services/once';
export { isLockConflict, onLoopStep } from './services/loop';
export type { LoopStepEvent } from './services/loop';
export { writeTransaction } from './services/sqlite';
export { actionHandler, respondWith } from './actions/respond';
export { default } from './plugin';
