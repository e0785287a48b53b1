/**
 * Trainers' pages on the built site: the course modules render with JavaScript
 * off, every directive they name links to an existing page, the exports are well-formed,
 * the A4 handout prints cleanly, and document pages show their lineage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { builtSite } from './support/site.ts';

const MODULES = [
  'dan-chu-co-so',
  'dan-van-chinh-quyen',
  'mat-tran-giam-sat-phan-bien',
  'quy-che-dan-van-he-thong-chinh-tri',
  'tiep-dan-doi-thoai-khieu-nai',
];
const base = process.env.DANVAN_TEST_BASE ?? '/';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const scratch = mkdtempSync(join(tmpdir(), 'danvan-course-'));
/** A4 printable width in CSS px for the handout's margins (210mm − 2 × 14mm, src/styles/course-print.css). */
const PRINT_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);
/** Fewest printed lines on any page besides its running header and page number: no page of a few stray lines. */
const MIN_PAGE_LINES = 8;

/** A poppler-utils tool (installed by scripts/setup.sh); the handout test needs it. */
function poppler(tool: 'pdftotext' | 'pdffonts', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`Không có ${tool}: chạy "bash scripts/setup.sh" (cài poppler-utils).`);
    throw e;
  }
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Text read back from a PDF (pdftotext -layout, which keeps each printed line as it is;
 * without it pdftotext drops a hyphen that ends a line), comparable with the text of the
 * page: where a line wraps right
 * after a hyphen or a slash inside a word ("79-CTr/BDVTW-" | "BCSĐCP"), the break is not a
 * space; soft hyphens only mark where a word may break. Every other run of white space
 * (line breaks included) is one space. Nothing else is changed, so every character of the
 * content is still compared.
 */
function pdfComparable(text: string): string {
  return collapse(text.replace(/\u00ad\s*/g, '').replace(/(?<=\S[-\u2010\u2011/])[ \t]*\r?\n\s*/g, ''));
}

