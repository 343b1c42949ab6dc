import type { Context, Next } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { deviceFingerprint, publicRateRules, saltedHash, windowOf } from '../domain/rate-limit';
import type { RateCounters } from '../services/rate-limit';
import { refuse } from '../services/errors';
import { publicSimilar } from '../services/duplicates';
import { checkEvaluation, evaluate } from '../services/evaluation';
import { submitReport, trackReport } from '../services/intake';
import { PublicCache } from '../services/cache';
import { listCases, listPublished, publicOptions, publicStats, searchUnits } from '../services/public-read';
import { publicitySettings } from '../services/settings';

/** Public reads: answered from the cache, keyed by the query (only the parameters they read). */
const READS: Record<
  string,
  {
    keys: string[];
    read: (app: Application, q: Record<string, any>) => Promise<unknown> | unknown;
    /** how long a recomputation may make a visitor wait before the previous answer is sent */
    graceMs?: number;
  }
> = {
  list: { keys: ['page', 'pageSize', 'category', 'status', 'unitId', 'q'], read: (app, q) => listPublished(app.db, q) },
  // figures over every problem: seconds at province scale, and one change behind is harmless; a
  // list stays exact, so that what was just published shows
  stats: {
    keys: ['groupBy', 'from', 'to', 'category', 'unitId', 'region'],
    read: (app, q) => publicStats(app.db, q),
    graceMs: 500,
  },
  cases: { keys: ['page', 'pageSize'], read: (app, q) => listCases(app.db, q) },
  options: { keys: [], read: (app) => publicOptions(app.db) },
  units: { keys: ['q'], read: (app, q) => searchUnits(app.db, q) },
};

/**
 * `mqPublic`: the only door the public has. Read-only answers built from whitelists, the
 * 接诉即办 intake, tracking by code and single-use evaluation; nothing else of ours is open to
 * anonymous users (no `mq_*` collection action is).
 */
export function registerPublicResource(app: Application, limiter: RateCounters, cache: PublicCache) {
  /**
   * Counts the request against its device's and its address's windows (in the shared counters);
   * answers the settings it read, for the action to reuse.
   */
  /** where a public rating comes from, as salted hashes (作风监督 looks for many from one source) */
  const sourceOf = (ctx: Context) => {
    const address = String(ctx.ip ?? '');
    const secret = process.env.APP_KEY || app.name;
    const device = deviceFingerprint(address, {
      device: ctx.get('X-Minqing-Device'),
      userAgent: ctx.get('User-Agent'),
      language: ctx.get('Accept-Language'),
    });
    return { deviceHash: saltedHash(secret, `device|${device}`), addressHash: saltedHash(secret, `address|${address}`) };
  };

  const limited = async (ctx: Context, kind: 'submissions' | 'lookups') => {
    const settings = await publicitySettings.get(ctx.db);
    const limits =
      kind === 'submissions'
        ? { perDevice: settings.submissionsPerWindow, perAddress: settings.submissionsPerAddress }
        : { perDevice: settings.lookupsPerWindow, perAddress: settings.lookupsPerAddress };
    const now = Date.now();
    const window = windowOf(now, settings.windowMinutes * 60_000);
    const address = String(ctx.ip ?? '');
    const device = deviceFingerprint(address, {
      device: ctx.get('X-Minqing-Device'),
      userAgent: ctx.get('User-Agent'),
      language: ctx.get('Accept-Language'),
    });
    const { broken, retryAfter } = await limiter.take(
      publicRateRules(kind, address, device, limits, window.index),
      window.endsAt,
    );
    if (broken) {
      ctx.set('Retry-After', String(retryAfter));
      throw refuse(
        'TOO_MANY_REQUESTS',
        'Too many requests from your network; please try again in {{minutes}} minutes',
        { minutes: Math.ceil(retryAfter / 60) },
        429,
      );
    }
    return settings;
  };

  const actions: Record<string, (ctx: Context, next: Next) => Promise<void>> = {};
  for (const [name, { keys, read, graceMs }] of Object.entries(READS)) {
    actions[name] = async (ctx, next) => {
      const query = queryOf(keys, ctx.action.params ?? {});
      const ttl = async () => (await publicitySettings.get(ctx.db)).cacheSeconds;
      const { value, body, hit, stale } = await cache.wrap(cacheKey(name, query), ttl, async () => read(app, query), {
        graceMs,
      });
      ctx.set('X-Minqing-Cache', stale ? 'stale' : hit ? 'hit' : 'miss');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = hit ? unwrap(body) : value;
      await next();
    };
  }
  serveCachedReads(app, cache);
  actions.submit = async (ctx, next) => {
    const settings = await limited(ctx, 'submissions');
    ctx.body = await submitReport(app, ctx.action.params.values ?? {}, settings, {
      channel: 'web',
      locale: ctx.get('X-Locale') || ctx.get('Accept-Language'),
    });
    await next();
  };
  actions.track = async (ctx, next) => {
    await limited(ctx, 'lookups');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await trackReport(app, ctx.action.params.code);
    await next();
  };
  actions.evaluation = async (ctx, next) => {
    await limited(ctx, 'lookups');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await checkEvaluation(ctx.db, ctx.action.params.token);
    await next();
  };
  // before a report is sent: "others reported this — follow it instead?"
  actions.similar = async (ctx, next) => {
    await limited(ctx, 'lookups');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await publicSimilar(ctx.db, ctx.action.params);
    await next();
  };
  actions.evaluate = async (ctx, next) => {
    await limited(ctx, 'lookups');
    ctx.body = await evaluate(ctx.db, ctx.action.params.values ?? {}, sourceOf(ctx));
    await next();
  };

  app.resourceManager.define({ name: 'mqPublic', actions });
  app.acl.allow('mqPublic', Object.keys(actions), 'public');
  limitBodySize(app);
}

