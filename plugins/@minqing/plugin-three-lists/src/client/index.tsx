export { PluginInfoPage } from './settings/PluginInfoPage';
export type { PluginInfo } from './settings/PluginInfoPage';
export { registerMinqingSettings } from './settings/registerMinqingSettings';
export type { MinqingSettingsOptions } from './settings/registerMinqingSettings';
export { SettingsForm } from './settings/SettingsForm';
export type { SettingsFormProps } from './settings/SettingsForm';
// the campaign's vocabulary, shared by every Minqing client (one source with the server)
export {
  CATEGORY_OPTIONS,
  MODE_OPTIONS,
  OUTCOME_OPTIONS,
  REVISIT_METHOD_OPTIONS,
  SATISFACTION_OPTIONS,
  STATUS_OPTIONS,
  SUPERVISION_LEVEL_OPTIONS,
  SUPERVISION_REASON_OPTIONS,
  UNIT_TYPE_OPTIONS,
} from '../server/domain/vocabulary';
export {
  allowedActions,
  COMPLETED_STATUSES,
  DONE_STATUSES,
  HANDLING_STATUSES,
  LOOP,
  LOOP_ACTIONS,
  OPEN_STATUSES,
  PROBLEM_STATUSES,
} from '../server/domain/loop';
export type { LoopAction, ProblemStatus } from '../server/domain/loop';
export { BASICALLY_SATISFIED, DISSATISFIED, SATISFACTION_LEVELS, SATISFIED } from '../server/domain/satisfaction';
export { RATE_FIGURES } from '../server/domain/figures';
export type { RateFigure } from '../server/domain/figures';
export type { SettingSpec, SettingsSchema } from '../server/domain/settings-schema';
export { default } from './plugin';
// 工作台账: the columns of the ledger export (the workbench's button asks for exactly these)
export { LEDGER_COLUMNS } from '../server/services/ledger';