beforeAll(async () => {
  server = await serveStatic(builtSite(), base);
  browser = await launchBrowser();
  // Everything here must work without JavaScript.
  context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function status(url: string): Promise<number> {
  const res = await context.request.get(url);
  return res.status();
}

describe('course index', () => {
  it('lists every module with working links', async () => {
    const page = await context.newPage();
    const res = await page.goto(`${server.url}chuyen-de/`);
    expect(res?.status()).toBe(200);
    const hrefs = await page.locator('.course-index h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const id of MODULES) expect(hrefs).toContain(`${server.url}chuyen-de/${id}/`);
    await page.close();
  });
});

describe.each(MODULES)('module %s', (id) => {
  it('renders objectives, readings with status and summary, timeline, questions; every document link resolves', async () => {
    const page = await context.newPage();
    const res = await page.goto(`${server.url}chuyen-de/${id}/`);
    expect(res?.status()).toBe(200);
    const csv = readFileSync(join(builtSite(), 'chuyen-de', id, 'danh-muc.csv'), 'utf8');
    const readingCount = csv.trimEnd().split('\r\n').length - 1;
    expect(readingCount).toBeGreaterThanOrEqual(3);

    const readings = page.locator('.course-readings > li');
    expect(await readings.count()).toBe(readingCount);
    for (const li of await readings.all()) {
      expect(await li.locator('.status').innerText()).not.toBe('');
      expect(await li.locator('.reading-summary').count()).toBe(1);
    }
    expect(await page.locator('#muc-tieu + ol > li').count()).toBeGreaterThan(0);
    expect(await page.locator('#cau-hoi + ol > li').count()).toBeGreaterThan(0);

    const svg = page.locator('.course-timeline svg[role="img"]');
    expect(await svg.count()).toBe(1);
    expect(collapse(await svg.locator('title').textContent() ?? '')).not.toBe('');
    expect(collapse(await svg.locator('desc').textContent() ?? '')).toMatch(/văn bản/);
    expect(await page.locator('.course-timeline .tl-list > li').count()).toBe(readingCount);

    // Reading links, timeline links and the citation links in the body.
    const links = await page
      .locator('article a[href*="van-ban/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
    const readingLinks = await readings.locator('.reading-name a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(readingLinks).toHaveLength(readingCount);
    for (const href of readingLinks) expect(href.startsWith(`${server.url}van-ban/`)).toBe(true);
    const bodyLinks = await page.locator('.course-body a[href*="van-ban/"]').count();
    expect(bodyLinks, 'the engine links the directives cited in the module text').toBeGreaterThan(0);
    for (const href of links) expect(await status(href), href).toBe(200);

    // The site's CSP has no 'unsafe-inline'.
    expect(await page.locator('[style]').count()).toBe(0);
    expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
    await page.close();
  });

  it('exports the reading list as a citation list and a BOM-prefixed CSV', async () => {
    const txt = await context.request.get(`${server.url}chuyen-de/${id}/danh-muc.txt`);
    expect(txt.status()).toBe(200);
    const text = await txt.text();
    const csvRes = await context.request.get(`${server.url}chuyen-de/${id}/danh-muc.csv`);
    expect(csvRes.status()).toBe(200);
    const bytes = await csvRes.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^STT,Văn bản,/);
    const numbered = text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(numbered).toHaveLength(rows.length - 1);
    for (const line of numbered) expect(line).toMatch(/ngày \d{1,2}\/\d{1,2}\/\d{4}/);
  });

  it('prints a clean A4 handout', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: PRINT_WIDTH, height: 1000 });
    const res = await page.goto(`${server.url}chuyen-de/${id}/in/`);
    expect(res?.status()).toBe(200);
    await page.emulateMedia({ media: 'print' });

    // Nothing wider than the printable width of the page.
    const overflow = await page.evaluate((width) => {
      const out: string[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.right)}`);
      }
      return out;
    }, PRINT_WIDTH);
    expect(overflow).toEqual([]);
    expect(await page.locator('.screen-note').isVisible()).toBe(false);
    expect(await page.locator('[style]').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);

    const citations = (await page.locator('.citation-text').allTextContents()).map(collapse);
    expect(citations.length).toBeGreaterThanOrEqual(3);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    console.log(`${id}: bản in ${pages} trang A4`);
    expect(pages).toBeGreaterThanOrEqual(3);
    // Compact: two readings a page on average plus the cover page, contents, timeline,
    // practice figures and questions included (was 8 pages for 5 readings, then 7 for 7).
    const readings = await page.locator('.reading').count();
    expect(pages).toBeLessThanOrEqual(Math.ceil(readings / 2) + 1);

    const file = join(scratch, `${id}.pdf`);
    writeFileSync(file, pdf);
    const printed = poppler('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    const text = pdfComparable(printed);
    expect(text).toContain(collapse(await page.locator('h1').innerText()));
    for (const c of citations) expect(text, 'mỗi dòng trích dẫn phải có đủ trong bản PDF').toContain(c);
    // No page holds only a few lines (the handout once ended on a page of three questions).
    printed.split('\f').slice(0, pages).forEach((pageText, i) => {
      const lines = pageText.split('\n').filter((l) => l.trim() !== '' && !/^\s*(Trang \d+ \/ \d+|Tài liệu bồi dưỡng công tác dân vận)\s*$/.test(l));
      expect(lines.length, `trang ${i + 1} / ${pages} chỉ có ${lines.length} dòng`).toBeGreaterThanOrEqual(MIN_PAGE_LINES);
    });
    // Page numbers come from @page margin boxes; the cover has none.
    expect(text).toContain(`Trang 2 / ${pages}`);
    expect(text).not.toContain('Trang 1 /');

    // Only the self-hosted fonts are embedded: no system font stood in for any glyph.
    const fonts = poppler('pdffonts', [file])
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, 'bản in chỉ dùng phông tự lưu trữ (Noto Serif, Noto Sans)').toMatch(/^NotoS(erif|ans)-/);
    // A useful cover: the first page carries the contents and the objectives, not the title alone.
    const first = pdfComparable(poppler('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']));
    expect(first).toContain('Mục lục');
    expect(first).toContain('Mục tiêu');
    await page.close();
  });
});

describe('a printed document page', () => {
  it('keeps its diagram, whole, and expands the evidence', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.goto(`${server.url}van-ban/chi-thi-33-ct-ttg-2021/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.diagram svg').isVisible()).toBe(true);
    // Not cut by a scroll box: the drawing is no wider than the page.
    expect(await page.locator('.diagram svg').evaluate((svg) => svg.getBoundingClientRect().width <= document.documentElement.clientWidth)).toBe(true);
    // Each relation prints what stands behind it: its evidence sentences (opened) or where it was read.
    const backing = page.locator('.relations .evidence, .relations .provenance');
    expect(await backing.count()).toBeGreaterThan(0);
    for (const b of await backing.all()) expect(await b.isVisible()).toBe(true);
    await page.close();
  });
});

describe('lineage on document pages', () => {
  it('Kết luận 01-KL/TW shows that it continues Chỉ thị 05-CT/TW, with a working link', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}van-ban/ket-luan-01-kl-tw-2021/`);
    const lineage = page.locator('.lineage');
    expect(await lineage.count()).toBe(1);
    const link = lineage.locator(`a[href$="van-ban/chi-thi-05-ct-tw-2016/"]`);
    expect(await link.count()).toBeGreaterThan(0);
    expect(collapse(await lineage.innerText())).toMatch(/tiếp tục/i);
    expect(await status(await link.first().evaluate((a) => (a as HTMLAnchorElement).href))).toBe(200);
    await page.close();
  });

  it('Chỉ thị 05-CT/TW points forward to the one that continues it', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}van-ban/chi-thi-05-ct-tw-2016/`);
    const lineage = page.locator('.lineage');
    expect(await lineage.locator('a[href$="van-ban/ket-luan-01-kl-tw-2021/"]').count()).toBeGreaterThan(0);
    await page.close();
  });
});
