import type { Database, Filter } from '@nocobase/database';
import { comparable, CORRECTABLE, planCorrection } from '../domain/records';
import { Refusal } from '../domain/refusal';
import { asServer, labelOf } from './records';
import { writeTransaction } from './sqlite';

/** the option lists a corrected value must come from: the field's own, as the collection manager has it */
function optionsOf(db: Database, collection: string) {
  const lists: Record<string, (string | number)[]> = {};
  for (const field of CORRECTABLE[collection] ?? []) {
    const choices = (db.getCollection(collection)?.getField(field)?.options as { uiSchema?: { enum?: { value: string | number }[] } })
      ?.uiSchema?.enum;
    if (Array.isArray(choices) && choices.length) lists[field] = choices.map((o) => o.value);
  }
  return lists;
}

/** what the record a `…Id` names must be */
const TARGETS: Record<string, string> = {
  personId: 'users',
  guarantorId: 'users',
  revisiterId: 'users',
  unitId: 'mq_units',
};

export interface CorrectionRequest {
  collection: string;
  id: unknown;
  values: Record<string, unknown>;
  userId?: number;
  /** the caller's ACL data scope */
  scope?: Filter;
}

/**
 * 更正: the campaign office corrects a recorded fact, with a reason. The record changes through
 * the same guard as every write (only these values pass), and the old and new values are kept in
 * mq_corrections in the same transaction: the figures move, never without a trace.
 */
export async function correct(db: Database, request: CorrectionRequest) {
  const { collection, id, userId, scope } = request;
  if (!CORRECTABLE[collection]) throw new Refusal('NOT_CORRECTABLE', 'Nothing to correct here', {}, 404);
  const label = (field: string) => labelOf(db, collection, field);
  const { change, reason } = planCorrection(collection, request.values, optionsOf(db, collection), new Date(), label);
  return writeTransaction(db, async (transaction) => {
    const repo = db.getRepository(collection);
    const record = await repo.findOne({ filterByTk: id as number, filter: scope, transaction });
    if (!record) throw new Refusal('NOT_FOUND', '{{field}} {{id}} does not exist', { field: 'Record', id }, 404);
    for (const [field, target] of Object.entries(TARGETS)) {
      if (change[field] === undefined) continue;
      const found = await db.getRepository(target).findOne({ filterByTk: change[field] as number, transaction });
      if (!found) {
        throw new Refusal('NOT_FOUND', '{{field}} {{id}} does not exist', { field: label(field), id: change[field] }, 400);
      }
    }
    const changes = Object.fromEntries(
      Object.entries(change)
        .filter(([field, value]) => comparable(record.get(field)) !== comparable(value))
        .map(([field, value]) => [field, [record.get(field) ?? null, value]]),
    );
    if (!Object.keys(changes).length) {
      throw new Refusal('NOTHING_TO_CORRECT', 'The record already says this: nothing to correct', {}, 400);
    }
    const recordId = record.get('id');
    const context = { state: { currentUser: { id: userId } } };
    const corrected = Object.fromEntries(Object.keys(changes).map((f) => [f, change[f]]));
    await asServer(transaction, { collection, id: recordId, values: corrected }, () =>
      repo.update({ filterByTk: recordId as number, values: corrected, transaction, context }),
    );
    const trace = {
      collectionName: collection,
      recordId,
      problemId: collection === 'mq_problems' ? recordId : (record.get('problemId') ?? null),
      changes,
      reason,
    };
    await asServer(transaction, { collection: 'mq_corrections', values: trace, create: true }, () =>
      db.getRepository('mq_corrections').create({ values: trace, transaction, context }),
    );
    return repo.findOne({ filterByTk: recordId as number, transaction });
  });
}
