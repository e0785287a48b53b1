/**
 * The file name is the document id (and so its permanent URL): it must equal the id
 * derived from the identity, and no two files may describe the same document.
 */
import type { LoadedFile } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { canonicalKey, comparableKey, documentId, yearOf } from '../identity.ts';
import type { DocumentFrontmatter } from '../schema/document.ts';
import { type CheckContext, error } from './context.ts';

export function expectedId(d: DocumentFrontmatter): string {
  return documentId({
    type: d.type,
    number: d.number,
    year: yearOf(d.issued),
    province: d.province,
    issuer: d.issuer,
    issued: d.issued,
  });
}

/**
 * Two files are the same document when type, number (ignoring separators, case and
 * QĐi/QĐ), year and province agree; unnumbered documents compare by their derived id.
 */
export function identityKey(d: DocumentFrontmatter): string {
  if (!d.number) return expectedId(d);
  return [d.type, comparableKey(canonicalKey(d.number, yearOf(d.issued))), d.province ?? ''].join('|');
}

export function checkIdentity(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = new Map<string, LoadedFile<DocumentFrontmatter>[]>();
  for (const doc of ctx.corpus.documents) {
    const expected = expectedId(doc.data);
    if (doc.id !== expected) {
      out.push(
        error(doc.file, 0, undefined, 'file-name',
          `tên tệp phải là mã văn bản suy ra từ loại, số ký hiệu, năm${doc.data.province ? ', tỉnh' : ''}: "${expected}.mdx" (đang là "${doc.id}.mdx")`),
      );
    }
    const key = identityKey(doc.data);
    const list = byKey.get(key) ?? [];
    list.push(doc);
    byKey.set(key, list);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const doc of list) {
      const others = list.filter((o) => o !== doc).map((o) => o.file);
      const what = doc.data.number ? `${doc.data.number} năm ${yearOf(doc.data.issued)}` : expectedId(doc.data);
      out.push(
        error(doc.file, doc.parsed.lineOf([doc.data.number ? 'number' : 'type']), doc.data.number ? 'number' : undefined, 'duplicate-identity',
          `cùng một văn bản (${what}) được mô tả ở nhiều tệp: ${others.join(', ')}; chỉ giữ một tệp`),
      );
    }
  }
  return out;
}
