/**
 * Explicit relations between documents: targets exist, are not the document itself,
 * were not issued after it, and "replaces" chains never loop.
 */
import type { LoadedFile } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { RELATION_TYPES, type DocumentFrontmatter, type RelationType } from '../schema/document.ts';
import { type CheckContext, error, warning } from './context.ts';
import { earlier } from './references.ts';

type Doc = LoadedFile<DocumentFrontmatter>;

const VERB: Record<RelationType, string> = {
  replaces: 'thay thế',
  amends: 'sửa đổi, bổ sung',
  repeals: 'bãi bỏ',
  implements: 'triển khai',
  continues: 'tiếp tục thực hiện',
  guides: 'hướng dẫn',
  basedOn: 'căn cứ',
  cites: 'dẫn chiếu',
};

export function checkRelations(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.corpus.documents) {
    const rels = doc.data.relations;
    for (const rel of RELATION_TYPES) {
      const seen = new Set<string>();
      (rels[rel] ?? []).forEach((target, i) => {
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
          out.push(error(doc.file, line(), field, 'relation-self', `văn bản không thể tự ${VERB[rel]} chính nó ("${target}")`));
          return;
        }
        if (!ctx.presentDocumentIds.has(target)) {
          out.push(
            error(doc.file, line(), field, 'relation-missing-target',
              `không có văn bản "${target}" trong content/van-ban/ (cần tên tệp "${target}.mdx"); thêm văn bản đó hoặc sửa mã`),
          );
          return;
        }
        const other = ctx.documents.get(target);
        // A document cannot act on, or be based on, a document that did not yet exist.
        // Citations are left out: a cited number may be mis-resolved, which is not a data error.
        if (other && rel !== 'cites' && earlier(doc.data.issued, other.data.issued)) {
          out.push(
            error(doc.file, line(), field, 'relation-target-later',
              `văn bản ban hành ngày ${doc.data.issued} không thể ${VERB[rel]} "${target}", ban hành sau đó (${other.data.issued})`),
          );
        }
      });
    }
  }
  out.push(...checkReplacementCycles(ctx), ...checkSupersededStatus(ctx));
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
  const succ = (id: string) => (docs.get(id)?.data.relations.replaces ?? []).filter((t) => t !== id && docs.has(t));
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
    for (const t of docs.get(id)?.data.relations.replaces ?? []) {
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
      const i = (doc.data.relations.replaces ?? []).findIndex((t) => members.has(t) && t !== id);
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

/** A status checked after the replacing document appeared should not still say in force. */
function checkSupersededStatus(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.corpus.documents) {
    for (const target of doc.data.relations.replaces ?? []) {
      const old = ctx.documents.get(target);
      if (!old || target === doc.id || old.data.status !== 'in-force') continue;
      if (earlier(old.data.statusAsOf, doc.data.issued)) continue;
      out.push(
        warning(old.file, old.parsed.lineOf(['status']), 'status', 'status-superseded',
          `status là in-force (xác minh ngày ${old.data.statusAsOf}) nhưng văn bản đã bị "${doc.id}" thay thế từ ${doc.data.issued}; trang văn bản sẽ hiển thị "đã bị thay thế"`),
      );
    }
  }
  return out;
}
