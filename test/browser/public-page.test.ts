import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '@minqing/test/src/browser';
import { callApi, repoRoot, signIn, type RunningNocoBase } from '@minqing/test/src/process';
import { sharedApp } from '@minqing/test/src/shared-app';

const artifacts = path.join(repoRoot, 'storage', 'artifacts', 'public');
// any real PNG will do: playwright-core ships one
const PNG = fs.readFileSync(
  path.join(path.dirname(require.resolve('playwright-core/package.json')), 'lib/server/chromium/appIcon.png'),
);
/**
 * Guard on the first load's weight (speed itself goes to the bench): the document with its
 * script inline and the first answers of the API. The admin client it replaced was ~9 MB.
 */
const FIRST_LOAD_MAX_BYTES = 150_000;

// the shared app holds the demo bureau: this file's units and texts are its own
const RUN = `E2E${Date.now() % 100000}`;
const UNIT = `荆州市沙市实验小学${RUN}`;
const PUBLIC_TITLE = `校门口接送车辆乱停${RUN}`;

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** What a person on a phone would hit: sideways scrolling, and controls smaller than a fingertip (44 px). */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const small = [
      ...document.querySelectorAll(
        'button, a[href], input:not([type=file]):not([type=radio]), select, textarea, summary, label.mq-picker',
      ),
    ]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44))
      .map(({ el, r }) => `${Math.round(r.width)}×${Math.round(r.height)} ${el.outerHTML.slice(0, 90)}`);
    return { sideways: root.scrollWidth > root.clientWidth ? root.scrollWidth : 0, small };
  });
}

