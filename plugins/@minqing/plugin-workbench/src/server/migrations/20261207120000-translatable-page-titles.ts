import { Migration } from '@nocobase/server';
import { translateOldPageTitles } from '../services/page-titles';

/** Pages made before their titles went through i18n get the translatable titles (services/page-titles.ts). */
export default class TranslatablePageTitles extends Migration {
  on = 'afterLoad';

  async up() {
    await translateOldPageTitles(this.db);
  }
}
