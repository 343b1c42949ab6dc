import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, signInWithForm } from '@minqing/test/src/browser';
import { eventually } from '@minqing/test/src/eventually';
import { titleIn } from '@minqing/test/src/locale';
import { callApi, repoRoot, signIn, type RunningNocoBase } from '@minqing/test/src/process';
import { DEMO_PASSWORD, sharedApp } from '@minqing/test/src/shared-app';

const artifacts = path.join(repoRoot, 'storage', 'artifacts', 'campaign');
const TITLE = `校门口护学岗人手不足（${Date.now() % 100000}）`;
const PUBLIC_TITLE = `校门口护学岗已增派人手（${Date.now() % 100000}）`;

/**
 * The whole loop through the generated pages, on the demo bureau: a cadre on a phone records a
 * visit with a problem; the office assigns it; the responsible cadre accepts, reports progress and
 * completes it; a leader revisits it as resolved; the office closes and publishes it; the public
 * page shows it and 数据看板's figures move. A screenshot of each step in storage/artifacts/campaign.
 */
describe('a problem through the campaign pages, on the demo bureau', () => {
  let app: RunningNocoBase;
  let browser: Browser;
  let admin: Page;
  const pages: Record<string, string> = {};
  const timings: Record<string, number> = {};
  const problems: string[] = [];
  let before: Record<string, number>;
  let problemId: number;

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

  /** The office's API headers (signed in once). */
  let office: Record<string, string>;
  const api = (method: string, action: string, body?: unknown) => callApi(app.url, office, method, action, body);

  async function signInAs(context: BrowserContext, account: string, password: string) {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${account}: ${error.message}`));
    return signInWithForm(page, app.url, account, password);
  }

  /** Opens one of our pages and records how long it took until its first block showed data. */
  async function open(page: Page, title: string, ready: string) {
    const t0 = Date.now();
    await page.goto(`${app.url}/admin/${pages[title]}`);
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    timings[title] = Math.max(timings[title] ?? 0, Date.now() - t0);
  }

  const row = (page: Page) => page.locator('tr.ant-table-row', { hasText: TITLE }).first();

  /** Clicks a step button on the problem's row, fills the step's small form and sends it. */
  async function step(page: Page, button: string, key: string, fill?: (form: Locator) => Promise<void>) {
    // antd puts a space between two Chinese characters of a button: 交 办
    const name = new RegExp(`^${[...button].join('\\s*')}$`);
    await row(page).getByRole('button', { name }).click();
    const form = page.getByTestId(`mq-step-form-${key}`);
    await form.waitFor();
    if (fill) await fill(form);
    await form.getByRole('button', { name }).click();
    await form.waitFor({ state: 'detached', timeout: 30_000 });
  }

  /** Picks an option: on a phone NocoBase shows a sheet with its own search box, on a desktop a dropdown. */
  async function choose(page: Page, select: Locator, text: string, { phone = false } = {}) {
    await select.click();
    if (phone) {
      await page.getByPlaceholder('search').last().fill(text);
      await page.getByText(text, { exact: true }).last().click();
      return;
    }
    await page.keyboard.type(text);
    await page.locator('.ant-select-item-option', { hasText: text }).first().click();
  }

  async function figures(page: Page) {
    await open(page, '数据看板', '[data-kpi="closed"] [data-kpi-value]');
    const read = async (key: string) => Number(await page.locator(`[data-kpi="${key}"] [data-kpi-value]`).innerText());
    return { problems: await read('problems'), closed: await read('closed') };
  }

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    app = sharedApp();
    office = await signIn(app.url, app.admin.email, app.admin.password);
    // the pages are made when the plugin is enabled; read them from the menu as the office sees it
    await eventually(
      async () => {
        const routes = (await api('GET', 'desktopRoutes:listAccessible?tree=true')).data as any[];
        const group = routes.find((r) => titleIn('zh-CN', r.title) === '下基层察民情');
        for (const child of group?.children ?? []) pages[titleIn('zh-CN', child.title)] = child.schemaUid;
        return pages['数据看板'];
      },
      { what: `the campaign's pages (see ${app.logFile})`, timeoutMs: 600_000, intervalMs: 2000 },
    );
    browser = await launchChromium();
    admin = await signInAs(
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } }),
      app.admin.email,
      app.admin.password,
    );
  }, 900_000);

  afterAll(async () => {
    console.log(`campaign e2e timings (ms): ${JSON.stringify(timings)}`);
    await browser?.close();
  });

  it('shows the campaign menu and 数据看板 with the demo figures', async () => {
    expect(Object.keys(pages)).toEqual(
      expect.arrayContaining([
        '我的联系点',
        '走访记录',
        '调研',
        '问题清单',
        '责任清单',
        '任务清单',
        '我的待办',
        '督办',
        '回访',
        '成效清单',
        '数据看板',
      ]),
    );
    before = await figures(admin);
    expect(before.problems).toBeGreaterThanOrEqual(1500);
    await shot(admin, '00-dashboard-before');
  });

  it('a cadre records a visit with a problem on a phone', async () => {
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const cadre = await signInAs(phone, 'cadre001', DEMO_PASSWORD);
    await open(cadre, '走访记录', 'tr.ant-table-row');
    // on a phone the block's buttons are icons: + is 记录走访
    await cadre.locator('button:has(.anticon-plus)').first().click();
    const unit = cadre.locator('.ant-form-item', { hasText: '单位' }).locator('.ant-select').first();
    await unit.waitFor({ timeout: 30_000 });
    await choose(cadre, unit, '荆州中学', { phone: true });
    await cadre
      .locator('.ant-form-item', { hasText: '走访情况' })
      .locator('textarea')
      .first()
      .fill('进课堂听课，与师生座谈，了解上下学安全情况。');
    const found = cadre.locator('.ant-form-item', { hasText: '发现的问题' });
    await found.getByRole('button', { name: /添\s*加/ }).click();
    await found.locator('tbody input').first().fill(TITLE);
    await shot(cadre, '01-cadre-records-visit');
    await cadre.getByRole('button', { name: /提\s*交/ }).click();
    await cadre.locator('tr.ant-table-row').first().waitFor({ timeout: 30_000 });
    const filed = (await api('GET', `mq_problems:list?filter=${encodeURIComponent(JSON.stringify({ title: TITLE }))}`))
      .data;
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ status: 'new', source: 'visit' });
    problemId = filed[0].id;
    await open(cadre, '走访记录', 'tr.ant-table-row');
    await shot(cadre, '02-visit-listed');
    // the problem they reported waits for the office: once the cadre's own steps show (接收, 办结…
    // on the demo's problems assigned to them), no 交办 on it
    await open(cadre, '问题清单', 'tr.ant-table-row');
    await row(cadre).waitFor();
    await cadre
      .getByRole('button', { name: /^(接\s*收|报告进展|办\s*结)$/ })
      .first()
      .waitFor();
    await expect(cadre.getByRole('button', { name: /^交\s*办$/ }).count()).resolves.toBe(0);
    await phone.close();
  });

  it('the office assigns it to a cadre, with a guarantor leader', async () => {
    await open(admin, '问题清单', 'tr.ant-table-row');
    await row(admin).waitFor();
    // only the step its status allows: a new problem can be assigned, not completed
    await expect(
      row(admin)
        .getByRole('button', { name: /^办\s*结$/ })
        .count(),
    ).resolves.toBe(0);
    // cadre001 handles it; leader01 guarantees it (包保), so it is on that leader's list
    await step(admin, '交办', 'assign', async (form) => {
      await choose(admin, form.getByTestId('mq-user-select').nth(0), 'cadre001');
      await choose(admin, form.getByTestId('mq-user-select').nth(1), 'leader01');
    });
    await row(admin).getByText('已交办').waitFor();
    await shot(admin, '03-office-assigned');
  });

  it('the responsible cadre accepts, reports progress and completes it', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const cadre = await signInAs(context, 'cadre001', DEMO_PASSWORD);
    await open(cadre, '问题清单', 'tr.ant-table-row');
    // the steps the cadre's role has (接收 on their problem), never 交办: a cadre does not assign
    await row(cadre)
      .getByRole('button', { name: /^接\s*收$/ })
      .waitFor();
    await expect(cadre.getByRole('button', { name: /^交\s*办$/ }).count()).resolves.toBe(0);
    await step(cadre, '接收', 'accept', (form) =>
      form.locator('textarea').first().fill('协调公安交警和家委会，增派护学岗人员'),
    );
    await row(cadre).getByText('办理中').waitFor();
    await step(cadre, '报告进展', 'reportProgress', async (form) => {
      await form.locator('input').first().fill('60');
      await form.locator('textarea').first().fill('已与交警中队对接，家长志愿者排班中');
    });
    await shot(cadre, '04-cadre-reported-progress');
    await step(cadre, '办结', 'complete', (form) =>
      form.locator('textarea').first().fill('每天上下学时段护学岗增至6人，交警定点值守'),
    );
    await row(cadre).getByText('已办结').waitFor();
    // 回访 is a leader's: a cadre reads no revisits (the button would answer "No permissions")
    await expect(
      row(cadre)
        .getByRole('button', { name: /^回\s*访$/ })
        .count(),
    ).resolves.toBe(0);
    await shot(cadre, '05-cadre-completed');
    await context.close();
  });

  it('the guarantor leader revisits it and finds it resolved', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const leader = await signInAs(context, 'leader01', DEMO_PASSWORD);
    await open(leader, '问题清单', 'tr.ant-table-row');
    await step(leader, '回访', 'revisit', async (form) => {
      const outcome = form.locator('.ant-form-item', { hasText: '回访结果' }).locator('.ant-select');
      await outcome.click();
      await leader.locator('.ant-select-item-option', { hasText: '已解决' }).click();
    });
    // 销号 is the office's: not on the leader's row, whatever its status allows
    await expect(
      row(leader)
        .getByRole('button', { name: /^销\s*号$/ })
        .count(),
    ).resolves.toBe(0);
    await shot(leader, '06-leader-revisited');
    await context.close();
  });

  it('the office closes and publishes it; the public page shows it', async () => {
    await open(admin, '成效清单', 'tr.ant-table-row');
    await step(admin, '销号', 'close');
    await row(admin).getByText('已销号').waitFor();
    await step(admin, '公开', 'publish', async (form) => {
      await form.locator('input').first().fill(PUBLIC_TITLE);
      await form.locator('textarea').first().fill('增派护学岗人员，上下学秩序明显好转。');
    });
    await shot(admin, '07-office-closed-and-published');
    const visitor = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })
    ).newPage();
    await visitor.goto(`${app.url}/minqing/public`);
    await visitor.getByText(PUBLIC_TITLE).first().waitFor({ timeout: 60_000 });
    await visitor.screenshot({ path: path.join(artifacts, '08-public-page.png'), fullPage: true });
  });

  it('数据看板 counts it', async () => {
    const after = await figures(admin);
    expect(after.problems).toBe(before.problems + 1);
    expect(after.closed).toBe(before.closed + 1);
    await shot(admin, '09-dashboard-after');
    const problem = (await api('GET', `mq_problems:get?filterByTk=${problemId}`)).data;
    expect(problem).toMatchObject({ status: 'closed', isPublic: true, publicTitle: PUBLIC_TITLE });
  });

  it('lets the administrator add a column to 问题清单 in UI-editor mode, and keeps it', async () => {
    await open(admin, '问题清单', 'tr.ant-table-row');
    await admin.getByTestId('ui-editor-button').click();
    const table = admin.locator('.ant-table-wrapper').first();
    await table.getByRole('button', { name: '字段' }).hover();
    await admin.getByRole('menuitem', { name: '难易程度' }).click();
    await admin.keyboard.press('Escape');
    await table.getByRole('columnheader', { name: '难易程度' }).waitFor();
    await admin.getByTestId('ui-editor-button').click();
    await admin.reload();
    await admin.locator('tr.ant-table-row').first().waitFor();
    await admin.locator('.ant-table-wrapper').first().getByRole('columnheader', { name: '难易程度' }).waitFor();
    await shot(admin, '10-column-added');
    expect(problems).toEqual([]);
  });
});
