import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/** Who read or changed the care ledger, when, what. Append-only. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_care_audit',
      title: t('Care ledger audit log'),
      fields: [
        f.user('user', 'User'),
        f.input('roleName', 'Role'),
        f.input('action', 'Action'),
        f.textarea('recordIds', 'Records'),
        f.textarea('fields', 'Fields changed'),
        f.input('ip', 'Client address'),
      ],
      indexes: [{ fields: ['createdAt'] }, { fields: ['userId'] }],
    },
    NS,
  ),
);
