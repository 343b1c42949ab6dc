import { LoopRuleError } from './loop';

/** What an administrator tunes on the plugin's settings page; defaults follow the campaign document. */
export interface LoopSettings {
  /** 首接首办: working days from assignment to the deadline */
  firstReceiverDeadlineDays: number;
  /** 领导包保: working days from assignment to the deadline */
  leaderGuaranteeDeadlineDays: number;
  /** working days within which the responsible party must accept (响应时限) */
  responseLimitDays: number;
  /** 销号 also allowed on a public evaluation of 基本满意 or better, not only a revisit 已解决 */
  closeOnSatisfiedEvaluation: boolean;
  /** a revisit 未解决 reopens the problem */
  reopenOnUnresolvedRevisit: boolean;
  /** an evaluation of 不满意 or worse reopens the problem */
  reopenOnDissatisfiedEvaluation: boolean;
  /** 满意率 counts 基本满意 as satisfied */
  basicCountsAsSatisfied: boolean;
  /** league tables leave out groups with fewer cases than this */
  minSample: number;
  /** the bureau's time zone, for working days and months */
  timeZone: string;
}

export const DEFAULT_SETTINGS: LoopSettings = {
  firstReceiverDeadlineDays: 5,
  leaderGuaranteeDeadlineDays: 30,
  responseLimitDays: 1,
  closeOnSatisfiedEvaluation: false,
  reopenOnUnresolvedRevisit: true,
  reopenOnDissatisfiedEvaluation: true,
  basicCountsAsSatisfied: false,
  minSample: 5,
  timeZone: 'Asia/Shanghai',
};

const DAY_LIMITS: Partial<Record<keyof LoopSettings, [number, number]>> = {
  firstReceiverDeadlineDays: [1, 60],
  leaderGuaranteeDeadlineDays: [1, 250],
  responseLimitDays: [1, 30],
  minSample: [1, 1000],
};

/** Merges a change into settings, refusing anything out of range or of the wrong kind. */
export function mergeSettings(current: LoopSettings, change: Record<string, unknown>): LoopSettings {
  const next = { ...current };
  for (const [key, value] of Object.entries(change ?? {})) {
    if (!(key in DEFAULT_SETTINGS)) {
      throw new LoopRuleError('UNKNOWN_SETTING', 'Unknown setting {{key}}', { key });
    }
    const expected = typeof DEFAULT_SETTINGS[key as keyof LoopSettings];
    const limits = DAY_LIMITS[key as keyof LoopSettings];
    if (
      typeof value !== expected ||
      (limits && (!Number.isInteger(value) || (value as number) < limits[0] || (value as number) > limits[1]))
    ) {
      throw new LoopRuleError('INVALID_SETTING', 'Setting {{key}} must be {{rule}}', {
        key,
        rule: limits ? `${limits[0]}–${limits[1]}` : expected,
      });
    }
    if (key === 'timeZone' && !isTimeZone(value as string)) {
      throw new LoopRuleError('INVALID_SETTING', 'Setting {{key}} must be {{rule}}', {
        key,
        rule: 'an IANA time zone',
      });
    }
    (next as any)[key] = value;
  }
  return next;
}

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
