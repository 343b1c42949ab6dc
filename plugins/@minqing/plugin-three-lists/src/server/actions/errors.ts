import type Application from '@nocobase/server';
import { LoopRuleError } from '../domain/loop';

const NS = '@minqing/plugin-three-lists';

/**
 * Renders our rule errors as 4xx with a message in the caller's language (X-Locale), naming the
 * rule. Statuses, actions and fields in the parameters are translated too.
 */
export function renderLoopErrors(app: Application) {
  const errorHandler = (app.pm.get('error-handler') as any)?.errorHandler;
  if (!errorHandler) return;
  errorHandler.register(
    (error: unknown) => error instanceof LoopRuleError || (error as any)?.name === 'LoopRuleError',
    (error: LoopRuleError, ctx: any) => {
      const tr = (text: string) => ctx.t(text, { ns: [error.ns, NS] });
      const word = (key: string, value: unknown) => {
        const each = (v: unknown) => {
          const s = String(v);
          if (key === 'status' || key === 'allowed') return tr(`status.${s}`);
          if (key === 'action') return tr(`action.${s}`);
          if (key === 'fields') return tr(`field.${s}`);
          return tr(s);
        };
        return []
          .concat(value as any)
          .map(each)
          .join(ctx.getCurrentLocale?.()?.startsWith('zh') ? '、' : ', ');
      };
      const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, word(k, v)]));
      ctx.status = error.status;
      ctx.body = {
        errors: [
          { message: ctx.t(error.key, { ns: NS, ...params, interpolation: { escapeValue: false } }), code: error.code },
        ],
      };
    },
  );
}
