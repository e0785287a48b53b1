/**
 * npm run check [-- --fix] [-- --root DIR] [-- --json]
 * Checks every content file and lists every problem at once: `file:line [field]
 * lỗi|cảnh báo (code): message`, then a summary line. Exit code 1 when there is an
 * error, 0 otherwise (warnings do not fail), 2 on a bad command line.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck, type CheckResult } from '../src/lib/check/index.ts';
import { checkReportLines } from '../src/lib/check/report.ts';
import { contentRoot } from '../src/lib/content/root.ts';
import { commandLine, existingDir, orUsage } from './lib/cli.ts';

const USAGE = `Cách dùng: npm run check [-- --fix] [-- --root THƯ_MỤC] [-- --json]
  --fix          chuẩn hoá ký tự (NFC, Ð→Đ, gạch ngang, khoảng trắng lạ, BOM) ngay trong tệp
  --root DIR     kiểm tra một cây nội dung khác (thư mục chứa content/, hoặc chính content/)
  --json         in kết quả dạng JSON`;

function printText(result: CheckResult): void {
  // One write: at 10,000 files the report has 10,000 lines.
  console.log(checkReportLines(result).join('\n'));
}

const { values } = commandLine({ usage: USAGE, options: { fix: { type: 'boolean' }, json: { type: 'boolean' }, root: { type: 'string' } } });
const root = values.root === undefined ? contentRoot(join(dirname(fileURLToPath(import.meta.url)), '..')) : orUsage(USAGE, () => existingDir(values.root!, '--root'));
const args = { fix: values.fix ?? false, json: values.json ?? false, root };
let result: CheckResult;
try {
  result = runCheck(args.root, { fix: args.fix });
} catch (e) {
  // runCheck turns content problems into diagnostics; reaching here is a bug in the checker.
  console.error(`Lỗi nội bộ của trình kiểm tra: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
if (args.json) {
  console.log(
    JSON.stringify(
      { root: result.root, files: result.files.length, errors, warnings: result.diagnostics.length - errors, fixes: result.fixes, diagnostics: result.diagnostics },
      null,
      2,
    ),
  );
} else printText(result);
process.exitCode = errors ? 1 : 0;
