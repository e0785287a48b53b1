/**
 * The site is rendered by several Astro processes, each keeping its part of every route's
 * paths (src/lib/site/build-shard.ts), then merged (src/lib/site/shard-merge.ts). The
 * byte-identity of a one-process and a two-process build of the shipped site is tested
 * in test/browser/build-guarantees.test.ts.
 */
import { describe, expect, it, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parseShard, shardOf, shardPaths, formatShard, WHOLE_SITE } from '../../src/lib/site/build-shard.ts';
import { mergeShardOutputs, partsMayRunInParallel, sharedOutputs, ShardMergeError } from '../../src/lib/site/shard-merge.ts';

const projectRoot = join(import.meta.dirname, '../..');
const pagesDir = join(projectRoot, 'src/pages');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe('the partition rule', () => {
  it('reads i/n and refuses anything else', () => {
    expect(parseShard(undefined)).toEqual(WHOLE_SITE);
    expect(parseShard('')).toEqual(WHOLE_SITE);
    expect(parseShard('1/2')).toEqual({ index: 1, count: 2 });
    expect(formatShard(parseShard('0/3'))).toBe('0/3');
    for (const bad of ['2/2', '1', '-1/2', '0/0', 'a/b', '1/2/3']) expect(() => parseShard(bad), bad).toThrow(/DANVAN_BUILD_SHARD/);
  });

  it('puts every path in exactly one part, whatever the list and the number of parts', () => {
    const params = fc.record({ id: fc.string(), page: fc.option(fc.string(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(params, { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (list, count) => {
        const paths = list.map((p, i) => ({ params: p, props: { i } }));
        const parts = Array.from({ length: count }, (_, index) => shardPaths(paths, { index, count }));
        const seen = parts.flat().map((p) => p.props.i).sort((a, b) => a - b);
        expect(seen).toEqual(paths.map((_, i) => i));
      }),
    );
  });

  it('depends on the parameters only: not on the order, the other pages, or the key order', () => {
    const a = { id: 'chi-thi-33-ct-ttg-2021', page: 'trang/2' };
    expect(shardOf(a, 2)).toBe(shardOf({ page: 'trang/2', id: 'chi-thi-33-ct-ttg-2021' }, 2));
    const ids = Array.from({ length: 2000 }, (_, i) => ({ params: { id: `quyet-dinh-${i}-qd-ubnd-2020-ha-tinh` } }));
    const first = shardPaths(ids, { index: 0, count: 2 }).map((p) => p.params.id);
    const reversed = shardPaths([...ids].reverse(), { index: 0, count: 2 }).map((p) => p.params.id);
    expect(new Set(reversed)).toEqual(new Set(first));
    // A document's page and its feed have the same parameters: same part, one folder.
    expect(shardOf({ id: 'x' }, 2)).toBe(shardOf({ id: 'x' }, 2));
    // Ids like the corpus's are spread evenly enough for two processes to take half each.
    expect(Math.abs(first.length / ids.length - 0.5)).toBeLessThan(0.04);
  });

  it('keeps everything with one part', () => {
    const paths = [{ params: { id: 'a' } }, { params: { id: 'b' } }];
    expect(shardPaths(paths, WHOLE_SITE)).toBe(paths);
  });
});

describe('every route with parameters partitions its paths', () => {
  const routes = filesUnder(pagesDir).filter((f) => /\.(astro|ts|js|mjs|md|mdx)$/.test(f));

  it('finds the routes', () => {
    expect(routes.filter((r) => r.includes('[')).length).toBeGreaterThanOrEqual(19);
  });

  // Astro requires getStaticPaths exactly on routes with parameters; a new route that
  // returns its paths without shardPaths would be rendered whole by every process.
  for (const route of routes) {
    const source = readFileSync(join(pagesDir, route), 'utf8');
    const hasPaths = /\bgetStaticPaths\b/.test(source);
    if (!route.includes('[')) {
      it(`${route}: no parameters, no getStaticPaths`, () => expect(hasPaths).toBe(false));
      continue;
    }
    it(`${route}: getStaticPaths returns through shardPaths`, () => {
      expect(hasPaths).toBe(true);
      expect(source).toMatch(/import \{[^}]*\bshardPaths\b[^}]*\} from '(\.\.\/)+lib\/site\/build-shard\.ts'/);
      // Every return inside getStaticPaths (a block or an arrow's body) goes through it.
      const start = source.search(/(function getStaticPaths|const getStaticPaths =)/);
      // Up to the end of the function, or of the arrow (`…) satisfies GetStaticPaths;`).
      const ends = [source.indexOf('\n}', start), source.indexOf('satisfies GetStaticPaths', start)].filter((i) => i > 0);
      const body = source.slice(start, Math.min(...ends));
      const returns = [...body.matchAll(/\breturn\b([^;]*)/g)].map((m) => m[1]!.trim());
      if (returns.length) for (const r of returns) expect(r, route).toMatch(/^shardPaths\(/);
      else expect(body).toMatch(/=>\s*shardPaths\(/);
    });
  }
});

describe('merging the parts', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (root: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  const tree = (root: string) => Object.fromEntries(filesUnder(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  const shared = (p: string) => p === 'index.html' || p.startsWith('_astro/');

  it('moves every part into the target and keeps shared identical files once', () => {
    dir = mkdtempSync(join(tmpdir(), 'shard-merge-'));
    const [a, b, out] = ['a', 'b', 'out'].map((n) => join(dir, n));
    write(a!, { 'index.html': 'home', '_astro/x.css': 'css', 'van-ban/d1/index.html': 'd1', 'van-ban/d1/theo-doi.xml': 'f1' });
    write(b!, { 'index.html': 'home', '_astro/x.css': 'css', 'van-ban/d2/index.html': 'd2', 'van-ban/d1/lien-quan/index.html': 'r1' });
    const r = mergeShardOutputs(out!, [a!, b!], shared);
    expect(tree(out!)).toEqual({
      '_astro/x.css': 'css',
      'index.html': 'home',
      'van-ban/d1/index.html': 'd1',
      'van-ban/d1/lien-quan/index.html': 'r1',
      'van-ban/d1/theo-doi.xml': 'f1',
      'van-ban/d2/index.html': 'd2',
    });
    expect(r.shared).toEqual(['_astro/x.css', 'index.html']);
    expect(existsSync(a!) || existsSync(b!)).toBe(false);
  });

  it('merges into a target that already holds other files, never overwriting one', () => {
    dir = mkdtempSync(join(tmpdir(), 'shard-merge-'));
    const [a, out] = ['a', 'out'].map((n) => join(dir, n));
    write(out!, { 'pagefind/x.js': 'search' });
    write(a!, { 'index.html': 'home' });
    mergeShardOutputs(out!, [a!], shared);
    expect(tree(out!)).toEqual({ 'index.html': 'home', 'pagefind/x.js': 'search' });
  });

  it('fails loudly on a shared file that differs, and on a page with parameters found in two parts', () => {
    dir = mkdtempSync(join(tmpdir(), 'shard-merge-'));
    const [a, b, out] = ['a', 'b', 'out'].map((n) => join(dir, n));
    write(a!, { 'index.html': 'home', '_astro/x.css': 'css', 'van-ban/d1/index.html': 'd1' });
    write(b!, { 'index.html': 'home!', '_astro/x.css': 'css', 'van-ban/d1/index.html': 'd1' });
    let error: unknown;
    try {
      mergeShardOutputs(out!, [a!, b!], shared);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShardMergeError);
    expect((error as ShardMergeError).different).toEqual(['index.html']);
    expect((error as ShardMergeError).unexpected).toEqual(['van-ban/d1/index.html']);
    // The first part's file was not replaced by the second's.
    expect(readFileSync(join(out!, 'index.html'), 'utf8')).toBe('home');
  });

  it('knows what every process writes: assets, public files, routes without parameters', () => {
    const may = sharedOutputs(pagesDir, join(projectRoot, 'public'));
    for (const p of ['index.html', '404.html', 'tim-kiem/index.html', 'cap/index.html', 'feed.xml', '_astro/Base.abc123.css']) {
      expect(may(p), p).toBe(true);
    }
    for (const p of ['van-ban/chi-thi-33-ct-ttg-2021/index.html', 'van-ban/index.html', 'sitemap.xml', 'chu-de/dan-toc/feed.xml', 'api/graph.json']) {
      expect(may(p), p).toBe(false);
    }
    for (const f of filesUnder(join(projectRoot, 'public'))) expect(may(f), f).toBe(true);
  });
});

describe('where parts may be built', () => {
  it('beside an output folder inside the project only (else Astro would share one bundle folder)', () => {
    expect(partsMayRunInParallel(join(projectRoot, 'dist.tmp-1'), projectRoot)).toBe(true);
    expect(partsMayRunInParallel(join(projectRoot, 'bench-out', 'dist-10.tmp-1'), projectRoot)).toBe(existsSync(join(projectRoot, 'bench-out')));
    expect(partsMayRunInParallel(join(tmpdir(), 'site.tmp-1'), projectRoot)).toBe(false);
    // A sibling whose name starts like the project is not inside it.
    expect(partsMayRunInParallel(`${projectRoot}-other/dist.tmp-1`, projectRoot)).toBe(false);
  });
});
