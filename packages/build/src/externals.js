'use strict';
// Modules the NocoBase admin client defines for plugins through requirejs
// (packages/core/client/src/application/utils/globalDeps.ts): a plugin bundle must name them
// as AMD dependencies instead of carrying its own copies.
const SHARED_MODULES = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-router',
  'react-router-dom',
  'antd',
  'antd-style',
  '@ant-design/icons',
  '@ant-design/cssinjs',
  'i18next',
  'react-i18next',
  '@formily/antd-v5',
  '@formily/core',
  '@formily/react',
  '@formily/shared',
  '@formily/json-schema',
  '@formily/reactive',
  '@formily/path',
  '@formily/validator',
  '@formily/reactive-react',
  '@nocobase/utils',
  '@nocobase/utils/client',
  '@nocobase/client',
  '@nocobase/client/client',
  // the modern client's runtime (client-v2 bundles)
  '@nocobase/client-v2',
  '@nocobase/evaluators',
  '@nocobase/evaluators/client',
  '@nocobase/sdk',
  '@nocobase/flow-engine',
  '@dnd-kit/core',
  '@dnd-kit/sortable',
  'axios',
  'dayjs',
  'lodash',
  'ahooks',
  '@emotion/css',
  'file-saver',
];

// Every plugin's client is defined as `<package>/client` by the admin client's plugin loader,
// so one plugin's bundle may depend on another's public client exports.
const PLUGIN_CLIENT = /^@(nocobase|minqing)\/plugin-[\w-]+\/client(-v2)?$/;

function isExternal(id) {
  return SHARED_MODULES.includes(id) || PLUGIN_CLIENT.test(id);
}

module.exports = { SHARED_MODULES, isExternal };
