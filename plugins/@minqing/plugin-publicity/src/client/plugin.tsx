import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';
import { PUBLICITY_SETTINGS } from '../server/domain/settings';
import { PublicPageLink } from './settings/PublicPageLink';

export class PluginPublicityClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'publicity',
      resource: 'mqPublicity',
      title: '{{t("Publicity and evaluation", { ns: "@minqing/plugin-publicity" })}}',
      icon: 'GlobalOutlined',
      sort: 4,
      // limits of the public intake, evaluation links and the public page's cache
      settings: {
        schema: PUBLICITY_SETTINGS,
        title: 'Public page and intake',
        testId: 'mq-publicity-settings',
        Intro: PublicPageLink,
      },
    });
    // the public page (/minqing/public) is not part of the admin client: the server serves it as a
    // small standalone document (src/page, services/public-page.ts)
  }
}

export default PluginPublicityClient;
