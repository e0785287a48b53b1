/**
 * `npm run dev` (scripts/dev.ts) on a temporary copy of the content: saving a body makes
 * the open page show the new text by itself (the graph is rebuilt and the page reloaded),
 * a content error appears on the page and in the terminal with its file:line, and fixing
 * it brings the page back; the data files a build writes beside Astro (each document's
 * feed, the open data) are served with the current graph. Every wait is bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { editorEnv, freePort } from './support/dev-server.ts';
import { tempCorpus } from '../graph/helpers.ts';
import { placeFlatOutputs } from '../../src/lib/site/flat-outputs.ts';

const PROJECT = join(import.meta.dirname, '../..');
const DOC = 'chi-thi-16-ct-ttg-2016';
const FILE = `content/van-ban/${DOC}.mdx`;
/** The target is 2 s on the shipped corpus; the bound leaves room for a busy machine. */
const BOUND_MS = 15_000;

const corpus = tempCorpus();
const astroCache = mkdtempSync(join(tmpdir(), 'danvan-dev-cache-'));
let server: ChildProcess;
let output = '';
let base = '';
let browser: Browser;

/** Polls until `test` holds, at most BOUND_MS; returns the milliseconds it took. */
async function until(what: string, test: () => Promise<boolean> | boolean): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < BOUND_MS) {
    // A page that is reloading cannot be read: that is "not yet".
    if (await Promise.resolve().then(test).catch(() => false)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${BOUND_MS} ms: ${what}\n--- dev server output ---\n${output}`);
}

const page = async (path: string) => (await fetch(`${base}${path}`)).text();
/** The feed of QĐ 290, which the document added by a test carries out. */
const ACTED_ON_FEED = '/van-ban/quyet-dinh-290-qd-tw-2010/theo-doi.xml';

beforeAll(async () => {
  const port = await freePort();
  server = spawn(process.execPath, [join(PROJECT, 'scripts/dev.ts'), '--port', String(port)], {
    cwd: PROJECT,
    env: { ...editorEnv(), DANVAN_CONTENT_ROOT: corpus.root, DANVAN_CACHE_DIR: astroCache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const started = performance.now();
  while (!base) {
    const m = /Xem trước: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
    if (m) base = m[1]!;
    else if (server.exitCode !== null || performance.now() - started > 90_000) throw new Error(`dev server did not start:\n${output}`);
    else await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  corpus.remove();
  rmSync(astroCache, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves every document feed and the open-data files as the build writes them (scripts/write-data-files.ts)', async () => {
    // Before any edit the graph on disk is the one the server holds: the build step run on it
    // must write what the server's routes answer, byte for byte.
    const out = mkdtempSync(join(tmpdir(), 'danvan-dev-data-'));
    try {
      const r = spawnSync(process.execPath, ['scripts/write-data-files.ts', join(out, 'flat')], {
        cwd: PROJECT,
        env: { ...editorEnv(), DANVAN_CONTENT_ROOT: corpus.root },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      placeFlatOutputs(join(out, 'site'), join(out, 'flat'));
      const files = readdirSync(join(out, 'site'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(join(out, 'site').length));
      const documents = readdirSync(join(corpus.root, 'content/van-ban')).filter((f) => f.endsWith('.mdx'));
      expect(files.filter((f) => f.endsWith('/theo-doi.xml')).sort()).toEqual(documents.map((f) => `/van-ban/${f.slice(0, -4)}/theo-doi.xml`).sort());
      expect(files.filter((f) => f.startsWith('/api/')).sort()).toEqual(['/api/documents.json', '/api/graph.json']);
      const differing: string[] = [];
      for (const f of files) {
        const res = await fetch(`${base}${f}`);
        if (res.status !== 200 || (await res.text()) !== readFileSync(join(out, 'site', f), 'utf8')) differing.push(f);
      }
      expect(differing).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('shows a saved body in the open page, without the reader reloading it', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${base}/van-ban/${DOC}/`);
    expect(await tab.locator('h1').textContent()).toContain('16/CT-TTg');
    corpus.appendBody('van-ban', DOC, 'Đoạn mới viết để thử bản xem trước, nhắc Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.');
    // The new paragraph, with its citation linked (the body went through the engine again),
    // read in one go: the page may reload more than once.
    const ms = await until('the new paragraph in the open tab', async () => {
      const html = await tab.content();
      return html.includes('Đoạn mới viết để thử bản xem trước') && html.includes('data-doc="ket-luan-114-kl-tw-2015"');
    });
    expect(output).toMatch(/✔ content\/van-ban\/chi-thi-16-ct-ttg-2016\.mdx: đồ thị cập nhật sau [\d.]+ s \(đọc lại 1 nội dung, liên kết lại 0,/);
    console.log(`dev server: edit visible in the open tab after ${Math.round(ms)} ms`);
    await tab.close();
  });

  it('shows a content error with file:line on the page and in the terminal, and clears it once fixed', async () => {
    corpus.edit('van-ban', DOC, 'issued: "2016-05-16"', 'issued: "2016-05-45"');
    await until('the error on the page', async () => (await page(`/van-ban/${DOC}/`)).includes('data-dev-current="false"'));
    const html = await page(`/van-ban/${DOC}/`);
    expect(html).toContain('role="alert"');
    expect(html).toContain(`${FILE}:4 [issued] lỗi (date-invalid)`);
    // The last good version stays below the error.
    expect(html).toContain('Đoạn mới viết để thử bản xem trước');
    expect(output).toContain(`${FILE}:4 [issued] lỗi (date-invalid)`);

    corpus.edit('van-ban', DOC, 'issued: "2016-05-45"', 'issued: "2016-05-16"');
    await until('the error gone', async () => (await page(`/van-ban/${DOC}/`)).includes('data-dev-current="true"'));
    expect(await page(`/van-ban/${DOC}/`)).not.toContain('role="alert"');
  });

  it('serves a document added while it runs, and stops serving it once removed', async () => {
    const added = 'ket-luan-120-kl-tw-2015';
    const kl = readFileSync(join(corpus.root, 'content/van-ban/ket-luan-114-kl-tw-2015.mdx'), 'utf8');
    const status = async () => (await fetch(`${base}/van-ban/${added}/`)).status;
    expect(await status()).toBe(404);
    const implementing = 'relations:\n  implements: [{ id: quyet-dinh-290-qd-tw-2010, where: "Trích yếu", source: "https://example.org/van-ban/ket-luan-120" }]\n';
    expect(await page(ACTED_ON_FEED)).not.toContain(`/van-ban/${added}/`);
    corpus.write('van-ban', added, kl.replace('number: "114-KL/TW"', 'number: "120-KL/TW"').replace(/^issued: .*\n/m, (line) => line + implementing));
    await until('the new document page', async () => (await status()) === 200);
    expect(await page(`/van-ban/${added}/`)).toContain('120-KL/TW');
    // Its feed and the open data follow the graph.
    const listed = async () => JSON.parse(await page('/api/documents.json')).documents.some((d: { id: string }) => d.id === added);
    expect(await listed()).toBe(true);
    expect(JSON.parse(await page('/api/graph.json')).nodes.some((n: { id: string }) => n.id === added)).toBe(true);
    expect(await page(`/van-ban/${added}/theo-doi.xml`)).toContain(`<title>Văn bản mới liên quan đến Kết luận số 120-KL/TW</title>`);
    // The document it carries out has it in its feed, saying what it does.
    const feed = await page(ACTED_ON_FEED);
    expect(feed).toContain(`<link href="/van-ban/${added}/"/>`);
    expect(feed).toMatch(/<summary>Triển khai, thực hiện Quyết định số 290-QĐ\/TW\. /);
    rmSync(join(corpus.root, 'content/van-ban', `${added}.mdx`));
    await until('the removed document gone', async () => (await status()) === 404);
    expect(await listed()).toBe(false);
    expect((await fetch(`${base}/van-ban/${added}/theo-doi.xml`)).status).toBe(404);
    expect(await page(ACTED_ON_FEED)).not.toContain(`/van-ban/${added}/`);
  });

  it('shows a saved course module (read from the graph build files, not an Astro collection)', async () => {
    corpus.appendBody('chuyen-de', 'quy-che-dan-van', 'Câu hỏi thảo luận thêm cho lớp bồi dưỡng khi xem trước.');
    await until('the course text', async () => (await page('/chuyen-de/quy-che-dan-van/')).includes('Câu hỏi thảo luận thêm cho lớp bồi dưỡng khi xem trước.'));
  });
});
