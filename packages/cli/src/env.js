'use strict';
// Creates the env file (.env unless APP_ENV_PATH / --env-path names another) from .env.example on
// first run, with secrets generated for this machine: never a fixed APP_KEY, never NocoBase's
// well-known default root password.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const WELL_KNOWN_PASSWORDS = ['admin123'];
// Readable on a login form: no look-alikes (0/O, 1/l/I).
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

function parseEnv(text) {
  const env = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
    if (m) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

function setVar(text, key, value) {
  const re = new RegExp(`^#?\\s*${key}=.*$`, 'm');
  return re.test(text) ? text.replace(re, `${key}=${value}`) : `${text.trimEnd()}\n${key}=${value}\n`;
}

/** Every character drawn uniformly from the alphabet (crypto.randomInt, not a biased byte % n). */
function randomPassword(length = 18) {
  return Array.from({ length }, () => PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)]).join('');
}

/** The env file the app reads: APP_ENV_PATH (NocoBase's own variable, relative to root) or .env. */
function envFilePath(root, appEnvPath = process.env.APP_ENV_PATH) {
  return path.resolve(root, appEnvPath || '.env');
}

/**
 * Returns { env, created, file } where env is the parsed env file after filling in what was
 * missing. `file` defaults to <root>/.env; a new one starts from <root>/.env.example.
 */
function ensureEnv(root, file = envFilePath(root)) {
  const created = !fs.existsSync(file);
  let text = created ? fs.readFileSync(path.join(root, '.env.example'), 'utf8') : fs.readFileSync(file, 'utf8');
  const env = parseEnv(text);
  if (created && file !== path.join(root, '.env')) {
    // another configuration beside .env: its own storage folder and SQLite database, named after it
    const storage = path.relative(root, path.join(path.dirname(file), path.basename(file, path.extname(file))));
    text = setVar(text, 'STORAGE_PATH', storage);
    text = setVar(text, 'DB_STORAGE', path.join(storage, 'db', 'minqing.sqlite'));
  }
  if (!env.APP_KEY) text = setVar(text, 'APP_KEY', crypto.randomBytes(48).toString('base64url'));
  if (!env.INIT_ROOT_PASSWORD || WELL_KNOWN_PASSWORDS.includes(env.INIT_ROOT_PASSWORD)) {
    text = setVar(text, 'INIT_ROOT_PASSWORD', randomPassword());
  }
  // one password for the demo bureau's users (leader01…, cadre001…), never a fixed one
  if (!env.MINQING_DEMO_PASSWORD) text = setVar(text, 'MINQING_DEMO_PASSWORD', randomPassword(12));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o600 });
  return { env: parseEnv(text), created, file };
}

module.exports = { ensureEnv, envFilePath, parseEnv, randomPassword, PASSWORD_ALPHABET, WELL_KNOWN_PASSWORDS };
