import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { WORKBENCH_PAGES } from '../pages';
import { ALL_PAGES } from '../pages/all';
import { CAMPAIGN_PAGES } from '../pages/campaign';
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

const keysOf = (value: unknown) => titlesOf(value).map((t) => JSON.parse(`"${TEMPLATE.exec(t)?.[1]}"`) as string);

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
    // so the migration retitles pages made before; the phone app's and the campaign's other pages were
    // never made with Chinese titles (and their words, 联系点, 基层单位…, are too common to retitle blindly)
    const madeBefore = keysOf(WORKBENCH_PAGES.filter((page) => !CAMPAIGN_PAGES.includes(page)));
    if (!BORN_TRANSLATABLE.includes(key) && madeBefore.includes(key)) expect(TITLE_KEYS).toContain(key);
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

describe('the campaign buttons speak the user’s language', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const fs = require('fs') as typeof import('fs');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const path = require('path') as typeof import('path');
  const dir = path.resolve(__dirname, '../../client/record-actions');
  const source = fs
    .readdirSync(dir)
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
    .join('\n');
  // labels, confirmations, messages and the texts of t('…') in the buttons' code (the workbench's namespace)
  const keys = [
    ...new Set(
      [...source.matchAll(/(?:label|confirm|done|ledgerExport): '([^']+)'|\bt\('([^']+)'/g)].map((m) => m[1] ?? m[2]),
    ),
  ];

  it('finds them', () => expect(keys.length).toBeGreaterThan(30));

  it.each(keys)('%s', (key) => {
    expect((enUS as Record<string, string>)[key]).toBe(key);
    expect((zhCN as Record<string, string>)[key]).toMatch(CJK);
  });
});
