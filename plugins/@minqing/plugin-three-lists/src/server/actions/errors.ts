import type { Context } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { isRefusal, type Refusal } from '../domain/refusal';

const NS = '@minqing/plugin-three-lists';

interface ErrorHandler {
  register(guard: (error: unknown) => boolean, render: (error: Refusal, ctx: Context) => void): void;
}

/**
 * Renders refusals as 4xx with a message in the caller's language (X-Locale), naming the rule.
 * Statuses, actions and fields in the parameters are translated too.
 */
export function renderRefusals(app: Application) {
  const errorHandler = (app.pm.get('error-handler') as unknown as { errorHandler?: ErrorHandler } | undefined)
    ?.errorHandler;
  if (!errorHandler) return;
  errorHandler.register(isRefusal, (error, ctx) => {
    // the thrower's namespace first, then ours (statuses, actions and shared words live here)
    const translate = (text: string, options: Record<string, unknown> = {}): string => {
      for (const ns of [error.ns, NS]) {
        const found = ctx.t(text, { ns, ...options });
        if (found !== text || ns === NS) return found;
      }
      return text;
    };
    const word = (key: string, value: unknown) => {
      const each = (v: unknown) => {
        const s = String(v);
        if (key === 'status' || key === 'allowed') return translate(`status.${s}`);
        if (key === 'action') return translate(`action.${s}`);
        if (key === 'fields') return translate(`field.${s}`);
        return translate(s);
      };
      return ([] as unknown[])
        .concat(value)
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
  });
}
