import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';

export class PluginPublicityClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'publicity',
      resource: 'mqPublicity',
      title: '{{t("Publicity and evaluation", { ns: "@minqing/plugin-publicity" })}}',
      icon: 'GlobalOutlined',
      sort: 4,
    });
  }
}

export default PluginPublicityClient;
