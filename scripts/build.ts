/**
 * npm run build [-- --processes N] [-- --timings]: check + graph (one step) → Astro (in one or
 * two processes, scripts/build-pages.ts) and, beside it, the search index and the data files
 * (each document's feed, the open data: scripts/write-data-files.ts), made from the graph,
 * not from the built pages, into a temporary folder that replaces
 * dist/ only when every step succeeded (src/lib/files/site-swap.ts): a failed, interrupted or
 * killed build never leaves a half-written site nor loses the previous one, and a second build
 * started meanwhile refuses instead of touching the first one's folders.
 */
import { resolve } from 'node:path';
import { lockSite, recoverSite, siteFolders, swapSite } from '../src/lib/files/site-swap.ts';
import { fileErrorMessage } from '../src/lib/files/errors.ts';
import { runStep, stopCurrentStep, type StepResult } from './lib/steps.ts';
import { rmSync } from 'node:fs';
import { mergeShardOutputs, ShardMergeError } from '../src/lib/site/shard-merge.ts';
import { FlatPlaceError, placeFlatOutputs } from '../src/lib/site/flat-outputs.ts';
import { commandLine } from './lib/cli.ts';

const USAGE = 'Cách dùng: npm run build [-- --processes N] [-- --timings]';
const { values } = commandLine({ usage: USAGE, options: { processes: { type: 'string' }, timings: { type: 'boolean' } } });
// --processes N: Astro processes rendering the pages (scripts/build-pages.ts checks the value);
// --timings: each step's phases on stderr.
const pagesOptions = [...(values.processes !== undefined ? ['--processes', values.processes] : []), ...(values.timings ? ['--timings'] : [])];

const root = resolve(import.meta.dirname, '..');
// DANVAN_DIST: another output folder (relative to the project, or absolute), for tests and benchmarks.
const outDir = resolve(root, process.env.DANVAN_DIST ?? 'dist');
const { tmp: tmpDir } = siteFolders(outDir);
// The search step and the data step (feeds, open data) write here while Astro writes tmpDir
// (which Astro empties first); their names start like tmpDir's, so recoverSite removes
// them after a build killed outright.
const searchDir = `${tmpDir}-tim-kiem`;
const dataDir = `${tmpDir}-du-lieu`;
/** Folders written beside Astro, joined into the site once every step has succeeded. */
const besideDirs = [searchDir, dataDir];

const lock = lockSite(outDir);
if (!lock.ok) {
  console.error(
    `Một lần dựng trang khác${lock.holder ? ` (tiến trình ${lock.holder})` : ''} đang ghi vào ${outDir}; ` +
      `chờ nó xong rồi chạy lại. (Nếu không còn lần dựng nào, xoá tệp ${siteFolders(outDir).lock}.)`,
  );
  process.exit(1);
}
const unlock = lock.release;

function cleanup(): void {
  rmSync(tmpDir, { recursive: true, force: true });
  for (const dir of besideDirs) rmSync(dir, { recursive: true, force: true });
  unlock();
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, async () => {
    await stopCurrentStep();
    cleanup();
    console.error(`\nDựng trang bị dừng (${signal}); dist/ trước đó được giữ nguyên.`);
    process.exit(code);
  });
}

// Before anything else: a build killed outright (SIGKILL, power loss) may have left the
// last good site aside, or a half-built folder; put the site back, drop the rest.
try {
  for (const note of recoverSite(outDir)) console.log(`Khôi phục: ${note}.`);
} catch (e) {
  unlock();
  console.error(`Không khôi phục được thư mục trang: ${fileErrorMessage(e, 'sửa được', outDir)}.`);
  process.exit(1);
}

const env = { ...process.env, DANVAN_OUT_DIR: tmpDir };
if (!process.env.DANVAN_SITE) {
  console.log(
    'Chưa đặt địa chỉ trang (DANVAN_SITE=https://…): liên kết trong trang, nguồn tin và dữ liệu mở dùng đường dẫn tương đối; ' +
      'không có sitemap.xml, link canonical và og:url (cần địa chỉ tuyệt đối).',
  );
}
const steps = [
  // One process checks and builds the graph on the same loaded corpus (every file is read
  // and validated once); a check error stops it before anything is written.
  () => runStep('Kiểm tra nội dung (npm run check) và dựng đồ thị trích dẫn', ['scripts/build-graph.ts', '--check', ...(values.timings ? ['--timings'] : [])], { cwd: root }),
  // The search index, the feeds of each document and the open-data files are made from the
  // graph (and bodies), not from the pages: they run beside Astro, and their files join the
  // site once all are done.
  async (): Promise<StepResult> => {
    for (const dir of besideDirs) rmSync(dir, { recursive: true, force: true });
    const running = [
      // Astro in one or two processes, each rendering part of the pages (scripts/build-pages.ts).
      // Document pages whose inputs did not change are kept from the current site (src/lib/site/page-reuse.ts).
      runStep('Dựng trang (Astro)', ['scripts/build-pages.ts', tmpDir, ...pagesOptions, '--reuse-from', outDir], { cwd: root, env }),
      runStep('Lập chỉ mục tìm kiếm', ['scripts/index-search.ts', searchDir], { cwd: root }),
      runStep('Ghi nguồn tin theo dõi và dữ liệu mở', ['scripts/write-data-files.ts', dataDir], { cwd: root }),
    ];
    // One failing makes the others pointless: they are stopped rather than waited for, and
    // the build names the one that failed first (the others fail because they were stopped).
    let failed: StepResult | undefined;
    for (const step of running) {
      void step.then(async (r) => {
        if (r.ok || failed) return;
        failed = r;
        await stopCurrentStep();
      });
    }
    const results = await Promise.all(running);
    if (failed) return failed;
    // Their files join the site by the rule that joins Astro's parts: moved, never
    // overwritten; a path two of them wrote stops the build (nothing may be shared). The
    // data files go into Astro's folders (each document's feed beside its page): they come
    // flat and are moved one by one (src/lib/site/flat-outputs.ts says why).
    let ok = true;
    const mergeStarted = performance.now();
    try {
      mergeShardOutputs(tmpDir, [searchDir], () => false);
      placeFlatOutputs(tmpDir, dataDir);
      if (values.timings) console.error(`[timing] đưa chỉ mục tìm kiếm và tệp dữ liệu vào trang: ${((performance.now() - mergeStarted) / 1000).toFixed(1)} s`);
    } catch (e) {
      if (!(e instanceof ShardMergeError || e instanceof FlatPlaceError)) throw e;
      console.error(`${e.message} (Astro, chỉ mục tìm kiếm và tệp dữ liệu cùng ghi một tệp)`);
      ok = false;
    }
    return { name: 'Dựng trang, chỉ mục tìm kiếm và tệp dữ liệu', ok, seconds: Math.max(...results.map((r) => r.seconds)) };
  },
];

const started = performance.now();
for (const step of steps) {
  const result = await step();
  if (!result.ok) {
    cleanup();
    console.error(`\nDựng trang thất bại ở bước "${result.name}"; dist/ trước đó được giữ nguyên.`);
    process.exit(1);
  }
}

try {
  swapSite(outDir, tmpDir);
} catch (e) {
  // Whatever step failed, recovery puts the last good site back.
  try {
    recoverSite(outDir);
  } finally {
    cleanup();
  }
  console.error(`\nKhông thay được thư mục trang: ${fileErrorMessage(e, 'đổi tên được', outDir)}; dist/ trước đó được giữ nguyên.`);
  process.exit(1);
}
unlock();

const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nXong sau ${total} s. Trang tĩnh ở ${outDir}. Xem thử: npm run preview`);
