import { checkValue, STRING_LENGTH, type FieldSpec } from '../domain/values';

const spec = (extra: Partial<FieldSpec>): FieldSpec => ({ name: 'f', label: 'Field', type: 'string', ...extra });
const codeOf = (s: FieldSpec, value: unknown) => checkValue(s, value)?.code ?? null;

describe('what a value of our fields may be (domain/values.ts)', () => {
  it('an option of its list, by value', () => {
    const category = spec({ interface: 'select', options: ['canteen', 'other'] });
    expect(codeOf(category, 'canteen')).toBeNull();
    expect(codeOf(category, 'nonsense')).toBe('INVALID_VALUE');
    expect(codeOf(category, ['canteen'])).toBe('INVALID_TYPE');
    const level = spec({ type: 'integer', interface: 'select', options: [1, 2, 3, 4, 5] });
    expect(codeOf(level, '4')).toBeNull();
    expect(codeOf(level, 9)).toBe('INVALID_VALUE');
    const kinds = spec({ type: 'array', interface: 'multipleSelect', options: ['a', 'b'] });
    expect(codeOf(kinds, ['a', 'b'])).toBeNull();
    expect(codeOf(kinds, ['a', 'x'])).toBe('INVALID_VALUE');
    expect(codeOf(kinds, 'a')).toBe('INVALID_TYPE');
  });

  it('whole numbers and ids: no "abc", no list, no fraction', () => {
    const n = spec({ type: 'bigInt' });
    expect(codeOf(n, 12)).toBeNull();
    expect(codeOf(n, '12')).toBeNull();
    for (const bad of ['abc', [1, 2], 1.5, {}, '1e3']) expect([bad, codeOf(n, bad)]).toEqual([bad, 'INVALID_TYPE']);
  });

  it('texts: not a list joined into a title, not beyond the column, not blank where required', () => {
    const title = spec({ allowNull: false });
    expect(codeOf(title, '食堂排队')).toBeNull();
    expect(codeOf(title, ['a', 'b'])).toBe('INVALID_TYPE');
    expect(codeOf(title, '   ')).toBe('REQUIRED');
    expect(codeOf(title, null)).toBe('REQUIRED');
    expect(codeOf(title, '字'.repeat(STRING_LENGTH))).toBeNull();
    expect(codeOf(title, '字'.repeat(STRING_LENGTH + 1))).toBe('TOO_LONG');
    expect(codeOf(spec({}), '')).toBeNull();
    expect(codeOf(spec({ type: 'text' }), 'x'.repeat(30000))).toBe('TOO_LONG');
  });

  it('dates parsed strictly', () => {
    const at = spec({ type: 'date' });
    expect(codeOf(at, '2026-11-18T02:00:00Z')).toBeNull();
    expect(codeOf(at, new Date('x'))).toBe('INVALID_TYPE');
    expect(codeOf(at, 'yesterday')).toBe('INVALID_TYPE');
    const day = spec({ type: 'dateOnly' });
    expect(codeOf(day, '2026-12-01')).toBeNull();
    expect(codeOf(day, '2026-02-30')).toBe('INVALID_TYPE');
    expect(codeOf(day, '2026/12/01')).toBe('INVALID_TYPE');
  });

  it('yes or no', () => {
    const b = spec({ type: 'boolean' });
    expect(codeOf(b, true)).toBeNull();
    expect(codeOf(b, 1)).toBeNull();
    expect(codeOf(b, 'yes')).toBe('INVALID_TYPE');
  });
});
