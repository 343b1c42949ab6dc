export { exposePluginInfo, settingsSnippetOf } from './services/plugin-info';
export type { PluginInfoOptions, PluginPackageJson } from './services/plugin-info';
export { LEDGER_COLUMNS } from './services/ledger';
export { LoopRuleError, PROBLEM_STATUSES, LOOP_ACTIONS, allowedActions } from './domain/loop';
export type { ProblemStatus, LoopAction } from './domain/loop';
export { default } from './plugin';
