/**
 * Putting the outputs of the Astro processes that each rendered part of the site
 * (src/lib/site/build-shard.ts) together into the build's one temporary folder.
 *
 * Files are moved (renamed), never copied or overwritten: a folder that exists in only
 * one part moves in one rename; a file that exists in several parts must be byte-identical
 * in all of them (the bundled assets in _astro/, public/ files, pages without parameters)
 * and must be one of those — a page with parameters found in two parts means a route that
 * does not partition its paths, and is refused like a difference. Either way the merge
 * fails with the paths, and the build with it (the previous site stays in place).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

export interface MergeResult {
  /** Files and folders moved into the target by one rename each. */
  moved: number;
  /** Files present in several parts, byte-identical, kept once. */
  shared: string[];
}

export class ShardMergeError extends Error {
  readonly different: string[];
  readonly unexpected: string[];
  constructor(different: string[], unexpected: string[]) {
    const list = (paths: string[]) => paths.slice(0, 20).join(', ') + (paths.length > 20 ? ` … (${paths.length} tệp)` : '');
    const parts = [
      different.length ? `${different.length} tệp có ở nhiều phần nhưng khác nhau: ${list(different)}` : '',
      unexpected.length
        ? `${unexpected.length} trang có tham số được dựng bởi nhiều phần (getStaticPaths chưa qua shardPaths?): ${list(unexpected)}`
        : '',
    ].filter(Boolean);
    super(`Không gộp được các phần của trang: ${parts.join('; ')}`);
    this.name = 'ShardMergeError';
    this.different = different;
    this.unexpected = unexpected;
  }
}

function sameBytes(a: string, b: string): boolean {
  if (lstatSync(a).size !== lstatSync(b).size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

/**
 * Moves every part into `target` (the first part becomes `target` by one rename when
 * `target` does not exist yet) and removes the parts. `mayBeShared(path)` says whether a
 * site-relative path (with "/") may legitimately be produced by every part.
 */
export function mergeShardOutputs(target: string, parts: string[], mayBeShared: (path: string) => boolean): MergeResult {
  const result: MergeResult = { moved: 0, shared: [] };
  const different: string[] = [];
  const unexpected: string[] = [];
  let rest = parts;
  if (!existsSync(target) && parts.length > 0) {
    renameSync(parts[0]!, target);
    result.moved++;
    rest = parts.slice(1);
  }
  const mergeInto = (dst: string, src: string, root: string) => {
    for (const entry of readdirSync(src, { withFileTypes: true })) {
      const from = join(src, entry.name);
      const to = join(dst, entry.name);
      let there: ReturnType<typeof lstatSync> | undefined;
      try {
        there = lstatSync(to);
      } catch {
        there = undefined;
      }
      const path = relative(root, from).split(sep).join('/');
      if (!there) {
        renameSync(from, to);
        result.moved++;
      } else if (entry.isDirectory() && there.isDirectory()) {
        mergeInto(to, from, root);
      } else if (entry.isFile() && there.isFile() && sameBytes(from, to)) {
        if (mayBeShared(path)) result.shared.push(path);
        else unexpected.push(path);
      } else {
        different.push(path);
      }
    }
  };
  for (const part of rest) {
    mergeInto(target, part, part);
    rmSync(part, { recursive: true, force: true });
  }
  if (different.length || unexpected.length) throw new ShardMergeError(different.sort(), unexpected.sort());
  result.shared = [...new Set(result.shared)].sort();
  return result;
}

/**
 * What every part writes: Vite's bundled assets, the files of public/, and the output of
 * each route without parameters (src/pages files with no "[" in their path). Astro's
 * directory format: `x/index.astro` → `x/index.html`, `x/y.astro` → `x/y/index.html`,
 * `404.astro`/`500.astro` → `404.html`/`500.html`, an endpoint `x/y.json.ts` → `x/y.json`.
 */
export function sharedOutputs(pagesDir: string, publicDir: string, assetsDir = '_astro'): (path: string) => boolean {
  const exact = new Set<string>();
  const walk = (dir: string, base: string, visit: (rel: string) => void) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = base ? `${base}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel, visit);
      else visit(rel);
    }
  };
  walk(pagesDir, '', (rel) => {
    if (rel.includes('[')) return;
    const page = /^(.*?)\.(astro|md|mdx)$/.exec(rel);
    if (page) {
      const stem = page[1]!;
      if (stem === 'index' || stem.endsWith('/index')) exact.add(`${stem}.html`);
      else if (stem === '404' || stem === '500') exact.add(`${stem}.html`);
      else exact.add(`${stem}/index.html`);
      return;
    }
    const endpoint = /^(.*)\.(ts|js|mjs)$/.exec(rel);
    if (endpoint) exact.add(endpoint[1]!);
  });
  walk(publicDir, '', (rel) => exact.add(rel));
  const prefix = `${assetsDir}/`;
  return (path) => exact.has(path) || path.startsWith(prefix);
}

/**
 * Whether several Astro processes started in `projectRoot` may build into folders beside
 * `out`. Astro bundles the pages into `<outDir>/.prerender/` only when the output folder is
 * inside its working folder, and otherwise into the project's shared `.astro/.prerender/`,
 * which the first process to finish deletes while another still loads modules from it
 * (node_modules/astro/dist/prerender/utils.js, core/build/common.js). Compared as Astro
 * does, on real paths.
 */
export function partsMayRunInParallel(out: string, projectRoot: string): boolean {
  try {
    const parent = realpathSync(dirname(out));
    return `${join(parent, basename(out))}`.startsWith(realpathSync(projectRoot) + sep);
  } catch {
    return false;
  }
}
