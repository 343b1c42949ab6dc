import type { Model } from '@nocobase/database';
import type Application from '@nocobase/server';
import {
  DONE_STATUSES,
  isRefusal,
  PUBLIC_PROBLEM_FIELDS,
  publicProblem,
  PUBLISHED_FILTER,
  STATUS_OPTIONS,
  translateLabel,
  type Refusal,
} from '@minqing/plugin-three-lists';
import { normalizeTrackingCode } from '../domain/codes';
import {
  dateParam,
  OPEN311_RESOURCE,
  OPEN311_SNIPPET,
  render,
  requestOfPublished,
  requestOfTracked,
  routeOf,
  serviceDefinitionOf,
  serviceOf,
  statusFilterOf,
  type Open311Answer,
  type Open311Format,
  type Open311Request,
} from '../domain/open311';
import { hashed, windowOf } from '../domain/rate-limit';
import { submitReport, trackReport } from './intake';
import { categoryOptions } from './public-read';
import type { RateCounters } from './rate-limit';
import { publicitySettings } from './settings';

const CORE_NS = '@minqing/plugin-three-lists';
const NS = '@minqing/plugin-publicity';
/** GeoReport's default window for GET requests, and its largest answer */
const DEFAULT_DAYS = 90;
const MAX_REQUESTS = 1000;

type T = (key: string, options?: Record<string, unknown>) => string;

/** An Open311 error to answer with (the spec's code is the HTTP status). */
class Open311Failure extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

/**
 * The GeoReport v2 endpoint, at `/api/open311/v2/` (services, requests, tokens, discovery; `.json`
 * and `.xml`). Served before NocoBase's data wrapping, so every answer — errors included — has the
 * spec's shape. Reads are public, as the public page is; filing needs an API key of a role
 * holding the `pm.minqing.open311` snippet (NocoBase's API keys: Settings › API keys).
 */
export function registerOpen311(app: Application, limiter: RateCounters) {
  app.acl.registerSnippet({ name: OPEN311_SNIPPET, actions: [`${OPEN311_RESOURCE}:create`] });
  app.use(
    async (ctx: any, next: () => Promise<void>) => {
      const match = /^(?:\/api)?\/open311\/v2\/(.+)$/.exec(ctx.path);
      if (!match) return next();
      const t: T = (key, options) => ctx.t(key, options);
      const found = routeOf(ctx.method, match[1]);
      const format: Open311Format = found?.format ?? (match[1].endsWith('.json') ? 'json' : 'xml');
      ctx.set('Cache-Control', 'no-store');
      // other sites' pages (a school's app in a browser) may read and file
      ctx.set('Access-Control-Allow-Origin', '*');
      try {
        if (!found) throw new Open311Failure(404, 'no such method; see discovery.json');
        const params = { ...(ctx.query ?? {}), ...(ctx.method === 'POST' ? (ctx.request.body ?? {}) : {}) };
        await checkJurisdiction(app, params.jurisdiction_id);
        const answer = await answerOf(app, ctx, found.route, params, t, limiter);
        send(ctx, answer.status ?? 200, render(answer.answer, format));
      } catch (error) {
        const failure = asFailure(error, t);
        if (!failure) throw error;
        if (failure.status === 429 && failure.retryAfter) ctx.set('Retry-After', String(failure.retryAfter));
        send(ctx, failure.status, render({ root: 'errors', body: [{ code: failure.status, description: failure.description }] }, format));
      }
    },
    // after i18n and the body parser (FixMyStreet posts a form), before the data wrapping
    { tag: 'minqingOpen311', after: 'cors', before: 'dataWrapping' },
  );
}

function send(ctx: any, status: number, rendered: { type: string; body: string }) {
  ctx.status = status;
  ctx.type = rendered.type;
  ctx.body = rendered.body;
}

function asFailure(error: unknown, t: T): { status: number; description: string; retryAfter?: number } | undefined {
  if (error instanceof Open311Failure) {
    const retryAfter = error.params.retryAfter as number | undefined;
    return { status: error.status, description: t(error.key, { ns: NS, ...error.params }), retryAfter };
  }
  if (isRefusal(error)) {
    const refusal = error as Refusal;
    const params = Object.fromEntries(
      Object.entries(refusal.params).map(([k, v]) => [k, typeof v === 'string' ? t(v, { ns: refusal.ns }) : v]),
    );
    return { status: refusal.status, description: t(refusal.key, { ns: refusal.ns, ...params }) };
  }
  return undefined;
}

