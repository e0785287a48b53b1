/**
 * Launches Debian's Chromium through playwright-core (Playwright's own browser download
 * does not work here) and records every request that leaves the test server's origin.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';

function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate) {
      try {
        execFileSync(candidate, ['--version'], { stdio: 'ignore' });
        return candidate;
      } catch {
        /* try the next one */
      }
    }
  }
  throw new Error('Không tìm thấy Chromium: cài bằng "apt-get install -y chromium" (hoặc đặt CHROMIUM_PATH).');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens a page that records requests to any origin other than `origin`. */
export async function openPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; foreignRequests: string[]; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(new URL(origin).origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  return { page, foreignRequests, consoleErrors };
}
