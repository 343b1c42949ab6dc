import { templateKeys } from '@minqing/test/src/locale';
import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { defaultsOf, mergeSettings } from '@minqing/plugin-three-lists/domain';
import { WARM_HEARTS_SETTINGS } from '../domain/settings';
import { CASE_PROJECT_FIELD, WARM_HEARTS_COLLECTIONS } from '../services/collections';
import { WARM_HEARTS_ROLES, WARM_HEARTS_SCOPES } from '../services/roles';

describe('warm-hearts rules', () => {
  it('validates the claim range', () => {
    const defaults = defaultsOf(WARM_HEARTS_SETTINGS);
    expect(defaults).toEqual({ minProjectsPerLeader: 1, maxProjectsPerLeader: 2, careMinGroupSize: 5 });
    const merge = (change: Record<string, unknown>) => mergeSettings(WARM_HEARTS_SETTINGS, defaults, change);
    expect(merge({ maxProjectsPerLeader: 3 }).maxProjectsPerLeader).toBe(3);
    expect(() => merge({ minProjectsPerLeader: 3 })).toThrow(/minimum/);
    expect(() => merge({ careMinGroupSize: 0 })).toThrow(/must be 1–50/);
  });

  it('gives the care ledger to mq_care and mq_admin only, and its log to mq_admin only', () => {
    const holders = (collection: string) =>
      WARM_HEARTS_ROLES.filter((r) => collection in r.resources).map((r) => r.name);
    expect(holders('mq_care_students').sort()).toEqual(['mq_admin', 'mq_care']);
    expect(holders('mq_care_audit')).toEqual(['mq_admin']);
    expect(WARM_HEARTS_ROLES.find((r) => r.name === 'mq_admin')?.resources.mq_care_audit).toEqual(['view', 'export']);
  });
});

describe('every title speaks zh-CN and en-US', () => {
  const keys = [
    ...new Set([
      ...templateKeys([WARM_HEARTS_COLLECTIONS, CASE_PROJECT_FIELD], '@minqing/plugin-warm-hearts'),
      ...WARM_HEARTS_ROLES.map((r) => r.title),
      ...Object.values(WARM_HEARTS_SCOPES).map((s) => s.name),
    ]),
  ];
  it('finds the keys', () => expect(keys.length).toBeGreaterThan(50));
  it.each(keys)('%s', (key) => {
    expect((enUS as any)[key]).toBeTruthy();
    if (key !== 'ID') expect((zhCN as any)[key]).toMatch(/[\u4e00-\u9fff]/);
  });
  it('zh-CN and en-US have the same keys', () => expect(Object.keys(zhCN).sort()).toEqual(Object.keys(enUS).sort()));
});
