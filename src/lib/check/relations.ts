/**
 * Explicit relations between documents and the dated status of each document: targets
 * exist (or are the key of a document not in the corpus yet), are not the document itself,
 * were not issued after it (time runs forward, for every relation type), carry their
 * provenance, and "replaces" chains never loop; a status other than unknown says when and
 * where it was read. The graph build takes its relation findings from here
 * (relationFindings), so a relation is judged by one set of rules.
 */
import type { Corpus, LoadedFile } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { RELATION_TYPES, isDocumentKey, relationFacts, type DocumentFrontmatter } from '../schema/document.ts';
import { RELATION_VOCABULARY, respectsTime } from '../schema/vocabulary.ts';
import { type CheckContext, buildContext, error, warning } from './context.ts';
import { earlier } from './references.ts';
import { documentKeyIndex } from '../identity.ts';

type Doc = LoadedFile<DocumentFrontmatter>;

/** The year of a "NUMBER@YEAR" key. */
function keyYear(key: string): string {
  return key.slice(key.lastIndexOf('@') + 1);
}

export function checkRelations(ctx: CheckContext): Diagnostic[] {
  return [...relationRules(ctx, { provenance: true }), ...checkStatusFacts(ctx)];
}

/**
 * The rules of declared relations. Without `provenance`, relations without provenance are
 * not reported (the graph build, which must not pay a YAML syntax tree per file for
 * warnings `npm run check` gives).
 */
function relationRules(ctx: CheckContext, options: { provenance: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = documentKeyIndex([...ctx.documents.values()].map((d) => ({ id: d.id, number: d.data.number ?? null, issued: d.data.issued })));
  for (const doc of ctx.corpus.documents) {
    const rels = doc.data.relations;
    for (const rel of RELATION_TYPES) {
      const verb = RELATION_VOCABULARY[rel].verb;
      const seen = new Set<string>();
      relationFacts(rels, rel).forEach((fact, i) => {
        // A key of a document the corpus has by now stands for that document.
        const key = isDocumentKey(fact.id);
        const target = (key && byKey(fact.id)) || fact.id;
        const path = ['relations', rel, i];
        // Looked up only for a report: a line needs the YAML syntax tree.
        const line = () => doc.parsed.lineOf(path);
        const field = path.join('.');
        if (seen.has(target)) {
          out.push(warning(doc.file, line(), field, 'relation-duplicate', `"${target}" đã có trong relations.${rel}`));
          return;
        }
        seen.add(target);
        if (target === doc.id) {
          out.push(error(doc.file, line(), field, 'relation-self', `văn bản không thể tự ${verb} chính nó ("${target}")`));
          return;
        }
        if (!isDocumentKey(target) && !ctx.presentDocumentIds.has(target)) {
          out.push(
            error(doc.file, line(), field, 'relation-missing-target',
              `không có văn bản "${target}" trong content/van-ban/ (cần tên tệp "${target}.mdx"); thêm văn bản đó, sửa mã, hoặc ghi khóa số@năm ("25-NQ/TW@2003") cho văn bản chưa có`),
          );
          return;
        }
        // Time runs forward: a document cannot act on, be based on, or cite one issued after it.
        const targetIssued = isDocumentKey(target) ? keyYear(target) : ctx.documents.get(target)?.data.issued;
        if (targetIssued && !respectsTime(rel, doc.data.issued, targetIssued)) {
          out.push(
            error(doc.file, line(), field, 'relation-target-later',
              `văn bản ban hành ngày ${doc.data.issued} không thể ${verb} "${target}", ban hành sau đó (${targetIssued})`),
          );
          return;
        }
        if (options.provenance && (fact.plain || !fact.where || !fact.source)) {
          const missing = [!fact.where && 'where (chỗ văn bản nói ra quan hệ)', !fact.source && 'source (đường dẫn trang đã đọc)'].filter(Boolean).join(' và ');
          out.push(
            warning(doc.file, line(), field, 'relation-no-provenance',
              `quan hệ "${verb}" tới "${target}" chưa có xuất xứ: ghi { id: ${target}, where: "…", source: "https://…" } — thiếu ${missing}; quan hệ không tìm được nguồn thì bỏ`),
          );
        }
      });
    }
  }
  out.push(...checkReplacementCycles(ctx), ...checkSupersededStatus(ctx));
  return out;
}

/**
 * The check's findings on declared relations and statuses of a loaded corpus, for the
 * graph build: which relations stand, cycles, statuses without their source.
 */
export function relationFindings(corpus: Corpus, options: { presentDocumentIds?: ReadonlySet<string>; today: string }): Diagnostic[] {
  const ctx = buildContext(corpus, options);
  return [...relationRules(ctx, { provenance: false }), ...checkStatusFacts(ctx)];
}

/** Does a finding make the relation at relations.<type>.<index> unusable as an edge? */
export function blocksRelation(d: Diagnostic): boolean {
  return d.severity === 'error' && ['relation-self', 'relation-missing-target', 'relation-target-later'].includes(d.code);
}

/**
 * A status is an assertion with a date and a source: anything but unknown needs both.
 * effectiveTo cannot come before effectiveFrom.
 */
function checkStatusFacts(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.corpus.documents) {
    const d = doc.data;
    if (d.status !== 'unknown') {
      const missing = [!d.statusAsOf && 'statusAsOf (ngày đọc)', !d.statusSource && 'statusSource (nguồn: { title, url })'].filter(Boolean);
      if (missing.length) {
        out.push(
          error(doc.file, doc.parsed.lineOf(['status']), 'status', 'status-source-missing',
            `status "${d.status}" cần ${missing.join(' và ')}; chưa có nguồn nêu hiệu lực thì ghi status: unknown kèm statusReason`),
        );
      }
    }
    if (d.effectiveFrom && d.effectiveTo && earlier(d.effectiveTo, d.effectiveFrom)) {
      out.push(
        error(doc.file, doc.parsed.lineOf(['effectiveTo']), 'effectiveTo', 'effective-dates-order',
          `ngày hết hiệu lực ${d.effectiveTo} trước ngày có hiệu lực ${d.effectiveFrom}`),
      );
    }
  }
  return out;
}

