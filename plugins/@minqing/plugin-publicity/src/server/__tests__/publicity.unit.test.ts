import { templateKeys } from '@minqing/test/src/locale';
import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { evaluationToken, isTokenShaped, newTrackingCode, normalizeTrackingCode } from '../domain/codes';
import { brokenRule, deviceFingerprint, publicRateRules, retryAfterSeconds, windowOf } from '../domain/rate-limit';
import { defaultsOf, mergeSettings } from '@minqing/plugin-three-lists/domain';
import { PUBLICITY_SETTINGS } from '../domain/settings';
import { cleanText, imageKind } from '../domain/text';
import { PROBLEM_PUBLIC_FIELDS, PUBLICITY_COLLECTIONS } from '../services/collections';

describe('tracking codes', () => {
  it('are 12 base32 characters in groups, and read back however they are typed', () => {
    const code = newTrackingCode();
    expect(code).toMatch(/^JS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(newTrackingCode(Buffer.alloc(8))).toBe('JS-0000-0000-0000');
    expect(normalizeTrackingCode('js-oooo-iiii-llll')).toBe('JS-0000-1111-1111');
    for (const bad of ['', 'JS-123', 'JS-0000-0000-000U', 42, null]) expect(normalizeTrackingCode(bad)).toBeNull();
  });

  it('differ every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newTrackingCode()));
    expect(codes.size).toBe(1000);
  });
});

describe('evaluation tokens', () => {
  it('depend on the secret and the nonce, and have one shape', () => {
    const a = evaluationToken('secret', 'n1');
    expect(isTokenShaped(a)).toBe(true);
    expect(evaluationToken('secret', 'n1')).toBe(a);
    expect(evaluationToken('other', 'n1')).not.toBe(a);
    expect(evaluationToken('secret', 'n2')).not.toBe(a);
    expect(isTokenShaped(`${a}x`)).toBe(false);
    expect(isTokenShaped("' OR 1=1")).toBe(false);
  });
});

describe('rate limits per device and per address', () => {
  const rules = (address: string, device: string, index = 7) =>
    publicRateRules('submissions', address, device, { perDevice: 5, perAddress: 100 }, index);

  it('counts each request against its device and, with a higher limit, its address', () => {
    const [device, address] = rules('10.0.0.1', 'dev');
    expect([device.limit, address.limit]).toEqual([5, 100]);
    expect(device.key).toMatch(/^submissions:device:dev:7$/);
    // the address is not stored as it is
    expect(address.key).not.toContain('10.0.0.1');
    expect(rules('10.0.0.1', 'dev', 8)[1].key).not.toBe(address.key);
  });

  it('refuses when either count is over its limit', () => {
    const r = rules('10.0.0.1', 'dev');
    expect(brokenRule(r, [5, 100])).toBeUndefined();
    expect(brokenRule(r, [6, 7])).toBe(r[0]);
    expect(brokenRule(r, [1, 101])).toBe(r[1]);
  });

  it('tells devices behind one address apart, and binds a device id to its address', () => {
    const a = deviceFingerprint('10.0.0.1', { userAgent: 'iPhone', language: 'zh-CN' });
    expect(deviceFingerprint('10.0.0.1', { userAgent: 'Android', language: 'zh-CN' })).not.toBe(a);
    expect(deviceFingerprint('10.0.0.1', { userAgent: 'iPhone', language: 'zh-CN' })).toBe(a);
    const id = deviceFingerprint('10.0.0.1', { device: 'abcdefgh1234' });
    expect(deviceFingerprint('10.0.0.2', { device: 'abcdefgh1234' })).not.toBe(id);
    // a malformed id counts as none
    expect(deviceFingerprint('10.0.0.1', { device: "x' OR 1=1" })).toBe(deviceFingerprint('10.0.0.1', {}));
  });

  it('windows are fixed; a refused client is told when the window ends', () => {
    expect(windowOf(3_600_000 * 5 + 10, 3_600_000)).toEqual({ index: 5, endsAt: 3_600_000 * 6 });
    expect(retryAfterSeconds(0, 1000)).toBe(1);
    expect(retryAfterSeconds(0, 90_500)).toBe(91);
    expect(retryAfterSeconds(2000, 1000)).toBe(1);
  });
});

describe('text and photos from the public', () => {
  it('keeps markup as text, drops control characters, refuses overlong', () => {
    expect(cleanText(' <b>x</b>\u0000\n ', 100)).toBe('<b>x</b>');
    expect(cleanText('abc', 2)).toBeUndefined();
    expect(cleanText(5, 10)).toBeUndefined();
    expect(cleanText(null, 10)).toBeNull();
  });

  it('knows JPEG, PNG and WebP by their first bytes only', () => {
    expect(imageKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpg');
    expect(imageKind(Buffer.from('89504e470d0a1a0a00', 'hex'))).toBe('png');
    expect(imageKind(Buffer.from('RIFF0000WEBPVP8 '))).toBe('webp');
    expect(imageKind(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
  });
});

describe('settings', () => {
  const merge = (change: Record<string, unknown>) =>
    mergeSettings(PUBLICITY_SETTINGS, defaultsOf(PUBLICITY_SETTINGS), change);

  it('accepts values in range and refuses the rest', () => {
    expect(merge({ submissionsPerWindow: 10 }).submissionsPerWindow).toBe(10);
    expect(merge({ publicBaseUrl: 'https://edu.example.gov.cn', notificationChannel: '' })).toMatchObject({
      publicBaseUrl: 'https://edu.example.gov.cn',
    });
    expect(() => merge({ submissionsPerWindow: 0 })).toThrow(/must be 1–10000/);
    expect(() => merge({ nope: 1 })).toThrow(/Unknown/);
    expect(() => merge({ publicBaseUrl: 'javascript:alert(1)' })).toThrow(/must be http/);
    expect(() => merge({ notificationChannel: 'x'.repeat(501) })).toThrow(/must be text/);
    expect(() => merge({ maxBodyKB: 100 })).toThrow(/body limit/);
  });

  it('refuses in publicity’s own words', () => {
    try {
      merge({ maxBodyKB: 100 });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_RANGE', ns: '@minqing/plugin-publicity', status: 400 });
    }
  });
});

describe('every title speaks zh-CN and en-US', () => {
  const keys = templateKeys([PUBLICITY_COLLECTIONS, PROBLEM_PUBLIC_FIELDS], '@minqing/plugin-publicity');
  it('finds the keys', () => expect(keys.length).toBeGreaterThan(20));
  it.each(keys)('%s', (key) => {
    expect((enUS as any)[key]).toBeTruthy();
    if (key !== 'ID') expect((zhCN as any)[key]).toMatch(/[\u4e00-\u9fff]/);
  });
  it('zh-CN and en-US have the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(enUS).sort());
  });
});
