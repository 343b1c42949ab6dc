import { Migration } from '@nocobase/server';
import { t } from '../collections/fields';
import { REVISIT_STATE_OPTIONS } from '../domain/vocabulary';
import { enableOurLanguages } from '../services/languages';

/**
 * Installations made before: English is enabled (a user's language switch needs no administrator),
 * and a finished revisit reads 已回访 / Revisited, not a problem's 已办结 / Done (the field row
 * in the collection manager keeps the labels it was created with; an administrator's own label stays).
 */
export default class LanguagesAndRevisitState extends Migration {
  on = 'afterLoad';

  async up() {
    await enableOurLanguages(this.db);
    const fields = this.db.getRepository('fields');
    const row = await fields.findOne({ filter: { collectionName: 'mq_revisits', name: 'state' } });
    const uiSchema = row?.get('uiSchema') as { enum?: { value: unknown; label: string }[] } | undefined;
    if (!row || !uiSchema?.enum) return;
    const done = REVISIT_STATE_OPTIONS.find((o) => o.value === 'done');
    let changed = false;
    const options = uiSchema.enum.map((option) => {
      if (option.value !== 'done' || option.label !== t('Done') || !done) return option;
      changed = true;
      return { ...option, label: t(done.label) };
    });
    if (changed) await row.update({ uiSchema: { ...uiSchema, enum: options } });
  }
}
