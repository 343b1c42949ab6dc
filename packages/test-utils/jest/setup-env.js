'use strict';
const fs = require('fs');
const path = require('path');
const { testDbConfig, root } = require('./test-db');

process.env.APP_ENV_PATH = path.relative(root, path.join(__dirname, '..', 'test.env'));
Object.assign(process.env, testDbConfig());
fs.mkdirSync(path.join(root, 'storage', 'db'), { recursive: true });
require('@nocobase/cli-v1/src/util').initEnv();
