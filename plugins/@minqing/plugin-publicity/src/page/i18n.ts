import type { PublicPageBoot } from '../server/domain/public-page';

declare global {
  interface Window {
    __MQ_PUBLIC__: PublicPageBoot;
  }
}

export const boot = (): PublicPageBoot => window.__MQ_PUBLIC__;

/** Our texts in the page's language (the server put them in the document), with {{name}} filled in. */
export function t(key: string, vars: Record<string, string | number> = {}): string {
  const text = boot().messages[key] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/**
 * The statuses and steps in the public's words, defined once in the locale files under
 * `publicStatus.*` and `publicStep.*` (已销号 is 已解决并确认 to a parent).
 */
export const statusText = (status: string) => t(`publicStatus.${status}`);
export const stepText = (step: string) => t(`publicStep.${step}`);

export const STATUS_TONES: Record<string, string> = {
  new: 'default',
  assigned: 'blue',
  in_progress: 'blue',
  done: 'cyan',
  closed: 'green',
  reopened: 'red',
};

export const formatDay = (iso?: string | null) =>
  iso ? new Date(iso).toLocaleDateString(boot().lang, { year: 'numeric', month: 'short', day: 'numeric' }) : '—';

export const percent = (rate?: number | null) =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;

/** "label: value" with the colon of the page's language (：in Chinese) */
export const labelled = (label: string, value: string) =>
  boot().lang === 'zh-CN' ? `${label}：${value}` : `${label}: ${value}`;
