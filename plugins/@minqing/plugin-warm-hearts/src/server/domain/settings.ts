import { refusalIn } from '@minqing/plugin-three-lists';
import { NS } from './fields';

export interface WarmHeartsSettings {
  /** "每位领导认领1-2项" */
  minProjectsPerLeader: number;
  maxProjectsPerLeader: number;
  /** care-ledger figures for groups smaller than this are shown as "fewer than N" */
  careMinGroupSize: number;
}

export const DEFAULT_WARM_HEARTS_SETTINGS: WarmHeartsSettings = {
  minProjectsPerLeader: 1,
  maxProjectsPerLeader: 2,
  careMinGroupSize: 5,
};

const refuse = refusalIn(NS);

export function mergeWarmHeartsSettings(current: WarmHeartsSettings, change: Record<string, unknown>) {
  const next = { ...current };
  for (const [key, value] of Object.entries(change ?? {})) {
    if (!(key in DEFAULT_WARM_HEARTS_SETTINGS)) throw refuse('UNKNOWN_SETTING', 'Unknown setting {{key}}', { key });
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 50) {
      throw refuse('INVALID_SETTING', 'Setting {{key}} must be {{rule}}', { key, rule: '1–50' });
    }
    (next as any)[key] = value;
  }
  if (next.minProjectsPerLeader > next.maxProjectsPerLeader) {
    throw refuse('INVALID_RANGE', 'The minimum cannot exceed the maximum');
  }
  return next;
}

/** Counts below the minimum group size are not shown: "fewer than N". Pure. */
export function suppressSmall(count: number, min: number): number | string {
  return count > 0 && count < min ? `<${min}` : count;
}