function queryOf(keys: string[], params: Record<string, any>) {
  return Object.fromEntries(keys.filter((k) => params[k] !== undefined && params[k] !== '').map((k) => [k, params[k]]));
}

function cacheKey(name: string, query: Record<string, unknown>) {
  return `${name}:${JSON.stringify(
    Object.keys(query)
      .sort()
      .map((k) => [k, String(query[k])]),
  )}`;
}

/** Back from the stored response to the action's body, which NocoBase wraps again. */
function unwrap(body: string) {
  const { data, meta } = JSON.parse(body);
  return meta ? { rows: data, ...meta } : data;
}

/**
 * A cached public answer is sent before the request reaches authentication, ACL and the
 * resource layer: the endpoints are open to everyone anyway, and a parent's phone on a busy day
 * should not wait for them. A miss goes the normal way, which fills the cache.
 */
function serveCachedReads(app: Application, cache: PublicCache) {
  const pattern = new RegExp(`/mqPublic:(${Object.keys(READS).join('|')})$`);
  app.use(
    async (ctx: any, next: () => Promise<void>) => {
      const match = ctx.method === 'GET' ? pattern.exec(ctx.path) : null;
      if (match) {
        const cached = await cache.body(cacheKey(match[1], queryOf(READS[match[1]].keys, ctx.query ?? {})));
        if (cached) {
          ctx.set('X-Minqing-Cache', cached.stale ? 'stale' : 'hit');
          ctx.set('Cache-Control', 'no-store');
          ctx.type = 'application/json';
          ctx.body = cached.body;
          return;
        }
      }
      await next();
    },
    // as early as possible: before i18n, body parsing and CORS, which a cached GET does not need
    { tag: 'minqingPublicCache', after: 'logger', before: ['i18n', 'bodyParser', 'cors', 'dataWrapping'] },
  );
}

/** An oversized body is refused with 413 before it is read, not after it is parsed. */
function limitBodySize(app: Application) {
  app.use(
    async (ctx: any, next: () => Promise<void>) => {
      if (ctx.method === 'POST' && /\/mqPublic:(submit|evaluate)$/.test(ctx.path)) {
        const length = Number(ctx.get('content-length') || 0);
        const { maxBodyKB } = await publicitySettings.get(app.db);
        if (length > maxBodyKB * 1024) {
          const error = refuse(
            'BODY_TOO_LARGE',
            'The report is too large (at most {{max}} KB, photos included)',
            {
              max: maxBodyKB,
            },
            413,
          );
          ctx.status = 413;
          ctx.body = { errors: [{ code: error.code, message: await translateEarly(app, ctx, error) }] };
          ctx.req.resume?.(); // drain, so the connection closes cleanly
          return;
        }
      }
      await next();
    },
    { tag: 'minqingPublicBodyLimit', before: 'bodyParser' },
  );
}

/** Before NocoBase's i18n and error-handler middleware: translate the refusal ourselves. */
async function translateEarly(app: Application, ctx: any, error: ReturnType<typeof refuse>) {
  const lng = ctx.get('X-Locale') || ctx.query?.locale || 'zh-CN';
  try {
    const i18n = await (app as any).localeManager.getI18nInstance(lng);
    await i18n.changeLanguage(lng);
    await (app as any).localeManager.loadResourcesByLang(lng);
    return i18n.t(error.key, { ns: error.ns, ...error.params });
  } catch {
    return error.message;
  }
}
