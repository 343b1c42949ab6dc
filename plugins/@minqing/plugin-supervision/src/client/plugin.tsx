import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';

export class PluginSupervisionClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'supervision',
      resource: 'mqSupervision',
      title: '{{t("Supervision and revisits", { ns: "@minqing/plugin-supervision" })}}',
      icon: 'AlertOutlined',
      sort: 3,
    });
  }
}

export default PluginSupervisionClient;
