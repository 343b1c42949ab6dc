import { Plugin } from '@nocobase/client';
import { LOOP_SETTINGS } from '../server/domain/settings';
import { quietSignInPage } from './quietSignIn';
import { HolidayCalendar } from './settings/HolidayCalendar';
import { registerMinqingSettings } from './settings/registerMinqingSettings';

export class PluginThreeListsClient extends Plugin {
  async load() {
    quietSignInPage(this.app);
    registerMinqingSettings(this.app, {
      name: 'three-lists',
      resource: 'mqThreeLists',
      title: '{{t("Three lists", { ns: "@minqing/plugin-three-lists" })}}',
      icon: 'UnorderedListOutlined',
      sort: 1,
      // deadlines in working days, close-out and reopen rules
      settings: { schema: LOOP_SETTINGS, title: 'Loop rules', testId: 'mq-loop-settings' },
      // 节假日与调休: the office's days over the package, and the warning for a year nobody knows
      Settings: HolidayCalendar,
    });
  }
}

export default PluginThreeListsClient;
