import { createHash, createHmac, randomBytes } from 'crypto';

/** Crockford's base32: no I, L, O or U, so a code read out over the phone is typed right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** JS-XXXX-XXXX-XXXX: 60 random bits, readable on a phone and on paper. */
export function newTrackingCode(bytes: Buffer = randomBytes(8)) {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let chars = '';
  for (let i = 0; i < 12; i++) {
    chars = ALPHABET[Number(n % 32n)] + chars;
    n /= 32n;
  }
  return `JS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** What a person typed, as stored: case, spaces, dashes and look-alike letters forgiven. */
export function normalizeTrackingCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/^JS/, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(chars)) return null;
  return `JS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export function sha256(text: string) {
  return createHash('sha256').update(text).digest('hex');
}

/** An evaluation token: derived from a secret and a stored nonce; only its hash is stored. */
export function evaluationToken(secret: string, nonce: string) {
  return createHmac('sha256', secret).update(`mq-evaluation:${nonce}`).digest('base64url');
}

export function newNonce() {
  return randomBytes(16).toString('hex');
}

/** Only what a token can look like reaches the database. */
export function isTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
