import type { Context, Next } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { LOOP_ACTIONS, type LoopAction } from '../domain/loop';
import { Refusal } from '../domain/refusal';
import { offerRecordActions } from '../services/acl';
import { actionHandler } from './respond';
import * as loop from '../services/loop';

type StepOptions = Omit<loop.TransitionOptions, 'action'>;
type Perform = (db: Context['db'], options: StepOptions, values: Record<string, unknown>) => Promise<unknown>;

// each step takes its own values; what arrives over HTTP is checked by the step's rules
const PERFORM: Record<LoopAction, Perform> = {
  assign: (db, options, values) => loop.assign(db, options, values),
  accept: (db, options, values) => loop.accept(db, options, values),
  reportProgress: (db, options, values) => loop.reportProgress(db, options, values as loop.ProgressValues),
  complete: (db, options, values) => loop.complete(db, options, values as loop.CompletionValues),
  close: (db, options) => loop.close(db, options),
  reopen: (db, options, values) => loop.reopen(db, options, values as loop.ReopenValues),
};

function handler(action: LoopAction) {
  return actionHandler(async (ctx: Context, next: Next) => {
    const { filterByTk, values = {}, filter } = ctx.action.params;
    if (filterByTk === undefined || filterByTk === null || filterByTk === '') {
      throw new Refusal('REQUIRED', '{{field}} is required', { field: 'Problem' }, 400);
    }
    ctx.body = await PERFORM[action](
      ctx.db,
      // `filter` carries the caller's data scope from the ACL (e.g. "problems assigned to me")
      { problemId: filterByTk, actor: { userId: ctx.state.currentUser?.id }, scope: filter },
      values,
    );
    await next();
  });
}

/** POST /api/mq_problems:<action>?filterByTk=<id> with `values` for the step. */
export function registerLoopActions(app: Application) {
  app.resourceManager.registerActionHandlers(
    Object.fromEntries(LOOP_ACTIONS.map((action) => [`mq_problems:${action}`, handler(action)])),
  );
  // lets administrators grant each step per role, with a data scope, in Users & permissions
  offerRecordActions(
    app,
    '@minqing/plugin-three-lists',
    Object.fromEntries(LOOP_ACTIONS.map((action) => [action, `action.${action}`])),
  );
}
