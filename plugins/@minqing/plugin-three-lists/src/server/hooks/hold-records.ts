import type { Database, Model } from '@nocobase/database';
import { holdActingPerson, holdCoreRecords } from '../services/records';
import { LIST_COLLECTIONS } from '../services/schema';
import { validateValues } from '../services/values';

/**
 * Status and transition times change only through the loop's actions; the records the figures
 * are counted from (responsibilities, tasks, progress reports, revisits, evaluations) are written
 * by the loop's steps and kept; server-owned fields are the server's (domain/records.ts). The
 * guard sits on the models, so the generic update, bulk updates, imports, association resources,
 * nested values and workflow nodes are all held to it, whoever asks.
 */
export function holdRecordsOfTheLoop(db: Database) {
  const flagCarriedOver = (model: Model) => {
    // 前期遗留: whatever the form or the import says, a carried-over problem is flagged as such
    if (model.get('source') === 'carried_over') model.set('carriedOver', true);
  };
  db.on('mq_problems.beforeCreate', flagCarriedOver);
  db.on('mq_problems.beforeBulkCreate', (models: Model[]) => models.forEach(flagCarriedOver));
  holdCoreRecords(db);
  // 回访 is recorded by the leader who revisits, signed in; a planned one names whom it appoints
  // every value of our fields is of its kind, whoever writes it (domain/values.ts)
  validateValues(db, LIST_COLLECTIONS);
  holdActingPerson(db, 'mq_revisits', 'revisiterId', 'Revisits', { appoints: (revisit) => revisit.get('state') === 'pending' });
}
