import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { ALL_PAGES } from '../pages/all';
import { GROUP_TITLE } from '../services/page-builder';
import { oldTitles, retitle, TITLE_KEYS } from '../services/page-titles';

const TEMPLATE = /^\{\{t\("(.+)", \{ ns: "@minqing\/plugin-workbench" \}\)\}\}$/;
const CJK = /[\u4e00-\u9fff]/;

function titlesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(titlesOf);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    key === 'title' && typeof inner === 'string' ? [inner] : titlesOf(inner),
  );
}

describe('our pages speak the user’s language', () => {
  const titles = [GROUP_TITLE, ...titlesOf(ALL_PAGES)];
  /** titles translatable from their first day (the phone app, the problem forms): no page has their Chinese text */
  const BORN_TRANSLATABLE = [
    'Report a problem',
    'Problem',
    'Responsibility',
    'Problems I reported',
    'Done problems of my units to revisit',
  ];

  it('every menu, page, tab, block, button and popup title is a translatable template', () => {
    expect(titles.length).toBeGreaterThan(30);
    for (const title of titles) expect(title).toMatch(TEMPLATE);
  });

  it.each([...new Set(titles.map((t) => JSON.parse(`"${TEMPLATE.exec(t)?.[1]}"`)))])('%s', (key) => {
    expect((enUS as Record<string, string>)[key]).toBe(key);
    expect((zhCN as Record<string, string>)[key]).toMatch(CJK);
    // so the migration retitles pages made before
    if (!BORN_TRANSLATABLE.includes(key)) expect(TITLE_KEYS).toContain(key);
  });

  it('retitles the Chinese titles pages were made with, and nothing else', () => {
    const before = {
      props: { title: '我的待办', other: '我的待办' },
      stepParams: { cardSettings: { titleDescription: { title: '待我回访（按日期）' } } },
      items: [{ title: '基本信息' }, { title: '我自己的标题' }],
    };
    const { value, changed } = retitle(before, oldTitles());
    expect(changed).toBe(true);
    expect(value).toEqual({
      props: { title: '{{t("My to-dos", { ns: "@minqing/plugin-workbench" })}}', other: '我的待办' },
      stepParams: {
        cardSettings: {
          titleDescription: {
            title: '{{t("For me to revisit (soonest first)", { ns: "@minqing/plugin-workbench" })}}',
          },
        },
      },
      items: [{ title: '{{t("Basic information", { ns: "@minqing/plugin-workbench" })}}' }, { title: '我自己的标题' }],
    });
    expect(retitle({ title: '我自己的标题' }, oldTitles()).changed).toBe(false);
  });
});
