/**
 * A request the rules refuse (拒绝): a loop step out of order, a setting out of range, a rate
 * limit, a photo of the wrong kind… Rendered as a 4xx whose message, in the caller's language,
 * names the rule (actions/errors.ts). Every Minqing plugin refuses with it, in its own words.
 */
export class Refusal extends Error {
  constructor(
    /** Stable code for clients and tests, e.g. `TRANSITION_NOT_ALLOWED`. */
    readonly code: string,
    /** Message key in the plugin's locale files; interpolated with `params`. */
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    /** HTTP status: 400 bad input, 403 not yours, 404 missing, 409 someone else was first. */
    readonly status = 400,
    /** locale namespace of `key`: another Minqing plugin refuses with its own */
    readonly ns = '@minqing/plugin-three-lists',
  ) {
    super(key.replace(/\{\{(\w+)\}\}/g, (_, name: string) => ([] as unknown[]).concat(params[name] ?? '').join(' / ')));
    this.name = 'Refusal';
  }

  /** a refused request is the user's business, not an operator's alarm */
  get logLevel() {
    return this.status >= 500 ? 'error' : 'info';
  }
}

/** The name of Refusal before it was thrown for more than the loop's rules. */
export { Refusal as LoopRuleError };

export type Refuse = (code: string, key: string, params?: Record<string, unknown>, status?: number) => Refusal;

/** How a plugin refuses in its own words: `refuse(code, key, params, status)` translated in `ns`. */
export function refusalIn(ns: string): Refuse {
  return (code, key, params = {}, status = 400) => new Refusal(code, key, params, status, ns);
}

/** A refusal from another copy of this module (a plugin bundling its own) is one all the same. */
export function isRefusal(error: unknown): error is Refusal {
  const name = (error as { name?: unknown } | null)?.name;
  return error instanceof Refusal || name === 'Refusal' || name === 'LoopRuleError';
}

/** The value of a field the request must carry (a blank text is missing too). */
export function requireValue<T = unknown>(values: object | null | undefined, key: string, label: string): T {
  const value = (values as Record<string, unknown> | null | undefined)?.[key];
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    throw new Refusal('REQUIRED', '{{field}} is required', { field: label }, 400);
  }
  return value as T;
}

/**
 * The id of one record, as a request names it (a number or its digits): not a list, not a
 * name, not zero. `personId: [a, b]` would leave a problem nobody can accept.
 */
export function recordIdOf(value: unknown, label: string): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new Refusal('INVALID_ID', '{{field}} must name one record by its id', { field: label }, 400);
  }
  return id;
}
