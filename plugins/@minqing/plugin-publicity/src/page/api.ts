import { boot, t } from './i18n';

export class PublicError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * A random id this browser keeps, sent with every request: the rate limits count per device
 * (behind one school's address there are many) as well as per address. Not a tracker: nothing
 * else is derived from it, and the server keeps only a hash of it with the address.
 */
function deviceId(): string {
  try {
    let id = window.localStorage.getItem('mq-device');
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      const bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      window.localStorage.setItem('mq-device', id);
    }
    return id;
  } catch {
    return '';
  }
}

/** One `mqPublic` action: GET with params, or POST with a JSON body; errors in the page's language. */
export async function call<T = unknown>(
  action: string,
  options: { params?: Record<string, unknown>; body?: unknown } = {},
): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(options.params ?? {})) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  const device = deviceId();
  const res = await fetch(`${boot().apiBase}mqPublic:${action}${query.toString() ? `?${query}` : ''}`, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Locale': boot().lang,
      ...(device ? { 'X-Minqing-Device': device } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  }).catch(() => {
    // the browser's own "Failed to fetch" is English and says nothing to a parent
    throw new PublicError(t('No connection: check your network and try again'), 0);
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new PublicError(json?.errors?.[0]?.message ?? res.statusText, res.status);
  return (json.meta ? { rows: json.data, meta: json.meta } : json.data) as T;
}
