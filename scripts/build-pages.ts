/**
 * The Astro step of scripts/build.ts: `node scripts/build-pages.ts OUT` renders the site
 * into OUT with several `astro build` processes, each rendering one part of the pages
 * (src/lib/site/build-shard.ts) into its own folder `OUT.shard-i`, then moves the parts
 * into OUT (src/lib/site/shard-merge.ts: shared files must be byte-identical).
 *
 * Astro renders pages on one thread, so on a machine with two cores two processes take
 * about half the rendering time (each still bundles the site once with Vite). The number
 * of processes is DANVAN_BUILD_PROCESSES, else min(2, os.availableParallelism()); with one
 * the output is byte-identical (test/browser/build-guarantees.test.ts).
 *
 * Each process gets its own content-layer cache folder, and the second starts once the
 * first has finished Astro's sync (which writes .astro/ in the project): the processes
 * never write the same file. Progress (pages rendered) is printed every few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { formatShard, SHARD_ENV } from '../src/lib/site/build-shard.ts';
import { mergeShardOutputs, sharedOutputs } from '../src/lib/site/shard-merge.ts';

const root = resolve(import.meta.dirname, '..');
const out = process.argv[2] ? resolve(process.argv[2]) : '';
if (!out) {
  console.error('Cách dùng: node scripts/build-pages.ts THƯ_MỤC_RA');
  process.exit(2);
}

export const PROCESSES_ENV = 'DANVAN_BUILD_PROCESSES';
const MAX_PROCESSES = 8;
const PROGRESS_EVERY_MS = 5_000;

function processCount(): number {
  const raw = process.env[PROCESSES_ENV];
  if (raw === undefined || raw === '') return Math.min(2, availableParallelism());
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROCESSES) {
    console.error(`${PROCESSES_ENV}="${raw}": cần một số nguyên từ 1 đến ${MAX_PROCESSES}.`);
    process.exit(2);
  }
  return n;
}

const count = processCount();
const parts = Array.from({ length: count }, (_, i) => `${out}.shard-${i}`);
// The content-layer cache (astro.config.mjs reads DANVAN_CACHE_DIR): one folder per process.
const cacheBase = resolve(root, process.env.DANVAN_CACHE_DIR ?? 'node_modules/.astro');
const cacheOf = (i: number) => (i === 0 ? cacheBase : `${cacheBase}-part-${i}`);

interface Part {
  child: ChildProcess;
  pages: number;
  /** Astro's own lines, printed only if the process fails. */
  log: string[];
  exited: Promise<number>;
}
const running: Part[] = [];

function removeParts(): void {
  for (const p of parts) rmSync(p, { recursive: true, force: true });
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

/** Starts part i; `onSynced` runs once Astro has finished its sync and begins the build proper. */
function startPart(i: number, onSynced: () => void): Part {
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    env: { ...process.env, DANVAN_OUT_DIR: parts[i], [SHARD_ENV]: formatShard({ index: i, count }), DANVAN_CACHE_DIR: cacheOf(i) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const part: Part = { child, pages: 0, log: [], exited: new Promise((r) => child.on('close', (code) => r(code ?? 1))) };
  let synced = false;
  let rest = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      // One line per file written ("├─ /van-ban/…/index.html (+3ms)"): counted, not printed.
      if (/[├└]─ \//.test(line)) {
        part.pages++;
        continue;
      }
      part.log.push(line);
      if (part.log.length > 200) part.log.shift();
      if (/\[(WARN|ERROR)\]|\berror\b/i.test(line)) process.stdout.write(`  [phần ${i + 1}] ${line.trim()}\n`);
      if (!synced && /\[build\]/.test(line)) {
        synced = true;
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

try {
  const merged = mergeShardOutputs(out, parts, sharedOutputs(join(root, 'src/pages'), join(root, 'public')));
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
