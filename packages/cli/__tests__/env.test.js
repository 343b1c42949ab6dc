'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
  ensureEnv,
  envFilePath,
  parseEnv,
  randomPassword,
  SERVER_POOL_MAX,
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

  describe('the connection pool on a database server (issue 22)', () => {
    const withEnv = (text, environment = {}) => {
      const dir = tmpRoot(`${example}# DB_POOL_MAX=20\n`);
      if (text !== undefined) fs.writeFileSync(path.join(dir, '.env'), text);
      const { env } = ensureEnv(dir, undefined, environment);
      return { env, text: fs.readFileSync(path.join(dir, '.env'), 'utf8') };
    };

    it('gives PostgreSQL and MariaDB more than Sequelize\'s 5 connections', () => {
      expect(SERVER_POOL_MAX).toBeGreaterThan(5);
      for (const dialect of ['postgres', 'mariadb', 'mysql']) {
        expect(withEnv(`DB_DIALECT=${dialect}\n`).env.DB_POOL_MAX).toBe(String(SERVER_POOL_MAX));
      }
      // set in the environment only (which wins over the file), the file still gets the pool
      expect(withEnv('APP_KEY=k\n', { DB_DIALECT: 'postgres' }).env.DB_POOL_MAX).toBe(String(SERVER_POOL_MAX));
      // once, with the reason beside it, and the next start leaves it alone
      const { text } = withEnv('DB_DIALECT=postgres\n');
      expect(text.match(/^DB_POOL_MAX=/gm)).toHaveLength(1);
      expect(text).toMatch(/#.*transactions.*\nDB_POOL_MAX=/);
    });

    it('turns on .env.example\'s commented line rather than adding a second one', () => {
      const { env, text } = withEnv(undefined, { DB_DIALECT: 'postgres' });
      expect(env.DB_POOL_MAX).toBe(String(SERVER_POOL_MAX));
      expect(text.match(/DB_POOL_MAX=/g)).toHaveLength(1);
    });

    it('keeps an administrator\'s own value, in the file or in the environment', () => {
      expect(withEnv('DB_DIALECT=postgres\nDB_POOL_MAX=8\n').env.DB_POOL_MAX).toBe('8');
      expect(withEnv('DB_DIALECT=postgres\n', { DB_POOL_MAX: '40' }).env.DB_POOL_MAX).toBeUndefined();
    });

    it('leaves SQLite as it was', () => {
      expect(withEnv(undefined).env.DB_POOL_MAX).toBeUndefined();
      expect(withEnv('DB_DIALECT=sqlite\n').env.DB_POOL_MAX).toBeUndefined();
      expect(withEnv('APP_KEY=k\n').env.DB_POOL_MAX).toBeUndefined();
      // the environment's sqlite wins over a file's postgres
      expect(withEnv('DB_DIALECT=postgres\n', { DB_DIALECT: 'sqlite' }).env.DB_POOL_MAX).toBeUndefined();
    });
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
