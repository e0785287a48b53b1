/**
 * The search index of our own in the built site (src/lib/search/index-format.ts): a query
 * loads only the files of its own words (asserted on the URLs Chromium requests), excerpts
 * show the body passage with the query's words, and the indexer writes the same files for
 * the same data, without the built site.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { openPage } from './support/browser.ts';
import { servedSite } from './support/served.ts';
import { builtSite, projectRoot } from './support/site.ts';
import { shellEnv } from './support/build.ts';
import { MANIFEST_FILE, type IndexManifest } from '../../src/lib/search/index-format.ts';

const site = servedSite();

/** Runs a query on a fresh search page; returns the index files it requested (relative to the version folder). */
async function searchFiles(query: string): Promise<{ page: Page; files: string[]; other: string[] }> {
  const { page } = await openPage(site.browser, site.server.url);
  const files: string[] = [];
  const other: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const m = /^\/tim-kiem\/chi-muc\/[0-9a-f]+\/(.*)$/.exec(path);
    if (m) files.push(m[1]!);
    else if (path.startsWith('/tim-kiem/') && path !== '/tim-kiem/') other.push(path);
  });
  await page.goto(`${site.server.url}tim-kiem/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => document.querySelector<HTMLFormElement>('form[data-search-page]')?.dataset['searched'] === q, query);
  return { page, files, other };
}

const kinds = (files: string[], dir: string) => files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).replace(/\.(txt|json)$/, '')).sort();

describe('routing: a query loads only its own words', () => {
  it('"dan chu co so": the shards, postings and pairs of its words, fragments of the results shown, nothing per document', async () => {
    const { page, files, other } = await searchFiles('dan chu co so');
    expect(kinds(files, 'w')).toEqual(['chu', 'co', 'dan', 'so']);
    expect(kinds(files, 's')).toEqual(['ch', 'co', 'da', 'so']);
    // Word pairs rank the results; "danchu", "chuco", "coso" are the query's only pairs.
    expect(kinds(files, 'p').every((p) => ['danchu', 'chuco', 'coso'].includes(p))).toBe(true);
    expect(kinds(files, 'p').length).toBeGreaterThan(0);
    // No exact-spelling lists for a query without diacritics, no filter lists before the filters are opened.
    expect(kinds(files, 'x')).toEqual([]);
    expect(kinds(files, 'l')).toEqual([]);
    // One fragment per result shown: 10 documents and at most 3 browsing pages.
    const shown = await page.locator('[data-results] li, [data-page-hits] li').count();
    expect(kinds(files, 'f').length).toBe(shown);
    expect(kinds(files, 'f').length).toBeLessThanOrEqual(13);
    expect(files.filter((f) => !/^(w|s|p|f)\//.test(f))).toEqual(['nen-tang.json']);
    expect(other).toEqual([`/${MANIFEST_FILE}`]);
    await page.context().close();
  });

  it('"Đảng ủy": the exact spellings of its words too, and a number query its number shard', async () => {
    const { page, files } = await searchFiles('Đảng ủy');
    expect(kinds(files, 'w')).toEqual(['dang', 'uy']);
    expect(kinds(files, 'x')).toEqual(['d9a3ng', 'u3y']);
    // Exact spellings are listed in the shard of their folded word: no shard of their own.
    expect(kinds(files, 's')).toEqual(['da', 'uy']);
    await page.context().close();
    const number = await searchFiles('33/CT-TTg');
    expect(number.other).toContain('/tim-kiem/so/33.json');
    expect(kinds(number.files, 'w')).toEqual(['33', 'ct', 'ttg']);
    await number.page.context().close();
  });

  it('completes the word being typed from its shard, loading only the commonest completions', async () => {
    // "quye" is no word of the index: the last word typed stands for the words it starts.
    const { page, files } = await searchFiles('dan van chinh quye');
    const words = kinds(files, 'w');
    const completions = words.filter((w) => !['dan', 'van', 'chinh'].includes(w));
    expect(completions.length).toBeGreaterThan(0);
    expect(completions.length).toBeLessThanOrEqual(5);
    expect(completions.every((w) => w.startsWith('quye'))).toBe(true);
    expect(completions).toContain('quyen');
    expect(await page.locator('[data-results] li').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('excerpts', () => {
  it('show the body passage with a query word the title and trích yếu lack, marked', async () => {
    // "quen thuộc" is in the body of Luật 10/2022/QH15 only, not in its name.
    const { page } = await searchFiles('quen thuoc');
    const hit = page.locator('[data-results] li:has(a[href$="/van-ban/luat-10-2022-qh15-2022/"])');
    const summary = await hit.locator('.search-hit__summary').innerText();
    expect(summary).not.toMatch(/quen thuộc/);
    const excerpt = hit.locator('.search-hit__excerpt');
    expect(await excerpt.innerText()).toMatch(/quen thuộc/);
    expect(await excerpt.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['quen', 'thuộc']));
    expect(await excerpt.innerText()).not.toContain(summary);
    await page.context().close();
  });
});

/** Every file under `dir` with its content, by relative path. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('the indexer', () => {
  it('needs no built site, and writes the same files twice, the same as the build put in the site', () => {
    const runs = [0, 1].map(() => {
      const out = mkdtempSync(join(tmpdir(), 'danvan-index-'));
      const r = spawnSync(process.execPath, ['scripts/index-search.ts', out], { cwd: projectRoot, env: shellEnv(), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const files = tree(join(out, 'tim-kiem'));
      rmSync(out, { recursive: true, force: true });
      return files;
    });
    expect(runs[0]!.size).toBeGreaterThan(100);
    expect([...runs[1]!]).toEqual([...runs[0]!]);
    const built = tree(join(builtSite(), 'tim-kiem'));
    built.delete('index.html');
    expect([...built.keys()].sort()).toEqual([...runs[0]!.keys()].sort());
    const manifest = JSON.parse(runs[0]!.get('chi-muc.json')!) as IndexManifest;
    expect(manifest.documents).toBeGreaterThan(100);
    expect(runs[0]!.has(`chi-muc/${manifest.version}/f/0.json`)).toBe(true);
  });
});
