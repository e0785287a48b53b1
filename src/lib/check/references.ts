/**
 * Ids that must exist in a registry or in the corpus: issuers, co-issuers, provinces,
 * topics of documents, implementation records and course modules, and the documents
 * that records report on and courses read.
 */
import type { LoadedFile } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { type CheckContext, error } from './context.ts';
import { didYouMean } from './suggest.ts';

type Kind = 'issuer' | 'province' | 'topic' | 'document';

const LABEL: Record<Kind, string> = {
  issuer: 'cơ quan ban hành',
  province: 'tỉnh, thành phố',
  topic: 'chủ đề',
  document: 'văn bản',
};

const WHERE: Record<Kind, string> = {
  issuer: 'content/registries/issuers.yaml',
  province: 'content/registries/provinces.yaml',
  topic: 'content/registries/topics.yaml',
  document: 'content/van-ban/',
};

function known(ctx: CheckContext, kind: Kind): ReadonlySet<string> | ReadonlyMap<string, unknown> {
  switch (kind) {
    case 'issuer':
      return ctx.issuers;
    case 'province':
      return ctx.provinces;
    case 'topic':
      return ctx.topics;
    case 'document':
      return ctx.presentDocumentIds;
  }
}

/** Reports `id` when it is not a known id of that kind. */
export function checkId(
  ctx: CheckContext,
  file: LoadedFile<unknown>,
  kind: Kind,
  id: string,
  path: (string | number)[],
): Diagnostic | null {
  const table = known(ctx, kind);
  if (table.has(id)) return null;
  if (kind !== 'document' && (ctx.unusableRegistries.has(kind) || ctx.brokenRegistryIds.has(`${kind}:${id}`))) return null;
  const ids = table instanceof Map ? table.keys() : (table as ReadonlySet<string>).values();
  // Suggestions scan every id; the document list can be long, so only registries get them.
  const hint = kind === 'document' ? '' : didYouMean(id, ids);
  return error(
    file.file,
    file.parsed.lineOf(path),
    path.join('.'),
    `unknown-${kind}`,
    `không có ${LABEL[kind]} mang mã "${id}" (cần một mã có trong ${WHERE[kind]}).${hint}`,
  );
}

function push(out: Diagnostic[], d: Diagnostic | null): void {
  if (d) out.push(d);
}

export function checkReferences(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.corpus.documents) {
    const d = doc.data;
    push(out, checkId(ctx, doc, 'issuer', d.issuer, ['issuer']));
    (d.coIssuers ?? []).forEach((id, i) => push(out, checkId(ctx, doc, 'issuer', id, ['coIssuers', i])));
    if (d.province) push(out, checkId(ctx, doc, 'province', d.province, ['province']));
    d.topics.forEach((id, i) => push(out, checkId(ctx, doc, 'topic', id, ['topics', i])));
    // A local issuer fixes the province, which is part of the document's identity.
    const issuer = ctx.issuers.get(d.issuer);
    if (issuer?.province && ctx.provinces.has(issuer.province)) {
      if (!d.province) {
        out.push(
          error(doc.file, doc.parsed.lineOf(['issuer']), 'province', 'province-missing',
            `văn bản của ${issuer.name} là văn bản địa phương: cần ghi province: ${issuer.province}`),
        );
      } else if (d.province !== issuer.province) {
        out.push(
          error(doc.file, doc.parsed.lineOf(['province']), 'province', 'province-mismatch',
            `province là "${d.province}" nhưng cơ quan ban hành ${issuer.name} thuộc "${issuer.province}"`),
        );
      }
    }
  }
  for (const rec of ctx.corpus.implementations) {
    const d = rec.data;
    if (d.province) push(out, checkId(ctx, rec, 'province', d.province, ['province']));
    d.topics.forEach((id, i) => push(out, checkId(ctx, rec, 'topic', id, ['topics', i])));
    d.reportsOn.forEach((id, i) => {
      const problem = checkId(ctx, rec, 'document', id, ['reportsOn', i]);
      if (problem) return out.push(problem);
      const target = ctx.documents.get(id);
      if (target && earlier(d.date, target.data.issued)) {
        out.push(
          error(rec.file, rec.parsed.lineOf(['reportsOn', i]), `reportsOn.${i}`, 'report-before-document',
            `bản ghi ngày ${d.date} nói về "${id}", nhưng văn bản này ban hành ngày ${target.data.issued}, sau đó`),
        );
      }
      return undefined;
    });
  }
  for (const course of ctx.corpus.courses) {
    const d = course.data;
    d.readings.forEach((r, i) => push(out, checkId(ctx, course, 'document', r.document, ['readings', i, 'document'])));
    d.topics.forEach((id, i) => push(out, checkId(ctx, course, 'topic', id, ['topics', i])));
  }
  return out;
}

/**
 * True when date a is certainly before date b. Partial dates ("2021", "2021-11") are
 * compared only as far as both are known, so "2021" is not before "2021-11-26".
 */
export function earlier(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}
