'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
  ensureEnv,
  envFilePath,
  parseEnv,
  randomPassword,
  PASSWORD_ALPHABET,
  WELL_KNOWN_PASSWORDS,
} = require('../src/env');

function tmpRoot(example) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-env-'));
  fs.writeFileSync(path.join(dir, '.env.example'), example);
  return dir;
}

describe('.env generation', () => {
  const example =
    'APP_KEY=\nINIT_ROOT_EMAIL=admin@minqing.local\nINIT_ROOT_PASSWORD=\n# DB_HOST=127.0.0.1\nDB_STORAGE=storage/db/minqing.sqlite\n';

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
    fs.writeFileSync(
      path.join(dir, '.env'),
      `APP_KEY=mine\nINIT_ROOT_PASSWORD=${WELL_KNOWN_PASSWORDS[0]}\nDB_DIALECT=postgres\n`,
    );
    const { env } = ensureEnv(dir);
    expect(env.APP_KEY).toBe('mine');
    expect(env.DB_DIALECT).toBe('postgres');
    expect(WELL_KNOWN_PASSWORDS).not.toContain(env.INIT_ROOT_PASSWORD);
  });

  it('writes another env file when asked (APP_ENV_PATH / --env-path), never touching .env', () => {
    const dir = tmpRoot(example);
    const file = envFilePath(dir, 'storage/e2e/app.env');
    expect(file).toBe(path.join(dir, 'storage/e2e/app.env'));
    const { created, env } = ensureEnv(dir, file);
    expect(created).toBe(true);
    expect(env.INIT_ROOT_PASSWORD).toMatch(/^[A-Za-z0-9]{18}$/);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
    expect(envFilePath(dir, undefined)).toBe(path.join(dir, '.env'));
    // made from .env.example, it gets a storage folder and a database of its own
    expect(env).toMatchObject({ STORAGE_PATH: 'storage/e2e/app', DB_STORAGE: 'storage/e2e/app/db/minqing.sqlite' });
    expect(ensureEnv(dir).env.STORAGE_PATH).toBeUndefined();
  });

  it('draws every password character uniformly from the alphabet (no modulo bias)', () => {
    const counts = new Map([...PASSWORD_ALPHABET].map((c) => [c, 0]));
    const draws = 12_000;
    for (let i = 0; i < draws; i++) for (const c of randomPassword()) counts.set(c, counts.get(c) + 1);
    expect(counts.size).toBe(PASSWORD_ALPHABET.length);
    const expected = (draws * 18) / PASSWORD_ALPHABET.length;
    // a byte % 57 gives the first 28 characters 5/256 instead of 4/256: 25 % more often
    for (const [c, n] of counts) expect([c, Math.abs(n - expected) / expected < 0.1]).toEqual([c, true]);
  });

  it('parses quoted values and ignores comments', () => {
    expect(parseEnv('A="x y"\n# B=1\nC=\'z\'\n')).toEqual({ A: 'x y', C: 'z' });
  });
});
