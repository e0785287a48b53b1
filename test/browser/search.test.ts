/**
 * Search in the real UI of the built site: every way of typing a document number puts the
 * intended document first as a direct hit, Vietnamese spellings (no diacritics, đ/d, old or
 * new tone placement, NFD) find the same pages, filters narrow the results, hostile queries
 * do nothing harmful, and ordinary pages load no search index until the search box is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { builtSite } from './support/site.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  server = await serveStatic(builtSite(), '/');
  browser = await launchBrowser();
  ({ page, consoleErrors } = await openPage(browser, server.url));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types the query into the search page's box and waits until the results for it are shown. */
async function search(query: string, params = ''): Promise<void> {
  if (!page.url().includes('/tim-kiem/') || params) {
    await page.goto(`${server.url}tim-kiem/${params}`);
    await page.waitForSelector('form[data-search-page][data-ready]');
  }
  await page.fill('#tim-kiem-q', query);
  await page.press('#tim-kiem-q', 'Enter');
  await waitForResults();
}

/** Waits until the shown results belong to what the box holds (the box may cut a long query). */
async function waitForResults(p: Page = page): Promise<void> {
  await p.waitForFunction(() => {
    const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
    return form?.dataset['searched'] === form?.querySelector<HTMLInputElement>('input[name="q"]')?.value;
  });
}

