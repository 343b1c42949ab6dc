import { Migration } from '@nocobase/server';
import { EVALUATION_SOURCE_FIELDS } from '../collections/mq_evaluations';
import { ensureFields } from '../services/schema';

/**
 * 作风监督 (issue 20): a public rating keeps the salted hashes of its device and network address, to
 * see many ratings from one source. An installed database gets the two hidden fields; earlier
 * ratings have none (nothing to make up).
 */
export default class EvaluationSources extends Migration {
  on = 'afterLoad';

  async up() {
    await ensureFields(this.db, 'mq_evaluations', EVALUATION_SOURCE_FIELDS);
  }
}
