/**
 * The Astro step of scripts/build.ts: `node scripts/build-pages.ts OUT` renders the site
 * into OUT with several `astro build` processes, each rendering one part of the pages
 * (src/lib/site/build-shard.ts) into its own folder `OUT.shard-i`, then moves the parts
 * into OUT (src/lib/site/shard-merge.ts: shared files must be byte-identical).
 *
 * Astro renders pages on one thread, so on a machine with two cores two processes take
 * about half the rendering time (each still bundles the site once with Vite). The number
 * of processes is --processes N or DANVAN_BUILD_PROCESSES, else min(2, os.availableParallelism()); with one
 * the output is byte-identical (test/browser/build-guarantees.test.ts).
 *
 * Each process gets its own content-layer cache folder, and the second starts once the
 * first has synced Astro's content (which writes .astro/content-modules.mjs, read by the
 * build): the processes never write a file another one reads. Progress (pages rendered) is printed every few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { formatShard, SHARD_ENV } from '../src/lib/site/build-shard.ts';
import { mergeShardOutputs, partsMayRunInParallel, sharedOutputs } from '../src/lib/site/shard-merge.ts';
import { commandLine, orUsage, usageError, wholeNumber } from './lib/cli.ts';
import { codeVersion } from '../src/lib/site/code-version.ts';
import { CODE_VERSION_ENV, keptListFile, linkKeptDocuments, REUSE_FROM_ENV } from '../src/lib/site/page-reuse.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE = 'Cách dùng: node scripts/build-pages.ts THƯ_MỤC_RA [--processes N] [--timings] [--reuse-from TRANG_TRƯỚC]';
const { values, positionals } = commandLine({
  usage: USAGE,
  options: { processes: { type: 'string' }, timings: { type: 'boolean' }, 'reuse-from': { type: 'string' } },
  positionals: { min: 1, max: 1 },
});
const out = resolve(positionals[0]!);
/**
 * --reuse-from SITE: the previous build's site; document pages whose inputs did not change
 * are linked from it instead of rendered (src/lib/site/page-reuse.ts). Absent or missing:
 * every page is rendered.
 */
const previousSite = values['reuse-from'] !== undefined && existsSync(join(resolve(values['reuse-from']), 'index.html')) ? resolve(values['reuse-from']) : null;
const pagesCode = codeVersion(root);
/** --timings: phases of each process and the rendering time per kind of page (overlapping: see below), on stderr. */
const showTimings = values.timings ?? false;

const PROCESSES_ENV = 'DANVAN_BUILD_PROCESSES';
const MAX_PROCESSES = 8;
const PROGRESS_EVERY_MS = 5_000;

/** --processes, else DANVAN_BUILD_PROCESSES, else two when the machine has two cores. */
function processCount(): number {
  const raw = values.processes ?? process.env[PROCESSES_ENV];
  if (raw === undefined || raw === '') return Math.min(2, availableParallelism());
  const n = orUsage(USAGE, () => wholeNumber(raw, '--processes'));
  if (n > MAX_PROCESSES) usageError(`--processes: tối đa ${MAX_PROCESSES}`, USAGE);
  return n;
}

const requested = processCount();
// Astro keeps each process's bundle beside its output only when the output is inside the project.
const count = requested > 1 && !partsMayRunInParallel(out, root) ? 1 : requested;
if (count < requested) {
  console.log(`Thư mục ra ${out} nằm ngoài dự án: Astro chỉ chạy được một tiến trình (các tiến trình sẽ dùng chung .astro/.prerender/).`);
}
const parts = Array.from({ length: count }, (_, i) => `${out}.shard-${i}`);
// The content-layer cache (astro.config.mjs reads DANVAN_CACHE_DIR): one folder per process.
const cacheBase = resolve(root, process.env.DANVAN_CACHE_DIR ?? 'node_modules/.astro');
const cacheOf = (i: number) => (i === 0 ? cacheBase : `${cacheBase}-part-${i}`);

