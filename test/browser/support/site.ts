/**
 * The built site under test. `npm test` builds dist/ before the browser project runs;
 * when DANVAN_TEST_DIST is set, that folder is used instead (e.g. a subpath build).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..', '..');

export function builtSite(name = process.env.DANVAN_TEST_DIST ?? 'dist'): string {
  const dir = join(projectRoot, name);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`Chưa có trang đã dựng ở ${dir}: chạy "npm run build" trước (npm test tự làm việc này).`);
  }
  return dir;
}