/** Text a person should never read: our keys, unfilled {{values}}. */
const RAW = /publicStatus\.|publicStep\.|proactive\.line|ratings\.(fromPublic|byStaff)|evaluator\.|\{\{/;

describe('the public page on a phone, without an account', () => {
  let app: RunningNocoBase;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let staff: Record<string, string>;
  let code: string;
  let problemId: number;
  const problems: string[] = [];
  const refusals: string[] = [];
  const shot = (p: Page, name: string) => p.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  const api = async (method: string, action: string, body?: unknown) =>
    (await callApi(app.url, staff, method, action, body)).data;
  const watch = (p: Page) => {
    p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    p.on('console', (msg) => {
      // a refused request shows as "Failed to load resource" too: those are checked one by one below
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(msg.text());
    });
    p.on('response', (res) => {
      if (res.status() >= 400) refusals.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
  };
  const tab = (p: Page, name: string) => p.getByRole('tab', { name, exact: true });
  const expectFits = async (p: Page, where: string) => {
    expect({ where, ...(await layoutProblems(p)) }).toEqual({ where, sideways: 0, small: [] });
  };

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    app = sharedApp();
    staff = await signIn(app.url, app.admin.email, app.admin.password);
    for (const name of [UNIT, `荆州中学${RUN}`, `江陵县实验高中${RUN}`]) {
      await api('POST', 'mq_units:create', { name, region: '荆州市' });
    }
    browser = await launchChromium();
    phone = await browser.newContext({ locale: 'zh-CN', ...PHONE });
    page = await phone.newPage();
    watch(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens without logging in, light: a small document instead of the admin client', async () => {
    const started = Date.now();
    await page.goto(`${app.url}/minqing/public`);
    await tab(page, '成效公开').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="mq-public-results"], [data-testid="mq-public-empty"]').first().waitFor();
    const ms = Date.now() - started;
    const load = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return {
        bytes: entries.reduce((sum, e) => sum + ((e as PerformanceResourceTiming).transferSize || 0), 0),
        requests: entries.length,
      };
    });
    // eslint-disable-next-line no-console
    console.log(`public page first load (cold cache, 390×844): ${ms} ms, ${load.bytes} bytes, ${load.requests} requests`);
    expect(load.bytes).toBeLessThan(FIRST_LOAD_MAX_BYTES);
    expect(page.url()).not.toContain('/signin');
    await expectFits(page, 'results');
    // nothing of this file is published yet
    await page.getByTestId('mq-public-search').fill(PUBLIC_TITLE);
    await page.getByTestId('mq-public-search').press('Enter');
    await page.getByTestId('mq-public-empty').waitFor();
    await expect(page.getByTestId('mq-public-empty').innerText()).resolves.toBe('暂无公开内容');
    await shot(page, '01-results-empty');
  });

  it('submits a problem with a photo, with phone and e-mail keyboards, and gets a tracking code', async () => {
    await tab(page, '我要反映').click();
    await page.getByTestId('mq-report-submit').click();
    await page.getByText('请描述您遇到的问题（至少 5 个字）').waitFor(); // inline, before any request
    await page
      .getByTestId('mq-report-description')
      .fill('学校门口早上接送孩子时车辆乱停，存在安全隐患 <img src=x onerror="window.__xss=1">');
    await page.getByTestId('mq-report-unit').fill(RUN);
    await page.getByTitle(UNIT).click();
    await expect(page.getByTestId('mq-report-unit').inputValue()).resolves.toBe(UNIT);
    // the camera on a phone, the album otherwise; a preview that can be removed
    await expect(page.getByTestId('mq-report-camera').getAttribute('capture')).resolves.toBe('environment');
    await expect(page.getByTestId('mq-report-photos').getAttribute('accept')).resolves.toBe('image/*');
    await page.getByTestId('mq-report-photos').setInputFiles({ name: 'gate.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.mq-thumb img[src^="data:image/jpeg"]').waitFor();
    await page.getByTestId('mq-report-photo-remove').click();
    await expect(page.locator('.mq-thumb').count()).resolves.toBe(0);
    await page.getByTestId('mq-report-camera').setInputFiles({ name: 'gate.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.mq-thumb img[src^="data:image/jpeg"]').waitFor();
    await page.getByTestId('mq-report-contact').click();
    const phoneInput = page.getByLabel('电话');
    const emailInput = page.getByLabel('邮箱（办理进展和评价链接会发到这里）');
    expect(await phoneInput.evaluate((el: HTMLInputElement) => [el.type, el.inputMode, el.autocomplete])).toEqual([
      'tel',
      'tel',
      'tel',
    ]);
    expect(await emailInput.evaluate((el: HTMLInputElement) => [el.type, el.inputMode, el.autocomplete])).toEqual([
      'email',
      'email',
      'email',
    ]);
    await phoneInput.fill('13900001111');
    await expectFits(page, 'report');
    await shot(page, '02-report-form');
    await page.getByTestId('mq-report-submit').click();
    const codeEl = page.getByTestId('mq-tracking-code');
    await Promise.race([
      codeEl.waitFor({ timeout: 30_000 }),
      page.getByTestId('mq-report-error').waitFor({ state: 'visible', timeout: 30_000 }),
    ]);
    if (await page.getByTestId('mq-report-error').isVisible())
      throw new Error(await page.getByTestId('mq-report-error').innerText());
    code = (await codeEl.innerText()).trim();
    expect(code).toMatch(/^JS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shot(page, '03-report-received');
  });

  it('tracks it, then again later in one tap from the reports kept on this phone', async () => {
    await page.getByTestId('mq-go-track').click();
    const result = page.getByTestId('mq-track-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain('已收到，等待转办');
    await expect(result.innerText()).resolves.not.toContain('13900001111');
    await shot(page, '04-tracked-new');
    // later, from the page's address with nothing typed
    await page.goto(`${app.url}/minqing/public`);
    await tab(page, '进度查询').click();
    await page.getByTestId('mq-my-report').filter({ hasText: code }).click();
    await expect(page.getByTestId('mq-track-result').innerText()).resolves.toContain(code);
    await expectFits(page, 'track');
  });

  it('after staff complete it, shows the reply in plain words and evaluates it once', async () => {
    const [report] = await api(
      'GET',
      `mq_public_reports:list?filter=${encodeURIComponent(JSON.stringify({ trackingCode: code }))}&appends[]=photos`,
    );
    expect(report.photos).toHaveLength(1);
    expect(report.contactPhone).toBe('13900001111');
    problemId = report.problemId;
    const me = await api('GET', 'auth:check');
    await api('POST', `mq_problems:assign?filterByTk=${problemId}`, { personId: me.id });
    await api('POST', `mq_problems:accept?filterByTk=${problemId}`, { measures: '联合交警设置临时停车区' });
    await api('POST', `mq_problems:complete?filterByTk=${problemId}`, { completionSummary: '已设置临时停车区并安排护学岗' });
    await api('POST', `mq_public_reports:update?filterByTk=${report.id}`, {
      reply: '已在校门口设置临时停车区，早晚高峰安排护学岗。',
    });
    await api('POST', `mq_problems:publish?filterByTk=${problemId}`, {
      publicTitle: PUBLIC_TITLE,
      publicSummary: '设置临时停车区，安排护学岗 <script>window.__xss=1</script>',
    });

    await page.reload();
    const result = page.getByTestId('mq-track-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain('已办好，等待确认');
    await expect(page.getByTestId('mq-track-reply').innerText()).resolves.toContain('临时停车区');
    await shot(page, '05-tracked-done');

    await page.getByTestId('mq-go-evaluate').click();
    await page.getByTestId('mq-evaluate-form').waitFor();
    await page.getByTestId('mq-evaluate-star').nth(4).click();
    await page.getByText('非常满意').waitFor();
    await page.getByTestId('mq-evaluate-comment').fill('处理很及时，谢谢！');
    await expectFits(page, 'evaluate');
    await shot(page, '06-evaluate');
    await page.getByTestId('mq-evaluate-submit').click();
    await page.getByTestId('mq-evaluate-done').waitFor();
    await shot(page, '07-evaluated');
    const evaluations = await api(
      'GET',
      `mq_evaluations:list?filter=${encodeURIComponent(JSON.stringify({ problemId }))}`,
    );
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toMatchObject({ score: 5, comment: '处理很及时，谢谢！', evaluatorKind: 'parent' });

    // the same link a second time
    await page.reload();
    await page.getByTestId('mq-evaluate-refused').waitFor();
    await expect(page.getByTestId('mq-evaluate-refused').innerText()).resolves.toContain('只能评价一次');
    expect(refusals).toEqual([expect.stringMatching(/^4\d\d \/api\/mqPublic:evaluation$/)]);
  });

  it('shows the published result as text, and the figures with "solved before anyone asked"', async () => {
    // 销号 after a revisit that confirms it solved: the public reads 已解决并确认
    await api('POST', 'mq_revisits:create', { problemId, outcome: 'resolved', satisfaction: 5, method: 'phone' });
    await api('POST', `mq_problems:close?filterByTk=${problemId}`, {});
    await page.goto(`${app.url}/minqing/public`);
    await page.getByTestId('mq-public-search').fill(PUBLIC_TITLE);
    await page.getByTestId('mq-public-search').press('Enter');
    const results = page.getByTestId('mq-public-results');
    await results.getByText(PUBLIC_TITLE).waitFor();
    await expect(results.innerText()).resolves.toContain('<script>window.__xss=1</script>');
    await expect(results.innerText()).resolves.toContain('已解决并确认');
    await shot(page, '08-results');

    await tab(page, '数据').click();
    await page.getByTestId('mq-chart-unit').waitFor();
    const stats = async (query = '') => (await (await fetch(`${app.url}/api/mqPublic:stats${query}`)).json()).data;
    // the chart names the units with the most problems, as the public figures count them
    const top = [...(await stats('?groupBy=unit')).groups].sort((a: any, b: any) => b.problems - a.problems)[0];
    await expect(page.getByTestId('mq-chart-unit').innerText()).resolves.toContain(top.label);
    const { proactive } = (await stats()).overall.figures;
    expect(proactive.count).toBeGreaterThan(0); // the demo bureau's 未诉先办 problems
    const line = await page.getByTestId('mq-public-proactive').innerText();
    expect(line).toContain('未诉先办');
    expect(line).toContain(`有 ${proactive.count} 件问题在群众反映之前`);
    await expectFits(page, 'figures');
    await shot(page, '09-figures');
    await tab(page, '先进典型').click();
    await page.locator('[data-testid="mq-public-cases"], .mq-empty').first().waitFor();
    await expectFits(page, 'cases');
    await shot(page, '10-cases');
    expect(await page.locator('body').innerText()).not.toMatch(RAW);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  });

  it('reads in English for an English phone, every tab in reach', async () => {
    const english = await (await browser.newContext({ locale: 'en-US', ...PHONE })).newPage();
    watch(english);
    await english.goto(`${app.url}/minqing/public?tab=track&code=${code}`);
    const result = english.getByTestId('mq-track-result');
    await result.waitFor({ timeout: 30_000 });
    await expect(result.innerText()).resolves.toContain('Solved and confirmed');
    await shot(english, '11-en-tracked');
    for (const [name, ready] of [
      ['Results', '[data-testid="mq-public-results"]'],
      ['Figures', '[data-testid="mq-public-proactive"]'],
      ['Typical cases', '[data-testid="mq-public-cases"], .mq-empty'],
      ['Report a problem', '[data-testid="mq-report-form"]'],
    ]) {
      await tab(english, name).click();
      await english.locator(ready).first().waitFor();
      await expectFits(english, name);
      expect(await english.locator('body').innerText()).not.toMatch(RAW);
    }
    await tab(english, 'Figures').click();
    await expect(english.getByTestId('mq-public-proactive').innerText()).resolves.toContain('Solved before anyone asked');
    await shot(english, '12-en-figures');
    // the language switch keeps the place
    await english.getByTestId('mq-public-lang').click();
    await tab(english, '数据').waitFor();
    expect(await tab(english, '数据').getAttribute('aria-selected')).toBe('true');
    expect(problems).toEqual([]);
  });
});
