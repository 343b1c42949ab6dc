import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/** 来件渠道: the public page, or another system through Open311 */
export const CHANNEL_OPTIONS = [
  { value: 'web', label: 'Public page' },
  { value: 'open311', label: 'Open311 (another system)' },
];

/**
 * Added after the first release (a migration adds them to installed databases): where a report
 * came from, the reporter's language for the updates sent to them, and what an Open311 client
 * said of the place and its photo (a link, never fetched by the server).
 */
export const REPORT_FIELDS_ADDED = [
  f.select('channel', 'Channel', CHANNEL_OPTIONS, { defaultValue: 'web' }),
  f.input('clientName', 'Client system'),
  f.input('locale', 'Language of the reporter'),
  f.input('location', 'Location given'),
  f.input('mediaUrl', 'Photo link given'),
  f.textarea('followerText', 'What the person wrote (following a published problem)'),
];

/**
 * 接诉即办来件: what the public sent, beside the problem it became. The complainant's contact
 * details live here and not on the problem, so that only roles given this collection (mq_admin)
 * can read them; the problem list never points back here.
 */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_public_reports',
      title: t('Public reports'),
      titleField: 'trackingCode',
      fields: [
        f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
        f.input('trackingCode', 'Tracking code', { unique: true, allowNull: false }),
        f.input('contactName', 'Contact name'),
        f.input('contactPhone', 'Contact phone'),
        f.input('contactEmail', 'Contact email'),
        // 来件原文: what the person wrote, as written; the problem gets a copy with personal data masked
        f.textarea('description', 'Original text'),
        f.textarea('reply', 'Reply to the public'), // 答复群众: shown on the tracking page
        f.attachments('photos', 'Photos', 'mq_public_reports_photos'),
        f.datetime('evaluationSentAt', 'Evaluation link sent at'),
        ...REPORT_FIELDS_ADDED,
      ],
      indexes: [{ fields: ['problemId'] }],
    },
    NS,
  ),
);
