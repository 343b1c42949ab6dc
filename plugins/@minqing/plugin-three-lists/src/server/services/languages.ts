import type { Database, Transaction } from '@nocobase/database';

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
