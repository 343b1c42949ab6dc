import { Plugin } from '@nocobase/server';
import { exposePluginInfo } from './services/plugin-info';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

export class PluginThreeListsServer extends Plugin {
  async load() {
    exposePluginInfo(this, { resource: 'mqThreeLists', packageJson });
  }
}

export default PluginThreeListsServer;
