import { Plugin } from '@nocobase/client';
import { LoopSettingsForm } from './settings/LoopSettingsForm';
import { registerMinqingSettings } from './settings/registerMinqingSettings';

export class PluginThreeListsClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'three-lists',
      resource: 'mqThreeLists',
      title: '{{t("Three lists", { ns: "@minqing/plugin-three-lists" })}}',
      icon: 'UnorderedListOutlined',
      sort: 1,
      Settings: LoopSettingsForm,
    });
  }
}

export default PluginThreeListsClient;
