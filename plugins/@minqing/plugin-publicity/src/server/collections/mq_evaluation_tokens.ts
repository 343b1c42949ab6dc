import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/**
 * Single-use evaluation links. Only a hash of the token is stored: the token itself is derived
 * from the app key and `nonce`, so a copy of the database cannot mint or replay one.
 */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_evaluation_tokens',
      title: t('Evaluation links'),
      fields: [
        f.belongsTo('report', 'Public report', 'mq_public_reports', 'trackingCode', { onDelete: 'CASCADE' }),
        f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
        f.input('tokenHash', 'Token hash', { unique: true, allowNull: false }),
        f.input('nonce', 'Nonce', { allowNull: false }),
        f.datetime('expiresAt', 'Expires at'),
        f.datetime('usedAt', 'Used at'),
        f.datetime('revokedAt', 'Revoked at'),
        f.belongsTo('evaluation', 'Evaluation', 'mq_evaluations', 'id', { onDelete: 'SET NULL' }),
      ],
    },
    NS,
  ),
);
