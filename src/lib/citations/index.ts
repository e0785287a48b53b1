/**
 * The citation engine: normalise → extract → resolve → relate. `findReferences` is the
 * one entry point shared by the graph build, the annotate stage, the CLI and the tests.
 */
import { prepareText } from './normalise.ts';
import { extractMentions, type RawMention } from './extract.ts';
import { TextResolver, buildCorpusIndex, comparableSerial, comparableSymbol, readsContext, type CorpusIndex, type ProvinceName } from './resolve.ts';
import { inferSelf } from './self.ts';
import { relateMentions } from './relate.ts';
import type { CitationContext, CorpusEntry, Reference } from './types.ts';

export { buildCorpusIndex };
export type { CorpusIndex, ProvinceName };
export type { CitationContext, CorpusEntry, Reference };

/** CorpusEntry[] from loaded content documents (id + frontmatter). */
export function corpusEntriesFrom(
  docs: readonly { id: string; data: { type: CorpusEntry['type']; number?: string | undefined; issued: string; issuer: string; province?: string | null | undefined; aliases?: string[] | undefined } }[],
): CorpusEntry[] {
  return docs.map((d) => ({
    id: d.id,
    type: d.data.type,
    number: d.data.number ?? null,
    year: Number(d.data.issued.slice(0, 4)),
    issued: d.data.issued,
    issuer: d.data.issuer,
    province: d.data.province ?? null,
    aliases: d.data.aliases ?? [],
  }));
}

export type { RawMention };

/**
 * What findReferences reads from a text alone, given the extraction vocabulary of the
 * index (corpus aliases, known names, provinces; see extractionFingerprint): the mentions,
 * the text's own header, and the text itself only when resolving one of its mentions may
 * read it (readsContext). Kept per text and passed back to findReferences, which then only
 * resolves and relates — the corpus-dependent part.
 */
export interface TextExtraction {
  mentions: RawMention[];
  /** The text's own header (inferSelf): its numbers (comparable serial|symbol), date and province. */
  self: { numbers: string[]; date: string | null; province: string | null };
  /** The normalised text, when resolution may read it; else null. */
  text: string | null;
}

const NO_EXTRACTION: TextExtraction = { mentions: [], self: { numbers: [], date: null, province: null }, text: null };

const comparableNumber = (serial: string, symbol: string) => `${comparableSerial(serial)}|${comparableSymbol(symbol)}`;

function extractCanonical(canonical: string, index: Pick<CorpusIndex, 'aliases' | 'names' | 'provinces' | 'collisions'>): TextExtraction {
  const mentions = extractMentions(canonical, index.aliases, index.names);
  // The text's own header: its number is never a citation; its date and province stand in for those not given.
  const self = inferSelf(canonical, index.provinces, comparableNumber);
  return {
    mentions,
    self: { numbers: [...self.numbers], date: self.date, province: self.province },
    text: mentions.some((m) => readsContext(index, m)) ? canonical : null,
  };
}

/** The part of findReferences that depends only on the text and the index's extraction vocabulary: normalise and extract. */
export function extractReferences(text: string, index: Pick<CorpusIndex, 'aliases' | 'names' | 'provinces' | 'collisions'>): TextExtraction {
  if (typeof text !== 'string' || text.length === 0) return NO_EXTRACTION;
  return extractCanonical(prepareText(text).text, index);
}

/**
 * What extraction reads of an index, as text: two indexes with the same fingerprint give
 * the same extraction of every text (the engine's own code aside).
 */
export function extractionFingerprint(index: CorpusIndex): string {
  return JSON.stringify([index.aliases.map((a) => [a.text, a.type, a.ids]), index.names.regex?.source ?? null, index.provinces]);
}

/** Resolution of an extraction against the corpus, in the situation its own header completes. */
function resolveExtraction(extraction: TextExtraction, text: string, index: CorpusIndex, ctx: CitationContext) {
  const { self } = extraction;
  const situation: CitationContext = { ...ctx, date: ctx.date ?? self.date, province: ctx.province ?? self.province };
  return new TextResolver(index, situation).resolveAll(extraction.mentions, text);
}

/**
 * What resolution makes of an extraction against this corpus, as text: two equal results
 * mean findReferences returns the same references for the same text.
 */
export function resolutionText(extraction: TextExtraction, index: CorpusIndex, ctx: CitationContext = {}): string {
  return extraction.mentions.length ? JSON.stringify(resolveExtraction(extraction, extraction.text ?? '', index, ctx)) : '[]';
}

/**
 * Every directive reference in `text`, sorted by start, non-overlapping, with offsets
 * into `text` exactly as passed in (UTF-16). Deterministic; never throws on any string.
 * `extracted`: the result of extractReferences for this very text, to skip extraction.
 */
export function findReferences(text: string, index: CorpusIndex, ctx: CitationContext = {}, extracted?: TextExtraction): Reference[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const prepared = prepareText(text);
  const canonical = prepared.text;
  const extraction = extracted ?? extractCanonical(canonical, index);
  const { mentions } = extraction;
  const resolutions = resolveExtraction(extraction, canonical, index, ctx);
  const own = new Set(extraction.self.numbers);
  const isSelf = (m: RawMention) => own.size > 0 && m.serial !== null && m.symbol !== null && own.has(comparableNumber(m.serial, m.symbol));
  const kept: number[] = [];
  let lastEnd = -1;
  mentions.forEach((m, i) => {
    if (!resolutions[i]!.keep || m.start < lastEnd || m.end <= m.start || isSelf(m)) return;
    kept.push(i);
    lastEnd = m.end;
  });
  const relations = relateMentions(canonical, kept.map((i) => mentions[i]!));
  return kept.map((i, k) => {
    const m = mentions[i]!;
    const r = resolutions[i]!;
    const start = prepared.toSource(m.start);
    const end = prepared.toSource(m.end);
    const rel = relations[k]!;
    return {
      start,
      end,
      text: text.slice(start, end),
      type: r.type,
      number: r.number,
      symbol: r.symbol,
      year: r.year,
      date: m.date,
      province: r.province,
      issuerText: m.issuerText,
      key: r.key,
      target: r.target,
      candidates: r.candidates,
      shortForm: r.shortForm,
      named: m.named !== null,
      relation: rel.relation,
      sentence: { start: prepared.toSource(rel.sentence.start), end: prepared.toSource(rel.sentence.end) },
    };
  });
}
