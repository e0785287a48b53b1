/**
 * The citation engine's public contract. Stages (each its own module in this folder):
 * normalise → extract → resolve → relate → annotate. `findReferences` (index.ts) runs
 * the first four; annotate turns references into links in a rendered body.
 */
import type { DocumentTypeId } from '../document-types.ts';
import type { RelationType } from '../schema/document.ts';

/** What the engine needs to know of one corpus document to resolve references to it. */
export interface CorpusEntry {
  id: string;
  type: DocumentTypeId;
  /** Số ký hiệu as written in frontmatter ("33/CT-TTg"), null when unknown. */
  number: string | null;
  year: number;
  /** ISO date, possibly partial. */
  issued: string;
  issuer: string;
  province: string | null;
  /** Names it is cited by without a number ("Nghị quyết Đại hội XIII"). */
  aliases: string[];
}

/** The citing document's situation: resolution depends on where and when it was written. */
export interface CitationContext {
  /** The citing document's id, never a target of its own references. */
  selfId?: string | null;
  /** The citing document's province: local symbols (TU, UBND, HĐND…) resolve within it. */
  province?: string | null;
  /** The citing document's issue date: bare numbers resolve only to documents issued no later. */
  date?: string | null;
}

export interface Reference {
  /** UTF-16 offsets into the text exactly as passed in (not the normalised text). */
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
  type: DocumentTypeId | null;
  /** Serial part of the number: "33", "30c", "03"; null for named references. */
  number: string | null;
  /** Symbol: "CT-TTg", "NQ/TW", "QĐ-BNV", "QĐi/TW"; null when not written or known. */
  symbol: string | null;
  /** Year of the document meant (written, or from the resolved target), else null. */
  year: number | null;
  /** ISO date written with the mention ("ngày 26/11/2021"), else null. */
  date: string | null;
  /** Province of the document meant, for local documents. */
  province: string | null;
  /** Issuer as the text names it ("Bộ Chính trị"), when it does. */
  issuerText: string | null;
  /** Canonical key of the document meant ("33/CT-TTg@2021"), null when unknown. */
  key: string | null;
  /** Corpus document id, null when unresolved or ambiguous. */
  target: string | null;
  /** Corpus candidates when more than one fits (then target is null). */
  candidates: string[];
  /** Refers back to a fuller mention or alias ("Chỉ thị số 16"). */
  shortForm: boolean;
  /** Names the document instead of numbering it ("Luật Khiếu nại"). */
  named: boolean;
  /** Relation inferred from the sentence around it; "cites" when nothing more specific. */
  relation: RelationType;
  /** The sentence the mention sits in, as offsets into the input text. */
  sentence: { start: number; end: number };
}
