/**
 * What a search costs a reader on the wire, measured in Chromium against the built site:
 * /tim-kiem/?q=… is opened in a fresh browser context, and the bytes of every response
 * are summed (gzip size, as a static host compressing text would send it: every file of the
 * site and of its search index is text). "First query" is the page plus its first search;
 * "later query" is what a second query typed into the box adds.
 */
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../test/browser/support/browser.ts';
import { serveStatic } from '../../test/browser/support/server.ts';

export interface SearchTransfer {
  /** All bytes for loading /tim-kiem/?q=first and showing its results. */
  firstQueryTotal: number;
  /** Of which search machinery (the index under tim-kiem/chi-muc, the number index, search scripts). */
  firstQuerySearch: number;
  laterQuery: number;
  firstResults: string;
  laterResults: string;
  /** Every response of the first query (page included), path and bytes on the wire, in arrival order. */
  firstFiles: Array<{ path: string; bytes: number }>;
}

function wireSize(body: Buffer): number {
  return Math.min(body.length, gzipSync(body).length);
}

export async function measureSearch(dist: string, firstQuery: string, laterQuery: string): Promise<SearchTransfer> {
  const server = await serveStatic(dist, '/');
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    let phase: 'first' | 'later' = 'first';
    const totals = { first: 0, firstSearch: 0, later: 0 };
    const firstFiles: Array<{ path: string; bytes: number }> = [];
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      const at = phase;
      pending.push(
        res.body().then(
          (body) => {
            const n = wireSize(body);
            if (at === 'first') {
              totals.first += n;
              const path = new URL(res.url()).pathname;
              firstFiles.push({ path, bytes: n });
              if (path.includes('/tim-kiem/chi-muc') || path.includes('/tim-kiem/so/') || /search|\.js$/.test(path)) totals.firstSearch += n;
            } else totals.later += n;
          },
          () => undefined,
        ),
      );
    });
    const status = async (q: string) => {
      await page.waitForSelector(`form[data-search-page][data-searched="${q}"]`, { timeout: 60_000 });
      return (await page.textContent('[data-search-status]'))?.trim() ?? '';
    };
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent(firstQuery)}`);
    const firstResults = await status(firstQuery);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending.splice(0));
    phase = 'later';
    await page.fill('#tim-kiem-q', laterQuery);
    const laterResults = await status(laterQuery);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending.splice(0));
    return { firstQueryTotal: totals.first, firstQuerySearch: totals.firstSearch, laterQuery: totals.later, firstResults, laterResults, firstFiles };
  } finally {
    await browser.close();
    await server.close();
  }
}
