import type { Database, Model, Transaction } from '@nocobase/database';
import { tableOf } from './sql';

/** How many of each problem's supervisions (督办) are not answered yet (no `respondedAt`). */
export async function unansweredSupervisionsOf(
  db: Database,
  ids: (number | string)[],
  transaction?: Transaction,
): Promise<Map<string, number>> {
  if (!ids.length || !db.hasCollection('mq_supervisions')) return new Map();
  const S = tableOf(db, 'mq_supervisions');
  const s = (c: string) => `s.${S.column(c)}`;
  const rows = (await db.sequelize.query(
    `SELECT ${s('problemId')} AS id, COUNT(*) AS n FROM ${S.table} s
     WHERE ${s('problemId')} IN (:ids) AND ${s('respondedAt')} IS NULL GROUP BY ${s('problemId')}`,
    { replacements: { ids }, type: 'SELECT', transaction },
  )) as { id: unknown; n: unknown }[];
  return new Map(rows.map((row) => [String(row.id), Number(row.n)]));
}

/**
 * Every problem read through the ORM carries `unansweredSupervisions` (a virtual field of
 * mq_problems): the supervised person's phone shows 回复督办 on the problem's card while it is
 * above zero. One query for the whole page of records.
 */
export function exposeUnansweredSupervisions(db: Database) {
  db.on('mq_problems.afterFind', async (found: Model | Model[] | null, options: { transaction?: Transaction }) => {
    // a read inside a transaction is the server's own (a loop step's checks, holding SQLite's write
    // turn): only the reads that show problems pay for this query
    if (options?.transaction) return;
    const problems = (Array.isArray(found) ? found : found ? [found] : []).filter((m) => m?.get?.('id') != null);
    if (!problems.length) return;
    const counts = await unansweredSupervisionsOf(
      db,
      problems.map((m) => m.get('id') as number),
      options?.transaction,
    );
    for (const m of problems) m.setDataValue('unansweredSupervisions' as any, counts.get(String(m.get('id'))) ?? 0);
  });
}
