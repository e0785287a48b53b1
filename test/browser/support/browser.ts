/**
 * Launches Debian's Chromium through playwright-core (Playwright's own browser download
 * does not work here) and records every request that leaves the test server's origin.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** An executable's absolute path on PATH (playwright wants a path, not a command name). */
function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      /* not in this folder */
    }
  }
  return null;
}

/** CHROMIUM_PATH, else chromium on PATH: the same lookup as scripts/setup.sh, which installs it. */
function chromiumPath(): string {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : [onPath('chromium'), onPath('chromium-browser')];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      /* try the next one */
    }
  }
  throw new Error('Không tìm thấy Chromium: chạy "bash scripts/setup.sh" (cài bằng apt-get install -y chromium), hoặc đặt CHROMIUM_PATH.');
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
