/**
 * node scripts/run.mjs gen-content-readme [--check]
 * Rewrites the field tables of content/README.md from the zod schemas. With --check it
 * writes nothing and exits 1 when the committed guide is out of date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFieldTables } from '../src/lib/editor/field-table.ts';
import { writeFileAtomic } from '../src/lib/files/atomic.ts';
import { commandLine } from './lib/cli.ts';

const { values } = commandLine({ usage: 'Cách dùng: node scripts/run.mjs gen-content-readme [--check]', options: { check: { type: 'boolean' } } });
const path = join(import.meta.dirname, '..', 'content', 'README.md');
const current = readFileSync(path, 'utf8');
const next = withFieldTables(current);
if (values.check) {
  if (next !== current) {
    console.error('content/README.md chưa khớp với lược đồ; chạy: node scripts/run.mjs gen-content-readme');
    process.exit(1);
  }
  console.log('content/README.md khớp với lược đồ.');
} else if (next !== current) {
  // The editors' guide is hand-written around the tables: never leave it half-written.
  writeFileAtomic(path, next);
  console.log('Đã cập nhật bảng trường trong content/README.md.');
} else {
  console.log('content/README.md đã khớp với lược đồ, không thay đổi.');
}
