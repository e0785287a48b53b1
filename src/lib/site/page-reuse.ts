/**
 * Document pages kept from the previous build. scripts/build-pages.ts gives each Astro
 * process the code's version (CODE_VERSION_ENV) and the previous site (REUSE_FROM_ENV);
 * each document page records the digest of its inputs (src/lib/site/page-inputs.ts) in a
 * meta element near the top of its file. A document whose digest is the one in its old
 * page is left out of this build's routes (its page and its overflow pages alike), named
 * in a list beside the process's output, and its files are linked in from the previous
 * site after Astro (scripts/build-pages.ts), before the site is swapped in whole.
 *
 * The record is in the page itself, not in a list kept elsewhere, so it can never describe
 * another site than the one it sits in: a build killed half-way, a dist/ put back by hand
 * or built with other settings only makes pages render again.
 */
import { closeSync, constants, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { writeFileAtomic } from '../files/atomic.ts';
import { shardPaths } from './build-shard.ts';
import type { SiteData } from './data.ts';
import { documentPageDigest } from './page-inputs.ts';
import { astroBaseUrl, astroSite, siteSettings } from './settings.ts';
import { siteUrls } from './urls.ts';

export const CODE_VERSION_ENV = 'DANVAN_CODE_VERSION';
export const REUSE_FROM_ENV = 'DANVAN_REUSE_FROM';
/** The meta element's name; its content is the digest, 64 hex digits. */
export const PAGE_INPUTS_META = 'danvan-page-inputs';

/** A document's folder in the site: its page, its overflow pages (Astro's), its feed (the data step's). */
export function documentFolder(id: string): string {
  return join('van-ban', id);
}

/** The files of a document's folder that Astro writes, and so that a kept page brings along. */
export function isAstroDocumentFile(relativePath: string): boolean {
  return relativePath === 'index.html' || relativePath.startsWith('lien-quan/');
}

/** The list of kept documents of the Astro process writing `outDir`: beside it, since Astro empties outDir. */
export function keptListFile(outDir: string): string {
  return `${outDir}.giu-lai.json`;
}

const HEAD_BYTES = 1024;
const META_RE = new RegExp(`<meta name="${PAGE_INPUTS_META}" content="([0-9a-f]{64})"`);

/** The digest a built page records, or null (no page, an older page without one, unreadable). */
export function recordedDigest(pageFile: string): string | null {
  let fd: number;
  try {
    fd = openSync(pageFile, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, head, 0, HEAD_BYTES, 0);
    return META_RE.exec(head.subarray(0, n).toString('latin1'))?.[1] ?? null;
  } finally {
    closeSync(fd);
  }
}

interface ReuseContext {
  codeVersion: string | null;
  previousSite: string | null;
  outDir: string | null;
}

function contextFromEnv(env: NodeJS.ProcessEnv = process.env): ReuseContext {
  return { codeVersion: env[CODE_VERSION_ENV] || null, previousSite: env[REUSE_FROM_ENV] || null, outDir: env.DANVAN_OUT_DIR || null };
}

const digests = new WeakMap<SiteData, Map<string, string>>();

/**
 * The digest a document's page records, computed once per process (the routes' listing and
 * the page itself both ask); null outside a build that gives the code's version (the dev
 * server, a bare `astro build`): those pages record none and are never kept.
 */
export function pageDigest(data: SiteData, id: string, context: ReuseContext = contextFromEnv()): string | null {
  if (!context.codeVersion) return null;
  let byId = digests.get(data);
  if (!byId) digests.set(data, (byId = new Map()));
  let digest = byId.get(id);
  if (digest === undefined) {
    const { base, site } = siteSettings();
    digest = documentPageDigest(data, id, siteUrls(astroBaseUrl(base)), astroSite(site), context.codeVersion);
    byId.set(id, digest);
  }
  return digest;
}

const decided = new WeakMap<SiteData, Set<string>>();

/**
 * The documents of this process's part whose pages are kept from the previous site (decided
 * once per process: the document route and its overflow route must leave out the same ones).
 * The list is written beside the output for scripts/build-pages.ts, also when empty.
 */
export function keptDocuments(data: SiteData, context: ReuseContext = contextFromEnv()): Set<string> {
  const known = decided.get(data);
  if (known) return known;
  const kept = new Set<string>();
  if (context.codeVersion && context.previousSite) {
    for (const { params } of shardPaths(data.nodes.map((n) => ({ params: { id: n.id } })))) {
      const old = recordedDigest(join(context.previousSite, documentFolder(params.id), 'index.html'));
      if (old !== null && old === pageDigest(data, params.id, context)) kept.add(params.id);
    }
  }
  if (context.outDir && context.previousSite) writeFileAtomic(keptListFile(context.outDir), `${JSON.stringify([...kept])}\n`);
  decided.set(data, kept);
  return kept;
}

export class KeptPageError extends Error {}

/**
 * Links the kept documents' Astro files from the previous site into the new one (a copy
 * where a link cannot be made: another file system). Links are safe here: no step writes
 * into a built file in place (every write replaces by rename), so the previous site stays
 * as it was until the swap. Returns the number of files. Throws KeptPageError when a kept
 * page is gone from the previous site or already exists in the new one.
 */
export function linkKeptDocuments(previousSite: string, site: string, ids: Iterable<string>): number {
  let files = 0;
  for (const id of ids) {
    const from = join(previousSite, documentFolder(id));
    const to = join(site, documentFolder(id));
    let names: string[];
    try {
      names = readdirSync(from, { recursive: true, encoding: 'utf8' }).map((n) => n.split(sep).join('/'));
    } catch (e) {
      throw new KeptPageError(`Trang giữ lại của văn bản "${id}" không còn trong ${previousSite} (${(e as Error).message}); chạy lại npm run build.`);
    }
    for (const name of names.filter(isAstroDocumentFile).sort()) {
      const source = join(from, name);
      if (!statSync(source).isFile()) continue;
      const target = join(to, name);
      if (existsSync(target)) throw new KeptPageError(`Trang ${target} vừa được dựng vừa được giữ lại từ lần trước: không ghi đè.`);
      mkdirSync(dirname(target), { recursive: true });
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target, constants.COPYFILE_EXCL);
      }
      files++;
    }
  }
  return files;
}
