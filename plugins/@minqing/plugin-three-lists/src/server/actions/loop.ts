import type { Context, Next } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { LOOP_ACTIONS, LoopRuleError, type LoopAction } from '../domain/loop';
import * as loop from '../services/loop';

type Perform = (db: any, options: Omit<loop.TransitionOptions, 'action'>, values: any) => Promise<unknown>;

const PERFORM: Record<LoopAction, Perform> = {
  assign: loop.assign,
  accept: loop.accept,
  reportProgress: loop.reportProgress,
  complete: loop.complete,
  close: (db, options) => loop.close(db, options),
  reopen: loop.reopen,
};

function handler(action: LoopAction) {
  return async (ctx: Context, next: Next) => {
    const { filterByTk, values = {}, filter } = ctx.action.params;
    if (filterByTk === undefined || filterByTk === null || filterByTk === '') {
      throw new LoopRuleError('REQUIRED', '{{field}} is required', { field: 'Problem' }, 400);
    }
    const problem = await PERFORM[action](
      ctx.db,
      // `filter` carries the caller's data scope from the ACL (e.g. "problems assigned to me")
      { problemId: filterByTk, actor: { userId: ctx.state.currentUser?.id }, scope: filter },
      values,
    );
    ctx.body = problem;
    await next();
  };
}

/** POST /api/mq_problems:<action>?filterByTk=<id> with `values` for the step. */
export function registerLoopActions(app: Application) {
  app.resourceManager.registerActionHandlers(
    Object.fromEntries(LOOP_ACTIONS.map((action) => [`mq_problems:${action}`, handler(action)])),
  );
  for (const action of LOOP_ACTIONS) {
    // lets administrators grant each step per role, with a data scope, in Users & permissions
    app.acl.setAvailableAction(action, {
      displayName: `{{t("action.${action}", { ns: "@minqing/plugin-three-lists" })}}`,
      type: 'old-data',
      onNewRecord: false,
      allowConfigureFields: false,
    });
  }
}
