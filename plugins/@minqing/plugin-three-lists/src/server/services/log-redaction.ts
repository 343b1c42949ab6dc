import type Application from '@nocobase/server';
import { maskPersonalData } from '../domain/personal-data';

/**
 * 日志脱敏: NocoBase's request log writes each action's parameters verbatim, masking only the
 * fields named `password` (`confirm_password` of a sign-up is written as typed). Complainants'
 * contact details, photos as data URLs, the care ledger's text and internal notes would follow.
 *
 * NocoBase gives no plugin-level option for it, so the log's own pipeline is used: a format
 * (winston's sanitising hook) put in front of the request logger's and the system logger's own.
 * Whatever reaches a transport has been through it:
 *
 * - the values, filters and query string of a request to our resources (`mq_*`, `mq…`), to users
 *   and to authentication are written as their shape: field names kept, each value `[…]`;
 * - any key that names a secret (password, confirm_password, token…) is `[redacted]`;
 * - every other string has phones, ID numbers and addresses masked, and data URLs cut.
 */

const SQL = /\b(sql:|SELECT\s|INSERT\s+INTO|UPDATE\s+[`"\w]|DELETE\s+FROM)/i;
const SECRET_KEY = /pass(word)?|secret|token|confirm_?password/i;
const OURS = /^(mq[_A-Z]|users\b|auth\b|attachments\b)/;
// a path of ours, with or without the API prefix: /api/mq_problems:list?…, /mqPublic:submit
const OUR_URL = /(^|\s|\/)(mq[_A-Z]|users[:/.]|auth[:/.]|attachments[:/.])/;

const shapeOf = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return value === null || value === undefined ? value : '[…]';
};

function decoded(text: string) {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function maskString(text: string): string {
  const cut = decoded(text).replace(/data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+/gi, '[data URL]');
  // a request line of ours: everything after the path goes (the query is JSON once decoded)
  const url = OUR_URL.test(cut) ? cut.replace(/\?[\s\S]*$/, '?[…]') : cut;
  // a database error quotes its SQL, values inlined (MariaDB): the literals go
  const sql = SQL.test(url) ? url.replace(/'(?:[^'\\]|\\.|'')*'/g, "'…'").replace(/parameters:\s*\[[\s\S]*?\]/g, 'parameters:[…]') : url;
  return maskPersonalData(sql);
}

function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskString(value);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  if (depth > 12 || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, seen));
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function' && !(value instanceof Error)) {
    return redactValue((value as { toJSON: () => unknown }).toJSON(), depth + 1, seen);
  }
  const out: Record<string, unknown> = {};
  const action = value as { resourceName?: unknown; params?: Record<string, unknown> };
  const ours = typeof action.resourceName === 'string' && OURS.test(action.resourceName);
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) out[key] = '[redacted]';
    else if (ours && key === 'params' && v && typeof v === 'object') {
      const params = v as Record<string, unknown>;
      out.params = Object.fromEntries(
        Object.entries(params).map(([k, p]) => [
          k,
          ['values', 'filter', 'filterByTk', 'q', 'code', 'token'].includes(k) ? shapeOf(p) : redactValue(p, depth + 2, seen),
        ]),
      );
    } else out[key] = redactValue(v, depth + 1, seen);
  }
  return out;
}

/** A winston info object redacted; its symbol keys (level, message) are kept as they are. */
export function redactLogEntry<T extends Record<string | symbol, unknown>>(info: T): T {
  const out = redactValue(info) as Record<string | symbol, unknown>;
  for (const symbol of Object.getOwnPropertySymbols(info)) {
    const v = info[symbol];
    out[symbol] = typeof v === 'string' ? maskString(v) : v;
  }
  return out as T;
}

interface LogFormat {
  transform: (info: any, options?: unknown) => any;
  options?: unknown;
}
interface FormattedLogger {
  format?: LogFormat;
  __minqingRedacted?: boolean;
}

function redactLogger(logger: FormattedLogger | undefined | null) {
  if (!logger || logger.__minqingRedacted || !logger.format) return;
  const own = logger.format;
  logger.format = {
    transform: (info: any) => own.transform(redactLogEntry(info), own.options),
    options: own.options,
  };
  logger.__minqingRedacted = true;
}

function redactAppLoggers(app: Application) {
  const anyApp = app as any;
  redactLogger(anyApp.requestLogger);
  // app.log is a child (of a child…) of the system logger: its entries go through the pipeline of
  // the logger that owns `format`, up its prototype chain
  let system = anyApp._logger ?? anyApp.log;
  while (system && !Object.prototype.hasOwnProperty.call(system, 'format')) system = Object.getPrototypeOf(system);
  redactLogger(system);
}

/**
 * The loggers are made anew when the app re-initialises (a restart, a reload): the format is put
 * in front of whichever logger is current, before each request reaches the request logger.
 */
export function redactLogs(app: Application) {
  redactAppLoggers(app);
  app.use(
    async (_ctx: unknown, next: () => Promise<void>) => {
      redactAppLoggers(app);
      await next();
    },
    { tag: 'minqingLogRedaction', before: 'logger' },
  );
}
