/**
 * The graph build as a pure function: corpus in, graph and rendered bodies out. The
 * script (scripts/build-graph.ts) does the file I/O; tests call this directly.
 *
 * Per body: parse → heading anchors → text blocks → references (engine, or the cache) →
 * edges/evidence/unresolved → annotate → HTML. Explicit (frontmatter) edges win and keep
 * their provenance; edges read from a full text keep their evidence sentence, heading and
 * line. A summary body (fullText: false) is the editors' prose, not the document's: its
 * mentions are links for reading and make no edge. Which declared relations are valid is
 * decided by the check (src/lib/check/relations.ts), whose findings this build reports.
 */
import { hash as oneShotHash } from 'node:crypto';
import type { Corpus, LoadedFile } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { canonicalKey, comparableKey, documentKeyIndex, yearOf } from '../identity.ts';
import { DOCUMENT_TYPES } from '../document-types.ts';
import type { DocumentFrontmatter, RelationType } from '../schema/document.ts';
import { RELATION_TYPES, isDocumentKey, relationFacts } from '../schema/document.ts';
import { RELATION_VOCABULARY, respectsTime } from '../schema/vocabulary.ts';
import { blocksRelation, relationFindings } from '../check/relations.ts';
import { today as todayFromEnv } from '../today.ts';
import type { Level } from '../schema/registries.ts';
import { normalizeOneLine, searchKey } from '../text/vietnamese.ts';
import type { CitationContext, CorpusEntry, Reference } from '../citations/types.ts';
import { buildCorpusIndex, extractionFingerprint, findReferences, type CorpusIndex, type ProvinceName, type TextExtraction } from '../citations/index.ts';
import type { NamedDocument } from '../schema/named-documents.ts';
import { citationLine, shortCitation } from './citation-line.ts';
import { effectiveStatuses, type StatusFacts } from './status.ts';
import { citationFinder, renderBody, type BodyInput, type BodyOutput, type MentionRef } from './render-body.ts';
import { assembleGraph, explicitEdges, graphObject, type AssembledGraph, type UnresolvedItem, type WorkPart } from './parts.ts';
import { bodyHashOf, loaderCodeVersion } from '../content/file-cache.ts';
import type {
  Ambiguity,
  BodyCollection,
  Evidence,
  Graph,
  GraphEdge,
  GraphNode,
  ImplementationRecord,
} from './types.ts';

/** The engine's two entry points (src/lib/citations/index.ts), injected so tests can vary them. */
export interface CitationEngine<Index = unknown> {
  buildCorpusIndex(entries: CorpusEntry[], provinces?: readonly ProvinceName[], namedDocuments?: readonly NamedDocument[]): Index;
  findReferences(text: string, index: Index, ctx: CitationContext): Reference[];
}

/**
 * Per-body cache of the per-body stage's whole output (HTML, mentions, link reports, and
 * the body's extraction with a digest of its resolution: see BodyOutput). With the
 * default engine the key hashes only what extraction depends on — the body, the citing
 * context and identity, the engine version and the corpus aliases — so a change to
 * another document's identity does not re-extract this body: its mentions are resolved
 * again against the new corpus (cheap), and the output is reused while that resolution
 * is unchanged, or rendered again from the cached extraction when it changed. With
 * another engine, the key also covers the whole corpus index, as before.
 */
export interface ExtractionCache {
  get(key: string): BodyOutput | undefined;
  set(key: string, value: BodyOutput): void;
}

export type { BodyInput, BodyOutput } from './render-body.ts';

export interface BuildOptions {
  /**
   * The citation engine; defaults to src/lib/citations/index.ts. With null, bodies are
   * rendered without citation links and no edges are read from the text.
   */
  engine?: CitationEngine<any> | null;
  cache?: ExtractionCache | null;
  /** Changes whenever the engine's code changes; part of every cache key. */
  engineVersion?: string;
  /** The day effective statuses are computed for (default: today in Vietnam). */
  today?: string;
}

