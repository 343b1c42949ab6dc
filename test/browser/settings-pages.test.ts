import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@minqing/test/src/browser';
import { repoRoot, signIn, type RunningNocoBase } from '@minqing/test/src/process';
import { sharedApp } from '@minqing/test/src/shared-app';

const PLUGINS = [
  { packageName: '@minqing/plugin-three-lists', key: 'three-lists', title: '三张清单' },
  { packageName: '@minqing/plugin-liaison', key: 'liaison', title: '联系点与走访' },
  { packageName: '@minqing/plugin-supervision', key: 'supervision', title: '督办与回访' },
  { packageName: '@minqing/plugin-publicity', key: 'publicity', title: '公开与评价' },
  { packageName: '@minqing/plugin-warm-hearts', key: 'warm-hearts', title: '暖民心' },
];
const artifacts = path.join(repoRoot, 'storage', 'artifacts', 'browser');

describe('admin client in Chromium: every Minqing settings page renders', () => {
  let app: RunningNocoBase;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  /** the shared app's loop settings before this file changed one: put back afterwards */
  let originalSettings: Record<string, unknown>;

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    app = sharedApp();
    const headers = await signIn(app.url, app.admin.email, app.admin.password);
    originalSettings = (await (await fetch(`${app.url}/api/mqThreeLists:getSettings`, { headers })).json()).data;
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      const where = msg.location()?.url ?? '';
      if (msg.type() === 'error' && /minqing/i.test(`${where} ${msg.text()}`)) {
        problems.push(`console error from our code: ${msg.text()} (${where})`);
      }
    });
    page.on('response', (res) => {
      if (res.url().includes('/static/plugins/@minqing/') && res.status() >= 400) {
        problems.push(`bundle ${res.url()} answered ${res.status()}`);
      }
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (originalSettings) {
      const headers = await signIn(app.url, app.admin.email, app.admin.password);
      await fetch(`${app.url}/api/mqThreeLists:updateSettings`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ firstReceiverDeadlineDays: originalSettings.firstReceiverDeadlineDays }),
      });
    }
  });

  it('signs in as the administrator through the login form', async () => {
    await page.goto(`${app.url}/signin`);
    await page.getByPlaceholder('用户名/邮箱').fill(app.admin.email);
    await page.getByPlaceholder('密码').fill(app.admin.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/admin'), { timeout: 60_000 });
    await page.screenshot({ path: path.join(artifacts, '00-signed-in.png') });
  });

  it.each(PLUGINS)('$packageName: settings page shows version and status from its server', async (plugin) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'plugins', plugin.packageName, 'package.json'), 'utf8'));
    await page.goto(`${app.url}/admin/settings/minqing/${plugin.key}`);
    const card = page.getByTestId('mq-plugin-info');
    await card.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('mq-plugin-version').textContent()).resolves.toBe(pkg.version);
    await expect(page.getByTestId('mq-plugin-status').textContent()).resolves.toBe('已启用');
    // the menu of plugin settings lists the page under 民情, in Chinese
    await expect(page.getByText(plugin.title).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(artifacts, `settings-${plugin.key}.png`), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('@minqing/plugin-three-lists: an administrator changes a loop rule and it is saved', async () => {
    await page.goto(`${app.url}/admin/settings/minqing/three-lists`);
    const form = page.getByTestId('mq-loop-settings');
    await form.waitFor({ timeout: 30_000 });
    await expect(form.getByText('首接首办办结时限（工作日）').isVisible()).resolves.toBe(true);
    const days = page.getByTestId('mq-setting-firstReceiverDeadlineDays');
    await days.fill('7');
    await page.getByTestId('mq-settings-save').click();
    await page.getByText('已保存').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(artifacts, 'settings-three-lists-saved.png'), fullPage: true });
    const headers = await signIn(app.url, app.admin.email, app.admin.password);
    const saved = await (await fetch(`${app.url}/api/mqThreeLists:getSettings`, { headers })).json();
    expect(saved.data.firstReceiverDeadlineDays).toBe(7);
    expect(problems).toEqual([]);
  });

  it('@minqing/plugin-three-lists: the holiday table warns about a year nobody knows, and takes the notice pasted in', async () => {
    const headers = await signIn(app.url, app.admin.email, app.admin.password);
    const status = (await (await fetch(`${app.url}/api/mqThreeLists:calendar`, { headers })).json()).data;
    await page.goto(`${app.url}/admin/settings/minqing/three-lists`);
    const card = page.getByTestId('mq-holiday-calendar');
    await card.waitFor({ timeout: 30_000 });
    // chinese-days 1.5.7 knows no 2027: from November 2026 (or with a deadline in it) the page says so
    for (const w of status.warnings) {
      // the card draws its warnings once the calendar's answer is in: wait for them, not a first glance
      await card.getByText(`工作日历尚未包含 ${w.year} 年的节假日安排`).waitFor({ timeout: 15_000 });
    }
    expect(await page.getByTestId('mq-calendar-warning').count()).toBe(status.warnings.length);
    // a day pasted as a notice line (a test day, not the State Council's schedule) lands in the table
    await page.getByTestId('mq-holiday-notice').fill('一、测试日：12月30日放假。');
    await card.getByText('年份（粘贴内容不含标题时填写）').waitFor();
    await card.locator('input.ant-input-number-input').fill('2099');
    await page.getByTestId('mq-holiday-import').click();
    await page.getByText('已导入 1 天放假、0 天调休上班').waitFor({ timeout: 10_000 });
    await page.getByTestId('mq-holiday-table').getByText('2099-12-30').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(artifacts, 'settings-three-lists-holidays.png'), fullPage: true });
    // leave the shared app's calendar as it was
    const rows = (await (await fetch(`${app.url}/api/mq_holidays:list?filter=${encodeURIComponent(JSON.stringify({ day: '2099-12-30' }))}`, { headers })).json()).data;
    for (const row of rows) await fetch(`${app.url}/api/mq_holidays:destroy?filterByTk=${row.id}`, { method: 'POST', headers });
    expect(problems).toEqual([]);
  });

  it('暖民心 and 督办与回访 show their settings; 督办与回访 links each supervision preset to the designer', async () => {
    await page.goto(`${app.url}/admin/settings/minqing/warm-hearts`);
    await page.getByTestId('mq-warm-hearts-settings').waitFor({ timeout: 30_000 });
    await page.goto(`${app.url}/admin/settings/minqing/supervision`);
    await page.getByTestId('mq-work-style-settings').waitFor({ timeout: 30_000 });
    const presets = page.getByTestId('mq-supervision-presets');
    await presets.locator('[data-preset="mq-overdue"] a').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(artifacts, 'settings-supervision-presets.png'), fullPage: true });
    await presets.locator('[data-preset="mq-overdue"] a').click();
    await page.waitForURL((url) => /\/admin\/settings\/workflow\/workflows\/\d+/.test(url.pathname));
    expect(problems).toEqual([]);
  });

  it('@minqing/plugin-liaison: the coverage of liaison points shows on its page', async () => {
    await page.goto(`${app.url}/admin/settings/minqing/liaison`);
    const panel = page.getByTestId('mq-liaison-coverage');
    await panel.waitFor({ timeout: 30_000 });
    await expect(panel.getByText('无人联系的单位').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'settings-liaison-coverage.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
