/**
 * What a cadre sees first on a 360 × 780 phone screen (issue #18): the answers of a
 * document page, search results above the fold, the diagram's own document in view.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openPage } from './support/browser.ts';
import { servedSite } from './support/served.ts';

const PHONE = { width: 360, height: 780 };
const site = servedSite();

/** True when the element is laid out entirely inside the first screen (no scrolling). */
async function onFirstScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height && box.x >= 0 && box.x + box.width <= PHONE.width;
}

async function phonePage(path: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const { page, consoleErrors } = await openPage(site.browser, site.server.url, PHONE);
  await page.goto(`${site.server.url}${path}`);
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

/** Runs a query on the search page and waits for its results. */
async function searchOn(page: Page, query: string): Promise<void> {
  await page.goto(`${site.server.url}tim-kiem/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => document.querySelector<HTMLFormElement>('form[data-search-page]')?.dataset['searched'] === q, query);
}
const resultPaths = (page: Page) =>
  page.$$eval('[data-results]:not([hidden]) li a.search-hit__title', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('search page at 360 px', () => {
  it('shows the first result on the first screen, filters folded behind one control', async () => {
    const { page, consoleErrors } = await phonePage('tim-kiem/');
    await searchOn(page, 'dan chu co so');
    expect(await onFirstScreen(page.locator('[data-results] li').first().locator('a').first())).toBe(true);
    expect(await page.locator('details[data-filters]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('#hop-tim-kiem').count()).toBe(0); // one search box on the search page
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('counts filter values over the current results, and does not repeat the direct hit', async () => {
    const { page } = await phonePage('tim-kiem/');
    await searchOn(page, '33/CT-TTg');
    const direct = await page.$$eval('[data-direct-hits] li a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(direct).toEqual(['/van-ban/chi-thi-33-ct-ttg-2021/']);
    expect(await resultPaths(page)).not.toContain('/van-ban/chi-thi-33-ct-ttg-2021/');
    const status = await page.locator('[data-search-status]').innerText();
    const total = Number(/Tìm thấy (\d+) văn bản/.exec(status)![1]);
    // Counts come when the filters are opened.
    await page.locator('details[data-filters] summary').click();
    await page.waitForFunction(() => /\(\d+\)$/.test(document.querySelector('select[name="loai"] option[data-label]')?.textContent ?? ''));
    // The type counts add up to the results found (each document has one type).
    const typeCounts = await page.$$eval('select[name="loai"] option[data-label]', (os) => os.map((o) => Number(/\((\d+)\)$/.exec(o.textContent ?? '')![1])));
    expect(typeCounts.reduce((a, b) => a + b, 0)).toBe(total);
    await page.context().close();
  });

  it('restores query, results and scroll position on Back', async () => {
    const { page } = await phonePage('tim-kiem/');
    await searchOn(page, 'dan van');
    await page.locator('[data-more]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-results] li').length > 10);
    const shown = await page.locator('[data-results] li').count();
    const link = page.locator('[data-results] li a.search-hit__title').nth(12);
    await link.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(500);
    await link.click();
    await page.waitForURL('**/van-ban/**');
    await page.goBack();
    await page.waitForFunction((n) => document.querySelectorAll('[data-results] li').length === n, shown);
    expect(await page.inputValue('#tim-kiem-q')).toBe('dan van');
    await page.waitForFunction((want) => Math.abs(window.scrollY - want) < 5, y);
    await page.context().close();
  });

  it('without JavaScript offers the browsing pages before the form', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${site.server.url}tim-kiem/?q=dan+van`);
    const link = page.locator('noscript, .search-page__nojs').locator('a').first();
    expect(await link.isVisible()).toBe(true);
    expect(await onFirstScreen(link)).toBe(true);
    await context.close();
  });
});

