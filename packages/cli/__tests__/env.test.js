'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureEnv, parseEnv, WELL_KNOWN_PASSWORDS } = require('../src/env');

function tmpRoot(example) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-env-'));
  fs.writeFileSync(path.join(dir, '.env.example'), example);
  return dir;
}

describe('.env generation', () => {
  const example = 'APP_KEY=\nINIT_ROOT_EMAIL=admin@minqing.local\nINIT_ROOT_PASSWORD=\n# DB_HOST=127.0.0.1\n';

  it('creates .env once, with secrets of its own on every machine', () => {
    const a = tmpRoot(example);
    const b = tmpRoot(example);
    const first = ensureEnv(a);
    expect(first.created).toBe(true);
    expect(first.env.APP_KEY.length).toBeGreaterThanOrEqual(48);
    expect(first.env.INIT_ROOT_PASSWORD).toMatch(/^[A-Za-z0-9]{18}$/);
    expect(ensureEnv(b).env.APP_KEY).not.toBe(first.env.APP_KEY);
    expect(fs.statSync(path.join(a, '.env')).mode & 0o077).toBe(0);

    const again = ensureEnv(a);
    expect(again.created).toBe(false);
    expect(again.env).toEqual(first.env);
  });

  it('replaces the well-known default password and keeps what the admin set', () => {
    const dir = tmpRoot(example);
    fs.writeFileSync(path.join(dir, '.env'), `APP_KEY=mine\nINIT_ROOT_PASSWORD=${WELL_KNOWN_PASSWORDS[0]}\nDB_DIALECT=postgres\n`);
    const { env } = ensureEnv(dir);
    expect(env.APP_KEY).toBe('mine');
    expect(env.DB_DIALECT).toBe('postgres');
    expect(WELL_KNOWN_PASSWORDS).not.toContain(env.INIT_ROOT_PASSWORD);
  });

  it('parses quoted values and ignores comments', () => {
    expect(parseEnv('A="x y"\n# B=1\nC=\'z\'\n')).toEqual({ A: 'x y', C: 'z' });
  });
});
