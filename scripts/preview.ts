/** Serves dist/ locally (Astro preview), honouring the DANVAN_BASE subpath. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lockSite, recoverSite } from '../src/lib/files/site-swap.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(dist)) {
  // A build killed while swapping folders leaves the last good site aside: put it back,
  // unless a build is running now (it holds the lock and will finish the swap itself).
  const lock = lockSite(dist);
  if (lock.ok) {
    try {
      for (const note of recoverSite(dist)) console.log(`Khôi phục: ${note}.`);
    } finally {
      lock.release();
    }
  }
}
if (!existsSync(dist)) {
  console.error('Chưa có dist/. Hãy chạy "npm run build" trước.');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
