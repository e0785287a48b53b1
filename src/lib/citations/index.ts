/**
 * The citation engine: normalise → extract → resolve → relate. `findReferences` is the
 * one entry point shared by the graph build, the annotate stage, the CLI and the tests.
 */
import { prepareText } from './normalise.ts';
import { extractMentions, type RawMention } from './extract.ts';
import { TextResolver, buildCorpusIndex, type CorpusIndex, type ProvinceName } from './resolve.ts';
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
 * The part of findReferences that depends only on the text (and the corpus aliases):
 * normalise and extract. Its result can be kept per text and passed back to
 * findReferences, which then only resolves and relates — the corpus-dependent part.
 */
export function extractReferences(text: string, index: Pick<CorpusIndex, 'aliases'>): RawMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return extractMentions(prepareText(text).text, index.aliases);
}

/**
 * What resolution makes of extracted mentions against this corpus, as text: two equal
 * results mean findReferences returns the same references for the same text.
 */
export function resolutionText(mentions: readonly RawMention[], index: CorpusIndex, ctx: CitationContext = {}): string {
  return mentions.length ? JSON.stringify(new TextResolver(index, ctx).resolveAll(mentions)) : '[]';
}

/**
 * Every directive reference in `text`, sorted by start, non-overlapping, with offsets
 * into `text` exactly as passed in (UTF-16). Deterministic; never throws on any string.
 * `extracted`: the result of extractReferences for this very text, to skip extraction.
 */
export function findReferences(text: string, index: CorpusIndex, ctx: CitationContext = {}, extracted?: readonly RawMention[]): Reference[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const prepared = prepareText(text);
  const canonical = prepared.text;
  const mentions = extracted ?? extractMentions(canonical, index.aliases);
  const resolutions = new TextResolver(index, ctx).resolveAll(mentions);
  const kept: number[] = [];
  let lastEnd = -1;
  mentions.forEach((m, i) => {
    if (!resolutions[i]!.keep || m.start < lastEnd || m.end <= m.start) return;
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
