import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { defaultsOf, mergeSettings } from '@minqing/plugin-three-lists/domain';
import { liaisonCoverage } from '../domain/coverage';
import { LIAISON_SETTINGS } from '../domain/settings';
import { LIAISON_COLLECTIONS } from '../services/collections';
import { LIAISON_SCOPES } from '../services/roles';

describe('liaison range (每位领导联系1-2家基层单位)', () => {
  const leaders = [0, 1, 2, 3].map((count) => ({ id: count, count }));
  const defaults = defaultsOf(LIAISON_SETTINGS);

  it('sorts leaders into none / below / within / above, and rates the coverage', () => {
    expect(defaults).toEqual({ minPoints: 1, maxPoints: 2 });
    expect(liaisonCoverage(leaders, defaults)).toEqual({
      leaders: 4,
      rate: 0.5,
      none: [leaders[0]],
      belowRange: [],
      withinRange: [leaders[1], leaders[2]],
      aboveRange: [leaders[3]],
    });
    expect(liaisonCoverage(leaders, { minPoints: 2, maxPoints: 2 }).belowRange).toEqual([leaders[1]]);
    expect(liaisonCoverage([], defaults)).toMatchObject({ leaders: 0, rate: null });
  });

  it('refuses a range that makes no sense', () => {
    const merge = (change: Record<string, unknown>) => mergeSettings(LIAISON_SETTINGS, defaults, change);
    expect(merge({ minPoints: 2, maxPoints: 3 })).toEqual({ minPoints: 2, maxPoints: 3 });
    expect(() => merge({ minPoints: 3 })).toThrow(/minimum/);
    expect(() => merge({ maxPoints: 0 })).toThrow(/must be 1–20/);
    expect(() => merge({ points: 2 })).toThrow(/Unknown setting/);
  });
});

const TEMPLATE = /^\{\{t\("(.+)", \{ ns: "(@minqing\/plugin-[\w-]+)" \}\)\}\}$/;
function keysOf(value: unknown): [string, string][] {
  if (typeof value === 'string') {
    const m = TEMPLATE.exec(value);
    return m ? [[JSON.parse(`"${m[1]}"`), m[2]]] : [];
  }
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(keysOf);
  return [];
}

describe('every title and option of the liaison collections speaks zh-CN and en-US', () => {
  const keys = keysOf(LIAISON_COLLECTIONS).filter(([, ns]) => ns === '@minqing/plugin-liaison');
  const names = Object.values(LIAISON_SCOPES).map((s) => s.name);
  it.each([...new Set([...keys.map(([k]) => k), ...names])])('%s', (key) => {
    expect((enUS as Record<string, string>)[key]).toBeTruthy();
    expect((zhCN as Record<string, string>)[key]).toMatch(/[\u4e00-\u9fff]|^ID$/);
  });
});
