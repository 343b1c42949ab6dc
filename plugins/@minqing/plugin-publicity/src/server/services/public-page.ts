import fs from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import path from 'path';
import zlib from 'zlib';
import { RATE_FIGURES, systemLanguage } from '@minqing/plugin-three-lists';
import { Gateway, type Application, type IncomingRequest } from '@nocobase/server';
import { NS } from '../domain/fields';
import { pickLanguage, publicPageRoute, renderPublicPage, resolveLabel, type PageLang } from '../domain/public-page';
import { publicOptions } from './public-read';

/**
 * Serves the public page as a small standalone document (dist/page/index.js inline, ~40 KB) at
 * /minqing/public, before NocoBase's gateway would answer that address with the whole admin
 * client (~6 MB of scripts before the first word). Registered on the gateway, which is the only
 * layer that sees addresses outside /api; the page then talks to the same `mqPublic` API.
 */

/** the built page script (the plugin's root is three levels up from src/server/services and dist/server/services) */
const SCRIPT = path.resolve(__dirname, '../../../dist/page/index.js');

let script: { mtimeMs: number; text: string } | undefined;
function pageScript(): string | null {
  if (!fs.existsSync(SCRIPT)) return null;
  const { mtimeMs } = fs.statSync(SCRIPT);
  if (script?.mtimeMs !== mtimeMs) script = { mtimeMs, text: fs.readFileSync(SCRIPT, 'utf8') };
  return script.text;
}

async function bootData(app: Application, lang: PageLang, evaluateToken?: string) {
  const resources: Record<string, Record<string, string>> = await app.localeManager
    .getCacheResources(lang)
    .catch(() => ({}));
  const options = publicOptions(app.db);
  const apiBase = String(process.env.API_BASE_PATH || '/api/').replace(/\/?$/, '/');
  const publicPath = String(process.env.APP_PUBLIC_PATH || '/').replace(/\/?$/, '/');
  return {
    lang,
    apiBase,
    pagePath: `${publicPath}minqing/public`,
    ...(evaluateToken ? { evaluateToken } : {}),
    messages: resources[NS] ?? {},
    options: {
      categories: options.categories.map((c) => ({ value: c.value, label: resolveLabel(c.label, resources) })),
      statuses: options.statuses,
    },
    rates: [...RATE_FIGURES],
  };
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: string) {
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const bytes = gzip ? zlib.gzipSync(body) : Buffer.from(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // the categories and texts are in the document: revalidate every time (it is small)
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Vary', 'Accept-Encoding, Accept-Language');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', String(bytes.length));
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/**
 * The document for a request to the page (`url` as the gateway got it): in the asked, else the
 * browser's, else the system's language, around `script`.
 */
export async function publicPageHtml(
  app: Application,
  request: { url: string; acceptLanguage?: string },
  script: string,
): Promise<string> {
  const url = new URL(request.url, 'http://x');
  const route = publicPageRoute(url.pathname, process.env.APP_PUBLIC_PATH || '/');
  const lang = pickLanguage(url.searchParams.get('lang'), request.acceptLanguage, await systemLanguage(app.db));
  return renderPublicPage(await bootData(app, lang, route?.evaluateToken), script);
}

async function answer(app: Application, req: IncomingMessage, res: ServerResponse) {
  try {
    const text = pageScript();
    if (!text) {
      send(req, res, 503, 'The public page is not built: run the plugin build (dist/page/index.js is missing).');
      return;
    }
    const html = await publicPageHtml(
      app,
      { url: req.url ?? '/', acceptLanguage: String(req.headers['accept-language'] ?? '') },
      text,
    );
    send(req, res, 200, html);
  } catch (error) {
    app.log?.error?.('minqing public page', { error });
    if (!res.headersSent) send(req, res, 500, 'The public page could not be shown; please try again later.');
  }
}

/** The app whose page this process serves (one per process: the gateway's handlers are process-wide). */
let current: Application | undefined;
const watched = new WeakSet<Application>();

// the gateway types the request as its url and headers; it is node's request
const handler = (request: IncomingRequest, res: ServerResponse) => {
  const req = request as IncomingMessage;
  if (!current || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  if (!publicPageRoute(pathname, process.env.APP_PUBLIC_PATH || '/')) return false;
  void answer(current, req, res);
  return true;
};

/** Registers the page on the gateway for `app` (the main app) until it stops. */
export function servePublicPage(app: Application) {
  if (app.name !== 'main') return; // sub-apps are proxied by the gateway of the main app
  current = app;
  Gateway.unregisterRequestHandler(handler);
  Gateway.registerRequestHandler(handler);
  // load() runs again on every reload of the app: one listener per app
  if (watched.has(app)) return;
  watched.add(app);
  app.on('afterDestroy', () => {
    if (current !== app) return;
    current = undefined;
    Gateway.unregisterRequestHandler(handler);
  });
}

