/**
 * Rate limits of the public doors (接诉即办, tracking, evaluation links, Open311), as pure rules.
 * A request is counted twice: against its device (a fingerprint) and against its network address,
 * each in a fixed window. The address gets a higher limit than the device, so that a whole school
 * behind one NAT address is not locked out by its first five parents, while one device cannot
 * flood either. The counters themselves live outside the process (services/rate-limit.ts), so a
 * restart or a second app node does not reset them.
 */
import { createHash, createHmac } from 'crypto';

export type RateKind = 'submissions' | 'lookups' | 'open311';

export interface RateRule {
  /** the counter's name, e.g. `submissions:device:…:123` */
  key: string;
  limit: number;
}

/** The fixed window `now` falls in: its index and when it ends. */
export function windowOf(now: number, windowMs: number) {
  const index = Math.floor(now / windowMs);
  return { index, endsAt: (index + 1) * windowMs };
}

/** A short, stable, non-reversible name for an address or a fingerprint (no IP is stored as it is). */
export function hashed(text: string) {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/**
 * A name for an address or a device kept with a record (a public rating): keyed with the app's
 * secret, so that nobody holding the database can try the four billion IPv4 addresses against it.
 */
export function saltedHash(secret: string, text: string) {
  return createHmac('sha256', secret).update(text).digest('base64url').slice(0, 22);
}

/**
 * The device a request comes from: the id the public page keeps in the browser (`X-Minqing-Device`)
 * when it sends one, else what the browser says of itself (user agent and languages). Always bound
 * to the address, so a made-up device id buys nothing beyond the address's own limit.
 */
export function deviceFingerprint(address: string, headers: { device?: string; userAgent?: string; language?: string }) {
  const device = typeof headers.device === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(headers.device) ? headers.device : '';
  return hashed(`${address}|${device || `${headers.userAgent ?? ''}|${headers.language ?? ''}`}`);
}

/** The counters one public request is checked against: its device's and its address's. */
export function publicRateRules(
  kind: Exclude<RateKind, 'open311'>,
  address: string,
  device: string,
  limits: { perDevice: number; perAddress: number },
  windowIndex: number,
): RateRule[] {
  return [
    { key: `${kind}:device:${device}:${windowIndex}`, limit: limits.perDevice },
    { key: `${kind}:address:${hashed(address)}:${windowIndex}`, limit: limits.perAddress },
  ];
}

/** Which rule (if any) the counts after this request break: the request is refused then. */
export function brokenRule(rules: RateRule[], counts: number[]): RateRule | undefined {
  return rules.find((rule, i) => counts[i] > rule.limit);
}

/** Seconds until a refused client may try again (at least 1). */
export function retryAfterSeconds(now: number, windowEndsAt: number) {
  return Math.max(1, Math.ceil((windowEndsAt - now) / 1000));
}
