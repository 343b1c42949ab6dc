import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';
import { EvaluatePage } from './public/EvaluatePage';
import { PublicPage } from './public/PublicPage';
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
    // open to everyone, like public forms: no login
    this.app.router.add('minqing-public', {
      path: '/minqing/public',
      Component: PublicPage,
      skipAuthCheck: true,
    });
    this.app.router.add('minqing-public-evaluate', {
      path: '/minqing/public/evaluate/:token',
      Component: EvaluatePage,
      skipAuthCheck: true,
    });
  }
}

export default PluginPublicityClient;
