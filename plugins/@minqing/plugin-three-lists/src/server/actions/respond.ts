import type { Context, Next } from '@nocobase/actions';
import type { HandlerType } from '@nocobase/resourcer';

/**
 * An action handler of ours, as the resourcer takes it. It is called with NocoBase's full action
 * context (`@nocobase/actions`' Context); the resourcer's own type names less of the same object.
 */
export function actionHandler(handle: (ctx: Context, next: Next) => Promise<void>): HandlerType {
  return handle as HandlerType;
}

/** An action handler whose answer is what `work` returns (wrapped by NocoBase as `{ data }`). */
export const respondWith = (work: (ctx: Context) => Promise<unknown>) =>
  actionHandler(async (ctx, next) => {
    ctx.body = await work(ctx);
    await next();
  });
