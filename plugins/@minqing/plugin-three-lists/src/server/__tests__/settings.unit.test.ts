import { Refusal } from '../domain/refusal';
import { DEFAULT_SETTINGS, LOOP_SETTINGS } from '../domain/settings';
import { defaultsOf, mergeSettings as mergeWith, ruleOf, type SettingsSchema } from '../domain/settings-schema';

const mergeSettings = (current: typeof DEFAULT_SETTINGS, change: Record<string, unknown>) =>
  mergeWith(LOOP_SETTINGS, current, change);

describe('settings', () => {
  it('accepts changes within range', () => {
    expect(
      mergeSettings(DEFAULT_SETTINGS, { firstReceiverDeadlineDays: 3, closeOnSatisfiedEvaluation: true }),
    ).toMatchObject({
      firstReceiverDeadlineDays: 3,
      closeOnSatisfiedEvaluation: true,
      leaderGuaranteeDeadlineDays: DEFAULT_SETTINGS.leaderGuaranteeDeadlineDays,
    });
  });

  it.each([
    [{ firstReceiverDeadlineDays: 0 }, 'INVALID_SETTING'],
    [{ firstReceiverDeadlineDays: 2.5 }, 'INVALID_SETTING'],
    [{ minSample: '5' }, 'INVALID_SETTING'],
    [{ reopenOnUnresolvedRevisit: 'yes' }, 'INVALID_SETTING'],
    [{ timeZone: 'Mars/Olympus' }, 'INVALID_SETTING'],
    [{ deadline: 3 }, 'UNKNOWN_SETTING'],
  ])('refuses %j', (change, code) => {
    expect(() => mergeSettings(DEFAULT_SETTINGS, change)).toThrow(Refusal);
    try {
      mergeSettings(DEFAULT_SETTINGS, change);
    } catch (e) {
      expect((e as Refusal).code).toBe(code);
    }
  });
});

describe('the settings schema helper', () => {
  const schema = {
    ns: 'demo-ns',
    fields: {
      days: { type: 'integer', default: 5, min: 1, max: 60 },
      on: { type: 'boolean', default: false },
      url: { type: 'text', default: '', maxLength: 20, pattern: /^https?:\/\//, rule: 'http(s)://…' },
      zone: { type: 'timeZone', default: 'Asia/Shanghai' },
      low: { type: 'integer', default: 1, min: 0, max: 9 },
      high: { type: 'integer', default: 2, min: 0, max: 9 },
    },
    ranges: [['low', 'high']],
    check: (next) =>
      Number(next.days) < Number(next.high) ? { code: 'TOO_FEW_DAYS', key: 'fewer days than high' } : undefined,
  } as const satisfies SettingsSchema;
  const defaults = defaultsOf(schema);
  const refusal = (change: Record<string, unknown>) => {
    try {
      mergeWith(schema, defaults, change);
    } catch (error) {
      return error as Refusal;
    }
    throw new Error(`accepted ${JSON.stringify(change)}`);
  };

  it('gives the defaults', () => {
    expect(defaults).toEqual({ days: 5, on: false, url: '', zone: 'Asia/Shanghai', low: 1, high: 2 });
    expect(DEFAULT_SETTINGS).toEqual(defaultsOf(LOOP_SETTINGS));
  });

  it('merges a change and leaves the current settings alone', () => {
    const next = mergeWith(schema, defaults, { days: 60, on: true, url: 'https://a.cn', zone: 'UTC', low: 2 });
    expect(next).toEqual({ days: 60, on: true, url: 'https://a.cn', zone: 'UTC', low: 2, high: 2 });
    expect(defaults.days).toBe(5);
    expect(mergeWith(schema, defaults, { url: '' }).url).toBe(''); // empty text needs no pattern
    expect(mergeWith(schema, defaults, null)).toEqual(defaults);
  });

  it.each([
    [{ days: 61 }, '1–60'],
    [{ days: 0 }, '1–60'],
    [{ days: 1.5 }, '1–60'],
    [{ days: '5' }, '1–60'],
    [{ on: 1 }, 'on or off'],
    [{ url: 'ftp://a' }, 'http(s)://…'],
    [{ url: `https://${'a'.repeat(20)}` }, 'http(s)://…'],
    [{ url: 5 }, 'http(s)://…'],
    [{ zone: 'Mars/Olympus' }, 'an IANA time zone'],
  ])('refuses %j, saying it must be %s', (change, rule) => {
    expect(refusal(change)).toMatchObject({ code: 'INVALID_SETTING', ns: 'demo-ns', status: 400, params: { rule } });
  });

  it('refuses an unknown setting and a broken rule across settings', () => {
    expect(refusal({ nope: 1 })).toMatchObject({ code: 'UNKNOWN_SETTING', params: { key: 'nope' } });
    expect(refusal({ low: 5 })).toMatchObject({ code: 'INVALID_RANGE', ns: 'demo-ns' });
    expect(refusal({ days: 1 })).toMatchObject({ code: 'TOO_FEW_DAYS', key: 'fewer days than high', ns: 'demo-ns' });
  });

  it('describes each kind', () => {
    expect(ruleOf(LOOP_SETTINGS.fields.minSample)).toBe('1–1000');
    expect(ruleOf({ type: 'text', default: '', maxLength: 5 })).toBe('text');
  });
});
