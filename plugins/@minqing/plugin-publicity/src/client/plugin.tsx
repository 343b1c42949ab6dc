import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';
import { EvaluatePage } from './public/EvaluatePage';
import { PublicPage } from './public/PublicPage';
import { PublicitySettingsForm } from './settings/PublicitySettingsForm';

export class PluginPublicityClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'publicity',
      resource: 'mqPublicity',
      title: '{{t("Publicity and evaluation", { ns: "@minqing/plugin-publicity" })}}',
      icon: 'GlobalOutlined',
      sort: 4,
      Settings: PublicitySettingsForm,
    });
    // open to everyone, like public forms: no login
    this.app.router.add('minqing-public', {
      path: '/minqing/public',
      Component: PublicPage,
      skipAuthCheck: true,
    } as any);
    this.app.router.add('minqing-public-evaluate', {
      path: '/minqing/public/evaluate/:token',
      Component: EvaluatePage,
      skipAuthCheck: true,
    } as any);
  }
}

export default PluginPublicityClient;
