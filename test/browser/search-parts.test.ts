/**
 * A search index split into parts (src/lib/search/parts.ts) searches like the index in one
 * piece. The built site is copied and indexed again with a tiny part size, so its ~45 pages
 * are dealt to several Pagefind indexes; the search page on that copy must find the same
 * pages as on the unsplit site, pages of every part, by words, by number, with a filter and
 * sorted by date, without loading anything of the other parts but their index files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { builtSite, projectRoot } from './support/site.ts';
import { shellEnv } from './support/build.ts';
import { partFolder, SPLIT_EXPORT, type SplitManifest } from '../../src/lib/search/parts.ts';

// ".dist-*" is ignored by git.
const DIST = join(projectRoot, '.dist-search-parts');
// ≈ 150 HTML files (≈ 45 indexed pages) in parts of at most 60 files: three parts.
const PART_SIZE = '60';

let manifest: SplitManifest;
/** The URLs each part holds, first part first. */
let partUrls: string[][];
let split: StaticServer;
let whole: StaticServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[];
const requests: Array<{ path: string; status: number }> = [];

function fragmentUrls(pagefindDir: string): string[] {
  const dir = join(pagefindDir, 'fragment');
  return readdirSync(dir).map((name) => {
    const raw = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return (JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string }).url;
  });
}

