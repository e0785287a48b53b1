/** Serves dist/ locally (Astro preview), honouring the DANVAN_BASE subpath. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist'))) {
  console.error('Chưa có dist/. Hãy chạy "npm run build" trước.');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
