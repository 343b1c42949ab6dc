import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';
import { WARM_HEARTS_SETTINGS } from '../server/domain/settings';

export class PluginWarmHeartsClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'warm-hearts',
      resource: 'mqWarmHearts',
      title: '{{t("Warming hearts", { ns: "@minqing/plugin-warm-hearts" })}}',
      icon: 'HeartOutlined',
      sort: 5,
      // how many projects each leader claims (认领1-2项); how small a care-ledger group may be shown
      settings: {
        schema: WARM_HEARTS_SETTINGS,
        title: 'Claims and the care ledger',
        testId: 'mq-warm-hearts-settings',
      },
    });
  }
}

export default PluginWarmHeartsClient;
