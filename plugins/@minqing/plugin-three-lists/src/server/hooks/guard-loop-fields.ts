import type { Database, Model, Transaction } from '@nocobase/database';

type Options = { transaction?: Transaction | null } | undefined;
import { LOOP_FIELDS } from '../domain/loop';
import { Refusal } from '../domain/refusal';
import { isLoopTransaction } from '../services/loop';

const READ_ONLY =
  '{{fields}} can change only through the loop actions (assign, accept, report progress, complete, close, reopen), not by editing';

/**
 * Status and transition times change only through the loop's actions. This guard sits on the
 * model, so the generic update, imports, association writes and workflow nodes are all held to it,
 * whoever asks; every other field, including those an admin adds, stays editable.
 */
export function guardLoopFields(db: Database) {
  const checkNew = (model: Model, options: Options) => {
    // 前期遗留: whatever the form or the import says, a carried-over problem is flagged as such
    if (model.get('source') === 'carried_over') model.set('carriedOver', true);
    if (isLoopTransaction(options?.transaction)) return;
    const status = model.get('status');
    if (status !== undefined && status !== null && status !== 'new') {
      throw new Refusal(
        'STATUS_BY_ACTION_ONLY',
        'A new problem starts as to-assign; its status changes only through the loop actions',
        {},
        400,
      );
    }
    const stamped = LOOP_FIELDS.filter((field) => field !== 'status' && model.get(field));
    if (stamped.length) {
      throw new Refusal('LOOP_FIELD_READ_ONLY', READ_ONLY, { fields: stamped }, 400);
    }
  };
  db.on('mq_problems.beforeCreate', checkNew);
  // NocoBase's import inserts with bulkCreate, which runs no per-row hooks
  db.on('mq_problems.beforeBulkCreate', (models: Model[], options: Options) =>
    models.forEach((model) => checkNew(model, options)),
  );

  db.on('mq_problems.beforeUpdate', (model: Model, options: Options) => {
    if (isLoopTransaction(options?.transaction)) return;
    const changed = LOOP_FIELDS.filter((field) => model.changed(field));
    if (changed.length) {
      throw new Refusal('LOOP_FIELD_READ_ONLY', READ_ONLY, { fields: changed }, 400);
    }
  });

  // a bulk update (update with a filter) bypasses instance hooks unless individualHooks is set
  db.on('mq_problems.beforeBulkUpdate', (options: Options & { attributes?: Record<string, unknown> }) => {
    if (isLoopTransaction(options?.transaction)) return;
    const fields = Object.keys(options?.attributes ?? {}).filter((field) =>
      (LOOP_FIELDS as readonly string[]).includes(field),
    );
    if (fields.length) {
      throw new Refusal('LOOP_FIELD_READ_ONLY', READ_ONLY, { fields }, 400);
    }
  });
}