interface Part {
  child: ChildProcess;
  pages: number;
  /** When the process started, finished Astro's sync, began rendering, ended (ms, performance.now()). */
  at: { start: number; synced?: number; rendering?: number; end?: number };
  /** Rendering time per kind of page (Astro's "+N ms" per file), for --timings. */
  kinds: Map<string, { files: number; ms: number }>;
  /** Astro's own lines, printed only if the process fails. */
  log: string[];
  exited: Promise<number>;
}
const running: Part[] = [];

function removeParts(): void {
  for (const p of parts) {
    rmSync(p, { recursive: true, force: true });
    rmSync(keptListFile(p), { force: true });
  }
}

async function stopAll(): Promise<void> {
  for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  await Promise.all(running.map((p) => p.exited));
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    void stopAll().then(() => {
      removeParts();
      process.exit(code);
    });
  });
}

/**
 * A kind of page for --timings: the section, the file name, and whether it is a later page
 * of a list or a document's overflow page (under lien-quan/), with ids left out.
 */
function pageKind(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const section = segments.length > 1 ? segments[0] : '';
  const name = segments.at(-1)!;
  const tags = [segments.includes('lien-quan') ? 'lien-quan' : '', segments.includes('trang') ? 'trang 2+' : ''].filter(Boolean);
  const middle = segments.length > 2 ? '…/' : '';
  return `${section ? `${section}/${middle}` : ''}${name}${tags.length ? ` (${tags.join(', ')})` : ''}`;
}

/** Starts part i; `onSynced` runs once Astro has synced the content (the next part may start). */
function startPart(i: number, onSynced: () => void): Part {
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    env: {
      ...process.env,
      DANVAN_OUT_DIR: parts[i],
      [SHARD_ENV]: formatShard({ index: i, count }),
      DANVAN_CACHE_DIR: cacheOf(i),
      [CODE_VERSION_ENV]: pagesCode,
      [REUSE_FROM_ENV]: previousSite ?? '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const part: Part = {
    child,
    pages: 0,
    at: { start: performance.now() },
    kinds: new Map(),
    log: [],
    exited: new Promise((r) => child.on('close', (code) => r(code ?? 1))),
  };
  void part.exited.then(() => (part.at.end = performance.now()));
  let synced = false;
  let rest = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      // One entry per file written ("├─ /van-ban/…/index.html (+3ms)"), rarely two on a line
      // when pages render concurrently: counted, not printed. The time is from the start of
      // the file to its end, so with build.concurrency > 1 the times of files overlap.
      const files = [...line.matchAll(/[├└]─ (\/[^\s├└]*)(?: \(\+(\d+)ms\))?/g)];
      if (files.length) {
        part.pages += files.length;
        if (showTimings) {
          for (const [, path, ms] of files) {
            const k = part.kinds.get(pageKind(path!)) ?? { files: 0, ms: 0 };
            k.files++;
            k.ms += Number(ms ?? 0);
            part.kinds.set(pageKind(path!), k);
          }
        }
        continue;
      }
      if (part.at.rendering === undefined && /generating static routes/.test(line)) part.at.rendering = performance.now();
      part.log.push(line);
      if (part.log.length > 200) part.log.shift();
      if (/\[(WARN|ERROR)\]|\berror\b/i.test(line)) process.stdout.write(`  [phần ${i + 1}] ${line.trim()}\n`);
      // Astro has written what the build reads from .astro/ (content-modules.mjs, atomically)
      // when it says "Synced content"; the types it writes next are not read by a build.
      if (!synced && /\[content\] Synced content|\[build\]/.test(line)) {
        synced = true;
        part.at.synced = performance.now();
        onSynced();
      }
    }
  });
  child.on('error', (e) => process.stderr.write(`Không chạy được Astro (phần ${i + 1}): ${e.message}\n`));
  // A process that ends well before printing a build line must not hold the others back.
  void part.exited.then((code) => {
    if (!synced && code === 0) {
      synced = true;
      onSynced();
    }
  });
  running.push(part);
  return part;
}

