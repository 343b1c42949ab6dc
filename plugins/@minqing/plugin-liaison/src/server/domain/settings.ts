/** The liaison range (每位领导班子成员联系1-2家基层单位). Plain data: the settings page is made from it. */
import type { SettingsOf, SettingsSchema } from '@minqing/plugin-three-lists';

export const LIAISON_SETTINGS = {
  ns: '@minqing/plugin-liaison',
  fields: {
    minPoints: { type: 'integer', default: 1, min: 1, max: 20, label: 'Points per leader, at least' },
    maxPoints: { type: 'integer', default: 2, min: 1, max: 20, label: 'at most' },
  },
  ranges: [['minPoints', 'maxPoints']],
} as const satisfies SettingsSchema;

export type LiaisonSettings = SettingsOf<typeof LIAISON_SETTINGS>;
