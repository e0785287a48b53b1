/**
 * An ambiguous number in the real search UI. The shipped corpus has one 33/CT-TTg and one
 * 10-CT/TU, so the number-index shards the page fetches are extended here with a second
 * 33/CT-TTg (2026, another subject) and a second province's 10-CT/TU — the shapes the
 * index build writes — and the UI must list each with its year and issuer, not pick one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { builtSite } from './support/site.ts';
import { NUMBER_INDEX_DIR, shardOf, type NumberEntry } from '../../src/lib/search/number-index.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;

const extra: Record<string, NumberEntry> = {
  '33': { id: 'chi-thi-33-ct-ttg-2026', n: '33/CT-TTg', t: 'chi-thi', y: 2026, o: 'Thủ tướng Chính phủ', h: 'Về an toàn thực phẩm' },
  '10': { id: 'chi-thi-10-ct-tu-2016-ha-tinh', n: '10-CT/TU', t: 'chi-thi', y: 2016, o: 'Tỉnh ủy Hà Tĩnh', p: 'Hà Tĩnh', h: 'Về công tác dân vận' },
};

beforeAll(async () => {
  const site = builtSite();
  server = await serveStatic(site, '/');
  browser = await launchBrowser();
  ({ page } = await openPage(browser, server.url));
  for (const [serial, entry] of Object.entries(extra)) {
    const shard = `${NUMBER_INDEX_DIR}/${shardOf(serial)}.json`;
    const shipped = JSON.parse(readFileSync(join(site, shard), 'utf8')) as NumberEntry[];
    await page.route(`**/${shard}`, (route) => route.fulfill({ json: [...shipped, entry] }));
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function directHits(query: string): Promise<{ href: string; text: string }[]> {
  await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('[data-direct-hits]:not([hidden]) li');
  return page.$$eval('[data-direct-hits] li', (lis) =>
    lis.map((li) => ({ href: new URL(li.querySelector('a')!.href).pathname, text: li.textContent ?? '' })),
  );
}

describe('ambiguous document numbers', () => {
  it('lists both 33/CT-TTg, each with its year and issuer', async () => {
    const hits = await directHits('33/CT-TTg');
    expect(hits.map((h) => h.href)).toEqual(['/van-ban/chi-thi-33-ct-ttg-2026/', '/van-ban/chi-thi-33-ct-ttg-2021/']);
    expect(hits[0]!.text).toMatch(/2026.*Thủ tướng Chính phủ/);
    expect(hits[1]!.text).toMatch(/2021.*Thủ tướng Chính phủ/);
  });

  it('narrows to one when the year is typed', async () => {
    const hits = await directHits('33/CT-TTg 2021');
    expect(hits.map((h) => h.href)).toEqual(['/van-ban/chi-thi-33-ct-ttg-2021/']);
  });

  it('lists the 10-CT/TU of both provinces, each with its province', async () => {
    const hits = await directHits('10-CT/TU');
    const byHref = new Map(hits.map((h) => [h.href, h.text]));
    expect(byHref.get('/van-ban/chi-thi-10-ct-tu-2016-tra-vinh/')).toMatch(/2016.*Trà Vinh/);
    expect(byHref.get('/van-ban/chi-thi-10-ct-tu-2016-ha-tinh/')).toMatch(/2016.*Hà Tĩnh/);
  });
});