/** The documents a part kept (written by its process whether it kept any or not: a missing list is an error). */
function readKeptList(part: string): string[] {
  const file = keptListFile(part);
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được danh sách trang giữ lại ${file}: ${(e as Error).message}`);
  }
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) throw new Error(`Danh sách trang giữ lại ${file} hỏng.`);
  return list;
}

removeParts();
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
console.log(`Astro dựng trang bằng ${count} tiến trình${count > 1 ? `, mỗi tiến trình một phần (${SHARD_ENV})` : ''}.`);

const progress = setInterval(() => {
  const done = running.reduce((s, p) => s + p.pages, 0);
  const each = count > 1 ? ` (${running.map((p, i) => `phần ${i + 1}: ${p.pages}`).join(', ')})` : '';
  process.stdout.write(`  … ${seconds()} s: ${done} tệp đã dựng${each}\n`);
}, PROGRESS_EVERY_MS);

// Each part starts when the previous one has synced; the step ends when all have ended
// or as soon as one fails.
let failed: number | null = null;
await new Promise<void>((allDone) => {
  let finished = 0;
  const start = (i: number): void => {
    if (i >= count || failed !== null) return;
    const part = startPart(i, () => start(i + 1));
    void part.exited.then((code) => {
      if (code !== 0) {
        failed ??= i;
        allDone();
      } else if (++finished === count) allDone();
    });
  };
  start(0);
});
clearInterval(progress);

if (failed !== null) {
  await stopAll();
  process.stderr.write(`Astro (phần ${failed + 1}/${count}) thất bại. Những dòng cuối:\n${running[failed]!.log.slice(-40).join('\n')}\n`);
  removeParts();
  process.exit(1);
}

const mergeStart = performance.now();
try {
  const kept = previousSite ? parts.flatMap((p) => readKeptList(p)) : [];
  const merged = mergeShardOutputs(out, parts, sharedOutputs(join(root, 'src/pages'), join(root, 'public')));
  if (previousSite) {
    const files = linkKeptDocuments(previousSite, out, kept);
    console.log(`Giữ lại trang của ${kept.length} văn bản không đổi từ lần dựng trước (${files} tệp).`);
  }
  const each = running.map((p, i) => `phần ${i + 1}: ${p.pages}`).join(', ');
  console.log(
    count > 1
      ? `Astro: ${count} phần xong sau ${seconds()} s (tệp đã dựng: ${each}); ${merged.shared.length} tệp chung (tài nguyên, trang không tham số) giống hệt nhau ở mọi phần, giữ một bản.`
      : `Astro: ${running[0]!.pages} tệp sau ${seconds()} s.`,
  );
} catch (e) {
  removeParts();
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
removeParts();

if (showTimings) {
  const sec = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '?' : ((b - a) / 1000).toFixed(1));
  running.forEach((p, i) => {
    console.error(
      `[timing] Astro phần ${i + 1}: khởi động + sync ${sec(p.at.start, p.at.synced)} s, gói (Vite) ${sec(p.at.synced, p.at.rendering)} s, ` +
        `dựng ${p.pages} tệp ${sec(p.at.rendering, p.at.end)} s (bắt đầu sau ${sec(started, p.at.start)} s)`,
    );
  });
  console.error(`[timing] gộp các phần: ${sec(mergeStart, performance.now())} s`);
  const kinds = new Map<string, { files: number; ms: number }>();
  for (const p of running) for (const [k, v] of p.kinds) {
    const t = kinds.get(k) ?? { files: 0, ms: 0 };
    kinds.set(k, { files: t.files + v.files, ms: t.ms + v.ms });
  }
  for (const [k, v] of [...kinds].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
    console.error(`[timing]   ${k}: ${v.files} tệp, ${(v.ms / 1000).toFixed(1)} s (${(v.ms / v.files).toFixed(1)} ms/tệp)`);
  }
}
