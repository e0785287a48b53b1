/**
 * npm run check [-- --fix] [-- --root DIR] [-- --json] [-- --report]
 * Checks every content file and lists every problem at once: `file:line [field]
 * lỗi|cảnh báo (code): message`, then a summary line. Exit code 1 when there is an
 * error, 0 otherwise (warnings do not fail), 2 on a bad command line.
 * scripts/check.ts runs it as a CLI; tests run it in-process.
 */
import type { CommandIO } from '../command-io.ts';
import { existingDir, runCommandLine } from '../command-line.ts';
import { contentRoot } from '../content/root.ts';
import { runCheck, type CheckResult } from './index.ts';
import { checkReportLines } from './report.ts';
import { coverageReport, coverageReportLines } from './coverage.ts';
import { buildGraph } from '../graph/build.ts';

const SPEC = {
  usage: `Cách dùng: npm run check [-- --fix] [-- --root THƯ_MỤC] [-- --json]
  --fix          chuẩn hoá ký tự (NFC, Ð→Đ, gạch ngang, khoảng trắng lạ, BOM) ngay trong tệp
  --root DIR     kiểm tra một cây nội dung khác (thư mục chứa content/, hoặc chính content/)
  --json         in kết quả dạng JSON
  --report       thêm báo cáo độ phủ: văn bản theo cấp và loại, tỉ lệ có nguồn, người ký,
                 tình trạng, ngày hiệu lực, quan hệ theo loại và nguồn gốc, văn bản còn thiếu`,
  options: { fix: { type: 'boolean' }, json: { type: 'boolean' }, report: { type: 'boolean' }, root: { type: 'string' } },
} as const;

/** The coverage figures of the checked corpus, from the graph the site is built from. */
export function coverageOf(result: CheckResult, today: string) {
  const { graph } = buildGraph(result.corpus, { today });
  const systems = new Map(result.corpus.registries.issuers.map((i) => [i.id, i.system]));
  return coverageReport(graph, (id) => systems.get(id));
}

/** Runs `npm run check` with these arguments; returns the exit code. --root is relative to io.cwd. */
export function runCheckCommand(argv: string[], io: CommandIO, projectRoot: string): number {
  return runCommandLine(argv, SPEC, io, ({ values }) => {
    const root = values.root === undefined ? contentRoot(projectRoot) : existingDir(values.root, '--root', io.cwd);
    return check({ root, fix: values.fix ?? false, json: values.json ?? false, report: values.report ?? false }, io);
  });
}

function check(args: { root: string; fix: boolean; json: boolean; report: boolean }, io: CommandIO): number {
  let result: CheckResult;
  try {
    result = runCheck(args.root, { fix: args.fix, today: io.today });
  } catch (e) {
    // runCheck turns content problems into diagnostics; reaching here is a bug in the checker.
    io.err(`Lỗi nội bộ của trình kiểm tra: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const coverage = args.report ? coverageOf(result, io.today) : null;
  if (args.json) {
    io.out(
      JSON.stringify(
        { root: result.root, files: result.files.length, errors, warnings: result.diagnostics.length - errors, fixes: result.fixes, diagnostics: result.diagnostics, ...(coverage ? { coverage } : {}) },
        null,
        2,
      ),
    );
  } else {
    // One write: at 10,000 files the report has 10,000 lines.
    io.out([...checkReportLines(result), ...(coverage ? coverageReportLines(coverage) : [])].join('\n'));
  }
  return errors ? 1 : 0;
}
