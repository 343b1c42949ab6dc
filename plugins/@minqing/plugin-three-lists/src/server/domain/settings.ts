/** What an administrator tunes on the core's settings page; defaults follow the campaign document. */
import { defaultsOf, type SettingsOf, type SettingsSchema } from './settings-schema';

/** Days and months are the bureau's (DOMAIN.md), whatever the server's clock zone. */
export const BUREAU_TIME_ZONE = 'Asia/Shanghai';

export const LOOP_SETTINGS = {
  ns: '@minqing/plugin-three-lists',
  fields: {
    /** 首接首办: working days from assignment to the deadline */
    firstReceiverDeadlineDays: {
      type: 'integer',
      default: 5,
      min: 1,
      max: 60,
      label: 'Deadline for first-receiver handling (working days)',
    },
    /** 领导包保: working days from assignment to the deadline */
    leaderGuaranteeDeadlineDays: {
      type: 'integer',
      default: 30,
      min: 1,
      max: 250,
      label: 'Deadline for leader-guaranteed problems (working days)',
    },
    /** working days within which the responsible party must accept (响应时限) */
    responseLimitDays: { type: 'integer', default: 1, min: 1, max: 30, label: 'Response limit (working days)' },
    /** league tables and the public page leave out groups with fewer cases than this */
    minSample: { type: 'integer', default: 5, min: 1, max: 1000, label: 'Minimum cases for a league table' },
    /** 销号 also allowed on a public evaluation of 基本满意 or better, not only a revisit 已解决 */
    closeOnSatisfiedEvaluation: {
      type: 'boolean',
      default: false,
      label: 'Close also on an evaluation of basically satisfied or better',
    },
    /** a revisit 未解决 reopens the problem */
    reopenOnUnresolvedRevisit: { type: 'boolean', default: true, label: 'Reopen when a revisit finds it unresolved' },
    /** an evaluation of 不满意 or worse reopens the problem */
    reopenOnDissatisfiedEvaluation: {
      type: 'boolean',
      default: true,
      label: 'Reopen on a dissatisfied public evaluation',
    },
    /** 回访 only by the office or a leader related to the problem (guarantor, liaison, appointed) */
    revisitOnlyByRelated: {
      type: 'boolean',
      default: true,
      label: 'Revisits only by leaders related to the problem (guarantor, liaison unit, responsible unit, appointed)',
    },
    /** 满意率 counts 基本满意 as satisfied */
    basicCountsAsSatisfied: {
      type: 'boolean',
      default: false,
      label: 'Count basically satisfied in the satisfaction rate',
    },
    /** the bureau's time zone, for working days and months (not on the page: set through the API) */
    timeZone: { type: 'timeZone', default: BUREAU_TIME_ZONE },
  },
} as const satisfies SettingsSchema;

export type LoopSettings = SettingsOf<typeof LOOP_SETTINGS>;

export const DEFAULT_SETTINGS: LoopSettings = defaultsOf(LOOP_SETTINGS);
