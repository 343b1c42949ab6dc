import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';
import { CoveragePanel } from './settings/CoveragePanel';

export class PluginLiaisonClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'liaison',
      resource: 'mqLiaison',
      title: '{{t("Liaison and visits", { ns: "@minqing/plugin-liaison" })}}',
      icon: 'EnvironmentOutlined',
      sort: 2,
      Settings: CoveragePanel,
    });
  }
}

export default PluginLiaisonClient;
