/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), as pure functions: which method a
 * path names, the spec's answer shapes with its own field names, its XML and JSON renderings, and
 * its error format. Other systems (a city's 12345 platform, a school's home-school app,
 * FixMyStreet) file 接诉即办 reports through it instead of retyping them.
 *
 * Answers are built only from what is already public: a published problem as the core's
 * disclosure rules give it (`publicProblem`), or a tracked report as the tracking page shows it to
 * whoever holds its code. Nothing of a record is passed through.
 */
import { DONE_STATUSES, isIn } from '@minqing/plugin-three-lists/domain';

/** the ACL snippet a role needs for its API keys to file requests (role 民情接入系统 has it) */
export const OPEN311_SNIPPET = 'pm.minqing.open311';
export const OPEN311_RESOURCE = 'mqOpen311';

export type Open311Format = 'json' | 'xml';

export type Open311Route =
  | { method: 'GET'; name: 'discovery' }
  | { method: 'GET'; name: 'services' }
  | { method: 'GET'; name: 'serviceDefinition'; serviceCode: string }
  | { method: 'GET'; name: 'requests' }
  | { method: 'POST'; name: 'createRequest' }
  | { method: 'GET'; name: 'request'; id: string }
  | { method: 'GET'; name: 'token'; token: string };

/** `requests.xml` → which method, in which format; null when the path names none of the spec's. */
export function routeOf(method: string, path: string): { route: Open311Route; format: Open311Format } | null {
  const match = /^([A-Za-z0-9_.~%-]+(?:\/[A-Za-z0-9_.~%-]+)?)\.(json|xml)$/.exec(path);
  if (!match) return null;
  const format = match[2] as Open311Format;
  const [head, tail] = match[1].split('/').map((part) => safeDecode(part));
  if (head === undefined || (tail === undefined && match[1].includes('/'))) return null;
  const get = method === 'GET' || method === 'HEAD';
  if (tail === undefined) {
    if (head === 'discovery' && get) return { route: { method: 'GET', name: 'discovery' }, format };
    if (head === 'services' && get) return { route: { method: 'GET', name: 'services' }, format };
    if (head === 'requests' && get) return { route: { method: 'GET', name: 'requests' }, format };
    if (head === 'requests' && method === 'POST') return { route: { method: 'POST', name: 'createRequest' }, format };
    return null;
  }
  if (!get) return null;
  if (head === 'services') return { route: { method: 'GET', name: 'serviceDefinition', serviceCode: tail }, format };
  if (head === 'requests') return { route: { method: 'GET', name: 'request', id: tail }, format };
  if (head === 'tokens') return { route: { method: 'GET', name: 'token', token: tail }, format };
  return null;
}

function safeDecode(part: string) {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** The spec's two statuses: a request is closed once the problem is done (已办结 or 已销号). */
export function open311Status(status: string): 'open' | 'closed' {
  return isIn(DONE_STATUSES, status) ? 'closed' : 'open';
}

/** `status=open,closed` → the statuses asked for; undefined when any; null when one is not the spec's. */
export function statusFilterOf(value: unknown): ('open' | 'closed')[] | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return null;
  const wanted = value.split(',').map((s) => s.trim().toLowerCase());
  return wanted.every((s) => s === 'open' || s === 'closed') ? (wanted as ('open' | 'closed')[]) : null;
}

/** A GeoReport date: W3C ISO 8601 with a zone; null when absent; undefined when malformed. */
export function dateParam(value: unknown): Date | null | undefined {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value)) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** One entry of GET services: a category of ours (问题类别), filed in real time. */
export function serviceOf(category: { value: string; label: string }, group: string) {
  return {
    service_code: category.value,
    service_name: category.label,
    description: category.label,
    metadata: false,
    type: 'realtime' as const,
    keywords: category.value.replace(/_/g, ' '),
    group,
  };
}

/** GET services/{code}: we ask for no attributes beyond the spec's own fields. */
export function serviceDefinitionOf(serviceCode: string) {
  return { service_code: serviceCode, attributes: [] as Record<string, unknown>[] };
}

