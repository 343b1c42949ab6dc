import type { Database, Model, Transaction } from '@nocobase/database';

/**
 * Gives every problem read through the ORM (the API's list and get, a block's records) the value
 * of a virtual field of mq_problems, computed for the whole page of records in one query.
 *
 * A read inside a transaction is the server's own (a loop step's checks, holding SQLite's write
 * turn): only the reads that show problems pay for the query.
 */
export function computeOnRead<T>(
  db: Database,
  field: string,
  compute: (ids: (number | string)[]) => Promise<Map<string, T>>,
  otherwise: T | null,
) {
  db.on('mq_problems.afterFind', async (found: Model | Model[] | null, options: { transaction?: Transaction }) => {
    if (options?.transaction) return;
    const problems = (Array.isArray(found) ? found : found ? [found] : []).filter((m) => m?.get?.('id') != null);
    if (!problems.length) return;
    const values = await compute(problems.map((m) => m.get('id') as number));
    for (const m of problems) m.setDataValue(field as any, values.get(String(m.get('id'))) ?? otherwise);
  });
}
