import { settingsStore } from '@minqing/plugin-three-lists';
import { PUBLICITY_SETTINGS } from '../domain/settings';

export const publicitySettings = settingsStore('publicity', PUBLICITY_SETTINGS);