/** Strongly connected components of the replaces graph (iterative Tarjan: chains can be long). */
function replacementComponents(docs: ReadonlyMap<string, Doc>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const comps: string[][] = [];
  let next = 0;
  const succ = (id: string) => replacedIds(docs.get(id)).filter((t) => t !== id && docs.has(t));
  for (const start of docs.keys()) {
    if (index.has(start)) continue;
    const work: { id: string; children: string[]; i: number }[] = [];
    const open = (id: string) => {
      index.set(id, next);
      low.set(id, next);
      next++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, children: succ(id), i: 0 });
    };
    open(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.children.length) {
        const child = top.children[top.i++]!;
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(top.id, Math.min(low.get(top.id)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) === index.get(top.id)) {
        const comp: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          comp.push(id);
        } while (id !== top.id);
        if (comp.length > 1) comps.push(comp);
      }
    }
  }
  return comps;
}

/** One concrete loop through `from` inside the component, for the message. */
function loopThrough(from: string, comp: ReadonlySet<string>, docs: ReadonlyMap<string, Doc>): string[] {
  const prev = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const id = queue.shift()!;
    for (const t of replacedIds(docs.get(id))) {
      if (t === from) {
        const path = [id];
        while (path[0] !== from) path.unshift(prev.get(path[0]!)!);
        return [...path, from];
      }
      if (comp.has(t) && !seen.has(t)) {
        seen.add(t);
        prev.set(t, id);
        queue.push(t);
      }
    }
  }
  return [from];
}

function checkReplacementCycles(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const comp of replacementComponents(ctx.documents)) {
    const members = new Set(comp);
    for (const id of [...comp].sort()) {
      const doc = ctx.documents.get(id)!;
      const i = replacedIds(doc).findIndex((t) => members.has(t) && t !== id);
      const loop = loopThrough(id, members, ctx.documents);
      const shown = loop.length > 8 ? [...loop.slice(0, 4), '…', ...loop.slice(-2)] : loop;
      out.push(
        error(doc.file, doc.parsed.lineOf(['relations', 'replaces', i]), `relations.replaces.${i}`, 'replaces-cycle',
          `chuỗi thay thế khép vòng (${comp.length} văn bản): ${shown.join(' → ')}; một văn bản không thể gián tiếp thay thế chính nó`),
      );
    }
  }
  return out;
}

/** Ids a document declares it replaces. */
function replacedIds(doc: Doc | undefined): string[] {
  return doc ? relationFacts(doc.data.relations, 'replaces').map((f) => f.id) : [];
}

/** A status read after the replacing document appeared should not still say in force. */
function checkSupersededStatus(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.corpus.documents) {
    for (const target of replacedIds(doc)) {
      const old = ctx.documents.get(target);
      if (!old || target === doc.id || old.data.status !== 'in-force' || !old.data.statusAsOf) continue;
      if (earlier(old.data.statusAsOf, doc.data.issued)) continue;
      out.push(
        warning(old.file, old.parsed.lineOf(['status']), 'status', 'status-superseded',
          `status là in-force (xác minh ngày ${old.data.statusAsOf}) nhưng văn bản đã bị "${doc.id}" thay thế từ ${doc.data.issued}; trang văn bản sẽ hiển thị "đã bị thay thế"`),
      );
    }
  }
  return out;
}
