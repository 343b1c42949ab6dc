import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openInClient, signInWithForm } from '@minqing/test/src/browser';
import { eventually } from '@minqing/test/src/eventually';
import { titleIn } from '@minqing/test/src/locale';
import { callApi, repoRoot, signIn, type RunningNocoBase } from '@minqing/test/src/process';
import { DEMO_PASSWORD, sharedApp } from '@minqing/test/src/shared-app';

const artifacts = path.join(repoRoot, 'storage', 'artifacts', 'languages');
const CJK = /[\u4e00-\u9fff]/;
const PLUGINS = ['three-lists', 'liaison', 'supervision', 'publicity', 'warm-hearts', 'workbench'];
type Lang = 'zh-CN' | 'en-US';

/** Every string of our locale files, by language. */
const locale = (lang: Lang) =>
  Object.assign(
    {},
    ...PLUGINS.map((name) =>
      JSON.parse(
        fs.readFileSync(path.join(repoRoot, `plugins/@minqing/plugin-${name}/src/locale/${lang}.json`), 'utf8'),
      ),
    ),
  ) as Record<string, string>;
const ZH = locale('zh-CN');
/** English keys a zh-CN page would show raw if a translation were missing (those that translate to something else) */
const RAW_KEYS = new Set(Object.keys(ZH).filter((key) => ZH[key] !== key && !CJK.test(key) && key.length > 2));

/**
 * The page's own words (not the data): menu, page title, block titles, column headers, buttons,
 * form labels, the dashboard's labels and its categories. The scope line names units (data) and
 * the table cells hold records, so neither is read.
 */
async function chrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selectors = [
      '.ant-menu-title-content',
      '.ant-layout-content .ant-page-header-heading-title',
      '.ant-card-head-title',
      '.ant-table-thead th',
      '.ant-layout-content button',
      '.ant-form-item-label',
      '[data-kpi] > div:first-child',
      '[data-kpi] [data-note]',
      '[data-distribution] > div:first-child',
      '[data-category] > div:first-child',
    ];
    const texts = selectors.flatMap((s) =>
      [...document.querySelectorAll(s)]
        // the client keeps pages opened before mounted but hidden: only what is on screen now
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    );
    return [...new Set(texts.filter(Boolean))];
  });
}

/**
 * Item 6 of issue 19: with the interface in English, our menu, titles, blocks and dashboard are
 * English; in Chinese, nothing shows a raw key. A leader of the demo bureau walks every page of
 * ours in both languages, switching language as a user does (no administrator first). A
 * screenshot of each page in each language in storage/artifacts/languages.
 */
