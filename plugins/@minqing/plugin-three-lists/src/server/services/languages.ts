import type { Database, Model, Transaction } from '@nocobase/database';

/** Our plugins speak these (src/locale of each): a user switches between them without an administrator. */
export const OUR_LANGUAGES = ['zh-CN', 'en-US'] as const;

/**
 * Adds our languages to the system settings' enabled languages (NocoBase enables only the install
 * language, so "English" is not in a user's language menu until an administrator adds it). Keeps
 * the languages enabled already and their order. Returns whether it changed anything.
 */
export async function enableOurLanguages(db: Database, transaction?: Transaction): Promise<boolean> {
  if (!db.hasCollection('systemSettings')) return false;
  const repo = db.getRepository('systemSettings');
  const settings = await repo.findOne({ sort: ['id'], transaction });
  if (!settings) return false;
  const enabled = ((settings.get('enabledLanguages') as string[] | null) ?? []).filter(Boolean);
  const missing = OUR_LANGUAGES.filter((lang) => !enabled.includes(lang));
  if (!missing.length) return false;
  await repo.update({
    filterByTk: settings.get('id') as number,
    values: { enabledLanguages: [...enabled, ...missing] },
    transaction,
  });
  return true;
}

export type Lang = (typeof OUR_LANGUAGES)[number];
export type Words = (key: string, vars?: Record<string, unknown>) => string;

/**
 * A plugin's strings in one of our languages from its own locale files, `{{name}}` filled in, the
 * key itself when missing: for text the server writes (notices, e-mails, presets), where no
 * request's language or loaded i18n resource is at hand.
 */
export function wordsFrom(messages: Record<Lang, Record<string, string>>) {
  return (lang: Lang): Words =>
    (key, vars = {}) =>
      (messages[lang][key] ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars[name] ?? ''));
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
  const chosen = new Map<number, Lang | undefined>(users.map((u: Model) => [Number(u.get('id')), ours(u.get('appLang'))]));
  return new Map<number, Lang>(userIds.map((id) => [id, chosen.get(id) ?? fallback]));
}
