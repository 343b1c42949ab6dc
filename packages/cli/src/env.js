'use strict';
// Creates .env from .env.example on first run, with secrets generated for this machine:
// never a fixed APP_KEY, never NocoBase's well-known default root password.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const WELL_KNOWN_PASSWORDS = ['admin123'];

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

function randomPassword() {
  // Readable on a login form, 18 characters, no look-alikes.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from(crypto.randomBytes(18), (b) => alphabet[b % alphabet.length]).join('');
}

/** Returns { env, created } where env is the parsed .env after filling in what was missing. */
function ensureEnv(root) {
  const file = path.join(root, '.env');
  const created = !fs.existsSync(file);
  let text = created ? fs.readFileSync(path.join(root, '.env.example'), 'utf8') : fs.readFileSync(file, 'utf8');
  const env = parseEnv(text);
  if (!env.APP_KEY) text = setVar(text, 'APP_KEY', crypto.randomBytes(48).toString('base64url'));
  if (!env.INIT_ROOT_PASSWORD || WELL_KNOWN_PASSWORDS.includes(env.INIT_ROOT_PASSWORD)) {
    text = setVar(text, 'INIT_ROOT_PASSWORD', randomPassword());
  }
  // one password for the demo bureau's users (leader01…, cadre001…), never a fixed one
  if (!env.MINQING_DEMO_PASSWORD) text = setVar(text, 'MINQING_DEMO_PASSWORD', randomPassword().slice(0, 12));
  fs.writeFileSync(file, text, { mode: 0o600 });
  return { env: parseEnv(text), created };
}

module.exports = { ensureEnv, parseEnv, randomPassword, WELL_KNOWN_PASSWORDS };
