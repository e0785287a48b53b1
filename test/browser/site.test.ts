/** The document pages as a reader uses them, in Chromium, against the built dist/. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { builtSite } from './support/site.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { launchBrowser, openPage } from './support/browser.ts';

let server: StaticServer;
let browser: Browser;
const dir = builtSite();

beforeAll(async () => {
  server = await serveStatic(dir, '/');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('document pages', () => {
  it('follows a citation link in the body to the cited document', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(browser, server.url);
    await page.goto(`${server.url}van-ban/chi-thi-33-ct-ttg-2021/`);
    const link = page.locator('.doc-body a.cite[href*="/van-ban/"]').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/van-ban\/[a-z0-9-]+\/$/);
    await link.click();
    await page.waitForURL(`**${href}`);
    const h1 = await page.locator('h1').innerText();
    expect(h1.length).toBeGreaterThan(5);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('shows a declared relation with its provenance and reaches the related document both ways (01-KL/TW → 05-CT/TW)', async () => {
    const { page, consoleErrors } = await openPage(browser, server.url);
    await page.goto(`${server.url}van-ban/ket-luan-01-kl-tw-2021/`);
    const relations = page.locator('.relations');
    await expect(relations.innerText()).resolves.toMatch(/Tiếp tục thực hiện[\s\S]*05-CT\/TW[\s\S]*Xuất xứ: Trích yếu/);
    // The declared relation shows the page it was read on; so does the one Chỉ thị 33/CT-TTg declares towards it.
    expect(await relations.locator('#quan-he-continues-di + ul [data-provenance] a[href^="https://"]').count()).toBe(1);
    await expect(relations.locator('#quan-he-cites-den + ul').innerText()).resolves.toMatch(/33\/CT-TTg[\s\S]*Xuất xứ: Nhiệm vụ 3/);
    await relations.locator('a[href$="/van-ban/chi-thi-05-ct-tw-2016/"]').first().click();
    await page.waitForURL('**/van-ban/chi-thi-05-ct-tw-2016/');
    await expect(page.locator('.relations').innerText()).resolves.toMatch(/Được tiếp tục bởi[\s\S]*01-KL\/TW/);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps what a summary names out of the Lược đồ, under its own heading; shows a dated status without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Kết luận 114 (2015) names Chỉ thị 33 (2021) in its summary: a link for reading, not a citation.
    await page.goto(`${server.url}van-ban/ket-luan-114-kl-tw-2015/`);
    const mentions = page.locator('[data-summary-mentions]');
    await expect(mentions.locator('h2').innerText()).resolves.toBe('Văn bản được nhắc trong phần tóm tắt');
    expect(await mentions.locator('a[href$="/van-ban/chi-thi-33-ct-ttg-2021/"]').count()).toBe(1);
    expect(await page.locator('.relations a[href$="/van-ban/chi-thi-33-ct-ttg-2021/"]').count()).toBe(0);
    // Luật 10/2022/QH15: in force from 01/7/2023, with its source and a dated history.
    await page.goto(`${server.url}van-ban/luat-10-2022-qh15-2022/`);
    const props = page.locator('#thuoc-tinh + .props');
    await expect(props.innerText()).resolves.toMatch(/Còn hiệu lực\s+từ 01\/7\/2023/);
    await expect(page.locator('[data-status-history]').innerText()).resolves.toMatch(/10\/11\/2022\s+Ban hành[\s\S]*01\/7\/2023\s+Có hiệu lực/);
    // Readable with JavaScript off: the body and the properties are in the HTML.
    await expect(page.locator('#thuoc-tinh').isVisible()).resolves.toBe(true);
    await expect(page.locator('.doc-body p').first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('shows the copy button only as an enhancement and copies the citation line', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}van-ban/quyet-dinh-23-qd-tw-2021/`);
    const button = page.locator('button[data-copy]');
    await button.waitFor({ state: 'visible' });
    await button.click();
    // The status is written after the clipboard promise settles: wait for it, not read it at once.
    await page.locator('[data-copy-status]', { hasText: 'Đã chép' }).waitFor({ timeout: 5000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Quyết định số 23-QĐ\/TW ngày 30\/7\/2021 của Bộ Chính trị/);
    await context.close();
  });

  it('fits a 360 px screen without horizontal scrolling', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(browser, server.url, { width: 360, height: 740 });
    for (const path of ['', 'van-ban/chi-thi-33-ct-ttg-2021/', 'van-ban/quyet-dinh-290-qd-tw-2010/', 'van-ban/', 'dong-thoi-gian/', 'chua-co/', 'co-quan/ban-dan-van-trung-uong/']) {
      await page.goto(`${server.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
    }
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  });
});

describe('page weight', () => {
  // Every document page, so that pointing DANVAN_TEST_DIST at a benchmark build checks 10,000 of them.
  it('every document page is at most 50 KB of compressed HTML + CSS', () => {
    const cssBytes = new Map<string, number>();
    let worst = { path: '', bytes: 0 };
    let pages = 0;
    for (const id of readdirSync(join(dir, 'van-ban'))) {
      const file = join(dir, 'van-ban', id, 'index.html');
      if (id === 'trang' || id === 'cu-truoc' || !existsSync(file)) continue;
      const html = readFileSync(file);
      const css = [...html.toString('utf8').matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((m) => m[1]!);
      expect(css.length).toBeGreaterThan(0);
      for (const c of css) if (!cssBytes.has(c)) cssBytes.set(c, gzipSync(readFileSync(join(dir, c))).length);
      const bytes = gzipSync(html).length + css.reduce((sum, c) => sum + cssBytes.get(c)!, 0);
      if (bytes > worst.bytes) worst = { path: id, bytes };
      pages++;
    }
    expect(pages).toBeGreaterThan(20);
    expect(worst.bytes, `${worst.path}: ${worst.bytes} B`).toBeLessThanOrEqual(50 * 1024);
  });
});

describe('timeline', () => {
  it('leads from the overview to the page of one year, and on to the next year', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(browser, server.url);
    await page.goto(`${server.url}dong-thoi-gian/`);
    await page.locator('a[href="/dong-thoi-gian/2021/"]').first().click();
    await page.waitForURL('**/dong-thoi-gian/2021/');
    await expect(page.locator('h1').innerText()).resolves.toBe('Dòng thời gian năm 2021');
    expect(await page.locator('main a[href="/van-ban/chi-thi-33-ct-ttg-2021/"]').count()).toBeGreaterThan(0);
    // Only documents of that year are listed.
    const dates = await page.locator('main .doc-list > li > .meta').allInnerTexts();
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => /\/2021 ·/.test(d))).toBe(true);
    await page.locator('a[rel="next"]').first().click();
    await page.waitForURL(/\/dong-thoi-gian\/20\d\d\/$/);
    expect(Number(/(\d{4})\/$/.exec(page.url())![1])).toBeGreaterThan(2021);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  });
});
