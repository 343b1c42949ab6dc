import { settingsStore } from '@minqing/plugin-three-lists';
import { WARM_HEARTS_SETTINGS } from '../domain/settings';

export const warmHeartsSettings = settingsStore('warm-hearts', WARM_HEARTS_SETTINGS);
