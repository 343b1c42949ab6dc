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
      // the thrower's namespace first, then ours (statuses, actions and shared words live here)
      const translate = (text: string, options: Record<string, unknown> = {}) => {
        for (const ns of [error.ns, NS]) {
          const found = ctx.t(text, { ns, ...options });
          if (found !== text || ns === NS) return found;
        }
      };
      const tr = (text: string) => translate(text);
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
          { message: translate(error.key, { ...params, interpolation: { escapeValue: false } }), code: error.code },
        ],
      };
    },
  );
}
