import type Application from '@nocobase/server';
import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { wordsFrom, type Lang } from './languages';

const wordsIn = wordsFrom({ 'zh-CN': zhCN, 'en-US': enUS });

/** what raw-body/koa-bodyparser call the failures a client causes, and how we name them */
const BODY_ERRORS: Record<string, { code: string; status: number; key: string }> = {
  'entity.parse.failed': { code: 'MALFORMED_BODY', status: 400, key: 'The request body is not valid JSON: {{detail}}' },
  'entity.too.large': {
    code: 'BODY_TOO_LARGE',
    status: 413,
    key: 'The request body is too large ({{length}} bytes; at most {{limit}})',
  },
  'encoding.unsupported': { code: 'MALFORMED_BODY', status: 415, key: 'The request body’s encoding is not supported' },
  'request.size.invalid': { code: 'MALFORMED_BODY', status: 400, key: 'The request body is shorter than it says' },
};

/** the request's language as NocoBase's i18n middleware reads it (which runs after the body parser) */
function langOf(header: (name: string) => string, query: Record<string, unknown>): Lang {
  const asked = header('X-Locale') || String(query.locale ?? '') || header('Accept-Language');
  return /^en/i.test(asked) ? 'en-US' : 'zh-CN';
}

/** the rule a body error of the parser breaks, or undefined for any other error */
function bodyErrorOf(error: unknown) {
  const e = error as { type?: string; status?: number } | null;
  // co-body rethrows JSON.parse's SyntaxError with status 400 and no type
  const type = e?.type ?? (error instanceof SyntaxError && e?.status === 400 ? 'entity.parse.failed' : undefined);
  return type ? BODY_ERRORS[type] : undefined;
}

function render(error: unknown, ctx: any) {
  const known = bodyErrorOf(error)!;
  const e = error as { length?: number; limit?: number; message?: string };
  const t = wordsIn(langOf((name) => ctx.get(name), ctx.query ?? {}));
  ctx.status = known.status;
  ctx.body = {
    errors: [
      {
        code: known.code,
        message: t(known.key, { detail: String(e.message ?? '').slice(0, 200), length: e.length ?? '?', limit: e.limit ?? '?' }),
      },
    ],
  };
}

/**
 * A body the parser refuses (malformed JSON, over the size limit) is the client's mistake: a 4xx
 * in the request's language naming the rule, in our `{ errors: [{ code, message }] }` form, not
 * the parser's raw message, Koa's plain "Bad Request" or a 500. NocoBase's middleware order puts
 * its error handler either side of the body parser: we wrap the parser and stand first in the
 * error handler's line.
 */
export function explainBodyErrors(app: Application) {
  app.use(
    async (ctx: any, next: () => Promise<void>) => {
      try {
        await next();
      } catch (error) {
        if (!bodyErrorOf(error)) throw error;
        render(error, ctx);
      }
    },
    { tag: 'minqingBodyErrors', before: 'bodyParser', after: 'logger' },
  );
  const errorHandler = (
    app.pm.get('error-handler') as unknown as { errorHandler?: { handlers?: { guard: unknown; render: unknown }[] } } | undefined
  )?.errorHandler;
  errorHandler?.handlers?.unshift({ guard: (error: unknown) => Boolean(bodyErrorOf(error)), render });
}
