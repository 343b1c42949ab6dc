import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';

export class PluginWarmHeartsClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'warm-hearts',
      resource: 'mqWarmHearts',
      title: '{{t("Warming hearts", { ns: "@minqing/plugin-warm-hearts" })}}',
      icon: 'HeartOutlined',
      sort: 5,
    });
  }
}

export default PluginWarmHeartsClient;
