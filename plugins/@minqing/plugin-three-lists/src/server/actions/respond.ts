import type { Context, Next } from '@nocobase/actions';

/** An action handler whose answer is what `work` returns (wrapped by NocoBase as `{ data }`). */
export const respondWith = (work: (ctx: Context) => Promise<unknown>) => async (ctx: Context, next: Next) => {
  ctx.body = await work(ctx);
  await next();
};
