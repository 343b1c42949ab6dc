'use strict';
const fs = require('fs');
const path = require('path');
const { testDbConfig, root } = require('./test-db');

// absolute, so that jest started from any folder (a plugin's, say) reads the same file and keeps
// NocoBase's storage (logs, uploads) in the repository's storage/, never beside the sources
process.env.APP_ENV_PATH = path.join(__dirname, '..', 'test.env');
process.env.STORAGE_PATH = path.join(root, 'storage');
Object.assign(process.env, testDbConfig());
fs.mkdirSync(path.join(root, 'storage', 'db'), { recursive: true });
require('@nocobase/cli-v1/src/util').initEnv();