describe('topic search without diacritics', () => {
  it('"dan chu co so" puts the law on grassroots democracy and Chỉ thị 30-CT/TW in the top 3', async () => {
    const { page } = await phonePage('tim-kiem/');
    await searchOn(page, 'dan chu co so');
    const top = (await resultPaths(page)).slice(0, 3);
    expect(top).toContain('/van-ban/luat-10-2022-qh15-2022/');
    expect(top).toContain('/van-ban/chi-thi-30-ct-tw-1998/');
    // The topic page is offered too, apart from the documents.
    expect(await page.$$eval('[data-page-hits] li a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toContain('/chu-de/dan-chu-co-so/');
    await page.context().close();
  });

  it('"dan van kheo" does not put the directive on drinking at work first', async () => {
    const { page } = await phonePage('tim-kiem/');
    await searchOn(page, 'dan van kheo');
    const results = await resultPaths(page);
    expect(results.length).toBeGreaterThan(1);
    expect(results[0]).not.toBe('/van-ban/chi-thi-10-ct-tu-2016-tra-vinh/');
    await page.context().close();
  });

  it('"ha tinh" favours Hà Tĩnh documents; "hai phong" finds those of Hải Dương, merged into it', async () => {
    const { page } = await phonePage('tim-kiem/');
    await searchOn(page, 'ha tinh');
    expect((await resultPaths(page)).slice(0, 3).every((p) => p.endsWith('-ha-tinh/'))).toBe(true);
    await searchOn(page, 'hai phong');
    expect((await resultPaths(page))[0]).toMatch(/-hai-duong\/$/);
    await page.context().close();
  });

  it('finds the document through a one-letter typo ("dan van chinh quyn")', async () => {
    const { page } = await phonePage('tim-kiem/');
    await searchOn(page, 'dan van chinh quyn');
    expect((await resultPaths(page)).slice(0, 5)).toContain('/van-ban/chi-thi-33-ct-ttg-2021/');
    await page.context().close();
  });

  it('explains an empty result for hostile or meaningless input, and an unknown number causes no 404', async () => {
    const { page, consoleErrors } = await phonePage('tim-kiem/');
    for (const q of ['<script>', 'x', '?!…']) {
      await searchOn(page, q);
      expect(await resultPaths(page), q).toEqual([]);
      expect(await page.locator('[data-search-status]').innerText(), q).toMatch(/^Từ khóa (có ký tự|chỉ có)/);
    }
    await searchOn(page, '8765/CT-TTg');
    expect(await page.locator('[data-direct-hits]').isHidden()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('diagrams at 360 px', () => {
  it("opens the neighbourhood diagram on the page's own document, with a scroll cue", async () => {
    const { page, consoleErrors } = await phonePage('van-ban/quyet-dinh-23-qd-tw-2021/');
    const box = page.locator('[data-diagram-scroll]');
    await box.scrollIntoViewIfNeeded();
    // Wider than its box: the reader must be told it scrolls.
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.locator('.diagram .diagram-hint').isVisible()).toBe(true);
    const seen = await page.evaluate(() => {
      const outer = document.querySelector('[data-diagram-scroll]')!.getBoundingClientRect();
      const centre = document.querySelector('[data-diagram-scroll] .dg-center rect')!.getBoundingClientRect();
      return centre.left >= outer.left && centre.right <= outer.right;
    });
    expect(seen).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('draws the course timeline with labels of at least 12 px', async () => {
    const { page } = await phonePage('chuyen-de/dan-van-chinh-quyen/');
    const sizes = await page.$$eval('.course-timeline-svg text', (texts) =>
      texts.map((t) => {
        const svg = (t as SVGTextElement).ownerSVGElement!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      }),
    );
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    await page.context().close();
  });
});

describe('provinces merged in 2025', () => {
  it("the new province's page lists the documents of the provinces merged into it, by their historical name", async () => {
    const { page } = await phonePage('dia-phuong/hai-phong/');
    const items = await page.$$eval('.doc-list > li', (lis) => lis.map((li) => ({ href: li.querySelector('a')!.getAttribute('href'), meta: li.querySelector('.meta')?.textContent ?? '' })));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.href!.endsWith('-hai-duong/') && i.meta.includes('Hải Dương'))).toBe(true);
    // The search filter offers the new name too, and it keeps the historical province's documents.
    await page.goto(`${site.server.url}tim-kiem/?dia_phuong=${encodeURIComponent('Hải Phòng')}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-results]:not([hidden]) li').length > 0);
    expect((await resultPaths(page)).every((p) => p.endsWith('-hai-duong/'))).toBe(true);
    await page.context().close();
  });
});

describe("editors' worklist", () => {
  it('/chua-co/ lists the open work of the corpus, each with the file to edit and the command to run', async () => {
    const { page } = await phonePage('chua-co/');
    for (const anchor of ['chua-ro-hieu-luc', 'chua-co-duong-dan', 'quan-he-chua-co-nguon']) {
      expect(await page.locator(`[data-worklist="${anchor}"]`).count(), anchor).toBe(1);
      expect(await page.locator(`nav.worklist-toc a[href="#${anchor}"]`).count(), anchor).toBe(1);
    }
    const unknown = page.locator('[data-worklist="chua-ro-hieu-luc"] li');
    expect(await unknown.count()).toBeGreaterThan(0);
    expect(await unknown.first().locator('code').innerText()).toMatch(/^content\/van-ban\/.+\.mdx$/);
    await page.context().close();
  });
});
