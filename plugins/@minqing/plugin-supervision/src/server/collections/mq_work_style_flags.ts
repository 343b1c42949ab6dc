import { defineCollection } from '@nocobase/database';
import { defineListCollection, fieldBuilders, t as tr } from '@minqing/plugin-three-lists';
import { FLAG_FAMILY, FLAG_KIND_LABELS, FLAG_KINDS, FLAG_STATES } from '../domain/work-style/flags';

const NS = '@minqing/plugin-supervision';
const f = fieldBuilders(NS);

const json = (name: string, title: string) => ({
  name,
  type: 'json',
  interface: 'json',
  uiSchema: { title: tr(title, NS), type: 'object', 'x-component': 'Input.JSON', 'x-read-pretty': true },
});

const FAMILY_LABELS: Record<string, string> = {
  cursory_visit: 'Cursory visits',
  surface_closure: 'Surface closures',
  self_certification: 'Self-certification',
  too_good: 'Figures too good',
};
const STATE_LABELS: Record<string, [string, string]> = {
  open: ['To decide', 'orange'],
  confirmed: ['Confirmed', 'red'],
  dismissed: ['Dismissed', 'default'],
  adopted: ['Made a problem', 'green'],
};

/** The office's decision: who, when, and (for a dismissal) why — it stays. */
const decision = () => [
  f.user('decidedBy', 'Decided by'),
  f.datetime('decidedAt', 'Decided at'),
  f.textarea('decisionReason', 'Reason of the decision'),
];

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
        json('evidence', 'Evidence'),
        f.datetime('detectedAt', 'Detected at'),
        f.select(
          'state',
          'Decision',
          FLAG_STATES.map((value) => ({ value, label: STATE_LABELS[value][0], color: STATE_LABELS[value][1] })),
          { defaultValue: 'open' },
        ),
        ...decision(),
      ],
      indexes: [{ fields: ['state', 'kind'] }, { fields: ['detectedAt'] }],
    },
    NS,
  ),
);