/** What every request answer carries, in the spec's order; what we do not know is null. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string | null;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: number | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

const latest = (...dates: (string | null | undefined)[]) =>
  dates.filter((d): d is string => !!d).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;

/** A published problem (the core's `publicProblem`) as a GeoReport request: its public texts only. */
export function requestOfPublished(
  p: {
    code: string;
    title: string;
    summary: string;
    category: string;
    status: string;
    unit: { id: number; name: string } | null;
    reportedAt: string | null;
    doneAt: string | null;
    closedAt: string | null;
    publishedAt: string | null;
  },
  labels: { service: string | null; status: string },
): Open311Request {
  return {
    service_request_id: p.code,
    status: open311Status(p.status),
    status_notes: labels.status,
    service_name: labels.service,
    service_code: p.category,
    description: `${p.title}\n${p.summary}`,
    agency_responsible: p.unit?.name ?? null,
    service_notice: null,
    requested_datetime: p.reportedAt,
    updated_datetime: latest(p.reportedAt, p.doneAt, p.closedAt, p.publishedAt),
    expected_datetime: null,
    address: p.unit?.name ?? null,
    address_id: p.unit?.id ?? null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/**
 * A report followed by its tracking code, as the tracking page shows it to whoever holds the code:
 * where it stands and the office's reply, never what was reported (the client system has that).
 */
export function requestOfTracked(
  t: {
    trackingCode: string;
    category: string;
    status: string;
    unit: { id: number; name: string } | null;
    deadline: string | null;
    progress: { step: string; at: string | null }[];
    reply: string | null;
  },
  labels: { service: string | null; status: string },
): Open311Request {
  const submitted = t.progress.find((p) => p.step === 'submitted')?.at ?? null;
  return {
    service_request_id: t.trackingCode,
    status: open311Status(t.status),
    status_notes: t.reply ? `${labels.status}: ${t.reply}` : labels.status,
    service_name: labels.service,
    service_code: t.category,
    description: null,
    agency_responsible: t.unit?.name ?? null,
    service_notice: null,
    requested_datetime: submitted,
    updated_datetime: latest(...t.progress.map((p) => p.at)),
    expected_datetime: t.deadline ? `${t.deadline}T23:59:59+08:00` : null,
    address: t.unit?.name ?? null,
    address_id: t.unit?.id ?? null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** What POST requests answers: the id at once (we need no token), the spec's notice and the client's account. */
export interface Open311Created {
  service_request_id: string;
  service_notice: string | null;
  account_id: string | null;
}

/** A GeoReport error: the spec's `[{ code, description }]`, code being the HTTP status. */
export interface Open311Error {
  code: number;
  description: string;
}

/** The root and item element of each list the spec renders in XML. */
const XML_ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export type Open311Answer =
  | { root: 'services'; body: ReturnType<typeof serviceOf>[] }
  | { root: 'service_definition'; body: ReturnType<typeof serviceDefinitionOf> }
  | { root: 'service_requests'; body: (Open311Request | Open311Created | { service_request_id: string; token: string })[] }
  | { root: 'errors'; body: Open311Error[] }
  | { root: 'discovery'; body: Record<string, unknown> };

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Characters XML 1.0 cannot carry at all (control characters a client may have sent). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function element(name: string, value: unknown, indent: string): string {
  if (value === null || value === undefined || value === '') return `${indent}<${name}/>`;
  if (Array.isArray(value)) {
    const item = XML_ITEMS[name] ?? 'item';
    if (!value.length) return `${indent}<${name}/>`;
    return `${indent}<${name}>\n${value.map((v) => element(item, v, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>);
    if (!children.length) return `${indent}<${name}/>`;
    return `${indent}<${name}>\n${children.map(([k, v]) => element(k, v, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value).replace(XML_INVALID, ''))}</${name}>`;
}

/** An answer in the format asked for, with the spec's content type. */
export function render(answer: Open311Answer, format: Open311Format): { type: string; body: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(answer.body) };
  return {
    type: 'text/xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="utf-8"?>\n${element(answer.root, answer.body, '')}\n`,
  };
}
