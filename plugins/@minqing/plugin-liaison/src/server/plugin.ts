import { Plugin } from '@nocobase/server';
import { exposePluginInfo } from '@minqing/plugin-three-lists';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

export class PluginLiaisonServer extends Plugin {
  async load() {
    exposePluginInfo(this, { resource: 'mqLiaison', packageJson });
  }
}

export default PluginLiaisonServer;
