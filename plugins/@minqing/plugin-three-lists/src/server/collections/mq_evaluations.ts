import { defineCollection } from '@nocobase/database';
import { CHANNEL_OPTIONS, EVALUATOR_OPTIONS, SATISFACTION_OPTIONS } from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/**
 * 代录: entered by staff on the public's behalf (set by the server for every signed-in request;
 * the public's single-use link leaves it off). The figures tell these ratings from the public's own.
 */
export const EVALUATION_BY_STAFF_FIELD = f.checkbox('byStaff', 'Entered by staff', { defaultValue: false });

/**
 * Where a rating from the public came from: the device and the network address of the request on
 * the public's link, each as a salted hash (publicity's intake; never the address itself), so that
 * 作风监督 can see many ratings from one device or address. Hidden: no API answer carries them;
 * staff-entered ratings have none.
 */
export const EVALUATION_SOURCE_FIELDS = [
  { ...f.input('deviceHash', 'Device (salted hash)'), hidden: true },
  { ...f.input('addressHash', 'Network address (salted hash)'), hidden: true },
];

/** 群众评价 by teachers, students and parents */
export default defineCollection(
  defineListCollection({
    name: 'mq_evaluations',
    title: t('Public evaluations'),
    fields: [
      f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
      f.select('score', 'Score', SATISFACTION_OPTIONS),
      f.select('evaluatorKind', 'Evaluator', EVALUATOR_OPTIONS, { defaultValue: 'parent' }),
      f.textarea('comment', 'Comment'),
      f.select('channel', 'Channel', CHANNEL_OPTIONS, { defaultValue: 'online' }),
      EVALUATION_BY_STAFF_FIELD,
      ...EVALUATION_SOURCE_FIELDS,
    ],
    indexes: [{ fields: ['problemId'] }],
  }),
);
