/**
 * Static hosting under a subpath: builds the site with DANVAN_BASE=/danvan/ into its own
 * folder, serves it under /danvan/ only, and checks that pages, links, CSS and the search
 * script all load from there (any URL that forgets the base gets a 404 from this server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from './support/site.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { checkLinks } from '../site/link-check.ts';
import { buildSite } from './support/build.ts';

// ".dist-*" is already ignored by git.
const DIST = '.dist-subpath';
const BASE = '/danvan/';
/** A site address (reserved .test domain) so this build also writes what needs absolute URLs. */
const SITE = 'https://danvan.test';
const dir = join(projectRoot, DIST);
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  buildSite(DIST, { DANVAN_BASE: BASE, DANVAN_SITE: SITE });
  server = await serveStatic(dir, BASE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Visits a page and returns every response status it caused. */
async function visit(page: Page, path: string): Promise<{ url: string; status: number }[]> {
  const responses: { url: string; status: number }[] = [];
  const onResponse = (res: { url(): string; status(): number }) => responses.push({ url: res.url(), status: res.status() });
  page.on('response', onResponse);
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  return responses;
}

describe(`site built for ${BASE}`, () => {
  it('every internal link resolves inside the base', () => {
    const r = checkLinks(dir, BASE);
    expect(r.pages).toBeGreaterThan(20);
    expect(r.problems.slice(0, 20)).toEqual([]);
  });

  it('with DANVAN_SITE: every sitemap URL is a built page, and pages carry canonical and og:url', () => {
    const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    expect(locs.length).toBeGreaterThan(20);
    expect(locs.every((u) => u.origin === SITE && u.pathname.startsWith(BASE))).toBe(true);
    const missing = locs.filter((u) => !existsSync(join(dir, u.pathname.slice(BASE.length), 'index.html'))).map((u) => u.pathname);
    expect(missing).toEqual([]);
    const html = readFileSync(join(dir, 'van-ban/chi-thi-33-ct-ttg-2021/index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${SITE}${BASE}van-ban/chi-thi-33-ct-ttg-2021/">`);
    expect(html).toContain(`<meta property="og:url" content="${SITE}${BASE}van-ban/chi-thi-33-ct-ttg-2021/">`);
    expect(readFileSync(join(dir, 'feed.xml'), 'utf8')).toContain(`<id>${SITE}${BASE}van-ban/`);
  });

  it('pages, CSS and scripts load from the subpath, with no 404', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(browser, server.url);
    for (const path of ['', 'van-ban/chi-thi-33-ct-ttg-2021/', 'van-ban/', 'dong-thoi-gian/', 'tim-kiem/']) {
      const responses = await visit(page, path);
      expect(responses.filter((r) => r.status >= 400), path).toEqual([]);
      expect(responses.some((r) => r.url.endsWith('.css') && r.status === 200), `${path} CSS`).toBe(true);
      // The stylesheet applied: the header has its colour, not the browser default.
      const bg = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    }
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('the search script loads from the subpath', async () => {
    const { page, consoleErrors } = await openPage(browser, server.url);
    const responses = await visit(page, 'tim-kiem/');
    const scripts = responses.filter((r) => /\.m?js(\?|$)/.test(r.url));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((r) => r.status === 200 && new URL(r.url).pathname.startsWith(BASE))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a citation link leads to the cited document under the base', async () => {
    const { page } = await openPage(browser, server.url);
    await page.goto(`${server.url}van-ban/chi-thi-33-ct-ttg-2021/`);
    const link = page.locator('.doc-body a.cite[href*="/van-ban/"]').first();
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${BASE}van-ban/`)).toBe(true);
    const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === href), link.click()]);
    expect(response.status()).toBe(200);
    await page.context().close();
  });
});

describe('search under a subpath', () => {
  it('fetches everything under the base and links results under it', async () => {
    const { page, consoleErrors } = await openPage(browser, server.url);
    const paths: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent('kết luận 114')}`);
    await page.waitForSelector('[data-direct-hits]:not([hidden]) li a');
    await page.waitForSelector('[data-results]:not([hidden]) li a');
    const direct = await page.$eval('[data-direct-hits] li a', (a) => new URL((a as HTMLAnchorElement).href).pathname);
    const result = await page.$eval('[data-results] li a', (a) => new URL((a as HTMLAnchorElement).href).pathname);
    expect(direct).toBe(`${BASE}van-ban/ket-luan-114-kl-tw-2015/`);
    expect(result.startsWith(`${BASE}van-ban/`)).toBe(true);
    expect(paths.some((p) => p.startsWith(`${BASE}tim-kiem/chi-muc/`))).toBe(true);
    expect(paths.some((p) => p.startsWith(`${BASE}tim-kiem/so/`))).toBe(true);
    expect(paths.filter((p) => !p.startsWith(BASE))).toEqual([]);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
