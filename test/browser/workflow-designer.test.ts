import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInAsAdmin } from '@minqing/test/src/browser';
import { repoRoot, signIn, type RunningNocoBase } from '@minqing/test/src/process';
import { sharedApp } from '@minqing/test/src/shared-app';

const artifacts = path.join(repoRoot, 'storage', 'artifacts', 'browser');

describe('workflow designer in Chromium: our triggers and nodes, with their config forms', () => {
  let app: RunningNocoBase;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    app = sharedApp();
    browser = await launchChromium();
    page = await signInAsAdmin(browser, app);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the preset 逾期督办 and shows our trigger’s and node’s forms, and our nodes in the add-node menu', async () => {
    const headers = await signIn(app.url, app.admin.email, app.admin.password);
    const list = await (
      await fetch(`${app.url}/api/workflows:list?filter=${encodeURIComponent(JSON.stringify({ title: '逾期督办' }))}`, {
        headers,
      })
    ).json();
    const id = list.data[0].id;

    await page.goto(`${app.url}/admin/settings/workflow/workflows/${id}`);
    await page.getByText('民情督办扫描').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(artifacts, 'workflow-canvas.png') });

    await page.getByText('民情督办扫描').first().click();
    for (const label of [
      '督办情形',
      '临期：距办结时限（工作日）',
      '逐级升级（逾期天数）',
      '办理方式',
      '扫描间隔（分钟）',
    ]) {
      await page.getByText(label).first().waitFor({ timeout: 10_000 });
    }
    await page.screenshot({ path: path.join(artifacts, 'workflow-trigger-config.png') });
    await page.keyboard.press('Escape');
    await page.getByText('扫描间隔（分钟）').first().waitFor({ state: 'hidden', timeout: 10_000 });

    await page.locator('.ant-tag', { hasText: '发督办' }).first().click();
    for (const label of ['级别', '原因', '反馈时限（工作日）'])
      await page.getByText(label).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(artifacts, 'workflow-node-config.png') });
    await page.keyboard.press('Escape');
    await page.getByText('反馈时限（工作日）').first().waitFor({ state: 'hidden', timeout: 10_000 });

    // a preset that has run (its first scan comes a minute after the server starts) is a read-only
    // version; an administrator copies it to a new version to add nodes, as here
    const draft = await (
      await fetch(
        `${app.url}/api/workflows:revision?filterByTk=${id}&filter=${encodeURIComponent(JSON.stringify({ key: list.data[0].key }))}`,
        { method: 'POST', headers },
      )
    ).json();
    await page.goto(`${app.url}/admin/settings/workflow/workflows/${draft.data.id}`);
    await page.getByText('民情督办扫描').first().waitFor({ timeout: 60_000 });
    await page.locator('button:has(.anticon-plus)').first().click();
    for (const node of ['发督办', '督办升级', '安排回访'])
      await page.getByText(node).last().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(artifacts, 'workflow-add-node.png') });
    expect(pageErrors).toEqual([]);
  });

  it('offers our triggers when an administrator creates a workflow', async () => {
    await page.goto(`${app.url}/admin/settings/workflow`);
    // the list shows the presets with our trigger types
    await page.getByText('逾期督办').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '添加' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('触发方式').first().waitFor({ timeout: 20_000 });
    await drawer.locator('.ant-select').first().click();
    const options = page.locator('.ant-select-dropdown');
    await options.getByText('民情督办扫描').first().waitFor({ timeout: 10_000 });
    await options.getByText('民情回访提醒').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(artifacts, 'workflow-new-trigger-types.png') });
  });
});