const directHrefs = () => page.$$eval('[data-direct-hits]:not([hidden]) li a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
const resultHrefs = () => page.$$eval('[data-results]:not([hidden]) li a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

const numberQueries: Array<[string, string]> = [
  ['33/CT-TTg', '/van-ban/chi-thi-33-ct-ttg-2021/'],
  ['33/ct-ttg', '/van-ban/chi-thi-33-ct-ttg-2021/'],
  ['33 CT-TTg', '/van-ban/chi-thi-33-ct-ttg-2021/'],
  ['CT-TTg 33', '/van-ban/chi-thi-33-ct-ttg-2021/'],
  ['chỉ thị 33', '/van-ban/chi-thi-33-ct-ttg-2021/'],
  ['chi thi so 33', '/van-ban/chi-thi-33-ct-ttg-2021/'],
  ['ct33', '/van-ban/chi-thi-33-ct-ttg-2021/'],
  ['114-KL/TW', '/van-ban/ket-luan-114-kl-tw-2015/'],
  ['kết luận 114', '/van-ban/ket-luan-114-kl-tw-2015/'],
  ['kl 114', '/van-ban/ket-luan-114-kl-tw-2015/'],
  ['QĐ 23-QĐ/TW', '/van-ban/quyet-dinh-23-qd-tw-2021/'],
  ['quy định 11', '/van-ban/quy-dinh-11-qdi-tw-2019/'],
  ['quy dinh 11', '/van-ban/quy-dinh-11-qdi-tw-2019/'],
  ['290', '/van-ban/quyet-dinh-290-qd-tw-2010/'],
];

describe('document numbers', () => {
  it.each(numberQueries)('%s → the intended document is the first direct hit', async (query, path) => {
    await search(query);
    const direct = await directHrefs();
    expect(direct[0]).toBe(path);
    // The direct hits come before the full-text results on the page.
    const order = await page.$$eval('[data-direct-hits], [data-results]', (els) => els.map((e) => e.hasAttribute('data-direct-hits')));
    expect(order[0]).toBe(true);
  });

  it('a direct hit shows the year and the issuer', async () => {
    await search('33/CT-TTg');
    const text = await page.textContent('[data-direct-hits] li');
    expect(text).toContain('Chỉ thị số 33/CT-TTg');
    expect(text).toContain('2021');
    expect(text).toContain('Thủ tướng Chính phủ');
  });
});

describe('Vietnamese spellings', () => {
  // Each group: the same words typed differently must return the same pages.
  const groups: string[][] = [
    ['Đảng ủy', 'dang uy', 'Đảng uỷ', 'đảng ủy', 'Đảng uỷ'.normalize('NFD')],
    ['Tỉnh uỷ', 'Tỉnh ủy', 'tinh uy'],
    ['cụ thể hoá', 'cụ thể hóa', 'cu the hoa'],
    ['dân vận khéo', 'dan van kheo'],
  ];
  it.each(groups)('%s and its other spellings find the same documents', async (...forms) => {
    const sets: string[][] = [];
    for (const form of forms) {
      await search(form);
      // All pages, not only the first screen: load every "Xem thêm".
      while (await page.isVisible('[data-more]')) {
        const before = (await resultHrefs()).length;
        await page.click('[data-more]');
        await page.waitForFunction((n) => document.querySelectorAll('[data-results] li').length > n, before);
      }
      sets.push((await resultHrefs()).sort());
    }
    expect(sets[0]!.length).toBeGreaterThan(0);
    for (const s of sets.slice(1)) expect(s).toEqual(sets[0]);
  });

  it('a result shows its short name, its trích yếu and its date, without the index marks', async () => {
    // Words of its trích yếu: by its number it would be the direct hit, not a full-text result.
    await search('nang cao hieu qua cong tac dan van cua co quan nha nuoc cac cap');
    const hit = await page.$eval('[data-results] li:has(a[href$="/van-ban/ket-luan-114-kl-tw-2015/"])', (li) => ({
      title: li.querySelector('.search-hit__title')?.textContent ?? '',
      summary: li.querySelector('.search-hit__summary')?.textContent ?? '',
      meta: li.querySelector('.search-hit__meta')?.textContent ?? '',
      all: li.textContent ?? '',
    }));
    expect(hit.title).toBe('Kết luận số 114-KL/TW');
    expect(hit.summary).toBe('Về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp');
    expect(hit.meta).toMatch(/2015/);
    expect(hit.all).not.toMatch(/[⁂⁑]/);
  });

  it('a query without đ finds documents written with Đ, and marks the word as written', async () => {
    await search('xay dung dang');
    expect((await resultHrefs()).length).toBeGreaterThan(0);
    const marks = await page.$$eval('[data-results] mark', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marks.some((m) => m === 'Đảng' || m === 'đảng')).toBe(true);
    expect(await page.textContent('[data-results]')).not.toContain('⁂');
  });

  it('a query with full diacritics ranks pages with that exact spelling first', async () => {
    await search('dang');
    const folded = await resultHrefs();
    await search('Đảng');
    const exact = await resultHrefs();
    expect(exact.length).toBe(folded.length);
    // The first exact result must contain "Đảng" as written; pages with only "đang"/"dâng" come later.
    const firstText = await page.textContent('[data-results] li');
    expect(firstText).toMatch(/Đảng|đảng/);
  });
});

describe('filters and sorting', () => {
  it('a type filter keeps only that type, and works from the URL', async () => {
    await search('dân vận', `?loai=${encodeURIComponent('Chỉ thị')}`);
    const hrefs = await resultHrefs();
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.startsWith('/van-ban/chi-thi-'))).toBe(true);
    expect(await page.inputValue('select[name="loai"]')).toBe('Chỉ thị');
  });

  it('a province filter keeps only that province', async () => {
    await page.goto(`${server.url}tim-kiem/`);
    await page.waitForSelector('form[data-search-page][data-ready]');
    await page.click('details[data-filters] summary');
    await page.selectOption('select[name="dia_phuong"]', 'Trà Vinh');
    await page.waitForFunction(() => document.querySelectorAll('[data-results]:not([hidden]) li').length > 0);
    const hrefs = await resultHrefs();
    expect(hrefs.every((h) => h.endsWith('-tra-vinh/'))).toBe(true);
    expect(page.url()).toContain('dia_phuong=');
  });

  /** Every result of the current search (all "Xem thêm" pages), in order. */
  async function allResults(): Promise<Array<{ href: string; day: string }>> {
    while (await page.isVisible('[data-more]')) {
      const before = (await resultHrefs()).length;
      await page.click('[data-more]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-results] li').length > n, before);
    }
    return page.$$eval('[data-results] li', (lis) =>
      lis.map((li) => {
        // The meta line starts with the date (d/m/yyyy, m/yyyy or yyyy), turned here into ISO (yyyy-mm-dd, yyyy-mm, yyyy).
        const parts = /^(?:(\d{1,2})\/)?(?:(\d{1,2})\/)?(\d{4})/.exec(li.querySelector('.search-hit__meta')?.textContent ?? '');
        const [d, m] = parts?.[2] ? [parts[1], parts[2]] : [undefined, parts?.[1]];
        const day = [parts?.[3] ?? '', m, d].filter((x) => x !== undefined).map((x) => x!.padStart(2, '0')).join('-');
        return { href: new URL(li.querySelector('a')!.href).pathname, day };
      }),
    );
  }

  it('sorting by date puts the newest first, or the oldest, over the same results as by relevance', async () => {
    const indexFiles: string[] = [];
    page.on('request', (r) => {
      const m = /\/tim-kiem\/chi-muc\/[^/]+\/(.*)$/.exec(new URL(r.url()).pathname);
      if (m) indexFiles.push(m[1]!);
    });
    // A fresh page: the earlier tests leave filters chosen.
    await search('dân vận', '?');
    const byRelevance = await allResults();
    indexFiles.length = 0;

    await search('dân vận', '?sap_xep=moi');
    const newest = await allResults();
    // Record ordinals follow the date of issue: a date order needs no table of dates, only
    // the query's words (shards, postings) and the fragments shown (and the filter lists, as
    // a chosen sort opens the filter control, which counts results per value).
    expect(indexFiles.length).toBeGreaterThan(0);
    expect(indexFiles.filter((f) => !/^(s|w|f|l)\/[^/]+\.(json|txt)$/.test(f))).toEqual([]);
    await search('dân vận', '?sap_xep=cu');
    const oldest = await allResults();

    expect(newest.length).toBeGreaterThan(5);
    expect(newest.map((r) => r.day)).toEqual(newest.map((r) => r.day).sort().reverse());
    expect(oldest.map((r) => r.day)).toEqual(oldest.map((r) => r.day).sort());
    const set = (rs: Array<{ href: string }>) => rs.map((r) => r.href).sort();
    expect(set(newest)).toEqual(set(byRelevance));
    expect(set(oldest)).toEqual(set(byRelevance));
  });

  it('sorting by date works with a filter and no query', async () => {
    await page.goto(`${server.url}tim-kiem/?loai=${encodeURIComponent('Chỉ thị')}&sap_xep=moi`);
    await page.waitForSelector('form[data-search-page][data-ready]');
    await waitForResults();
    const results = await allResults();
    expect(results.length).toBeGreaterThan(1);
    expect(results.every((r) => r.href.startsWith('/van-ban/chi-thi-'))).toBe(true);
    expect(results.map((r) => r.day)).toEqual(results.map((r) => r.day).sort().reverse());
  });
});