const defaultEngine: CitationEngine<any> = { buildCorpusIndex, findReferences };

export type { BodyCollection };

export interface RenderedBody {
  collection: BodyCollection;
  id: string;
  html: string;
}

export interface BuildResult {
  graph: Graph;
  /** Sorted by collection, then id. */
  bodies: RenderedBody[];
  /** Bodies parsed, run through the engine and rendered in this build (the rest came from the cache). */
  extracted: number;
  /** Bodies rendered again from their cached extraction, because a mention now resolves differently. */
  relinked: number;
  /** Bodies whose whole output came from the cache. */
  cached: number;
}

/** One body to render: its cache key and the input of renderBody. */
export interface BodyJob {
  collection: BodyCollection;
  id: string;
  key: string;
  input: BodyInput;
}

/**
 * A build split at the per-body stage, so a caller can render the jobs its own way
 * (cache, worker threads) and then finish. `engine` says which engine the jobs need:
 * 'default' (src/lib/citations, also loadable in a worker), 'custom' or null.
 */
export interface GraphPlan {
  jobs: BodyJob[];
  engine: 'default' | 'custom' | null;
  /** What a worker needs to build the same corpus index. */
  indexInput: { entries: CorpusEntry[]; provinces: readonly ProvinceName[]; namedDocuments: readonly NamedDocument[] };
  /** A hash of that input: equal fingerprints, equal resolutions of the same mentions. */
  corpusFingerprint: string;
  /**
   * Whether the finished graph will have errors. Every error comes from frontmatter (the
   * bodies only add warnings), so this is known before any body is rendered: a caller
   * can decide early whether the outputs will be written.
   */
  errors: boolean;
  /** Renders one job in this thread with the plan's engine; `raw`: its cached extraction. */
  render(job: BodyJob, raw?: TextExtraction): BodyOutput;
  /**
   * The digest of what this corpus's resolution makes of a job's cached extraction; a
   * cached output whose digest differs must be rendered again. '' without the default engine.
   */
  resolution(job: BodyJob, raw: TextExtraction | undefined): string;
  /**
   * Digest of everything jobs[i]'s part of the graph is computed from, given its body's
   * version (bodyVersion) and the documents the part read (WorkPart.deps): an earlier
   * part with this digest is this part.
   */
  partHash(i: number, bodyVersion: string, deps: readonly string[]): string;
  /** jobs[i]'s part of the graph, from its output (`bodyVersion`: bodyVersion(key, output.resolution)). */
  part(i: number, output: BodyOutput, bodyVersion: string): WorkPart;
  /** The parts (parts[i] of jobs[i]) assembled into the graph. */
  assemble(parts: readonly WorkPart[]): AssembledGraph;
  /** outputs[i] is the output of jobs[i]. */
  finish(outputs: readonly BodyOutput[], counts?: BuildCounts): BuildResult;
}