describe('every page of ours in zh-CN and en-US', () => {
  let app: RunningNocoBase;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** schemaUid and title template of each page, in menu order */
  let pages: { title: string; uid: string }[] = [];
  let groupTitle: string;
  const errors: string[] = [];
  /** requests our pages made that the server refused (403), and "No permissions" toasts: none */
  const denied: string[] = [];
  let walking = '';

  /** Records what the server refuses this signed-in page, by the page it was on. */
  function watchRefusals(signedIn: Page, who: string) {
    signedIn.on('response', (res) => {
      if (res.status() === 403) denied.push(`${who} ${walking}: ${res.request().method()} ${res.url()}`);
    });
  }

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    app = sharedApp();
    const leader = await signIn(app.url, 'leader01', DEMO_PASSWORD);
    await eventually(
      async () => {
        // the leader's own menu: the office's pages (接诉即办, 工作台账…) are not a leader's
        const routes = (await callApi(app.url, leader, 'GET', 'desktopRoutes:listAccessible?tree=true')).data as any[];
        const group = routes.find((r) => titleIn('zh-CN', r.title) === '下基层察民情');
        groupTitle = group?.title;
        pages = (group?.children ?? []).map((r: any) => ({ title: r.title, uid: r.schemaUid }));
        return pages.length >= 11 ? pages : undefined;
      },
      { what: `the campaign's pages (see ${app.logFile})`, timeoutMs: 600_000, intervalMs: 2000 },
    );
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await signInWithForm(page, app.url, 'leader01', DEMO_PASSWORD);
    watchRefusals(page, 'leader01');
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the sign-in page opens without an error toast', async () => {
    const visitor = await browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const refused: string[] = [];
    visitor.on('response', (res) => {
      if (res.status() === 401) refused.push(res.url());
    });
    await visitor.goto(`${app.url}/signin`);
    await visitor.getByPlaceholder('用户名/邮箱').waitFor({ timeout: 60_000 });
    // what the page asks for once it is up (NocoBase's and our plugins' first requests)
    await visitor.waitForLoadState('networkidle');
    const toasts = await visitor.locator('.ant-message-notice, .ant-notification-notice').allInnerTexts();
    await visitor.screenshot({ path: path.join(artifacts, 'signin.png') });
    await visitor.close();
    // refused while signed out (auth:check, the AI employees' lists): expected, but never a toast
    expect({ toasts, refused: refused.length > 0 }).toEqual({ toasts: [], refused: true });
  }, 120_000);

  async function walk(lang: Lang, on = page, menu = pages, who = 'leader01') {
    const seen: Record<string, string[]> = {};
    for (const [index, { title, uid }] of menu.entries()) {
      const name = titleIn(lang, title);
      walking = name;
      // the first page loads the client (in the language just chosen), the others open inside it
      if (index === 0) await on.goto(`${app.url}/admin/${uid}`);
      else await openInClient(on, app.url, `/admin/${uid}`);
      // the page's title in the user's language, then its first block with content
      // (the client keeps the pages opened before mounted but hidden: what is visible is this page)
      await on
        .locator('.ant-layout-content')
        .getByText(name, { exact: true })
        .filter({ visible: true })
        .first()
        .waitFor({ timeout: 60_000 });
      await on
        .locator('.ant-layout-content')
        .locator('tr.ant-table-row:visible, .ant-table-placeholder:visible, [data-kpi]:visible, [data-distribution]:visible')
        .first()
        .waitFor({ timeout: 60_000 });
      // 数据看板: its second block too
      if (await on.locator('[data-kpi]:visible').count()) await on.locator('[data-category]:visible').first().waitFor();
      // every block of the page loaded, not only the first
      await on.waitForFunction(
        () =>
          ![...document.querySelectorAll('.ant-layout-content .ant-spin-spinning, .ant-layout-content .ant-skeleton')].some(
            (e) => e.getClientRects().length,
          ),
        null,
        { timeout: 60_000 },
      );
      const file = `${who === 'leader01' ? '' : `${who}-`}${lang}-${name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}.png`;
      await on.screenshot({ path: path.join(artifacts, file) });
      seen[name] = await chrome(on);
      const toasts = await on.locator('.ant-message-notice, .ant-notification-notice').allInnerTexts();
      denied.push(
        ...toasts.filter((text) => /No permissions|无权限|没有权限/.test(text)).map((t) => `${who} ${name}: ${t}`),
      );
    }
    return seen;
  }

  it('zh-CN: our titles in Chinese, no raw key', async () => {
    const seen = await walk('zh-CN');
    const menu = Object.values(seen).flat();
    expect(menu).toContain(titleIn('zh-CN', groupTitle));
    for (const { title } of pages) expect(menu).toContain(titleIn('zh-CN', title));
    const raw = Object.entries(seen).flatMap(([name, texts]) =>
      texts.filter((text) => text.includes('{{') || RAW_KEYS.has(text)).map((text) => `${name}: ${text}`),
    );
    expect(raw).toEqual([]);
    // 数据看板 in Chinese: labels of options, not their keys
    const dashboard = seen['数据看板'];
    expect(dashboard).toEqual(expect.arrayContaining(['办理中', '课后服务', '走访', '非常满意', '响应率']));
    expect(dashboard).not.toContain('in_progress');
    // each page asks only what a leader may read
    expect(denied).toEqual([]);
  }, 600_000);

  it("a cadre's pages ask only what a cadre may read: nothing refused, no raw key", async () => {
    const cadre = await signIn(app.url, 'cadre001', DEMO_PASSWORD);
    const routes = (await callApi(app.url, cadre, 'GET', 'desktopRoutes:listAccessible?tree=true')).data as any[];
    const group = routes.find((r) => titleIn('zh-CN', r.title) === '下基层察民情');
    const menu = (group?.children ?? []).map((r: any) => ({ title: r.title, uid: r.schemaUid }));
    const names = menu.map(({ title }: { title: string }) => titleIn('zh-CN', title));
    // 回访: a cadre reads no revisits (its blocks would be left out: an empty page)
    expect(names).toEqual(expect.arrayContaining(['问题清单', '我的待办']));
    expect(names).not.toContain('回访');
    const cadrePage = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    cadrePage.on('pageerror', (error) => errors.push(`cadre001: ${error.message}`));
    await signInWithForm(cadrePage, app.url, 'cadre001', DEMO_PASSWORD);
    watchRefusals(cadrePage, 'cadre001');
    const seen = await walk('zh-CN', cadrePage, menu, 'cadre001');
    await cadrePage.close();
    const raw = Object.entries(seen).flatMap(([name, texts]) =>
      texts.filter((text) => text.includes('{{') || RAW_KEYS.has(text)).map((text) => `${name}: ${text}`),
    );
    expect({ raw, denied }).toEqual({ raw: [], denied: [] });
  }, 600_000);

  it('en-US after the user switches language: no Chinese in our menu, titles, blocks, buttons or dashboard', async () => {
    // what the language menu does: the user's own language, no administrator involved
    const token = await page.evaluate(() => localStorage.getItem('NOCOBASE_TOKEN'));
    const res = await fetch(`${app.url}/api/users:updateLang`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-Authenticator': 'basic', 'Content-Type': 'application/json' },
      body: JSON.stringify({ values: { appLang: 'en-US' } }),
    });
    expect(res.status).toBe(200);
    const languages = await fetch(`${app.url}/api/app:getLang?locale=en-US`).then((r) => r.json());
    expect(languages.data.lang).toBe('en-US');
    await page.evaluate(() => localStorage.setItem('NOCOBASE_LOCALE', 'en-US'));
    const seen = await walk('en-US');
    const menu = Object.values(seen).flat();
    expect(menu).toContain(titleIn('en-US', groupTitle));
    for (const { title } of pages) expect(menu).toContain(titleIn('en-US', title));
    const chinese = Object.entries(seen).flatMap(([name, texts]) =>
      texts.filter((text) => CJK.test(text)).map((text) => `${name}: ${text}`),
    );
    expect(chinese).toEqual([]);
    const dashboard = seen.Dashboard;
    expect(dashboard).toEqual(
      expect.arrayContaining(['In progress', 'After-school services', 'Visit', 'Response rate']),
    );
    expect(errors).toEqual([]);
    expect(denied).toEqual([]);
  }, 600_000);
});
