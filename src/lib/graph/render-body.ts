/**
 * One body through the graph build's per-body stage: parse → heading anchors → text
 * blocks → references → annotate → HTML. Independent of every other body once the
 * corpus index exists, so it runs in the main thread (tests, small corpora) or in a
 * worker (src/lib/graph/render-pool.ts), and its output is plain data that can be
 * cached per body (src/lib/graph/build.ts, BodyCache) and sent between threads.
 */
import { renderMarkdown } from '../render/markdown.ts';
import { collectBlocks, lineAt, type TextBlock } from '../render/blocks.ts';
import { annotateBlock, referencesPerBlock } from '../citations/annotate.ts';
import { createHash } from 'node:crypto';
import { extractReferences, findReferences, resolutionText, type CorpusIndex, type TextExtraction } from '../citations/index.ts';
import type { CitationContext, Reference } from '../citations/types.ts';
import { comparableKey } from '../identity.ts';
import { normalizeOneLine } from '../text/vietnamese.ts';
import type { Evidence } from './types.ts';

/** What the self-mention test needs of the citing document. */
export interface SelfIdentity {
  id: string;
  number: string | null;
  year: number;
}

export interface BodyInput {
  body: string;
  ctx: CitationContext;
  /** The citing document, for corpus documents; null for records and course modules. */
  self: SelfIdentity | null;
}

/** What the graph needs of a reference (the rest stays in the body's HTML). */
export type MentionRef = Pick<Reference, 'text' | 'type' | 'number' | 'symbol' | 'year' | 'province' | 'issuerText' | 'key' | 'target' | 'candidates' | 'named' | 'relation'>;

export interface BodyMention {
  ref: MentionRef;
  /** Lines are body lines (1 = first body line); the build adds the frontmatter's height. */
  evidence: Evidence;
}

/** Everything the build keeps of one body. Lines are relative to the body (1-based). */
export interface BodyOutput {
  html: string;
  mentions: BodyMention[];
  /** Document ids linked by hand, and links dropped for an unsafe scheme. */
  links: { documents: { id: string; line: number }[]; unsafe: { url: string; line: number }[] };
  /**
   * With a BodyFinder: the body's extraction (what depends only on the body's text and the
   * index's extraction vocabulary: see TextExtraction) and a digest of what resolution made of them against
   * the corpus this output was rendered for. A later build re-resolves `raw` (cheap) and
   * reuses the output while the digest is the same, or renders the body again from `raw`
   * without extracting when it is not (src/lib/graph/update.ts).
   */
  raw?: TextExtraction;
  resolution?: string;
}

export type FindReferences = (text: string, ctx: CitationContext) => Reference[];

/** The engine cut in two (src/lib/citations/index.ts): extraction per body, resolution per corpus. */
export interface BodyFinder {
  extract(text: string): TextExtraction;
  references(text: string, raw: TextExtraction, ctx: CitationContext): Reference[];
  /** A digest of resolutionText: equal digests give equal references for the same text. */
  resolution(raw: TextExtraction, ctx: CitationContext): string;
}

/** The BodyFinder of the citation engine over one corpus index. */
export function citationFinder(index: CorpusIndex): BodyFinder {
  return {
    extract: (text) => extractReferences(text, index),
    references: (text, raw, ctx) => findReferences(text, index, ctx, raw),
    resolution: (raw, ctx) => createHash('sha1').update(resolutionText(raw, index, ctx)).digest('base64url'),
  };
}

/** Is this mention the citing document naming itself ("Chỉ thị này, số 33/CT-TTg …")? */
export function isSelfMention(ref: Reference, self: SelfIdentity): boolean {
  if (ref.target === self.id) return true;
  if (!self.number || !ref.number) return false;
  const written = ref.key ? ref.key.split('@')[0]! : ref.symbol ? `${ref.number}/${ref.symbol}` : null;
  if (!written || comparableNumber(written) !== comparableNumber(self.number)) return false;
  return ref.year === null || ref.year === self.year;
}

// Numbers repeat across a corpus (every body names a few dozen): each is keyed once per thread.
const numberKeys = new Map<string, string>();
function comparableNumber(number: string): string {
  let key = numberKeys.get(number);
  if (key === undefined) {
    if (numberKeys.size >= 100_000) numberKeys.clear();
    key = comparableKey(number);
    numberKeys.set(number, key);
  }
  return key;
}

/** Sentences of one block by span: the mentions of one sentence share its evidence text. */
type SentenceMemo = Map<string, string>;

function evidenceOf(block: TextBlock, ref: Reference, sentences: SentenceMemo): Evidence {
  const s = ref.sentence ?? { start: ref.start, end: ref.end };
  const span = `${s.start}:${s.end}`;
  let sentence = sentences.get(span);
  if (sentence === undefined) {
    sentence = normalizeOneLine(block.text.slice(s.start, s.end));
    sentences.set(span, sentence);
  }
  return {
    sentence,
    heading: block.heading?.text ?? null,
    anchor: block.heading?.anchor ?? null,
    line: lineAt(block, ref.start),
  };
}

/**
 * Renders one body; with `find` null, without citation links and mentions. With a
 * BodyFinder, `options.raw` (the body's extraction from an earlier build) skips extraction.
 */
export function renderBody(input: BodyInput, find: FindReferences | BodyFinder | null, options: { fast?: boolean; raw?: TextExtraction } = {}): BodyOutput {
  const mentions: BodyMention[] = [];
  const finder = find && typeof find === 'object' ? find : null;
  let raw: TextExtraction | null = options.raw ?? null;
  const rendered = renderMarkdown(input.body, (tree, headings) => {
    if (!find) return;
    const blocks = collectBlocks(tree, headings);
    const refs = referencesPerBlock(blocks, (text) => {
      if (!finder) return (find as FindReferences)(text, input.ctx);
      raw ??= finder.extract(text);
      return finder.references(text, raw, input.ctx);
    });
    blocks.forEach((block, i) => {
      const own = (refs[i] ?? []).filter((r) => !(input.self && isSelfMention(r, input.self)));
      const sentences: SentenceMemo = new Map();
      for (const r of own) {
        // Picked field by field: the cache stores 100,000 of these at 10,000 documents.
        const ref: MentionRef = {
          text: r.text, type: r.type, number: r.number, symbol: r.symbol, year: r.year, province: r.province, issuerText: r.issuerText,
          key: r.key, target: r.target, candidates: r.candidates, named: r.named, relation: r.relation,
        };
        mentions.push({ ref, evidence: evidenceOf(block, r, sentences) });
      }
      annotateBlock(block, own);
    });
  }, options);
  const out: BodyOutput = { html: rendered.html, mentions, links: rendered.links };
  if (finder) {
    // A body with no text to read: the empty extraction.
    out.raw = raw ?? finder.extract('');
    out.resolution = finder.resolution(out.raw, input.ctx);
  }
  return out;
}
