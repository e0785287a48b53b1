/**
 * npm run build: check + graph (one step) → Astro → Pagefind, into a temporary folder that replaces
 * dist/ only when every step succeeded, so a failed or interrupted build never leaves a
 * half-written site (the previous dist/ stays as it was).
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runStep, stopCurrentStep } from './lib/steps.ts';

const root = join(import.meta.dirname, '..');
const outDir = process.env.DANVAN_DIST ? join(root, process.env.DANVAN_DIST) : join(root, 'dist');
const tmpDir = `${outDir}.tmp-${process.pid}`;

function cleanup(): void {
  rmSync(tmpDir, { recursive: true, force: true });
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    stopCurrentStep();
    cleanup();
    console.error(`\nDựng trang bị dừng (${signal}); dist/ trước đó được giữ nguyên.`);
    process.exit(code);
  });
}

// Leftovers of a build that was killed outright (SIGKILL, power loss) are removed first.
for (const name of readdirSync(dirname(outDir))) {
  if (name.startsWith(`${basename(outDir)}.tmp-`) || name.startsWith(`${basename(outDir)}.old-`)) {
    rmSync(join(dirname(outDir), name), { recursive: true, force: true });
  }
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
  () => runStep('Kiểm tra nội dung (npm run check) và dựng đồ thị trích dẫn', ['scripts/build-graph.ts', '--check'], { cwd: root }),
  () => runStep('Dựng trang (Astro)', ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], { cwd: root, env }),
  () => runStep('Lập chỉ mục tìm kiếm (Pagefind)', ['scripts/index-search.ts', tmpDir], { cwd: root }),
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

// Swap: the old dist/ is moved aside first so that dist/ is never a half-copied folder.
const old = `${outDir}.old-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(tmpDir, outDir);
rmSync(old, { recursive: true, force: true });

const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nXong sau ${total} s. Trang tĩnh ở ${outDir}. Xem thử: npm run preview`);
