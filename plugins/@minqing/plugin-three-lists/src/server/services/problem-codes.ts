import type { Database } from '@nocobase/database';
import { PROBLEM_CODE, problemCodeNumber } from '../domain/vocabulary';
import { tableOf } from './sql';

/** The sequence field's pattern that counts within the year (its `key` in mq_problems.code). */
const SEQUENCE_KEY = 1;

/**
 * Moves the problem-code sequence past the highest code of this year already in the table, so a
 * problem created after data loaded in bulk (the demo, an import, a restore) gets the next number
 * in the same format instead of starting again at 000001. Never moves it back. Returns the number
 * the sequence now stands at (null: no code of this year).
 */
export async function continueProblemCodes(db: Database, now = new Date()): Promise<number | null> {
  if (!db.hasCollection('mq_problems') || !db.hasCollection('sequences')) return null;
  const year = now.getFullYear(); // the sequence's date pattern formats createdAt in server time
  const P = tableOf(db, 'mq_problems');
  const code = P.column('code');
  // per length, the greatest code is the greatest number (same prefix): codes of the demo's or an
  // import's width and the sequence's own may both be there
  const rows = (await db.sequelize.query(
    `SELECT MAX(${code}) AS code FROM ${P.table} WHERE ${code} LIKE :prefix GROUP BY LENGTH(${code})`,
    { replacements: { prefix: `${PROBLEM_CODE.prefix}${year}-%` }, type: 'SELECT' },
  )) as { code: string }[];
  const numbers = rows.map((row) => problemCodeNumber(row.code, year)).filter((n): n is number => n !== null);
  const highest = numbers.length ? Math.max(...numbers) : null;
  if (highest === null) return null;
  const sequences = db.getRepository('sequences');
  const filter = { collection: 'mq_problems', field: 'code', key: SEQUENCE_KEY };
  const current = await sequences.findOne({ filter });
  const at = current?.get('current');
  const last = current?.get('lastGeneratedAt') as Date | string | null | undefined;
  // a number counted last year does not count: the sequence starts the year again at 1
  const thisYear = last ? new Date(last).getFullYear() === year : false;
  if (thisYear && at !== null && at !== undefined && Number(at) >= highest) return Number(at);
  if (current) await sequences.update({ filter, values: { current: highest, lastGeneratedAt: now } });
  else await sequences.create({ values: { ...filter, current: highest, lastGeneratedAt: now } });
  return highest;
}
