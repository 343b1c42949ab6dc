'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '../../..');

describe('the server tests’ environment', () => {
  it('is the same from any working directory: test.env read, storage (logs) in the repository’s storage/', () => {
    // jest started from a plugin's folder once left NocoBase's log audit file in that plugin's src/
    const cwd = path.join(root, 'plugins/@minqing/plugin-liaison/src/server');
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(path.join(__dirname, '../jest/setup-env.js'))}); console.log(JSON.stringify({ storage: process.env.STORAGE_PATH, level: process.env.LOGGER_LEVEL }))`,
      ],
      { cwd, env: { ...process.env, JEST_WORKER_ID: '1', STORAGE_PATH: '', APP_ENV_PATH: '' }, encoding: 'utf8' },
    );
    expect(JSON.parse(out.trim().split('\n').pop())).toEqual({ storage: path.join(root, 'storage'), level: 'error' });
  });

  it('leaves no runtime files among the plugins’ sources', () => {
    const plugins = path.join(root, 'plugins/@minqing');
    const strays = fs
      .readdirSync(plugins)
      .flatMap((name) =>
        fs
          .readdirSync(path.join(plugins, name, 'src'), { recursive: true })
          .map((f) => path.join(name, 'src', String(f))),
      )
      .filter((file) => /(^|\/)storage(\/|$)|\.log$|-audit\.json$/.test(file.split(path.sep).join('/')));
    expect(strays).toEqual([]);
  });
});
