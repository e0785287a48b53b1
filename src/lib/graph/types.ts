/**
 * The generated graph file (.generated/graph.json): the contract between the graph
 * build (scripts/build-graph.ts) and everything that reads it (pages, API, search, CLI).
 * Arrays are sorted (nodes by id, edges by from/to/type) so the file is deterministic.
 */
import type { DocumentTypeId } from '../document-types.ts';
import type { RelationType, Source, StatusValue } from '../schema/document.ts';
import type { EffectiveStatusValue, HistoryKind } from '../schema/vocabulary.ts';
import type { Figure } from '../schema/implementation.ts';
import type { Level } from '../schema/registries.ts';
import type { Diagnostic } from '../diagnostics.ts';

export interface EffectiveStatus {
  /** Status today (src/lib/graph/status.ts): "superseded" when another corpus document replaces this one, whatever `status` says. */
  status: EffectiveStatusValue;
  /** Vietnamese sentence explaining the status ("Bị thay thế bởi Quyết định số 23-QĐ/TW từ 30/7/2021"). */
  reason: string;
  /** The replacing document, when superseded. */
  by?: string;
  /** From when, ISO date. */
  since?: string;
  /** The chain of replacements to the newest document ([this, next, …, newest]). */
  chain?: string[];
}

/** One dated event of a document's history (src/lib/graph/status.ts, statusHistory). */
export interface StatusEvent {
  /** ISO date, possibly partial for an issue date. */
  date: string;
  kind: HistoryKind;
  /** The acting document, for amended / replaced / repealed. */
  by: string | null;
}

/** Where a declared relation was read: the place in the official text and the page it was read on. */
export interface Provenance {
  where: string | null;
  source: string | null;
  note: string | null;
}

export interface GraphNode {
  id: string;
  /** Source file, relative to the project root. */
  file: string;
  type: DocumentTypeId;
  number: string | null;
  issued: string;
  year: number;
  issuer: string;
  coIssuers: string[];
  signer: string | null;
  title: string;
  province: string | null;
  level: Level;
  topics: string[];
  /** Status as declared in frontmatter, with its date. */
  status: StatusValue;
  /** The day the status was read from its source (null for unknown without one). */
  statusAsOf: string | null;
  statusSource: Source | null;
  statusReason: string | null;
  /** Ngày có hiệu lực / hết hiệu lực, when a source states them. */
  effectiveFrom: string | null;
  effectiveTo: string | null;
  effectiveStatus: EffectiveStatus;
  /** Issued, takes effect, amended / replaced / repealed by, ceases: oldest first. */
  history: StatusEvent[];
  /**
   * Corpus documents a summary body (fullText: false) names: links for reading, never edges.
   * Empty for a full text, whose mentions are edges.
   */
  summaryMentions: string[];
  fullText: boolean;
  summary: string | null;
  featured: boolean;
  aliases: string[];
  sources: Source[];
  /** Standard citation line: "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …". */
  citation: string;
  /** Canonical key for numbered documents ("33/CT-TTg@2021"), else null. */
  key: string | null;
}

export interface Evidence {
  /** The sentence around the citation, as written in the citing document's body. */
  sentence: string;
  /** Text of the heading the sentence sits under, if any. */
  heading: string | null;
  /** Anchor id of that heading on the citing page, if any. */
  anchor: string | null;
  /** 1-based line in the citing file. */
  line: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  type: RelationType;
  /**
   * explicit: frontmatter; inferred: typed from a sentence of a full text; text: a plain
   * citation in a full text (cites). A summary body never makes an edge.
   */
  origin: 'explicit' | 'inferred' | 'text';
  /** Sentences of the citing full text; empty for a declared relation the text does not show. */
  evidence: Evidence[];
  /** For a declared relation: where the official text says it and where it was read. */
  provenance?: Provenance;
}

/** A cited document that is not in the corpus, grouped by its parsed identity. */
export interface UnresolvedReference {
  /** Identity key ("35-CT/TW@2014", or "Luật Khiếu nại" for named references). */
  key: string;
  type: DocumentTypeId | null;
  number: string | null;
  year: number | null;
  province: string | null;
  /** What the text says of the issuer, when it says ("Bộ Chính trị"). */
  issuer: string | null;
  citedBy: {
    id: string;
    evidence: Evidence;
    /** relation: declared in frontmatter (with its type and provenance); text: a full text cites it; summary: a summary names it. */
    via?: 'relation' | 'text' | 'summary';
    relation?: RelationType;
    provenance?: Provenance;
  }[];
}

/** A mention with several corpus candidates: never guessed, listed for editors. */
export interface Ambiguity {
  from: string;
  text: string;
  candidates: string[];
  evidence: Evidence;
}

export interface ImplementationRecord {
  id: string;
  file: string;
  title: string;
  date: string;
  province: string | null;
  reportsOn: string[];
  topics: string[];
  figures: Figure[];
  sources: Source[];
}

export interface Graph {
  version: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** For each node id, indices into `edges` pointing at it (the inverse view). */
  incoming: Record<string, number[]>;
  /** For each node id, indices into `edges` leaving it. */
  outgoing: Record<string, number[]>;
  unresolved: UnresolvedReference[];
  ambiguities: Ambiguity[];
  implementations: ImplementationRecord[];
  diagnostics: Diagnostic[];
  /**
   * Counts over document bodies: `references` = mentions read (self-mentions excluded),
   * `resolved` = linked to a corpus document, `unresolved` = mentions of documents not in
   * the corpus, `ambiguous` = mentions with several candidates (never guessed).
   */
  stats: { documents: number; references: number; resolved: number; unresolved: number; ambiguous: number; warnings: number };
}

/** Where generated files live; never committed. */
export const GENERATED_DIR = '.generated';
export const GRAPH_FILE = '.generated/graph.json';
/**
 * Rendered, citation-linked body HTML, one bundle per collection (documents |
 * implementations | courses): .generated/bodies/<collection>.bundle, read by id with
 * BodyBundle (src/lib/graph/body-bundle.ts). Links to documents are written
 * href="__BASE__van-ban/<id>/"; pages replace __BASE__ with the site base.
 */
export const BODIES_DIR = '.generated/bodies';
export const BODY_COLLECTIONS = ['documents', 'implementations', 'courses'] as const;
export type BodyCollection = (typeof BODY_COLLECTIONS)[number];
export function bodyBundleFile(collection: BodyCollection): string {
  return `${BODIES_DIR}/${collection}.bundle`;
}

/**
 * The validated frontmatter of every loaded content file, written by the graph build so
 * the Astro loader does not parse and validate the corpus a second time. `sources` lists
 * every content file present at build time ([size, mtimeMs]); a loader that finds the
 * folder changed since then reads the content itself.
 */
export const FRONTMATTER_FILE = '.generated/frontmatter.json';

export interface FrontmatterEntry {
  id: string;
  /** Path relative to the content root's parent, as in LoadedFile.file. */
  file: string;
  data: unknown;
}

export interface FrontmatterFile {
  version: 1;
  sources: Record<string, [number, number]>;
  documents: FrontmatterEntry[];
  implementations: FrontmatterEntry[];
  courses: FrontmatterEntry[];
}
