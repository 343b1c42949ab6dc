import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { RunningNocoBase } from './process';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A zh-CN page signed in as the app's administrator through the login form. */
export async function signInAsAdmin(browser: Browser, app: RunningNocoBase): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  return signInWithForm(page, app.url, app.admin.email, app.admin.password);
}

/** Signs this page in through the zh-CN login form and waits for the admin client. */
export async function signInWithForm(page: Page, url: string, account: string, password: string) {
  await page.goto(`${url}/signin`);
  await page.getByPlaceholder('用户名/邮箱').fill(account);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((target) => target.pathname.startsWith('/admin'), { timeout: 60_000 });
  return page;
}

/**
 * Opens `path` of the admin client the way its menu does: inside the running client (the router
 * follows the history) when the page is already on it, else with a full load. A full load parses
 * the whole admin client again (seconds per page on this machine); a walk over every page of ours
 * pays that once. After a change that the client reads only at start (the language), load fully.
 */
export async function openInClient(page: Page, url: string, path: string) {
  if (!page.url().startsWith(`${url}/admin`)) {
    await page.goto(`${url}${path}`);
    return;
  }
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, path);
  await page.waitForURL((target) => target.pathname === path);
}