beforeAll(async () => {
  const source = builtSite();
  rmSync(DIST, { recursive: true, force: true });
  cpSync(source, DIST, { recursive: true });
  const r = spawnSync(process.execPath, ['scripts/index-search.ts', DIST], {
    cwd: projectRoot,
    env: shellEnv({ DANVAN_SEARCH_PART_SIZE: PART_SIZE }),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`index-search failed:\n${r.stdout}\n${r.stderr}`);
  const line = new RegExp(`export const ${SPLIT_EXPORT} = (.*);`).exec(readFileSync(join(DIST, 'pagefind', 'pagefind.js'), 'utf8'));
  manifest = JSON.parse(line![1]!) as SplitManifest;
  partUrls = ['', ...manifest.parts].map((folder) => fragmentUrls(join(DIST, 'pagefind', folder)));

  split = await serveStatic(DIST, '/');
  whole = await serveStatic(source, '/');
  browser = await launchBrowser();
  ({ page, consoleErrors } = await openPage(browser, split.url));
  page.on('response', (res) => requests.push({ path: new URL(res.url()).pathname, status: res.status() }));
});
afterAll(async () => {
  await browser?.close();
  await split?.close();
  await whole?.close();
  rmSync(DIST, { recursive: true, force: true });
});

async function search(p: Page, origin: string, query: string, params = ''): Promise<void> {
  await p.goto(`${origin}tim-kiem/?${params}`);
  await p.waitForSelector('form[data-search-page][data-ready]');
  if (query) {
    await p.fill('#tim-kiem-q', query);
    await p.press('#tim-kiem-q', 'Enter');
  }
  await p.waitForFunction(() => {
    const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
    return form?.dataset['searched'] === form?.querySelector<HTMLInputElement>('input[name="q"]')?.value;
  });
}

/** Every result of the shown search (all "Xem thêm" pages), in order, with its date as ISO text. */
async function allResults(p: Page): Promise<Array<{ href: string; day: string }>> {
  while (await p.isVisible('[data-more]')) {
    const before = await p.$$eval('[data-results] li', (lis) => lis.length);
    await p.click('[data-more]');
    await p.waitForFunction((n) => document.querySelectorAll('[data-results] li').length > n, before);
  }
  return p.$$eval('[data-results]:not([hidden]) li', (lis) =>
    lis.map((li) => {
      const parts = /^(?:(\d{1,2})\/)?(?:(\d{1,2})\/)?(\d{4})/.exec(li.querySelector('.search-hit__meta')?.textContent ?? '');
      const [d, m] = parts?.[2] ? [parts[1], parts[2]] : [undefined, parts?.[1]];
      const day = [parts?.[3] ?? '', m, d].filter((x) => x !== undefined).map((x) => x!.padStart(2, '0')).join('-');
      return { href: new URL(li.querySelector('a')!.href).pathname, day };
    }),
  );
}

/** The same search on the unsplit site, in a page of its own. */
async function wholeResults(query: string, params = ''): Promise<string[]> {
  const { page: p } = await openPage(browser, whole.url);
  await search(p, whole.url, query, params);
  const hrefs = (await allResults(p)).map((r) => r.href);
  await p.context().close();
  return hrefs;
}

const partsOf = (hrefs: string[]) => new Set(hrefs.map((h) => partUrls.findIndex((urls) => urls.includes(h))));
const sorted = (xs: string[]) => [...xs].sort();

describe('a search index in parts', () => {
  it('deals every indexed page of the site to exactly one of several parts', () => {
    expect(manifest.parts).toEqual(manifest.parts.map((_, i) => partFolder(i + 1)));
    expect(partUrls.length).toBeGreaterThanOrEqual(3);
    for (const urls of partUrls) expect(urls.length).toBeGreaterThan(5);
    const unsplit = fragmentUrls(join(builtSite(), 'pagefind'));
    expect(sorted(partUrls.flat())).toEqual(sorted(unsplit));
    // Only the first part carries Pagefind's code and WebAssembly.
    for (const folder of manifest.parts) {
      expect(readdirSync(join(DIST, 'pagefind', folder)).filter((n) => /\.(js|css|pagefind)$/.test(n))).toEqual([]);
    }
    expect(existsSync(join(DIST, 'pagefind', manifest.dateOrder))).toBe(true);
  });

  it.each([['dân vận'], ['dan van'], ['xây dựng Đảng'], ['tiep cong dan']])(
    '"%s" finds the same pages as the unsplit index, from every part',
    async (query) => {
      await search(page, split.url, query);
      const hrefs = (await allResults(page)).map((r) => r.href);
      expect(hrefs.length).toBeGreaterThan(3);
      expect(new Set(hrefs).size).toBe(hrefs.length);
      expect(sorted(hrefs)).toEqual(sorted(await wholeResults(query)));
      if (query === 'dân vận') expect(partsOf(hrefs)).toEqual(new Set(partUrls.map((_, i) => i)));
    },
  );

  it('finds a document of each part by its number', async () => {
    for (const urls of partUrls) {
      // "/van-ban/chi-thi-33-ct-ttg-2021/" → "33/CT-TTg"; the results list (Pagefind), not the direct hits.
      // Sorted by date, the list keeps a document that is also a direct hit (by relevance it is shown once, as the direct hit).
      // Only ids of that shape give their number back (not "…-22-1998-ct-ttg-1998", "…-08b-…").
      const shape = /^\/van-ban\/[a-z-]+?-(\d+)-((?:[a-z]+-)*?[a-z]+)-\d{4}\/$/;
      const doc = urls.find((u) => shape.test(u))!;
      expect(doc, 'a document whose id gives its number back').toBeDefined();
      const [, serial, code] = shape.exec(doc)!;
      const [kind, ...issuer] = code!.split('-');
      const number = `${serial}/${kind!.toUpperCase()}-${issuer.join('-').toUpperCase()}`;
      await search(page, split.url, number, 'sap_xep=moi');
      const hrefs = (await allResults(page)).map((r) => r.href);
      expect(hrefs, `${number} → ${doc}`).toContain(doc);
    }
  });

  it('a filter with no query counts and finds the pages of every part', async () => {
    const params = `loai=${encodeURIComponent('Chỉ thị')}`;
    await search(page, split.url, '', params);
    const hrefs = (await allResults(page)).map((r) => r.href);
    expect(hrefs.every((h) => h.startsWith('/van-ban/chi-thi-'))).toBe(true);
    expect(sorted(hrefs)).toEqual(sorted(await wholeResults('', params)));
    expect(partsOf(hrefs).size).toBeGreaterThan(1);
  });

  it('sorts the pages of all parts together by date, newest or oldest first', async () => {
    await search(page, split.url, 'dân vận');
    const byRelevance = (await allResults(page)).map((r) => r.href);
    const before = requests.length;
    await search(page, split.url, 'dân vận', 'sap_xep=moi');
    const newest = await allResults(page);
    await search(page, split.url, 'dân vận', 'sap_xep=cu');
    const oldest = await allResults(page);
    const days = (rs: Array<{ day: string }>) => rs.map((r) => r.day);
    expect(days(newest)).toEqual(days(newest).sort().reverse());
    expect(days(oldest)).toEqual(days(oldest).sort());
    expect(sorted(newest.map((r) => r.href))).toEqual(sorted(byRelevance));
    expect(sorted(oldest.map((r) => r.href))).toEqual(sorted(byRelevance));
    // The newest ten come from more than one part: the parts are ordered together, not one after another.
    expect(partsOf(newest.slice(0, 10).map((r) => r.href)).size).toBeGreaterThan(1);
    // One date order for all parts, named by pagefind.js (each of the two page loads fetches it once).
    const orders = requests.slice(before).filter((r) => r.path.includes('/ngay.')).map((r) => r.path);
    expect(orders).toEqual([`/pagefind/${manifest.dateOrder}`, `/pagefind/${manifest.dateOrder}`]);
  });

  it('loads each part\'s index only, with no failed request and no console error', () => {
    expect(requests.filter((r) => r.status >= 400)).toEqual([]);
    for (const folder of manifest.parts) {
      const mine = requests.filter((r) => r.path.startsWith(`/pagefind/${folder}`)).map((r) => r.path);
      expect(mine.some((p) => p.endsWith('.pf_meta'))).toBe(true);
      expect(mine.filter((p) => /\.(js|pagefind)$/.test(p))).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
  });
});
