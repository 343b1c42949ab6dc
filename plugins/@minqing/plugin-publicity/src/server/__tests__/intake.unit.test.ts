import { checkMerge, duplicateIdsOf } from '../domain/merge';
import { open311Status, render, routeOf, statusFilterOf, dateParam, requestOfTracked } from '../domain/open311';
import { DEFAULT_UPDATES, publicLinks, renderUpdate, REPORTER_STEPS, templateSetting } from '../domain/reporter-updates';
import { PUBLICITY_SETTINGS } from '../domain/settings';
import { rankSimilar, similarity, SIMILAR_AT } from '../domain/similarity';

describe('similar reports (相似问题)', () => {
  it('finds the same complaint in other words, not another complaint at the same place', () => {
    const a = '学校食堂的饭菜经常是凉的';
    expect(similarity(a, '孩子说学校食堂的饭菜是凉的')).toBeGreaterThan(0.5);
    expect(similarity(a, '反映：食堂饭菜凉了，希望改进')).toBeGreaterThanOrEqual(SIMILAR_AT);
    expect(similarity(a, '食堂窗口的价格表看不清楚')).toBeLessThan(SIMILAR_AT);
    expect(similarity(a, '校门口交通拥堵')).toBe(0);
    expect(similarity('The canteen food is always cold', 'Canteen food is cold!')).toBeGreaterThan(0.5);
    expect(similarity('', a)).toBe(0);
  });

  it('ranks the alike first and leaves out the rest', () => {
    const ranked = rankSimilar('食堂饭菜是凉的', [
      { text: '操场跑道破损' },
      { text: '食堂饭菜有点凉' },
      { text: '食堂饭菜是凉的' },
    ]);
    expect(ranked.map((r) => r.candidate.text)).toEqual(['食堂饭菜是凉的', '食堂饭菜有点凉']);
    expect(ranked[0].score).toBe(1);
  });
});

describe('merging duplicates (合并)', () => {
  const p = (id: number, status = 'new', unitId: number | null = 1) => ({ id, code: `WT-${id}`, status, unitId });

  it('takes ids once, never the primary itself', () => {
    expect(duplicateIdsOf([2, '3', 3], 1)).toEqual([2, 3]);
    expect(duplicateIdsOf('2,3', 1)).toEqual([2, 3]);
    expect(() => duplicateIdsOf([], 1)).toThrow(expect.objectContaining({ code: 'MERGE_NEEDS_DUPLICATES' }));
    expect(() => duplicateIdsOf([1.5], 1)).toThrow(expect.objectContaining({ code: 'MERGE_NEEDS_DUPLICATES' }));
    expect(() => duplicateIdsOf([1, 2], 1)).toThrow(expect.objectContaining({ code: 'MERGE_INTO_ITSELF' }));
  });

  it('only problems still to be assigned, at the same unit, into one not closed', () => {
    expect(() => checkMerge(p(1, 'in_progress'), [p(2), p(3)], [2, 3])).not.toThrow();
    expect(() => checkMerge(p(1), [p(2)], [2, 4])).toThrow(expect.objectContaining({ code: 'PROBLEM_NOT_FOUND', status: 404 }));
    expect(() => checkMerge(p(1, 'closed'), [p(2)], [2])).toThrow(expect.objectContaining({ code: 'MERGE_INTO_CLOSED' }));
    expect(() => checkMerge(p(1), [p(2, 'assigned')], [2])).toThrow(
      expect.objectContaining({ code: 'MERGE_ONLY_NEW', status: 409, params: { code: 'WT-2', status: 'assigned' } }),
    );
    expect(() => checkMerge(p(1), [p(2, 'new', 7)], [2])).toThrow(expect.objectContaining({ code: 'MERGE_OTHER_UNIT' }));
  });
});

