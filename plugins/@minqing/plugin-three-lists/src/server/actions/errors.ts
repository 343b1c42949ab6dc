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

interface ValidationItem {
  type?: string;
  path?: string;
  value?: unknown;
  instance?: { constructor: unknown };
}

/** the title of a field in its own namespace: `{{t("Title", { ns: "…" })}}` → ["Title", "…"] */
const TITLE = /^\{\{\s*t\(\s*"((?:[^"\\]|\\.)+)"\s*(?:,\s*\{\s*ns:\s*"([^"]+)"\s*\})?\s*\)\s*\}\}$/;

/**
 * The database's own refusals on our collections (a required field left empty, a duplicate of a
 * unique value) in the caller's language, naming the field as the forms title it. NocoBase's
 * handler reads only titles without a namespace and shows ours as raw templates; this one comes
 * first for our collections and leaves every other to it.
 */
export function renderValidationErrors(app: Application) {
  const errorHandler = (
    app.pm.get('error-handler') as unknown as { errorHandler?: { handlers?: { guard: unknown; render: unknown }[] } } | undefined
  )?.errorHandler;
  if (!errorHandler?.handlers) return;
  const collectionOf = (item: ValidationItem) =>
    item.instance ? app.db.modelCollection.get(item.instance.constructor as never) : undefined;
  const ours = (error: unknown) => {
    const e = error as { name?: string; errors?: ValidationItem[] } | null;
    return (
      (e?.name === 'SequelizeValidationError' || e?.name === 'SequelizeUniqueConstraintError') &&
      Boolean(e.errors?.length) &&
      e.errors!.every((item) => collectionOf(item)?.name.startsWith('mq_'))
    );
  };
  const render = (error: { errors: ValidationItem[] }, ctx: Context) => {
    const label = (item: ValidationItem) => {
      const title = String(collectionOf(item)?.getField(item.path ?? '')?.options?.uiSchema?.title ?? item.path ?? '');
      const m = TITLE.exec(title);
      return m ? ctx.t(JSON.parse(`"${m[1]}"`), { ns: m[2] ?? NS }) : title;
    };
    ctx.status = 400;
    ctx.body = {
      errors: error.errors.map((item) => {
        const [code, key] =
          item.type === 'notNull Violation' || item.type === 'notnull violation'
            ? ['REQUIRED', '{{field}} is required']
            : item.type === 'unique violation'
              ? ['NOT_UNIQUE', '{{field}} must be unique: {{value}} is taken']
              : ['INVALID_VALUE', '{{field}} has no option {{value}}'];
        const message = ctx.t(key, { ns: NS, field: label(item), value: String(item.value ?? ''), interpolation: { escapeValue: false } });
        return { code, message };
      }),
    };
  };
  // first in line: NocoBase's handler would take these before ours
  errorHandler.handlers.unshift({ guard: ours, render });
}
