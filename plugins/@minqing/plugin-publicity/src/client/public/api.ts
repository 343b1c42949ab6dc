import { useAPIClient } from '@nocobase/client';
import React from 'react';
import { useTranslation } from 'react-i18next';

export const NS = '@minqing/plugin-publicity';
export const CORE_NS = '@minqing/plugin-three-lists';

export class PublicError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
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

/**
 * The public pages talk to `mqPublic` with plain fetch: no session, no token, and errors shown
 * where the person is looking instead of in the admin client's notifications.
 */
export function usePublicApi() {
  const api = useAPIClient();
  const { i18n } = useTranslation();
  const base = String(api.axios?.defaults?.baseURL ?? '/api/').replace(/\/?$/, '/');
  return React.useCallback(
    async <T = unknown>(
      action: string,
      options: { params?: Record<string, unknown>; body?: unknown } = {},
    ): Promise<T> => {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(options.params ?? {})) {
        if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
      }
      const url = `${base}mqPublic:${action}${query.toString() ? `?${query}` : ''}`;
      const res = await fetch(url, {
        method: options.body === undefined ? 'GET' : 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Locale': i18n.language || 'zh-CN',
          ...(deviceId() ? { 'X-Minqing-Device': deviceId() } : {}),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) {
        const error = json?.errors?.[0];
        throw new PublicError(error?.message ?? res.statusText, res.status, error?.code);
      }
      return (json.meta ? { rows: json.data, meta: json.meta } : json.data) as T;
    },
    [base, i18n.language],
  );
}

/** Loads an action's answer and reloads when `deps` change. */
export function usePublicData<T>(action: string, params: Record<string, unknown> = {}, deps: unknown[] = []) {
  const call = usePublicApi();
  const [state, setState] = React.useState<{ data?: T; error?: PublicError; loading: boolean }>({ loading: true });
  React.useEffect(() => {
    let alive = true;
    setState((s) => ({ ...s, loading: true }));
    call<T>(action, { params })
      .then((data) => alive && setState({ data, loading: false }))
      .catch((error) => alive && setState({ error, loading: false }));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [call, action, JSON.stringify(params), ...deps]);
  return state;
}

const TEMPLATE = /^\{\{\s*t\("(.+?)",\s*\{\s*ns:\s*"(.+?)"\s*\}\)\s*\}\}$/;

/** Our translations, plus the `{{t("…", { ns })}}` labels option lists carry. */
export function usePublicT() {
  const { t } = useTranslation([NS, CORE_NS, 'client']);
  const label = React.useCallback(
    (text: string) => {
      const m = TEMPLATE.exec(text ?? '');
      return m ? t(JSON.parse(`"${m[1]}"`), { ns: m[2] }) : text;
    },
    [t],
  );
  const status = React.useCallback((s: string) => t(`status.${s}`, { ns: CORE_NS }), [t]);
  // React escapes what it renders: i18next must not escape the values a second time
  const tr = React.useCallback(
    (key: string, options?: Record<string, unknown>) =>
      t(key, { ns: NS, ...options, interpolation: { escapeValue: false } }) as string,
    [t],
  );
  return { t: tr, label, status };
}

export const STATUS_COLORS: Record<string, string> = {
  new: 'default',
  assigned: 'blue',
  in_progress: 'processing',
  done: 'cyan',
  closed: 'green',
  reopened: 'red',
};

export const formatDay = (iso?: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN') : '—');
export const percent = (rate?: number | null) =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
