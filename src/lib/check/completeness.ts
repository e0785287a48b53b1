/**
 * Facts a document may lack without being wrong: each missing one is a warning, so
 * editors see what is left to find without the check failing.
 */
import type { LoadedFile } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { type CheckContext, warning } from './context.ts';

/** Lengths past which a field is almost certainly a paste error, not a title or summary. */
const MAX_LENGTH: Record<string, number> = { title: 600, summary: 1000, signer: 120, statusReason: 2000 };

function tooLong(file: LoadedFile<unknown>, data: Record<string, unknown>, out: Diagnostic[]): void {
  for (const [field, max] of Object.entries(MAX_LENGTH)) {
    const v = data[field];
    if (typeof v === 'string' && v.length > max) {
      out.push(warning(file.file, file.parsed.lineOf([field]), field, 'field-too-long',
        `${field} dài ${v.length} ký tự (thường dưới ${max}); kiểm tra xem có dán nhầm cả đoạn văn bản không`));
    }
  }
}

export function checkCompleteness(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.corpus.documents) {
    const d = doc.data;
    const at = (field: string) => doc.parsed.lineOf([field]);
    if (!d.number) out.push(warning(doc.file, at('type'), 'number', 'number-missing', 'chưa có số ký hiệu; bổ sung khi tìm được nguồn (mã văn bản sẽ đổi theo)'));
    if (!d.signer) out.push(warning(doc.file, at('title'), 'signer', 'signer-missing', 'chưa ghi người ký'));
    if (!d.statusReason) out.push(warning(doc.file, at('status'), 'statusReason', 'status-reason-missing', `chưa ghi căn cứ cho tình trạng "${d.status}" (statusReason)`));
    if (!d.summary) out.push(warning(doc.file, at('title'), 'summary', 'summary-missing', 'chưa có tóm tắt một dòng (summary) cho danh sách và tài liệu học tập'));
    tooLong(doc, d as Record<string, unknown>, out);
  }
  for (const rec of ctx.corpus.implementations) tooLong(rec, rec.data as Record<string, unknown>, out);
  for (const course of ctx.corpus.courses) tooLong(course, course.data as Record<string, unknown>, out);
  return out;
}