interface DeclaredMissing {
  from: LoadedFile<DocumentFrontmatter>;
  type: RelationType;
  index: number;
  key: string;
  provenance: GraphEdge['provenance'];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * SHA-256 of the parts, each followed by a NUL. One call, no Hash object: it runs three times
 * per body on every build (the body's key, its part's digest, its node's digest).
 */
function hash(...parts: string[]): string {
  return oneShotHash('sha256', `${parts.join('\u0000')}\u0000`);
}


function corpusEntry(file: LoadedFile<DocumentFrontmatter>): CorpusEntry {
  const d = file.data;
  return {
    id: file.id,
    type: d.type,
    number: d.number ?? null,
    year: yearOf(d.issued),
    issued: d.issued,
    issuer: d.issuer,
    province: d.province ?? null,
    aliases: d.aliases ?? [],
  };
}

interface BodyWork {
  collection: BodyCollection;
  id: string;
  file: string;
  /** The body's file: its text is read only when the body is rendered. */
  source: LoadedFile<unknown>;
  bodyLine: number;
  ctx: CitationContext;
  /** Present for corpus documents: their mentions become edges. */
  node?: GraphNode;
}

export interface BuildCounts {
  extracted: number;
  relinked: number;
  cached: number;
}

/** Renders every body in this thread (with the cache, when given) and finishes the build. */
export function buildGraph(corpus: Corpus, options: BuildOptions = {}): BuildResult {
  const plan = planGraph(corpus, options);
  const counts: BuildCounts = { extracted: 0, relinked: 0, cached: 0 };
  const outputs = plan.jobs.map((job) => {
    const hit = options.cache?.get(job.key);
    if (hit && (hit.resolution ?? '') === plan.resolution(job, hit.raw)) {
      counts.cached++;
      return hit;
    }
    const out = hit ? plan.render(job, hit.raw) : plan.render(job);
    counts[hit ? 'relinked' : 'extracted']++;
    options.cache?.set(job.key, out);
    return out;
  });
  return plan.finish(outputs, counts);
}

export function planGraph(corpus: Corpus, options: BuildOptions = {}): GraphPlan {
  const diagnostics: Diagnostic[] = [...corpus.diagnostics];
  const issuers = new Map(corpus.registries.issuers.map((i) => [i.id, i]));
  const documents = [...corpus.documents].sort((a, b) => byString(a.id, b.id));
  const docIds = new Set(documents.map((d) => d.id));

  // ---------- nodes ----------
  const issuerName = (id: string) => issuers.get(id)?.name ?? id;
  const nodes: GraphNode[] = documents.map((f) => {
    const d = f.data;
    const issuer = issuers.get(d.issuer);
    if (!issuer) {
      diagnostics.push({ severity: 'error', file: f.file, line: f.parsed.lineOf(['issuer']), field: 'issuer', code: 'unknown-issuer', message: `cơ quan ban hành "${d.issuer}" không có trong content/registries/issuers.yaml` });
    }
    const level: Level = issuer?.level ?? (d.province ? 'tinh' : 'trung-uong');
    const year = yearOf(d.issued);
    const line = { type: d.type, number: d.number ?? null, issued: d.issued, issuers: [d.issuer, ...(d.coIssuers ?? [])].map(issuerName), title: d.title };
    let citation: string | undefined;
    return {
      id: f.id,
      file: f.file,
      type: d.type,
      number: d.number ?? null,
      issued: d.issued,
      year,
      issuer: d.issuer,
      coIssuers: d.coIssuers ?? [],
      signer: d.signer ?? null,
      title: d.title,
      province: d.province ?? null,
      level,
      topics: d.topics,
      status: d.status,
      statusAsOf: d.statusAsOf ?? null,
      statusSource: d.statusSource ?? null,
      statusReason: d.statusReason ?? null,
      effectiveFrom: d.effectiveFrom ?? null,
      effectiveTo: d.effectiveTo ?? null,
      // Filled in once the edges are known.
      effectiveStatus: { status: d.status, reason: '' },
      history: [],
      summaryMentions: [],
      fullText: d.fullText,
      summary: d.summary ?? null,
      featured: d.featured ?? false,
      aliases: d.aliases ?? [],
      sources: d.sources,
      // Computed when first read (an accessor keeps its place among the keys, so the node's
      // JSON is the same): a build after one change splices most nodes' JSON from the last
      // graph.json (parts.ts, nodeText) and never reads their citation line.
      get citation() {
        return (citation ??= citationLine(line));
      },
      key: d.number ? canonicalKey(d.number, year) : null,
    };
  });
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const shortCitationOf = (id: string) => {
    const n = nodeById.get(id);
    return n ? shortCitation({ type: n.type, number: n.number, issued: n.issued, issuers: [n.issuer, ...n.coIssuers].map(issuerName) }) : id;
  };

  // ---------- explicit edges ----------
  // The check decides which declared relations stand (target exists, not itself, not
  // issued later, no replacement cycle); its errors are this build's errors too.
  const today = options.today ?? todayFromEnv();
  const findings = relationFindings(corpus, { presentDocumentIds: docIds, today });
  const blocked = new Set(findings.filter(blocksRelation).map((d) => `${d.file}\u0000${d.field}`));
  diagnostics.push(...findings.filter((d) => d.severity === 'error' || d.code === 'status-superseded'));
  const edgeKey = (from: string, to: string, type: RelationType) => `${from}\u0000${to}\u0000${type}`;
  /** Per document, its declared edges to corpus documents, in declaration order. */
  const explicitOf = new Map<string, GraphEdge[]>();
  /** Per document, its declared relations to documents not in the corpus, listed on /chua-co/. */
  const declaredOf = new Map<string, DeclaredMissing[]>();
  const byKey = documentKeyIndex(nodes);
  for (const f of documents) {
    const seen = new Set<string>();
    for (const type of RELATION_TYPES) {
      relationFacts(f.data.relations, type).forEach((fact, i) => {
        // A key of a document the corpus has by now stands for that document.
        const to = (isDocumentKey(fact.id) && byKey(fact.id)) || fact.id;
        if (to === f.id || blocked.has(`${f.file}\u0000relations.${type}.${i}`)) return;
        const provenance = { where: fact.where, source: fact.source, note: fact.note };
        if (!docIds.has(to)) {
          // A key of a document not in the corpus; an id of a file that failed to load is the check's report.
          if (isDocumentKey(to)) declaredOf.set(f.id, [...(declaredOf.get(f.id) ?? []), { from: f, type, index: i, key: to, provenance }]);
          return;
        }
        const k = edgeKey(f.id, to, type);
        if (seen.has(k)) return;
        seen.add(k);
        explicitOf.set(f.id, [...(explicitOf.get(f.id) ?? []), { from: f.id, to, type, origin: 'explicit', evidence: [], provenance }]);
      });
    }
  }

  // ---------- bodies ----------
  const engine = options.engine === undefined ? defaultEngine : options.engine;
  const entries = documents.map(corpusEntry);
  // The same index as the CLI's: named laws are resolved to the version their mention means.
  const namedDocuments = corpus.registries.namedDocuments ?? [];
  const index = engine ? engine.buildCorpusIndex(entries, corpus.registries.provinces, namedDocuments) : null;
  // The default engine extracts with the index's extraction vocabulary only; anything else may depend on the whole index.
  const finder = engine === defaultEngine ? citationFinder(index as CorpusIndex) : null;
  const corpusFingerprint = hash(JSON.stringify(entries), JSON.stringify(corpus.registries.provinces), JSON.stringify(namedDocuments));
  const indexFingerprint = finder ? hash(extractionFingerprint(index as CorpusIndex)) : corpusFingerprint;
  const work: BodyWork[] = [
    ...documents.map((f): BodyWork => ({
      collection: 'documents', id: f.id, file: f.file, source: f, bodyLine: f.bodyLine,
      // A body that is not the official text is editors' prose written today, which may well
      // name later documents; only an official text is bound to its issue date.
      ctx: { selfId: f.id, province: f.data.province ?? null, date: f.data.fullText ? f.data.issued : null }, node: nodeById.get(f.id)!,
    })),
    ...corpus.implementations.map((f): BodyWork => ({
      collection: 'implementations', id: f.id, file: f.file, source: f, bodyLine: f.bodyLine,
      ctx: { selfId: null, province: f.data.province ?? null, date: f.data.date },
    })),
    ...corpus.courses.map((f): BodyWork => ({
      collection: 'courses', id: f.id, file: f.file, source: f, bodyLine: f.bodyLine,
      ctx: { selfId: null, province: null, date: null },
    })),
  ];

  const jobs: BodyJob[] = work.map((w) => {
    const self = w.node ? { id: w.node.id, number: w.node.number, year: w.node.year } : null;
    let input: BodyInput | undefined;
    return {
      collection: w.collection,
      id: w.id,
      // The body by its hash: a body reused from the cache is never read.
      key: hash(options.engineVersion ?? '', indexFingerprint, JSON.stringify(w.ctx), JSON.stringify(self), w.source.bodyHash ?? bodyHashOf(w.source.body)),
      get input() {
        return (input ??= { body: w.source.body, ctx: w.ctx, self });
      },
    };
  });
  const find = engine ? (text: string, ctx: CitationContext) => engine.findReferences(text, index, ctx) : null;

  // ---------- per body: its part of the graph (parts.ts) ----------
  const sourceHashOf = (f: LoadedFile<unknown>) => f.sourceHash ?? hash(f.raw);
  const workFiles: LoadedFile<unknown>[] = [...documents, ...corpus.implementations, ...corpus.courses];
  const partHash = (i: number, bodyVersion: string, deps: readonly string[]): string => {
    const w = work[i]!;
    const facts = w.node ? [explicitOf.get(w.id) ?? [], (declaredOf.get(w.id) ?? []).map((m) => [m.type, m.index, m.key, m.provenance])] : [];
    // One string, one digest: this runs for every body on every build.
    return hash(
      ['part 1', options.engineVersion ?? '', w.collection, w.id, w.file, w.bodyLine, sourceHashOf(workFiles[i]!), bodyVersion, JSON.stringify(facts), deps.map((id) => `${id}:${nodeById.get(id)?.issued ?? '-'}`).join(' ')].join('\u0000'),
    );
  };

  function part(i: number, rendered: BodyOutput, bodyVersion: string): WorkPart {
    const w = work[i]!;
    const diagnostics: Diagnostic[] = [];
    const deps = new Set<string>();
    for (const doc of rendered.links.documents) {
      deps.add(doc.id);
      if (!docIds.has(doc.id)) {
        diagnostics.push({ severity: 'warning', file: w.file, line: w.bodyLine - 1 + doc.line, field: 'body', code: 'link-target-missing', message: `liên kết tới văn bản "${doc.id}" không có trong kho` });
      }
    }
    for (const u of rendered.links.unsafe) {
      diagnostics.push({ severity: 'warning', file: w.file, line: w.bodyLine - 1 + u.line, field: 'body', code: 'link-unsafe', message: `liên kết "${u.url}" bị bỏ: chỉ cho phép http, https, mailto, tel` });
    }
    const done = (p: Omit<WorkPart, 'hash' | 'deps' | 'diagnostics'>): WorkPart => {
      const sorted = [...deps].sort(byString);
      return { hash: partHash(i, bodyVersion, sorted), deps: sorted, diagnostics, ...p };
    };
    const node = w.node;
    if (!node) {
      return done({ edgeMeta: [], edges: [], ambiguityCount: 0, ambiguities: [], unresolved: [], declared: [], counts: [0, 0, 0], summaryMentions: [] });
    }
    const from = node.id;
    // Mentions in a summary are the editors' words: links for reading, never edges.
    const shift = w.bodyLine - 1;
    const named = new Set<string>();
    const textEdges = new Map<string, GraphEdge>();
    const ambiguities: Ambiguity[] = [];
    const unresolved: UnresolvedItem[] = [];
    let references = 0;
    let resolved = 0;
    let unresolvedCount = 0;
    for (const m of rendered.mentions) {
      const { ref } = m;
      const evidence = { ...m.evidence, line: m.evidence.line + shift };
      references++;
      if (ref.target) deps.add(ref.target);
      if (ref.target && ref.target !== from && docIds.has(ref.target)) {
        resolved++;
        if (!node.fullText) {
          named.add(ref.target);
          continue;
        }
        // Time runs forward: an official text cannot cite a document issued after it, so
        // such a reading is a wrong resolution; it is dropped and the sentence shown.
        const target = nodeById.get(ref.target)!;
        if (!respectsTime(ref.relation, node.issued, target.issued)) {
          diagnostics.push({
            severity: 'warning', file: node.file, line: evidence.line, field: 'body', code: 'relation-text-later',
            message: `câu "${evidence.sentence}" được đọc là ${RELATION_VOCABULARY[ref.relation].verb} ${target.id} (ban hành ${target.issued}), văn bản ban hành sau văn bản này (${node.issued}); quan hệ bị bỏ — hãy kiểm tra số, ngày trong câu`,
          });
          continue;
        }
        const type: RelationType = ref.relation;
        const k = edgeKey(from, ref.target, type);
        const origin = type === 'cites' ? 'text' : 'inferred';
        const e = textEdges.get(k) ?? { from, to: ref.target, type, origin, evidence: [] };
        e.evidence.push(evidence);
        textEdges.set(k, e);
        continue;
      }
      if (ref.candidates.length > 1) {
        ambiguities.push({ from, text: normalizeOneLine(ref.text), candidates: [...ref.candidates].sort(byString), evidence });
        continue;
      }
      unresolvedCount++;
      const display = unresolvedKeyOf(ref);
      unresolved.push({
        group: display.includes('@') ? comparableKey(display) : searchKey(display),
        head: [display, ref.type, ref.key ? ref.key.split('@')[0]! : ref.number, ref.year, ref.province],
        issuer: ref.issuerText ? normalizeOneLine(ref.issuerText) : null,
        id: node.id,
        line: evidence.line,
        entry: { id: node.id, evidence, via: node.fullText ? 'text' : 'summary' },
      });
    }
    // Declared relations to a document not in the corpus: the editors' list of what to add.
    const declared = (declaredOf.get(from) ?? []).map((m): UnresolvedItem => {
      const [number, year] = [m.key.slice(0, m.key.lastIndexOf('@')), Number(m.key.slice(m.key.lastIndexOf('@') + 1))];
      const where = m.provenance?.where ? `: ${m.provenance.where}` : '';
      const line = m.from.parsed.lineOf(['relations', m.type, m.index]);
      return {
        group: comparableKey(m.key),
        head: [m.key, null, number, year, null],
        issuer: null,
        id: m.from.id,
        line,
        entry: {
          id: m.from.id,
          evidence: { sentence: `${RELATION_VOCABULARY[m.type].forward}${where}`, heading: null, anchor: null, line },
          via: 'relation',
          relation: m.type,
          provenance: m.provenance,
        },
      };
    });

    /** A warning on the body line of an edge's first evidence sentence. */
    const warnAtEvidence = (e: GraphEdge, code: string, message: string) =>
      diagnostics.push({ severity: 'warning', file: node.file, line: e.evidence[0]!.line, field: 'body', code, message });
    // This document's declared edges (copies: the plan's stay as declared).
    const edgeMap = new Map<string, GraphEdge>();
    const explicitByPair = new Map<string, GraphEdge[]>();
    for (const declaredEdge of explicitOf.get(from) ?? []) {
      const e = { ...declaredEdge, evidence: [] };
      edgeMap.set(edgeKey(e.from, e.to, e.type), e);
      const pair = `${e.from}\u0000${e.to}`;
      explicitByPair.set(pair, [...(explicitByPair.get(pair) ?? []), e]);
    }
    // Fold text edges into explicit ones: explicit wins, the sentence stays as its evidence.
    for (const [k, e] of textEdges) {
      const covering = edgeMap.get(k) ?? explicitByPair.get(`${e.from}\u0000${e.to}`)?.[0];
      if (covering) {
        covering.evidence.push(...e.evidence);
        if (covering.type !== e.type && e.type !== 'cites') {
          const ev = e.evidence[0]!;
          warnAtEvidence(e, 'relation-text-differs', `frontmatter khai báo quan hệ "${covering.type}" với ${e.to}, nhưng câu "${ev.sentence}" gợi ý "${e.type}"; hãy kiểm tra lại`);
        }
        continue;
      }
      edgeMap.set(k, e);
    }
    // A plain citation of a document that the same text also relates to more precisely
    // adds no edge of its own: it becomes evidence of the more precise one.
    for (const [k, e] of [...edgeMap]) {
      if (e.type !== 'cites' || e.origin === 'explicit') continue;
      let precise: GraphEdge | undefined;
      for (const t of RELATION_TYPES) {
        if (t === 'cites') continue;
        precise = edgeMap.get(edgeKey(e.from, e.to, t));
        if (precise) break;
      }
      if (precise) {
        precise.evidence.push(...e.evidence);
        edgeMap.delete(k);
      }
    }
    // Text that says "thay thế"/"bãi bỏ" without the frontmatter saying so: ask the editor,
    // since only explicit edges change a document's status.
    for (const e of edgeMap.values()) {
      if (e.origin === 'inferred' && (e.type === 'replaces' || e.type === 'repeals')) {
        const ev = e.evidence[0]!;
        warnAtEvidence(e, 'relation-not-declared', `văn bản viết "${ev.sentence}" nhưng frontmatter chưa khai báo relations.${e.type}: [${e.to}]; nếu đúng, hãy khai báo để hiệu lực được tính`);
      }
    }
    const edges = [...edgeMap.values()]
      .map((e) => ({ ...e, evidence: dedupeEvidence(e.evidence) }))
      .sort((a, b) => byString(a.to, b.to) || byString(a.type, b.type));
    ambiguities.sort((a, b) => a.evidence.line - b.evidence.line || byString(a.text, b.text));
    return done({
      edgeMeta: edges.map((e) => [e.to, e.type, e.origin]),
      edges,
      ambiguityCount: ambiguities.length,
      ambiguities,
      unresolved,
      declared,
      counts: [references, resolved, unresolvedCount],
      summaryMentions: [...named],
    });
  }

  // ---------- implementations, courses: errors that do not depend on the bodies ----------
  const lateDiagnostics: Diagnostic[] = [];
  const implementations: ImplementationRecord[] = [...corpus.implementations]
    .sort((a, b) => byString(a.id, b.id))
    .map((f) => {
      f.data.reportsOn.forEach((id, i) => {
        if (!docIds.has(id)) {
          lateDiagnostics.push({ severity: 'error', file: f.file, line: f.parsed.lineOf(['reportsOn', i]), field: `reportsOn.${i}`, code: 'relation-target-missing', message: `không có văn bản "${id}" trong content/van-ban/` });
        }
      });
      return {
        id: f.id,
        file: f.file,
        title: f.data.title,
        date: f.data.date,
        province: f.data.province ?? null,
        reportsOn: f.data.reportsOn,
        topics: f.data.topics,
        figures: f.data.figures,
        sources: f.data.sources,
      };
    });
  for (const f of corpus.courses) {
    f.data.readings.forEach((r, i) => {
      if (!docIds.has(r.document)) {
        lateDiagnostics.push({ severity: 'error', file: f.file, line: f.parsed.lineOf(['readings', i, 'document']), field: `readings.${i}.document`, code: 'relation-target-missing', message: `không có văn bản "${r.document}" trong content/van-ban/` });
      }
    });
  }

  /** The parts together: effective statuses (from the declared edges), unresolved groups, totals. */
  function assemble(parts: readonly WorkPart[]): AssembledGraph {
    if (parts.length !== work.length) throw new Error(`buildGraph: ${parts.length} parts for ${work.length} bodies`);
    const documentParts = parts.slice(0, nodes.length);
    nodes.forEach((n, i) => (n.summaryMentions = documentParts[i]!.summaryMentions));
    const facts: StatusFacts[] = nodes.map((n) => ({
      id: n.id, issued: n.issued, status: n.status, statusAsOf: n.statusAsOf, statusReason: n.statusReason,
      effectiveFrom: n.effectiveFrom, effectiveTo: n.effectiveTo,
    }));
    const statuses = effectiveStatuses(facts, explicitEdges(nodes, documentParts), shortCitationOf, today);
    for (const n of nodes) {
      const s = statuses.get(n.id)!;
      n.effectiveStatus = s.effective;
      n.history = s.history;
    }
    // What each node is made of (see WorkPart.node): its file's validated data, its issuers'
    // registry entries, and what was computed from other documents and today. The data is
    // named by the file's hash and the loader's code, the file cache's own rule for reusing
    // it (content/file-cache.ts), instead of hashing 13 MB of data JSON again.
    const loader = loaderCodeVersion();
    const issuerJson = new Map<string, string>();
    const issuerEntry = (id: string) => {
      let json = issuerJson.get(id);
      if (json === undefined) issuerJson.set(id, (json = JSON.stringify(issuers.get(id) ?? null)));
      return json;
    };
    const nodeHashes = nodes.map((n, i) => {
      const f = documents[i]!;
      const issuerEntries = [n.issuer, ...n.coIssuers].map(issuerEntry).join(',');
      const data = f.sourceHash ? `file ${loader} ${f.sourceHash}` : (f.dataJson ?? JSON.stringify(f.data));
      return hash('node 2', options.engineVersion ?? '', f.id, f.file, data, issuerEntries, JSON.stringify([n.effectiveStatus, n.history, n.summaryMentions]));
    });
    return assembleGraph({ nodes, documentParts, nodeHashes, otherParts: parts.slice(nodes.length), planDiagnostics: diagnostics, lateDiagnostics, implementations });
  }

  return {
    jobs,
    engine: !engine ? null : engine === defaultEngine ? 'default' : 'custom',
    indexInput: { entries, provinces: corpus.registries.provinces, namedDocuments },
    corpusFingerprint,
    errors:
      diagnostics.some((d) => d.severity === 'error') ||
      corpus.implementations.some((f) => f.data.reportsOn.some((id) => !docIds.has(id))) ||
      corpus.courses.some((f) => f.data.readings.some((r) => !docIds.has(r.document))),
    render: (job, raw) => renderBody(job.input, finder ?? find, raw ? { raw } : {}),
    // An entry without an extraction never matches: it is extracted again.
    resolution: (job, raw) => (finder ? finder.resolution(raw ?? finder.extract(''), job.input.ctx) : ''),
    partHash,
    part,
    assemble,
    finish: (outputs, counts) => {
      if (outputs.length !== work.length) throw new Error(`buildGraph: ${outputs.length} outputs for ${work.length} bodies`);
      const parts = outputs.map((o, i) => part(i, o, bodyVersion(jobs[i]!.key, o.resolution)));
      const graph = graphObject(assemble(parts));
      const bodies: RenderedBody[] = work.map((w, i) => ({ collection: w.collection, id: w.id, html: outputs[i]!.html }));
      bodies.sort((a, b) => byString(a.collection, b.collection) || byString(a.id, b.id));
      const { extracted, relinked, cached } = counts ?? { extracted: outputs.length, relinked: 0, cached: 0 };
      return { graph, bodies, extracted, relinked, cached };
    },
  };
}

/** What a body's output is a function of: its cache key and the digest of its resolution (also its key in the bundle). */
export function bodyVersion(key: string, resolution: string | undefined): string {
  return `${key}.${resolution ?? ''}`;
}

/** The identity key an unresolved mention is grouped under. */
function unresolvedKeyOf(ref: MentionRef): string {
  if (ref.key) return ref.key;
  if (!ref.named && ref.type && ref.number && ref.symbol) {
    return `${DOCUMENT_TYPES[ref.type].name} số ${ref.number}${ref.symbol.includes('/') ? '-' : '/'}${ref.symbol}`;
  }
  return normalizeOneLine(ref.text);
}

function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list
    .filter((e) => {
      const k = `${e.line}\u0000${e.sentence}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.line - b.line || byString(a.sentence, b.sentence));
}