describe('hostile queries', () => {
  it.each([
    ['5,000 characters', 'dân vận '.repeat(625)],
    ['only punctuation', '!!! ??? ... /// --- ***'],
    ['markup', '<script>alert(1)</script>'],
    ['markup with an image', '"><img src=x onerror=alert(1)>'],
  ])('%s cause no error and inject no markup', async (_name, query) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    consoleErrors.length = 0;
    await search(query);
    // Through the URL the box does not cut the query, so the whole of it reaches the engine.
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('form[data-search-page][data-ready]');
    await waitForResults();
    expect(dialogs).toBe(0);
    expect(await page.$$('main script, main img')).toHaveLength(0);
    expect(consoleErrors).toEqual([]);
  });
});

describe('loading', () => {
  it('an ordinary page loads no search code until the box is focused, then quick results work', async () => {
    const { page: p } = await openPage(browser, server.url);
    const requests: string[] = [];
    p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await p.goto(`${server.url}van-ban/`);
    await p.waitForLoadState('networkidle');
    expect(requests.filter((r) => r.includes('/tim-kiem/chi-muc') || r.includes('search-engine') || r.includes('/tim-kiem/so/'))).toEqual([]);
    await p.fill('#hop-tim-kiem', 'kl 114');
    await p.waitForSelector('[data-search-panel]:not([hidden]) li');
    const first = await p.$eval('[data-search-panel] li a', (a) => new URL((a as HTMLAnchorElement).href).pathname);
    expect(first).toBe('/van-ban/ket-luan-114-kl-tw-2015/');
    expect(requests.some((r) => r.includes('/tim-kiem/chi-muc/'))).toBe(true);
    await p.context().close();
  });

  it('the header form works as a plain link to the search page', async () => {
    const { page: p } = await openPage(browser, server.url);
    await p.goto(`${server.url}van-ban/`);
    await p.fill('#hop-tim-kiem', 'chỉ thị 33');
    await p.press('#hop-tim-kiem', 'Enter');
    await p.waitForURL(/\/tim-kiem\/\?q=/);
    await p.waitForSelector('[data-direct-hits]:not([hidden]) li');
    expect(await p.inputValue('#tim-kiem-q')).toBe('chỉ thị 33');
    await p.context().close();
  });

  it('with JavaScript off the search page says so and links to the browse pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${server.url}tim-kiem/?q=dan+van`);
    const message = await p.textContent('.search-page__nojs');
    expect(message).toContain('JavaScript');
    expect(await p.$$('.search-page__nojs a')).not.toHaveLength(0);
    await context.close();
  });
});
