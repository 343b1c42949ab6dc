import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';
import { CARE_KIND_OPTIONS } from '../domain/options';

/**
 * 特殊困难学生关爱台账: the most sensitive data in the system. Only `mq_care` and `mq_admin` read
 * it; nothing else points at it (no association from units, users or problems), workflows may
 * not use it, and every read and change is written to `mq_care_audit`.
 */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_care_students',
      title: t('Care ledger'),
      titleField: 'studentName',
      fields: [
        f.input('studentName', 'Student', { allowNull: false }),
        f.belongsTo('unit', 'School', 'mq_units', 'name'),
        f.input('grade', 'Grade and class'),
        f.select('kind', 'Difficulty', CARE_KIND_OPTIONS, { defaultValue: 'other' }),
        f.input('guardianName', 'Guardian'),
        f.input('guardianPhone', 'Guardian phone'),
        f.textarea('situation', 'Situation'),
        f.textarea('measures', 'Care measures'),
        f.user('carer', 'Responsible carer'),
        f.datetime('lastVisitedAt', 'Last visited at'),
      ],
      indexes: [{ fields: ['kind'] }],
    },
    NS,
  ),
);
