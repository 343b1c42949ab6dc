import { defineCollection } from '@nocobase/database';
import { defineListCollection, fieldBuilders, t as tr } from '@minqing/plugin-three-lists';
import { decisionFields, evidenceField, stateField } from '../services/decided-fields';
import { FLAG_FAMILY, FLAG_KIND_LABELS, FLAG_KINDS, FLAG_STATES } from '../domain/work-style/flags';

const NS = '@minqing/plugin-supervision';
const f = fieldBuilders(NS);

const FAMILY_LABELS: Record<string, string> = {
  cursory_visit: 'Cursory visits',
  surface_closure: 'Surface closures',
  self_certification: 'Self-certification',
  too_good: 'Figures too good',
};

/** 作风监督: a flag on the work, computed from what is recorded, with its evidence and the office's decision. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_work_style_flags',
      title: tr('Work-style flags', NS),
      titleField: 'why',
      fields: [
        f.select(
          'kind',
          'Flag',
          FLAG_KINDS.map((value) => ({ value, label: FLAG_KIND_LABELS[value] })),
        ),
        f.select(
          'family',
          'Habit',
          [...new Set(Object.values(FLAG_FAMILY))].map((value) => ({ value, label: FAMILY_LABELS[value] })),
        ),
        // one flag per fact, however often it is computed
        f.input('key', 'Key', { unique: true }),
        f.textarea('why', 'Why'),
        f.user('user', 'Whose work'),
        f.belongsTo('unit', 'Unit', 'mq_units', 'name', { onDelete: 'CASCADE' }),
        f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
        f.integer('visitId', 'Visit'),
        evidenceField(),
        f.datetime('detectedAt', 'Detected at'),
        stateField(FLAG_STATES),
        ...decisionFields(),
      ],
      indexes: [{ fields: ['state', 'kind'] }, { fields: ['detectedAt'] }],
    },
    NS,
  ),
);
