import { Plugin } from '@nocobase/server';
import { exposePluginInfo } from '@minqing/plugin-three-lists';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

export class PluginPublicityServer extends Plugin {
  async load() {
    exposePluginInfo(this, { resource: 'mqPublicity', packageJson });
  }
}

export default PluginPublicityServer;
