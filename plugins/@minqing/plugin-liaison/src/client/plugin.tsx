import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';

export class PluginLiaisonClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'liaison',
      resource: 'mqLiaison',
      title: '{{t("Liaison and visits", { ns: "@minqing/plugin-liaison" })}}',
      icon: 'EnvironmentOutlined',
      sort: 2,
    });
  }
}

export default PluginLiaisonClient;
