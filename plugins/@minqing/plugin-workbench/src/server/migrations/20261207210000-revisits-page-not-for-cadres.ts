import { Migration } from '@nocobase/server';
import { withdrawPage } from '../services/page-roles';

/**
 * 回访 is no longer a cadre's page (pages/index.ts): a cadre reads no revisits, so the page showed
 * them nothing. Installations made before keep the cadre's grant on its route and tabs; it goes.
 */
export default class RevisitsPageNotForCadres extends Migration {
  on = 'afterLoad';

  async up() {
    await withdrawPage(this.db, 'revisits', 'mq_cadre');
  }
}
