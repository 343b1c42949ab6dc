/**
 * What a value of one of our fields may be, whichever path writes it (the stock forms and API,
 * imports, workflows): an option of its list, a whole number, one record's id, a text of bounded
 * length that is not blank where it is required, a real date. SQLite enforces none of this; the
 * other databases answer with errors no cadre can read. Pure: services/values.ts applies it.
 */
export interface FieldSpec {
  name: string;
  /** the field's title key, for messages */
  label: string;
  type: string;
  interface?: string;
  allowNull?: boolean;
  /** the option values of a select (the collection manager's current list) */
  options?: readonly (string | number)[];
  /** the longest text a string column takes */
  length?: number;
}

export type ValueBreachCode =
  | 'INVALID_TYPE'
  | 'INVALID_VALUE'
  | 'TOO_LONG'
  | 'REQUIRED'
  | 'DATE_IN_FUTURE'
  | 'DATE_BEFORE_PROBLEM';

export interface ValueBreach {
  code: ValueBreachCode;
  key: string;
  params: Record<string, unknown>;
}

/** VARCHAR(255), the default of a NocoBase string field */
export const STRING_LENGTH = 255;
/** a long text still fits a page, a form and an export */
export const TEXT_LENGTH = 20000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^-?\d+$/;

const breach = (code: ValueBreachCode, key: string, params: Record<string, unknown>): ValueBreach => ({ code, key, params });
const wrongKind = (spec: FieldSpec, kind: string) =>
  breach('INVALID_TYPE', '{{field}} must be {{kind}}', { field: spec.label, kind });

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim());

/** The breach of `spec` by `value`, or null. `undefined` (not written) is always fine. */
export function checkValue(spec: FieldSpec, value: unknown): ValueBreach | null {
  if (value === undefined) return null;
  if (isBlank(value)) {
    return spec.allowNull === false && (spec.type === 'string' || spec.type === 'text' || value === null)
      ? breach('REQUIRED', '{{field}} is required', { field: spec.label })
      : null;
  }
  if (spec.options?.length && (spec.interface === 'select' || spec.interface === 'radioGroup')) {
    if (typeof value === 'object') return wrongKind(spec, 'one of its options');
    return spec.options.some((o) => String(o) === String(value))
      ? null
      : breach('INVALID_VALUE', '{{field}} has no option {{value}}', { field: spec.label, value: String(value) });
  }
  if (spec.options?.length && spec.interface === 'multipleSelect') {
    if (!Array.isArray(value)) return wrongKind(spec, 'a list of its options');
    const unknown = value.find((v) => !spec.options!.some((o) => String(o) === String(v)));
    return unknown === undefined
      ? null
      : breach('INVALID_VALUE', '{{field}} has no option {{value}}', { field: spec.label, value: String(unknown) });
  }
  switch (spec.type) {
    case 'integer':
    case 'bigInt': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value) : NaN;
      return Number.isSafeInteger(n) ? null : wrongKind(spec, 'a whole number');
    }
    case 'string':
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number') return wrongKind(spec, 'a text');
      const max = spec.length ?? (spec.type === 'string' ? STRING_LENGTH : TEXT_LENGTH);
      return [...String(value)].length > max
        ? breach('TOO_LONG', '{{field}} is too long (at most {{max}} characters)', { field: spec.label, max })
        : null;
    }
    case 'boolean':
      return typeof value === 'boolean' || value === 0 || value === 1 ? null : wrongKind(spec, 'yes or no');
    case 'date': {
      const at = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
      return at && !Number.isNaN(at.getTime()) ? null : wrongKind(spec, 'a date and time');
    }
    case 'dateOnly': {
      if (typeof value !== 'string' || !DAY.test(value)) return wrongKind(spec, 'a day (YYYY-MM-DD)');
      const day = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value
        ? null
        : wrongKind(spec, 'a day (YYYY-MM-DD)');
    }
    default:
      return null;
  }
}

/** how far ahead of the server's clock a device's clock may be before its "now" counts as the future */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Times of things that happened (a visit, a revisit, a progress report, a milestone reached): not
 * in the future beyond a device's clock skew, and not before the problem they belong to existed
 * (`notBefore`, its creation). A day (YYYY-MM-DD) is compared with the bureau's days: `today` and
 * `notBeforeDay`. Unparseable values are checkValue's to refuse.
 */
export function checkPastTime(
  label: string,
  value: unknown,
  bounds: { now: Date; today: string; notBefore?: Date | null; notBeforeDay?: string | null },
): ValueBreach | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && DAY.test(value)) {
    if (value > bounds.today) return breach('DATE_IN_FUTURE', '{{field}} cannot be in the future', { field: label });
    if (bounds.notBeforeDay && value < bounds.notBeforeDay) {
      return breach('DATE_BEFORE_PROBLEM', '{{field}} cannot be before the problem was reported ({{day}})', {
        field: label,
        day: bounds.notBeforeDay,
      });
    }
    return null;
  }
  const at = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) return null;
  if (at.getTime() > bounds.now.getTime() + CLOCK_SKEW_MS) {
    return breach('DATE_IN_FUTURE', '{{field}} cannot be in the future', { field: label });
  }
  if (bounds.notBefore && at.getTime() < bounds.notBefore.getTime() - CLOCK_SKEW_MS) {
    return breach('DATE_BEFORE_PROBLEM', '{{field}} cannot be before the problem was reported ({{day}})', {
      field: label,
      day: bounds.notBeforeDay ?? bounds.notBefore.toISOString().slice(0, 10),
    });
  }
  return null;
}
