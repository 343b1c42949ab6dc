import type { Database, Transaction } from '@nocobase/database';
import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';

export type Lang = 'zh-CN' | 'en-US';
export type Words = (key: string, vars?: Record<string, unknown>) => string;

const MESSAGES: Record<Lang, Record<string, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** This plugin's strings in `lang` (src/locale), `{{name}}` filled in; the key itself when missing. */
export function wordsIn(lang: Lang): Words {
  return (key, vars = {}) =>
    (MESSAGES[lang][key] ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars[name] ?? ''));
}

const ours = (lang: unknown): Lang | undefined => (lang === 'zh-CN' || lang === 'en-US' ? lang : undefined);

/** The system's language (System settings), the language of a user who never chose one. */
export async function systemLanguage(db: Database, transaction?: Transaction | null): Promise<Lang> {
  if (!db.hasCollection('systemSettings')) return 'zh-CN';
  const settings = await db
    .getRepository('systemSettings')
    .findOne({ sort: ['id'], transaction: transaction ?? undefined });
  return ours(settings?.get('appLang')) ?? ours((settings?.get('enabledLanguages') as string[] | null)?.[0]) ?? 'zh-CN';
}
