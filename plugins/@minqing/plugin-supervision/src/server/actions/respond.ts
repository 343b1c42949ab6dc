import type { Context, Next } from '@nocobase/actions';
import { refusalIn, writeTransaction } from '@minqing/plugin-three-lists';

const refuse = refusalIn('@minqing/plugin-supervision');

/**
 * The supervised party answers (反馈): `POST /api/mq_supervisions:respond?filterByTk=<id>` with
 * `{ response }`. Every answer is kept in `responseLog`; `response` shows the latest.
 */
export async function respond(ctx: Context, next: Next) {
  const { filterByTk, values = {}, filter } = ctx.action.params;
  const text = typeof values.response === 'string' ? values.response.trim() : '';
  if (!text) throw refuse('REQUIRED', 'Write the response');
  const repo = ctx.db.getRepository('mq_supervisions');
  ctx.body = await writeTransaction(ctx.db, async (transaction) => {
    const record = await repo.findOne({ filterByTk, filter, transaction });
    if (!record) {
      throw refuse(
        'NOT_FOUND',
        'Supervision {{id}} does not exist or is not addressed to you',
        { id: filterByTk },
        404,
      );
    }
    const now = new Date();
    const log = [
      ...((record.get('responseLog') as unknown[] | null) ?? []),
      { at: now.toISOString(), by: ctx.state.currentUser?.id, text },
    ];
    await record.update({ response: text, respondedAt: now, responseLog: log }, { transaction });
    return record;
  });
  await next();
}
