import type { Database, Transaction } from '@nocobase/database';
import { computeOnRead } from './computed-on-read';
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
 * Every problem read carries `unansweredSupervisions` (a virtual field of mq_problems): the
 * supervised person's phone shows 回复督办 on the problem's card while it is above zero.
 */
export function exposeUnansweredSupervisions(db: Database) {
  computeOnRead(db, 'unansweredSupervisions', (ids) => unansweredSupervisionsOf(db, ids), 0);
}
