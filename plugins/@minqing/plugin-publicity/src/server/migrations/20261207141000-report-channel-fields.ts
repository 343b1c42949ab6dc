import { ensureFields } from '@minqing/plugin-three-lists';
import { Migration } from '@nocobase/server';
import { REPORT_FIELDS_ADDED } from '../collections/mq_public_reports';

/** Public reports made before Open311 and reporter updates get their channel, language and location fields. */
export default class ReportChannelFields extends Migration {
  on = 'afterLoad';

  async up() {
    await ensureFields(this.db, 'mq_public_reports', REPORT_FIELDS_ADDED);
  }
}
