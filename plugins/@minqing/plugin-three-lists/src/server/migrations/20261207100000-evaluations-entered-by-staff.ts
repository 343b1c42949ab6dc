import { Migration } from '@nocobase/server';
import { Op } from '@nocobase/database';
import { EVALUATION_BY_STAFF_FIELD } from '../collections/mq_evaluations';
import { ensureFields } from '../services/schema';

/**
 * 代录: `mq_evaluations.byStaff` came after the first installations. An earlier evaluation with a
 * creator was entered by a signed-in person (the public's link has none), so it is marked too.
 */
export default class EvaluationsEnteredByStaff extends Migration {
  on = 'afterLoad';

  async up() {
    await ensureFields(this.db, 'mq_evaluations', [EVALUATION_BY_STAFF_FIELD]);
    await this.db
      .getModel('mq_evaluations')
      .update({ byStaff: true }, { where: { createdById: { [Op.ne]: null } }, hooks: false });
  }
}
