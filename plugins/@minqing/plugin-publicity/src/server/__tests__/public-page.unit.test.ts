import fs from 'fs';
import path from 'path';
import { PROBLEM_STATUSES, RATE_FIGURES } from '@minqing/plugin-three-lists/domain';
import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { KINDS, LEVELS } from '../../page/evaluate';
import { RATE_TITLES } from '../../page/figures';
import { TABS } from '../../page/index';
import {
  pickLanguage,
  publicPageRoute,
  renderPublicPage,
  resolveLabel,
  scriptJson,
  type PublicPageBoot,
} from '../domain/public-page';

const LOCALES = { 'zh-CN': zhCN as Record<string, string>, 'en-US': enUS as Record<string, string> };
// the steps mqPublic:track answers (services/intake.ts)
const STEPS = ['submitted', 'assigned', 'accepted', 'done', 'closed', 'reopened'];

describe('the public page address', () => {
  it('answers the page and evaluation links, under the app public path, and nothing else', () => {
    expect(publicPageRoute('/minqing/public')).toEqual({});
    expect(publicPageRoute('/minqing/public/')).toEqual({});
    expect(publicPageRoute('/minqing/public/evaluate/abc_DEF-123')).toEqual({ evaluateToken: 'abc_DEF-123' });
    expect(publicPageRoute('/nb/minqing/public', '/nb/')).toEqual({});
    expect(publicPageRoute('/nb/minqing/public/evaluate/tok', '/nb')).toEqual({ evaluateToken: 'tok' });
    for (const other of [
      '/minqing/publicity',
      '/minqing/public/other',
      '/minqing/public/evaluate/',
      '/minqing/public/evaluate/a%2Fb',
      '/minqing/public/evaluate/a/b',
      '/admin/minqing/public',
      '/api/mqPublic:list',
    ]) {
      expect(publicPageRoute(other)).toBeNull();
    }
    expect(publicPageRoute('/minqing/public', '/nb/')).toBeNull();
  });

  it('speaks the language asked for, else the browser’s, else the system’s', () => {
    expect(pickLanguage('en-US', 'zh-CN,zh;q=0.9', 'zh-CN')).toBe('en-US');
    expect(pickLanguage(null, 'en-GB,en;q=0.9', 'zh-CN')).toBe('en-US');
    expect(pickLanguage(undefined, 'zh-TW', 'en-US')).toBe('zh-CN');
    expect(pickLanguage('fr-FR', 'fr-FR,de;q=0.5', 'en-US')).toBe('en-US');
    expect(pickLanguage('', '', 'zh-CN')).toBe('zh-CN');
  });

  it('resolves option labels of any namespace, and leaves plain text alone', () => {
    const resources = { '@minqing/plugin-three-lists': { 'After-school': '课后服务' } };
    expect(resolveLabel('{{t("After-school", { ns: "@minqing/plugin-three-lists" })}}', resources)).toBe('课后服务');
    expect(resolveLabel('{{t("Missing", { ns: "@minqing/plugin-three-lists" })}}', resources)).toBe('Missing');
    expect(resolveLabel('其他', resources)).toBe('其他');
  });
});

describe('the document', () => {
  const boot: PublicPageBoot = {
    lang: 'zh-CN',
    apiBase: '/api/',
    pagePath: '/minqing/public',
    messages: { 'Campaign results for the public': '群众<公开>页' },
    options: { categories: [{ value: 'x', label: '</script><script>alert(1)</script>' }], statuses: ['new'] },
    rates: [...RATE_FIGURES],
  };
  const html = renderPublicPage(boot, 'console.log("</script>")');

  it('cannot be broken out of by a text in the boot data or the script', () => {
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the two script elements' own ends
    expect(html).toContain('<title>群众&lt;公开&gt;页</title>');
    expect(JSON.parse(scriptJson(boot))).toEqual(boot);
    expect(scriptJson('\u2028<!--')).not.toMatch(/[\u2028<]/);
  });

  it('is a phone page in the chosen language', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1');
  });
});

describe('the words the public reads', () => {
  const pageKeys = () => {
    const dir = path.join(__dirname, '../../page');
    const keys = new Set<string>();
    for (const file of fs.readdirSync(dir)) {
      const code = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)+)'/g)) keys.add(m[1]);
    }
    for (const tab of TABS) keys.add(tab.title);
    for (const rate of RATE_FIGURES) keys.add(RATE_TITLES[rate]);
    for (const level of LEVELS) keys.add(level);
    for (const kind of KINDS) keys.add(`evaluator.${kind}`);
    for (const status of PROBLEM_STATUSES) keys.add(`publicStatus.${status}`);
    for (const step of STEPS) keys.add(`publicStep.${step}`);
    return [...keys];
  };

  it('finds the page’s keys', () => expect(pageKeys().length).toBeGreaterThan(60));

  it.each(Object.entries(LOCALES))('every key of the page is in %s', (_, messages) => {
    expect(pageKeys().filter((key) => !messages[key])).toEqual([]);
  });

  it('says statuses in plain words, not the office’s (销号, 交办, 办结)', () => {
    for (const key of [...PROBLEM_STATUSES.map((s) => `publicStatus.${s}`), ...STEPS.map((s) => `publicStep.${s}`)]) {
      expect(zhCN[key as keyof typeof zhCN]).not.toMatch(/销号|交办|办结/);
      expect(enUS[key as keyof typeof enUS]).not.toMatch(/^status\.|closed$/i);
    }
    expect(zhCN['publicStatus.closed']).toBe('已解决并确认');
  });
});
