import { ensureFields } from '@minqing/plugin-three-lists';
import { Migration } from '@nocobase/server';
import publicReports from '../collections/mq_public_reports';

/**
 * 来件原文: reports keep what the person wrote (`description`), the problem a masked copy. An
 * installed database gets the field (row and column); earlier problems keep their text.
 */
export default class ReportKeepsOriginalText extends Migration {
  on = 'afterLoad';

  async up() {
    const field = (publicReports as any).fields.find((f: { name: string }) => f.name === 'description');
    await ensureFields(this.db, 'mq_public_reports', [field]);
  }
}
