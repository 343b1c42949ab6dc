import { defineCollection } from '@nocobase/database';
import { CATEGORY_OPTIONS, defineListCollection, fieldBuilders } from '@minqing/plugin-three-lists';
import { f, foundProblems, NS, t } from '../domain/fields';
import { RESEARCH_METHOD_OPTIONS } from '../domain/options';

const core = fieldBuilders();

/** 调研: immersive research on the bureau's topic areas. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_research',
      title: t('Research'),
      titleField: 'title',
      fields: [
        f.user('leader', 'Led by'),
        f.input('title', 'Title', { allowNull: false }),
        // the bureau's topic areas are the problem categories of the core, with its labels
        {
          ...core.select('topic', 'Category', CATEGORY_OPTIONS),
          uiSchema: { ...core.select('topic', 'Category', CATEGORY_OPTIONS).uiSchema, title: t('Topic area') },
        },
        f.select('method', 'Method', RESEARCH_METHOD_OPTIONS, { defaultValue: 'squat' }),
        f.dateOnly('startsOn', 'From'),
        f.dateOnly('endsOn', 'To'),
        f.textarea('findings', 'Findings'),
        f.attachments('report', 'Report', 'mq_research_report'),
        foundProblems('mq_research_problems', 'researchId'),
      ],
    },
    NS,
  ),
);
