import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '@minqing/test/src/browser';
import { callApi, repoRoot, signIn, type RunningNocoBase } from '@minqing/test/src/process';
import { sharedApp } from '@minqing/test/src/shared-app';

const artifacts = path.join(repoRoot, 'storage', 'artifacts', 'public-page');
// any real PNG will do: playwright-core ships one
const PNG = fs.readFileSync(
  path.join(path.dirname(require.resolve('playwright-core/package.json')), 'lib/server/chromium/appIcon.png'),
);

// the shared app holds the demo bureau: this file's units and texts are its own
const RUN = `E2E${Date.now() % 100000}`;
const UNIT = `荆州市沙市实验小学${RUN}`;
const PUBLIC_TITLE = `校门口接送车辆乱停${RUN}`;

describe('the public page on a phone, without an account', () => {
  let app: RunningNocoBase;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let staff: Record<string, string>;
  let code: string;
  const problems: string[] = [];
  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

  const api = async (method: string, action: string, body?: unknown) =>
    (await callApi(app.url, staff, method, action, body)).data;

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    app = sharedApp();
    staff = await signIn(app.url, app.admin.email, app.admin.password);
    for (const name of [UNIT, `荆州中学${RUN}`, `江陵县实验高中${RUN}`]) {
      await api('POST', 'mq_units:create', { name, region: '荆州市' });
    }
    browser = await launchChromium();
    phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    page = await phone.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens without logging in', async () => {
    await page.goto(`${app.url}/minqing/public`);
    await page.getByRole('tab', { name: '成效公开' }).waitFor({ timeout: 60_000 });
    expect(page.url()).not.toContain('/signin');
    // nothing of this file is published yet
    await page.getByTestId('mq-public-search').fill(PUBLIC_TITLE);
    await page.getByTestId('mq-public-search').press('Enter');
    await page.getByText('暂无公开内容').waitFor();
    await shot('01-results-empty');
  });

  it('submits a problem with a photo and gets a tracking code', async () => {
    await page.getByRole('tab', { name: '我要反映' }).click();
    await page
      .getByTestId('mq-report-description')
      .fill('学校门口早上接送孩子时车辆乱停，存在安全隐患 <img src=x onerror="window.__xss=1">');
    await page.getByTestId('mq-report-unit').click();
    await page.keyboard.type(RUN);
    await page.getByTitle(UNIT).click();
    await page.getByTestId('mq-report-photos').setInputFiles({ name: 'gate.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('img[src^="data:image/jpeg"]').waitFor();
    await page.getByText('留下联系方式').click();
    await page.getByLabel('电话').fill('13900001111');
    await shot('02-report-form');
    await page.getByTestId('mq-report-submit').click();
    const codeEl = page.getByTestId('mq-tracking-code');
    await Promise.race([
      codeEl.waitFor({ timeout: 30_000 }),
      page.getByTestId('mq-report-error').waitFor({ timeout: 30_000 }),
    ]);
    if (await page.getByTestId('mq-report-error').count())
      throw new Error(await page.getByTestId('mq-report-error').innerText());
    code = (await codeEl.innerText()).trim();
    expect(code).toMatch(/^JS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shot('03-report-received');
  });

  it('tracks it by code', async () => {
    await page.getByTestId('mq-go-track').click();
    const result = page.getByTestId('mq-track-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain('待交办');
    await expect(result.innerText()).resolves.not.toContain('13900001111');
    await shot('04-tracked-new');
  });

  it('after staff complete it, shows the reply and evaluates it once', async () => {
    const [report] = await api(
      'GET',
      `mq_public_reports:list?filter=${encodeURIComponent(JSON.stringify({ trackingCode: code }))}&appends[]=photos`,
    );
    expect(report.photos).toHaveLength(1);
    expect(report.contactPhone).toBe('13900001111');
    const id = report.problemId;
    const me = await api('GET', 'auth:check');
    await api('POST', `mq_problems:assign?filterByTk=${id}`, { personId: me.id });
    await api('POST', `mq_problems:accept?filterByTk=${id}`, { measures: '联合交警设置临时停车区' });
    await api('POST', `mq_problems:complete?filterByTk=${id}`, { completionSummary: '已设置临时停车区并安排护学岗' });
    await api('POST', `mq_public_reports:update?filterByTk=${report.id}`, {
      reply: '已在校门口设置临时停车区，早晚高峰安排护学岗。',
    });
    await api('POST', `mq_problems:publish?filterByTk=${id}`, {
      publicTitle: PUBLIC_TITLE,
      publicSummary: '设置临时停车区，安排护学岗 <script>window.__xss=1</script>',
    });

    await page.reload();
    const result = page.getByTestId('mq-track-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain('已办结');
    await expect(page.getByTestId('mq-track-reply').innerText()).resolves.toContain('临时停车区');
    await shot('05-tracked-done');

    await page.getByTestId('mq-go-evaluate').click();
    await page.getByTestId('mq-evaluate-form').waitFor();
    await page.locator('.ant-rate-star').nth(4).click();
    await page.getByRole('textbox').fill('处理很及时，谢谢！');
    await shot('06-evaluate');
    await page.getByTestId('mq-evaluate-submit').click();
    await page
      .getByTestId('mq-evaluate-done')
      .waitFor()
      .catch(async (e) => {
        await shot('07-evaluate-failed');
        throw e;
      });
    await shot('07-evaluated');

    const evaluations = await api(
      'GET',
      `mq_evaluations:list?filter=${encodeURIComponent(JSON.stringify({ problemId: id }))}`,
    );
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toMatchObject({ score: 5, comment: '处理很及时，谢谢！' });

    // the same link a second time
    await page.reload();
    await page.getByTestId('mq-evaluate-refused').waitFor();
    await expect(page.getByTestId('mq-evaluate-refused').innerText()).resolves.toContain('只能评价一次');
  });

  it('shows the published result as text, with figures and charts', async () => {
    await page.goto(`${app.url}/minqing/public`);
    const results = page.getByTestId('mq-public-results');
    await results.waitFor({ timeout: 30_000 });
    await page.getByTestId('mq-public-search').fill(PUBLIC_TITLE);
    await page.getByTestId('mq-public-search').press('Enter');
    await page.getByText(PUBLIC_TITLE).first().waitFor();
    await expect(results.innerText()).resolves.toContain(PUBLIC_TITLE);
    await expect(results.innerText()).resolves.toContain('<script>window.__xss=1</script>');
    await shot('08-results');
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByTestId('mq-chart-unit').waitFor();
    // the chart names the units with the most problems, as the public figures count them
    const byUnit = (await (await fetch(`${app.url}/api/mqPublic:stats?groupBy=unit`)).json()).data;
    const top = [...byUnit.groups].sort((a: any, b: any) => b.problems - a.problems)[0];
    await expect(page.getByTestId('mq-chart-unit').innerText()).resolves.toContain(top.label);
    await shot('09-figures');
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
