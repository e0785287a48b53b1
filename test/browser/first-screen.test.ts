/**
 * What a cadre sees first on a 360 × 780 phone screen (issue #18): the answers of a
 * document page, search results above the fold, the diagram's own document in view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { builtSite } from './support/site.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { launchBrowser, openPage } from './support/browser.ts';

const PHONE = { width: 360, height: 780 };
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(builtSite(), '/');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** True when the element is laid out entirely inside the first screen (no scrolling). */
async function onFirstScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height && box.x >= 0 && box.x + box.width <= PHONE.width;
}

async function phonePage(path: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const { page, consoleErrors } = await openPage(browser, server.url, PHONE);
  await page.goto(`${server.url}${path}`);
  return { page, consoleErrors };
}

describe('document page, first screen at 360 px', () => {
  it('shows the status with the date it was read (Chỉ thị 33/CT-TTg)', async () => {
    const { page } = await phonePage('van-ban/chi-thi-33-ct-ttg-2021/');
    const status = page.locator('[data-answer-status]');
    expect(await status.innerText()).toBe('Chưa rõ hiệu lực');
    expect(await onFirstScreen(status)).toBe(true);
    const date = page.locator('[data-answer-status-date]');
    expect(await date.innerText()).toMatch(/\d{2}\/\d{1,2}\/\d{4}/);
    expect(await onFirstScreen(date)).toBe(true);
    // The contents list starts on the first screen too, and its links lead to real sections.
    const toc = page.locator('nav.page-toc a');
    expect(await onFirstScreen(toc.first())).toBe(true);
    for (const href of await toc.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(await page.locator(`[id="${href!.slice(1)}"]`).count(), href!).toBe(1);
    }
    await page.context().close();
  });

  it('shows what replaced a superseded document, linked, with the date (290-QĐ/TW)', async () => {
    const { page } = await phonePage('van-ban/quyet-dinh-290-qd-tw-2010/');
    expect(await page.locator('[data-answer-status]').innerText()).toBe('Đã bị thay thế');
    const by = page.locator('[data-answer-replaced-by]');
    expect(await by.innerText()).toContain('23-QĐ/TW');
    expect(await onFirstScreen(by)).toBe(true);
    expect(await page.locator('[data-answer-until]').innerText()).toBe('từ 30/7/2021');
    await by.click();
    await page.waitForURL('**/van-ban/quyet-dinh-23-qd-tw-2021/');
    await page.context().close();
  });

  it('shows the link to the original text', async () => {
    const { page } = await phonePage('van-ban/nghi-quyet-43-nq-tw-2023/');
    const original = page.locator('[data-answer-original]');
    expect(await original.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await onFirstScreen(original)).toBe(true);
    await page.context().close();
  });

  it('keeps the header compact: at most 20 % of the screen, the editors’ page only in the footer', async () => {
    const { page } = await phonePage('van-ban/chi-thi-33-ct-ttg-2021/');
    const bottom = await page.locator('.site-nav').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(PHONE.height * 0.2);
    expect(await page.locator('.site-nav a[href$="/chua-co/"]').count()).toBe(0);
    expect(await page.locator('.site-footer a[href$="/chua-co/"]').count()).toBe(1);
    // No sideways scrolling of the page itself (the menu row scrolls inside itself).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
});
