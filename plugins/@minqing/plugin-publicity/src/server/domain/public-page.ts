/**
 * The public page as one small standalone document: which addresses it answers, in which
 * language, and the HTML around its script. Pure: the gateway handler (services/public-page.ts)
 * reads the request and the files.
 */

import type { Lang } from '@minqing/plugin-three-lists';
import type { RateFigure } from '@minqing/plugin-three-lists/domain';

/** the page speaks our languages, the core's list */
export type PageLang = Lang;

/** where the page lives, under the app's public path; links in e-mails point here */
export const PUBLIC_PAGE_PATH = 'minqing/public';

/** What the page's script is given in the document, so that it starts without a request. */
export interface PublicPageBoot {
  lang: PageLang;
  /** the API's base path, ending in "/" */
  apiBase: string;
  /** the page's own address, ending without "/" */
  pagePath: string;
  /** a single-use evaluation link's token, when the address is /evaluate/<token> */
  evaluateToken?: string;
  /** this plugin's texts in `lang` (the office's own translations included) */
  messages: Record<string, string>;
  /** the categories, their labels already in `lang`, and the statuses */
  options: { categories: { value: string; label: string }[]; statuses: string[] };
  /** the core's rates, in its order */
  rates: RateFigure[];
}

const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The page's route for a request path: `{}` for the page, `{ evaluateToken }` for an evaluation
 * link, null for anything else (left to NocoBase). `publicPath` is APP_PUBLIC_PATH, ending in "/".
 */
export function publicPageRoute(pathname: string, publicPath = '/'): { evaluateToken?: string } | null {
  const base = `${publicPath.replace(/\/?$/, '/')}${PUBLIC_PAGE_PATH}`;
  if (pathname === base || pathname === `${base}/` || pathname === `${base}/index.html`) return {};
  const prefix = `${base}/evaluate/`;
  if (!pathname.startsWith(prefix)) return null;
  const token = pathname.slice(prefix.length).replace(/\/$/, '');
  return TOKEN.test(token) ? { evaluateToken: token } : null;
}

/** The language asked for (?lang=), else the browser's first of ours, else the system's. */
export function pickLanguage(asked: string | null | undefined, acceptLanguage: string | undefined, fallback: PageLang): PageLang {
  if (asked === 'zh-CN' || asked === 'en-US') return asked;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return fallback;
}

const TEMPLATE = /^\{\{\s*t\("(.+?)",\s*\{\s*ns:\s*"(.+?)"\s*\}\)\s*\}\}$/;

/** An option label `{{t("…", { ns: "…" })}}` in the given texts, by namespace; other text as it is. */
export function resolveLabel(text: string, resources: Record<string, Record<string, string> | undefined>): string {
  const m = TEMPLATE.exec(text ?? '');
  if (!m) return text;
  const key = JSON.parse(`"${m[1]}"`) as string;
  return resources[m[2]]?.[key] ?? key;
}

/** JSON that is safe inside a <script> element (no "</script>", no "<!--", no line separators). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * The document: the title and a plain "loading" line for the first paint, the boot data, and the
 * page's script inline (one request for a parent on a slow phone network, nothing else to fetch).
 */
export function renderPublicPage(boot: PublicPageBoot, script: string): string {
  const title = boot.messages['Campaign results for the public'] ?? 'Campaign results for the public';
  const loading = boot.messages['Loading…'] ?? 'Loading…';
  return [
    '<!doctype html>',
    `<html lang="${boot.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
    '<meta name="theme-color" content="#b71c1c">',
    '<meta name="referrer" content="same-origin">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    `<div id="mq-app"><p style="font:16px sans-serif;padding:24px;color:#555">${escapeHtml(loading)}</p></div>`,
    `<noscript>${escapeHtml(boot.messages['This page needs JavaScript'] ?? 'This page needs JavaScript')}</noscript>`,
    `<script>window.__MQ_PUBLIC__=${scriptJson(boot)};</script>`,
    // the script is our own build output; "</script" cannot occur in it unescaped (esbuild writes strings with \/)
    `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