/** `jurisdiction_id` is accepted; when the office set ours, another one is not found. */
async function checkJurisdiction(app: Application, value: unknown) {
  if (value === undefined || value === '') return;
  const { open311Jurisdiction } = await publicitySettings.get(app.db);
  if (open311Jurisdiction && value !== open311Jurisdiction) {
    throw new Open311Failure(404, 'jurisdiction_id not found');
  }
}

async function answerOf(
  app: Application,
  ctx: any,
  route: NonNullable<ReturnType<typeof routeOf>>['route'],
  params: Record<string, any>,
  t: T,
  limiter: RateCounters,
): Promise<{ answer: Open311Answer; status?: number }> {
  const services = () =>
    categoryOptions(app.db).map((c) => ({ value: c.value, label: String(translateLabel(c.label, t)) }));
  switch (route.name) {
    case 'discovery':
      return { answer: { root: 'discovery', body: await discovery(app, ctx) } };
    case 'services': {
      const group = t('Education', { ns: NS });
      return { answer: { root: 'services', body: services().map((c) => serviceOf(c, group)) } };
    }
    case 'serviceDefinition': {
      if (!services().some((c) => c.value === route.serviceCode)) {
        throw new Open311Failure(404, 'service_code {{code}} not found', { code: route.serviceCode });
      }
      return { answer: { root: 'service_definition', body: serviceDefinitionOf(route.serviceCode) } };
    }
    case 'createRequest':
      return { answer: { root: 'service_requests', body: [await createRequest(app, ctx, params, t, limiter)] } };
    case 'requests':
      return { answer: { root: 'service_requests', body: await listRequests(app, params, t) } };
    case 'request': {
      const found = await requestById(app, route.id, t);
      if (!found) throw new Open311Failure(404, 'service_request_id {{id}} not found', { id: route.id });
      return { answer: { root: 'service_requests', body: [found] } };
    }
    case 'token': {
      // our requests get their id at once: a token is the id it stands for
      const code = normalizeTrackingCode(route.token);
      const report = code
        ? await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: code }, fields: ['id'] })
        : null;
      if (!report) throw new Open311Failure(404, 'token {{token}} not found', { token: route.token });
      return { answer: { root: 'service_requests', body: [{ service_request_id: code!, token: route.token }] } };
    }
  }
}

