/**
 * Ids that must exist in a registry or in the corpus: issuers, co-issuers, provinces,
 * topics of documents, implementation records and course modules, and the documents
 * that records report on and courses read.
 */
import { isBefore } from '../schema/dates.ts';
import { isDocumentKey } from '../schema/document.ts';
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
/** a is before b, as precisely as both dates are known (src/lib/schema/dates.ts). */
export const earlier = isBefore;

/**
 * Reference checks for a file that failed its schema, on whatever its frontmatter
 * holds: one bad date must not hide an unknown issuer in the same file. Only values of
 * the right shape are looked at; shapes are the schema's business.
 */
export function checkLooseReferences(ctx: CheckContext, file: LoadedFile<unknown>, collection: 'documents' | 'implementations' | 'courses'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const data = file.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  const one = (key: string, kind: Kind) => {
    if (typeof data[key] === 'string') push(out, checkId(ctx, file, kind, data[key], [key]));
  };
  const many = (key: string, kind: Kind) => {
    const list = data[key];
    if (Array.isArray(list)) list.forEach((id, i) => typeof id === 'string' && push(out, checkId(ctx, file, kind, id, [key, i])));
  };
  if (collection === 'documents') {
    one('issuer', 'issuer');
    many('coIssuers', 'issuer');
    one('province', 'province');
    many('topics', 'topic');
    const rels = data.relations;
    if (rels && typeof rels === 'object' && !Array.isArray(rels)) {
      for (const [rel, list] of Object.entries(rels as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        list.forEach((entry, i) => {
          const id: unknown = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : entry;
          if (typeof id !== 'string' || isDocumentKey(id)) return;
          const path = ['relations', rel, i];
          if (id === file.id) {
            out.push(error(file.file, file.parsed.lineOf(path), path.join('.'), 'relation-self', `văn bản không thể có quan hệ với chính nó ("${id}")`));
          } else if (!ctx.presentDocumentIds.has(id)) {
            out.push(error(file.file, file.parsed.lineOf(path), path.join('.'), 'relation-missing-target',
              `không có văn bản "${id}" trong content/van-ban/ (cần tên tệp "${id}.mdx"); thêm văn bản đó hoặc sửa mã`));
          }
        });
      }
    }
  } else if (collection === 'implementations') {
    one('province', 'province');
    many('topics', 'topic');
    many('reportsOn', 'document');
  } else {
    many('topics', 'topic');
    const readings = data.readings;
    if (Array.isArray(readings)) {
      readings.forEach((r, i) => {
        const id = (r as { document?: unknown } | null)?.document;
        if (typeof id === 'string') push(out, checkId(ctx, file, 'document', id, ['readings', i, 'document']));
      });
    }
  }
  return out;
}
