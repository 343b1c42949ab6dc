/**
 * What the person who reported (接诉即办) is told, and when: at the steps that matter to them —
 * accepted (接收), completed (办结, with the evaluation link), closed (销号) and reopened (重新办理).
 * The texts are the office's (settings, one per step and language: the first line is the subject);
 * they are filled only with what the reporter may know: their tracking code, the status, the
 * office's reply to the public and links to the public page. Never an internal text (measures,
 * completion summaries, names of staff).
 */
import type { LoopAction } from '@minqing/plugin-three-lists/domain';

/** the loop steps a reporter hears about */
export const REPORTER_STEPS = ['accept', 'complete', 'close', 'reopen'] as const satisfies readonly LoopAction[];
export type ReporterStep = (typeof REPORTER_STEPS)[number];

/** the languages updates are written in (the reporter's, as their browser or client system said) */
export type ReporterLocale = 'zh-CN' | 'en-US';

/** the setting that holds the text of each step in each language */
const TEMPLATE_SETTINGS = {
  accept: { 'zh-CN': 'updateAcceptedZh', 'en-US': 'updateAcceptedEn' },
  complete: { 'zh-CN': 'updateCompletedZh', 'en-US': 'updateCompletedEn' },
  close: { 'zh-CN': 'updateClosedZh', 'en-US': 'updateClosedEn' },
  reopen: { 'zh-CN': 'updateReopenedZh', 'en-US': 'updateReopenedEn' },
} as const;

export function templateSetting<S extends ReporterStep, L extends ReporterLocale>(step: S, locale: L) {
  return TEMPLATE_SETTINGS[step][locale];
}

/** what a text may say: nothing else is ever filled in */
export interface UpdateVars {
  /** the tracking code, JS-XXXX-XXXX-XXXX */
  code: string;
  /** the office's reply to the public (答复群众), when there is one */
  reply: string;
  /** the public page's tracking of this report */
  trackUrl: string;
  /** the evaluation link, at completion */
  evaluationUrl: string;
  /** days the evaluation link stays valid */
  days: number;
}

/**
 * The subject (first line) and the body of a text, its `{{variables}}` filled; a line left empty
 * by a variable with no value (no reply yet) is dropped. An unknown `{{name}}` stays as written.
 */
export function renderUpdate(template: string, vars: UpdateVars): { subject: string; text: string } {
  const fill = (line: string) =>
    line.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name as keyof UpdateVars] ?? '') : whole,
    );
  const lines = template.replace(/\r\n/g, '\n').split('\n');
  const subject = fill(lines[0] ?? '').trim();
  const body = lines
    .slice(1)
    .filter((line) => !(/\{\{\s*\w+\s*\}\}/.test(line) && !fill(line).trim()))
    .map(fill);
  return { subject, text: body.join('\n').trim() };
}

/** The built-in texts (the settings' defaults), in both languages. */
export const DEFAULT_UPDATES: Record<ReporterStep, Record<ReporterLocale, string>> = {
  accept: {
    'zh-CN': [
      '您反映的问题已受理（{{code}}）',
      '您好！您通过“接诉即办”反映的问题（查询码 {{code}}）已由责任单位接收，正在办理。',
      '{{reply}}',
      '查看进度：{{trackUrl}}',
    ].join('\n'),
    'en-US': [
      'Your report has been accepted ({{code}})',
      'Hello! The problem you reported (tracking code {{code}}) has been accepted by the unit responsible and is being handled.',
      '{{reply}}',
      'Follow it here: {{trackUrl}}',
    ].join('\n'),
  },
  complete: {
    'zh-CN': [
      '您反映的问题已办结，请评价（{{code}}）',
      '您好！您反映的问题（查询码 {{code}}）已办结。',
      '{{reply}}',
      '请在 {{days}} 天内打开以下链接评价办理结果（链接仅能使用一次）：',
      '{{evaluationUrl}}',
    ].join('\n'),
    'en-US': [
      'Your report has been dealt with: please rate it ({{code}})',
      'Hello! The problem you reported (tracking code {{code}}) has been dealt with.',
      '{{reply}}',
      'Please rate the result within {{days}} days through this link (it works once):',
      '{{evaluationUrl}}',
    ].join('\n'),
  },
  close: {
    'zh-CN': [
      '您反映的问题已销号（{{code}}）',
      '您好！您反映的问题（查询码 {{code}}）已办结销号，感谢您的监督。',
      '查看结果：{{trackUrl}}',
    ].join('\n'),
    'en-US': [
      'Your report is closed ({{code}})',
      'Hello! The problem you reported (tracking code {{code}}) has been resolved and closed. Thank you.',
      'See the result: {{trackUrl}}',
    ].join('\n'),
  },
  reopen: {
    'zh-CN': [
      '您反映的问题已重新办理（{{code}}）',
      '您好！根据评价或回访，您反映的问题（查询码 {{code}}）已重新交由责任单位办理。',
      '查看进度：{{trackUrl}}',
    ].join('\n'),
    'en-US': [
      'Your report is being handled again ({{code}})',
      'Hello! After the evaluation or a revisit, the problem you reported (tracking code {{code}}) is being handled again.',
      'Follow it here: {{trackUrl}}',
    ].join('\n'),
  },
};

/** The public page's addresses for a report, from the site's address. */
export function publicLinks(base: string, code: string, token?: string) {
  const root = base.replace(/\/$/, '');
  return {
    trackUrl: `${root}/minqing/public?tab=track&code=${encodeURIComponent(code)}`,
    evaluationUrl: token ? `${root}/minqing/public/evaluate/${token}` : '',
  };
}