async function discovery(app: Application, ctx: any) {
  const { publicBaseUrl } = await publicitySettings.get(app.db);
  const base = (publicBaseUrl || ctx.origin || '').replace(/\/$/, '');
  return {
    changeset: '2026-12-07T00:00:00Z',
    contact: null,
    key_service: `${base}/admin/settings/api-keys`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${base}/api/open311/v2`,
        changeset: '2026-12-07T00:00:00Z',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** The client system behind an API key, or why it may not file. */
async function clientOf(app: Application, apiKey: unknown): Promise<{ userId: number; name: string }> {
  if (typeof apiKey !== 'string' || !apiKey || apiKey.length > 4096) {
    throw new Open311Failure(403, 'api_key is missing');
  }
  const auth = (app as any).authManager;
  let payload: { userId?: number; roleName?: string; jti?: string };
  try {
    payload = await auth.jwt.decode(apiKey);
  } catch {
    throw new Open311Failure(403, 'api_key is not valid');
  }
  const blocked = await auth.jwt.blacklist?.has(payload.jti ?? apiKey);
  // an API key (not a sign-in token) that still exists: deleting it in Settings › API keys revokes it
  const key =
    !blocked && app.db.hasCollection('apiKeys')
      ? // by the model: a repository filter on the hidden token field is dropped (any key would match)
        await app.db.getModel('apiKeys').findOne({ where: { token: apiKey } })
      : null;
  if (!key || !payload.userId || key.get('roleName') !== payload.roleName) {
    throw new Open311Failure(403, 'api_key is not valid');
  }
  const allowed = app.acl.can({ role: payload.roleName!, resource: OPEN311_RESOURCE, action: 'create' });
  const user = await app.db.getRepository('users').findOne({ filterByTk: payload.userId });
  if (!allowed || !user) throw new Open311Failure(403, 'this api_key may not file requests');
  return { userId: payload.userId, name: (user.get('nickname') as string) || (user.get('username') as string) };
}

/** POST requests: a report through the same intake as the public page, on behalf of a client system. */
async function createRequest(app: Application, ctx: any, params: Record<string, any>, t: T, limiter: RateCounters) {
  const client = await clientOf(app, params.api_key);
  const settings = await publicitySettings.get(app.db);
  const now = Date.now();
  const window = windowOf(now, settings.windowMinutes * 60_000);
  const { broken, retryAfter } = await limiter.take(
    [{ key: `open311:client:${hashed(String(client.userId))}:${window.index}`, limit: settings.open311RequestsPerWindow }],
    window.endsAt,
  );
  if (broken) {
    throw new Open311Failure(429, 'too many requests from this client; try again in {{seconds}} seconds', {
      seconds: retryAfter,
      retryAfter,
    });
  }
  const serviceCode = params.service_code;
  if (typeof serviceCode !== 'string' || !serviceCode) {
    throw new Open311Failure(400, '{{field}} is required', { field: 'service_code' });
  }
  if (!categoryOptions(app.db).some((c) => c.value === serviceCode)) {
    throw new Open311Failure(404, 'service_code {{code}} not found', { code: serviceCode });
  }
  const location = await locationOf(app, params);
  const name = [params.first_name, params.last_name].filter((s) => typeof s === 'string' && s.trim()).join(' ');
  const attributes = params.attribute && typeof params.attribute === 'object' ? params.attribute : {};
  const mediaUrl = typeof params.media_url === 'string' && /^https?:\/\/\S{1,480}$/.test(params.media_url) ? params.media_url : null;
  const submitted = await submitReport(
    app,
    {
      description: params.description,
      category: serviceCode,
      unitId: location.unitId ?? undefined,
      contactName: name || undefined,
      contactPhone: params.phone || undefined,
      contactEmail: params.email || undefined,
    },
    settings,
    {
      channel: 'open311',
      clientName: client.name,
      locale: params.locale || ctx.get('Accept-Language') || ctx.get('X-Locale'),
      location: [location.text, ...Object.entries(attributes).map(([k, v]) => `${k}: ${String(v)}`)]
        .filter(Boolean)
        .join('; ')
        .slice(0, 255) || null,
      mediaUrl,
    },
  );
  return {
    service_request_id: submitted.trackingCode,
    service_notice: t('received; follow it with its id (the tracking code)', { ns: NS }),
    account_id: typeof params.account_id === 'string' && params.account_id ? params.account_id : null,
  };
}

/**
 * Where: a unit of ours by `address_id`, or by the exact name in `address_string`; a point or
 * another address is kept as given for the office. The spec requires one of them.
 */
async function locationOf(app: Application, params: Record<string, any>) {
  const lat = params.lat === undefined || params.lat === '' ? undefined : Number(params.lat);
  const long = params.long === undefined || params.long === '' ? undefined : Number(params.long);
  const hasPoint = lat !== undefined || long !== undefined;
  if (hasPoint && !(Number.isFinite(lat) && Number.isFinite(long) && Math.abs(lat!) <= 90 && Math.abs(long!) <= 180)) {
    throw new Open311Failure(400, 'lat and long must both be given, as degrees');
  }
  const address = typeof params.address_string === 'string' ? params.address_string.trim().slice(0, 200) : '';
  const units = app.db.getRepository('mq_units');
  let unitId: number | null = null;
  if (params.address_id !== undefined && params.address_id !== '') {
    const id = Number(params.address_id);
    const unit = Number.isInteger(id) && id > 0 ? await units.findOne({ filterByTk: id, fields: ['id'] }) : null;
    if (!unit) throw new Open311Failure(400, 'address_id {{id}} is not one of our units', { id: params.address_id });
    unitId = id;
  } else if (address) {
    const unit = await units.findOne({ filter: { name: address }, fields: ['id'] });
    unitId = unit ? Number(unit.get('id')) : null;
  }
  if (!hasPoint && !address && unitId === null) {
    throw new Open311Failure(400, 'a location is required (lat and long, address_string or address_id)');
  }
  const text = [address, hasPoint ? `${lat},${long}` : ''].filter(Boolean).join(' @ ');
  return { unitId, text };
}

function labelsOf(app: Application, t: T, category: string, status: string) {
  const service = categoryOptions(app.db).find((c) => c.value === category);
  return {
    service: service ? String(translateLabel(service.label, t)) : null,
    status: t(STATUS_OPTIONS.find((o) => o.value === status)?.label ?? status, { ns: CORE_NS }),
  };
}

/** One request: a tracking code (what its holder may follow), or a published problem's code. */
async function requestById(app: Application, id: string, t: T): Promise<Open311Request | null> {
  // a tracking code (JS-…) is followed by whoever holds it; any other id is a published problem's code
  const code = /^\s*js/i.test(id) ? normalizeTrackingCode(id) : null;
  if (code) {
    const tracked = await trackReport(app, code).catch((error) => {
      if (isRefusal(error) && (error as Refusal).status === 404) return null;
      throw error;
    });
    return tracked ? requestOfTracked(tracked, labelsOf(app, t, tracked.category, tracked.status)) : null;
  }
  const [published] = await publishedRequests(app, t, { code: id }, 1);
  return published ?? null;
}

async function publishedRequests(app: Application, t: T, filter: Record<string, unknown>, limit: number) {
  const rows = await app.db.getRepository('mq_problems').find({
    filter: { $and: [PUBLISHED_FILTER, filter] },
    fields: [...PUBLIC_PROBLEM_FIELDS],
    sort: ['-createdAt', '-id'],
    limit,
  });
  const unitIds = [...new Set(rows.map((r: Model) => Number(r.get('unitId'))).filter(Boolean))];
  const units = unitIds.length
    ? await app.db.getRepository('mq_units').find({ filter: { id: unitIds }, fields: ['id', 'name'] })
    : [];
  const unitOf = new Map<number, { id: number; name: string }>(
    units.map((u: Model) => [Number(u.get('id')), { id: Number(u.get('id')), name: u.get('name') as string }]),
  );
  return rows.map((r: Model) => {
    const p = publicProblem(r.get(), unitOf.get(Number(r.get('unitId'))) ?? null, undefined);
    return requestOfPublished(p, labelsOf(app, t, p.category, p.status));
  });
}

/**
 * GET requests: by `service_request_id` (tracking codes and published problems' codes, comma
 * separated), else the published problems of the last 90 days (or start_date…end_date), by
 * service_code and status; at most 1000, newest first.
 */
async function listRequests(app: Application, params: Record<string, any>, t: T): Promise<Open311Request[]> {
  const statuses = statusFilterOf(params.status);
  if (statuses === null) throw new Open311Failure(400, 'status must be open or closed');
  const start = dateParam(params.start_date);
  const end = dateParam(params.end_date);
  if (start === undefined || end === undefined) {
    throw new Open311Failure(400, 'start_date and end_date must be W3C dates, e.g. 2026-12-01T00:00:00Z');
  }
  const codes = typeof params.service_code === 'string' && params.service_code ? params.service_code.split(',') : undefined;
  const keep = (r: Open311Request) => (!statuses || statuses.includes(r.status)) && (!codes || codes.includes(r.service_code));
  if (typeof params.service_request_id === 'string' && params.service_request_id) {
    const ids = params.service_request_id.split(',').slice(0, 100);
    const found = await Promise.all(ids.map((id: string) => requestById(app, id.trim(), t)));
    return found.filter((r): r is Open311Request => !!r && keep(r));
  }
  const to = end ?? new Date();
  const from = start ?? new Date(to.getTime() - DEFAULT_DAYS * 24 * 3600 * 1000);
  const filter: Record<string, unknown>[] = [{ createdAt: { $gte: from } }, { createdAt: { $lte: to } }];
  if (codes) filter.push({ category: codes });
  if (statuses?.length === 1) {
    filter.push({ status: statuses[0] === 'closed' ? { $in: [...DONE_STATUSES] } : { $notIn: [...DONE_STATUSES] } });
  }
  return publishedRequests(app, t, { $and: filter }, MAX_REQUESTS);
}
