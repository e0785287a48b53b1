/**
 * The text report of `npm run check`, shared with the graph build's --check mode so a
 * build prints exactly what the check prints.
 */
import { formatDiagnostic } from '../diagnostics.ts';
import type { CheckResult } from './index.ts';

export function checkErrorCount(result: CheckResult): number {
  return result.diagnostics.filter((d) => d.severity === 'error').length;
}

export function checkReportLines(result: CheckResult): string[] {
  const lines: string[] = [];
  for (const f of result.fixes) {
    for (const l of f.lines) lines.push(`${f.file}:${l.line} đã sửa: ${l.changes.join('; ')}`);
  }
  for (const d of result.diagnostics) lines.push(formatDiagnostic(d));
  const errors = checkErrorCount(result);
  const warnings = result.diagnostics.length - errors;
  const fixed = result.fixes.length ? `, đã sửa ${result.fixes.length} tệp` : '';
  lines.push(`Đã kiểm tra ${result.files.length} tệp: ${errors} lỗi, ${warnings} cảnh báo${fixed}.`);
  return lines;
}
