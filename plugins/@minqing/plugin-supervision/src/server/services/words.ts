import type { Database, Model, Transaction } from '@nocobase/database';
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

/** Each user's language: the one they chose (users.appLang), else the system's. */
export async function languagesOf(db: Database, userIds: number[], transaction?: Transaction | null) {
  const fallback = await systemLanguage(db, transaction);
  const hasLang = Boolean(db.getCollection('users')?.getField('appLang'));
  const users = hasLang
    ? await db
        .getRepository('users')
        .find({ filter: { id: userIds }, fields: ['id', 'appLang'], transaction: transaction ?? undefined })
    : [];
  const chosen = new Map<number, Lang | undefined>(
    users.map((u: Model) => [Number(u.get('id')), ours(u.get('appLang'))]),
  );
  return new Map<number, Lang>(userIds.map((id) => [id, chosen.get(id) ?? fallback]));
}
