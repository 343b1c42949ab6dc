import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { LIST_COLLECTIONS } from '../services/schema';
import { ROLES, SCOPES } from '../services/roles';

const TEMPLATE = /^\{\{t\("(.+)", \{ ns: "@minqing\/plugin-three-lists" \}\)\}\}$/;
const CJK = /[\u4e00-\u9fff]/;

function keysOf(value: unknown): string[] {
  if (typeof value === 'string') {
    const m = TEMPLATE.exec(value);
    return m ? [JSON.parse(`"${m[1]}"`)] : [];
  }
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(keysOf);
  return [];
}

describe('every title and option of our collections speaks zh-CN and en-US', () => {
  const keys = [
    ...new Set([
      ...LIST_COLLECTIONS.flatMap((c) => keysOf(c)),
      ...ROLES.map((r) => r.title),
      ...Object.values(SCOPES).map((s) => s.name),
    ]),
  ];

  it('finds the keys', () => {
    expect(keys.length).toBeGreaterThan(100);
  });

  it.each(keys)('%s', (key) => {
    expect((enUS as Record<string, string>)[key]).toBeTruthy();
    if (key !== 'ID') expect((zhCN as Record<string, string>)[key]).toMatch(CJK);
    else expect(zhCN[key]).toBe('ID');
  });

  it('every collection and field has a title through i18n', () => {
    for (const collection of LIST_COLLECTIONS) {
      expect(collection.title).toMatch(TEMPLATE);
      for (const field of collection.fields as any[]) {
        expect(`${collection.name}.${field.name}: ${field.interface}`).not.toMatch(/undefined$/);
        expect(`${collection.name}.${field.name}: ${field.uiSchema?.title}`).toMatch(/\{\{t\(/);
      }
    }
  });
});
