import type { Database, Model, Transaction } from '@nocobase/database';
import { Refusal } from '../domain/refusal';
import { checkPastTime } from '../domain/values';
import { localDay } from '../domain/workdays';
import { labelOf } from './records';
import { getSettings } from './settings';

/** the times of things that happened, and the key of the problem they cannot precede */
export interface PastTimeRule {
  collection: string;
  fields: string[];
  problemKey?: string;
}

/** three lists' own: a revisit, a progress report, a milestone reached */
export const PAST_TIMES: PastTimeRule[] = [
  { collection: 'mq_revisits', fields: ['revisitedAt'], problemKey: 'problemId' },
  { collection: 'mq_progress_reports', fields: ['reportedOn'], problemKey: 'problemId' },
  { collection: 'mq_milestones', fields: ['doneAt'] },
];

/**
 * Holds the times of `rules` to domain/values.ts' checkPastTime on every path (a model hook:
 * stock actions, imports, workflows): not in the future, not before the problem existed.
 */
export function holdPastTimes(db: Database, rules: PastTimeRule[], ns?: string) {
  for (const rule of rules) {
    const check = async (values: (name: string) => unknown, fields: string[], problemId: unknown, transaction?: Transaction) => {
      if (!fields.length) return;
      const { timeZone } = await getSettings(db, transaction);
      const now = new Date();
      const problem =
        problemId != null && problemId !== ''
          ? await db.getRepository('mq_problems').findOne({ filterByTk: problemId as number, fields: ['id', 'createdAt'], transaction })
          : null;
      const created = (problem?.get('createdAt') as Date | undefined) ?? null;
      const bounds = {
        now,
        today: localDay(now, timeZone),
        notBefore: created,
        notBeforeDay: created ? localDay(created, timeZone) : null,
      };
      for (const field of fields) {
        const breach = checkPastTime(labelOf(db, rule.collection, field), values(field), bounds);
        if (breach) throw new Refusal(breach.code, breach.key, breach.params, 400, ns);
      }
    };
    db.on(`${rule.collection}.beforeSave`, async (model: Model, options: { transaction?: Transaction } = {}) => {
      const fields = rule.fields.filter((f) => (model.isNewRecord ? model.get(f) != null : model.changed(f as never)));
      await check((f) => model.get(f), fields, rule.problemKey ? model.get(rule.problemKey) : null, options.transaction);
    });
    db.on(`${rule.collection}.beforeBulkUpdate`, async (options: { attributes?: Record<string, unknown>; transaction?: Transaction }) => {
      const attributes = options?.attributes ?? {};
      // rows of several problems: the future, at least
      await check((f) => attributes[f], rule.fields.filter((f) => attributes[f] != null), null, options?.transaction);
    });
  }
}