describe('Open311 GeoReport v2', () => {
  it('knows the spec’s methods and formats, nothing else', () => {
    expect(routeOf('GET', 'services.xml')).toEqual({ route: { method: 'GET', name: 'services' }, format: 'xml' });
    expect(routeOf('GET', 'services/canteen.json')?.route).toEqual({
      method: 'GET',
      name: 'serviceDefinition',
      serviceCode: 'canteen',
    });
    expect(routeOf('POST', 'requests.json')?.route.name).toBe('createRequest');
    expect(routeOf('GET', 'requests/JS-1234-5678-9ABC.xml')?.route).toEqual({
      method: 'GET',
      name: 'request',
      id: 'JS-1234-5678-9ABC',
    });
    expect(routeOf('GET', 'tokens/abc.json')?.route.name).toBe('token');
    expect(routeOf('GET', 'services.html')).toBeNull();
    expect(routeOf('DELETE', 'requests.json')).toBeNull();
    expect(routeOf('POST', 'services.json')).toBeNull();
    expect(routeOf('GET', 'requests/a/b.json')).toBeNull();
  });

  it('open until done; the spec’s status and date parameters', () => {
    expect(['new', 'assigned', 'in_progress', 'reopened'].map(open311Status)).toEqual(['open', 'open', 'open', 'open']);
    expect(['done', 'closed'].map(open311Status)).toEqual(['closed', 'closed']);
    expect(statusFilterOf('open,closed')).toEqual(['open', 'closed']);
    expect(statusFilterOf(undefined)).toBeUndefined();
    expect(statusFilterOf('pending')).toBeNull();
    expect(dateParam('2026-12-01T08:15:30-05:00')?.toISOString()).toBe('2026-12-01T13:15:30.000Z');
    expect(dateParam('yesterday')).toBeUndefined();
    expect(dateParam(undefined)).toBeNull();
  });

  it('renders XML as the spec shows it, escaped, and JSON as a bare array', () => {
    const answer = { root: 'errors' as const, body: [{ code: 400, description: 'a <b> & "c"\u0001' }] };
    expect(render(answer, 'xml')).toEqual({
      type: 'text/xml; charset=utf-8',
      body: '<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>400</code>\n    <description>a &lt;b&gt; &amp; &quot;c&quot;</description>\n  </error>\n</errors>\n',
    });
    expect(render(answer, 'json')).toEqual({
      type: 'application/json; charset=utf-8',
      body: '[{"code":400,"description":"a <b> & \\"c\\"\\u0001"}]',
    });
  });

  it('a tracked report says where it stands and nothing of what was reported', () => {
    const request = requestOfTracked(
      {
        trackingCode: 'JS-AAAA-BBBB-CCCC',
        category: 'canteen',
        status: 'in_progress',
        unit: { id: 3, name: '实验中学' },
        deadline: '2026-12-20',
        progress: [
          { step: 'submitted', at: '2026-12-01T01:00:00.000Z' },
          { step: 'accepted', at: '2026-12-02T01:00:00.000Z' },
          { step: 'done', at: null },
        ],
        reply: null,
      },
      { service: '食堂', status: '办理中' },
    );
    expect(request).toMatchObject({
      status: 'open',
      status_notes: '办理中',
      description: null,
      requested_datetime: '2026-12-01T01:00:00.000Z',
      updated_datetime: '2026-12-02T01:00:00.000Z',
      expected_datetime: '2026-12-20T23:59:59+08:00',
      address_id: 3,
    });
  });
});

describe('reporter updates', () => {
  const vars = { code: 'JS-AAAA-BBBB-CCCC', reply: '', trackUrl: 'https://x/t', evaluationUrl: 'https://x/e', days: 30 };

  it('first line the subject; a line whose only variable is empty is dropped; unknown names stay', () => {
    expect(renderUpdate('Hi {{code}}\nA\n{{reply}}\nB {{trackUrl}} {{nope}}', vars)).toEqual({
      subject: 'Hi JS-AAAA-BBBB-CCCC',
      text: 'A\nB https://x/t {{nope}}',
    });
  });

  it('every step has its text in both languages, as a setting the office edits', () => {
    for (const step of REPORTER_STEPS) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const setting = PUBLICITY_SETTINGS.fields[templateSetting(step, locale)];
        expect(setting.default).toBe(DEFAULT_UPDATES[step][locale]);
        expect(renderUpdate(setting.default, vars).subject).toContain(vars.code);
      }
    }
    expect(renderUpdate(DEFAULT_UPDATES.complete['zh-CN'], vars).text).toContain('https://x/e');
    expect(publicLinks('https://site/', 'JS-A', 'tok')).toEqual({
      trackUrl: 'https://site/minqing/public?tab=track&code=JS-A',
      evaluationUrl: 'https://site/minqing/public/evaluate/tok',
    });
  });
});
