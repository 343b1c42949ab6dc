import { defineCollection } from '@nocobase/database';
import { defineListCollection, fieldBuilders, t as tr } from '@minqing/plugin-three-lists';
import { decisionFields, evidenceField, stateField } from '../services/decided-fields';
import { CANDIDATE_KINDS, CANDIDATE_STATES } from '../domain/work-style/proactive';

const NS = '@minqing/plugin-supervision';
const f = fieldBuilders(NS);

const CANDIDATE_KIND_LABELS: Record<string, string> = {
  recurring_at_unit: 'Recurring at one unit',
  rising_category: 'Rising across units',
  unseen_by_visits: 'Complained of, never found by visits',
};

/** 未诉先办 candidates: problems found before anyone complained, proposed to the office with their evidence. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_proactive_candidates',
      title: tr('Handle-before-complaint candidates', NS),
      titleField: 'why',
      fields: [
        f.select(
          'kind',
          'Finding',
          CANDIDATE_KINDS.map((value) => ({ value, label: CANDIDATE_KIND_LABELS[value] })),
        ),
        f.input('key', 'Key', { unique: true }),
        f.input('category', 'Category'),
        f.belongsTo('unit', 'Unit', 'mq_units', 'name', { onDelete: 'CASCADE' }),
        f.textarea('why', 'Why'),
        evidenceField(),
        f.datetime('detectedAt', 'Detected at'),
        stateField(CANDIDATE_STATES),
        // the proactive problem made from it (source 未诉先办)
        f.belongsTo('problem', 'Problem made', 'mq_problems', 'title', { onDelete: 'SET NULL' }),
        ...decisionFields(),
      ],
      indexes: [{ fields: ['state'] }],
    },
    NS,
  ),
);
