/** What an administrator sets for 暖民心. Plain data: the settings page is made from it. */
import type { SettingsOf, SettingsSchema } from '@minqing/plugin-three-lists';

export const WARM_HEARTS_SETTINGS = {
  ns: '@minqing/plugin-warm-hearts',
  fields: {
    /** "每位领导认领1-2项" */
    minProjectsPerLeader: { type: 'integer', default: 1, min: 1, max: 50, label: 'Projects per leader, at least' },
    maxProjectsPerLeader: { type: 'integer', default: 2, min: 1, max: 50, label: 'Projects per leader, at most' },
    /** care-ledger figures for groups smaller than this are shown as "fewer than N" */
    careMinGroupSize: {
      type: 'integer',
      default: 5,
      min: 1,
      max: 50,
      label: 'Care ledger: groups smaller than this are shown as "fewer than N"',
    },
  },
  ranges: [['minProjectsPerLeader', 'maxProjectsPerLeader']],
} as const satisfies SettingsSchema;

export type WarmHeartsSettings = SettingsOf<typeof WARM_HEARTS_SETTINGS>;
