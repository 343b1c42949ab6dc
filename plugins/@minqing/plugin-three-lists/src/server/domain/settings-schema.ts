/**
 * One way to declare a plugin's settings: each setting's kind, default and range, written once
 * and read by the server (which refuses a change out of range) and by the settings page (whose
 * inputs take the same ranges). A schema is plain data, so a client bundle can import it.
 */
import { Refusal } from './refusal';

interface SettingBase {
  /** the settings page shows the setting with this label (a message key in the schema's namespace) */
  label?: string;
}

export interface IntegerSetting extends SettingBase {
  type: 'integer';
  default: number;
  min: number;
  max: number;
}

export interface BooleanSetting extends SettingBase {
  type: 'boolean';
  default: boolean;
}

export interface TextSetting extends SettingBase {
  type: 'text';
  default: string;
  maxLength: number;
  /** what a non-empty value must look like, and how the refusal describes it */
  pattern?: RegExp;
  rule?: string;
  /** a text of several lines (a message template): the settings page gives it a text area */
  multiline?: boolean;
}

/** an IANA time zone, e.g. Asia/Shanghai */
export interface TimeZoneSetting extends SettingBase {
  type: 'timeZone';
  default: string;
}

export type SettingSpec = IntegerSetting | BooleanSetting | TextSetting | TimeZoneSetting;

type ValueOf<S extends SettingSpec> = S extends IntegerSetting ? number : S extends BooleanSetting ? boolean : string;

/** The settings a schema describes, e.g. `type LoopSettings = SettingsOf<typeof LOOP_SETTINGS>`. */
export type SettingsOf<S extends SettingsSchema> = { -readonly [K in keyof S['fields']]: ValueOf<S['fields'][K]> };

/** A rule across settings broken: the refusal's code and message key. */
export interface CrossRuleBroken {
  code: string;
  key: string;
  params?: Record<string, unknown>;
}

/**
 * A plugin's settings: `export const X_SETTINGS = { … } as const satisfies SettingsSchema;`.
 * Plain data (no function of ours called to make it), so a client bundle can import it.
 */
export interface SettingsSchema<F extends Record<string, SettingSpec> = Record<string, SettingSpec>> {
  /** the locale namespace of the refusals and labels */
  ns: string;
  /** every setting, in the order the settings page shows them */
  fields: F;
  /** pairs of settings that make a range: the first may not exceed the second */
  ranges?: readonly (readonly [keyof F & string, keyof F & string])[];
  /** other rules across settings, checked on the merged result */
  check?: (next: { [K in keyof F]: ValueOf<F[K]> }) => CrossRuleBroken | undefined;
}

export function defaultsOf<S extends SettingsSchema>(schema: S): SettingsOf<S> {
  return Object.fromEntries(Object.entries(schema.fields).map(([key, spec]) => [key, spec.default])) as SettingsOf<S>;
}

/** How a refusal describes what a setting takes. */
export function ruleOf(spec: SettingSpec): string {
  switch (spec.type) {
    case 'integer':
      return `${spec.min}–${spec.max}`;
    case 'boolean':
      return 'on or off';
    case 'timeZone':
      return 'an IANA time zone';
    case 'text':
      return spec.rule ?? 'text';
  }
}

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function fits(spec: SettingSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max;
    case 'boolean':
      return typeof value === 'boolean';
    case 'timeZone':
      return typeof value === 'string' && isTimeZone(value);
    case 'text':
      return (
        typeof value === 'string' &&
        value.length <= spec.maxLength &&
        (!value || !spec.pattern || spec.pattern.test(value))
      );
  }
}

/** Merges a change into settings, refusing an unknown setting, a value out of range or of the wrong kind. */
export function mergeSettings<S extends SettingsSchema>(
  schema: S,
  current: SettingsOf<S>,
  change: Record<string, unknown> | null | undefined,
): SettingsOf<S> {
  const fields: Record<string, SettingSpec> = schema.fields;
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change ?? {})) {
    const spec = fields[key];
    if (!spec) throw new Refusal('UNKNOWN_SETTING', 'Unknown setting {{key}}', { key }, 400, schema.ns);
    if (!fits(spec, value)) {
      throw new Refusal(
        'INVALID_SETTING',
        'Setting {{key}} must be {{rule}}',
        { key, rule: ruleOf(spec) },
        400,
        schema.ns,
      );
    }
    next[key] = value;
  }
  for (const [min, max] of schema.ranges ?? []) {
    if ((next[min] as number) > (next[max] as number)) {
      throw new Refusal('INVALID_RANGE', 'The minimum cannot exceed the maximum', {}, 400, schema.ns);
    }
  }
  const broken = schema.check?.(next as never);
  if (broken) throw new Refusal(broken.code, broken.key, broken.params ?? {}, 400, schema.ns);
  return next as SettingsOf<S>;
}
