import type { Context, Next } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { CORRECTABLE } from '../domain/records';
import { offerRecordActions } from '../services/acl';
import { correct } from '../services/corrections';
import { actionHandler } from './respond';

/** POST /api/<collection>:correct?filterByTk=<id> { …new values, reason } — 更正, by the campaign office. */
export function registerCorrections(app: Application) {
  app.resourceManager.registerActionHandlers(
    Object.fromEntries(
      Object.keys(CORRECTABLE).map((collection) => [
        `${collection}:correct`,
        actionHandler(async (ctx: Context, next: Next) => {
          const { filterByTk, values = {}, filter } = ctx.action.params;
          ctx.body = await correct(ctx.db, {
            collection,
            id: filterByTk,
            values,
            userId: ctx.state.currentUser?.id,
            scope: filter,
          });
          await next();
        }),
      ]),
    ),
  );
  offerRecordActions(app, '@minqing/plugin-three-lists', { correct: 'action.correct' });
}
