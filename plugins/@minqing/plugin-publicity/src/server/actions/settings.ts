import { settingsActionsOf } from '@minqing/plugin-three-lists';
import { publicitySettings } from '../services/settings';

/** mqPublicity:getSettings / updateSettings, behind this plugin's settings snippet */
export const settingsActions = settingsActionsOf(publicitySettings);
