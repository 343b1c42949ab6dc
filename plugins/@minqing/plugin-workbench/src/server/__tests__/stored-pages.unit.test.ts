import {
  jsonDifferences,
  labelTree,
  mapJson,
  stableStringify,
  treePathRows,
  type StoredModel,
} from '../domain/stored-pages';

describe('stored page definitions', () => {
  const node = (uid: string, parent: string | undefined, subKey: string, subType: string, sort?: number) => ({
    uid,
    parent,
    sort,
    options: { subKey, subType },
  });

  it('labels a tree by path, array children by their sort', () => {
    const labels = labelTree(
      [
        node('grid', 'tab', 'grid', 'object', 1),
        node('b2', 'grid', 'items', 'array', 2),
        node('b1', 'grid', 'items', 'array', 1),
        node('f', 'b2', 'field', 'object', 1),
      ],
      new Map([['tab', '§p/tab0']]),
    );
    expect(Object.fromEntries(labels)).toEqual({
      tab: '§p/tab0',
      grid: '§p/tab0/grid',
      b1: '§p/tab0/grid/items[0]',
      b2: '§p/tab0/grid/items[1]',
      f: '§p/tab0/grid/items[1]/field',
    });
  });

  it('writes the closure rows of flow-engine: the node with its subKey, the parent with the sort, the rest bare', () => {
    const models: StoredModel[] = [
      { uid: 'a', parent: 'route', sort: 1, options: { subKey: 'grid' } },
      { uid: 'b', parent: 'a', sort: 3, options: { subKey: 'items' } },
    ];
    expect(treePathRows(models)).toEqual([
      { ancestor: 'a', descendant: 'a', depth: 0, type: 'grid', async: false, sort: null },
      { ancestor: 'route', descendant: 'a', depth: 1, type: null, async: null, sort: 1 },
      { ancestor: 'b', descendant: 'b', depth: 0, type: 'items', async: false, sort: null },
      { ancestor: 'a', descendant: 'b', depth: 1, type: null, async: null, sort: 3 },
      { ancestor: 'route', descendant: 'b', depth: 2, type: null, async: null, sort: null },
    ]);
  });

  it('maps every string and key of a JSON value, and tells routeId apart', () => {
    const seen: string[] = [];
    const out = mapJson({ rows: { r1: [['u1']] }, props: { routeId: 7 } }, (v, key) => {
      if (key === 'routeId') return 'R';
      if (typeof v === 'string') seen.push(v);
      return v === 'u1' ? 'L1' : v;
    });
    expect(out).toEqual({ rows: { r1: [['L1']] }, props: { routeId: 'R' } });
    expect(seen).toEqual(expect.arrayContaining(['rows', 'r1', 'u1', 'props', 'routeId']));
  });

  it('says where two definitions differ, and nothing when they do not', () => {
    expect(jsonDifferences({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(jsonDifferences({ a: [1, { b: 2 }], c: 1 }, { a: [1, { b: 3 }] })).toEqual([
      '$.a[1].b: 2 ≠ 3',
      '$.c: 1 ≠ absent',
    ]);
    expect(stableStringify({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});
