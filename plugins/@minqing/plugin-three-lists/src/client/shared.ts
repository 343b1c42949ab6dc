/**
 * The campaign's vocabulary, shared by every Minqing client (one source with the server): pure
 * values, no client runtime. The build resolves `@minqing/plugin-three-lists/client` to this file
 * in modern client (client-v2) bundles, where the admin client's plugin modules do not exist.
 */
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
