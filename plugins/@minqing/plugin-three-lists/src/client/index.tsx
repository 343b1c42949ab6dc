export { PluginInfoPage } from './settings/PluginInfoPage';
export type { PluginInfo } from './settings/PluginInfoPage';
export { registerMinqingSettings } from './settings/registerMinqingSettings';
export type { MinqingSettingsOptions } from './settings/registerMinqingSettings';
// the campaign's vocabulary, shared by every Minqing client (one source with the server)
export {
  CATEGORY_OPTIONS,
  MODE_OPTIONS,
  OUTCOME_OPTIONS,
  REVISIT_METHOD_OPTIONS,
  SATISFACTION_OPTIONS,
  SUPERVISION_LEVEL_OPTIONS,
  SUPERVISION_REASON_OPTIONS,
} from '../server/domain/vocabulary';
export { allowedActions, LOOP, LOOP_ACTIONS } from '../server/domain/loop';
export type { LoopAction, ProblemStatus } from '../server/domain/loop';
export { default } from './plugin';
