/**
 * Normalise stage: the engine matches on canonical text (NFC, Đ, dashes, slashes, odd
 * spaces) and reports offsets in the caller's text. Line breaks inside a mention are
 * left in place and absorbed by the patterns' whitespace (see SP in patterns.ts), so the
 * offset map stays one-to-one wherever the text is already canonical.
 */
import { normalizeWithOffsets } from '../text/vietnamese.ts';

export interface PreparedText {
  /** Canonical text the patterns run on. */
  text: string;
  /** Source offset of a canonical offset (0..text.length inclusive). */
  toSource(index: number): number;
}

/**
 * Whether the text holds a character normalizeText would change or drop, or a combining
 * mark (a decomposed text needs NFC). Without any the text is canonical for every pattern
 * of the engine. A loop over char codes: it passes ASCII and the precomposed Vietnamese
 * letters (U+1E00–U+1EFF) with one comparison each, which a character class cannot.
 */
export function needsNormalising(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa0 || (c >= 0x1e00 && c <= 0x1eff)) continue;
    if (c <= 0xff) {
      if (c === 0xa0 || c === 0xad || c === 0xd0) return true;
      continue;
    }
    if (
      (c >= 0x300 && c <= 0x36f) ||
      (c >= 0x1dc0 && c <= 0x1dff) ||
      (c >= 0x2000 && c <= 0x200d) ||
      (c >= 0x2010 && c <= 0x2015) ||
      c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d ||
      c === 0x2044 || c === 0x2215 || c === 0xff0f || c === 0x29f8 ||
      c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x2060 || c === 0xfeff
    ) {
      return true;
    }
  }
  return false;
}

/** Characters normalizeText replaces one for one (same length, same place). */
const ONE_FOR_ONE = /[\u00D0\u2010-\u2015\u2212\u2011\uFE58\uFE63\uFF0D\u2044\u2215\uFF0F\u29F8\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
/** Characters normalizeText removes: they shift offsets. */
const REMOVED = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/;

function oneForOne(c: string): string {
  if (c === '\u00D0') return 'Đ';
  if (c <= '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c === '\u202F' || c === '\u205F' || c === '\u3000') return ' ';
  if (c === '\u2044' || c === '\u2215' || c === '\uFF0F' || c === '\u29F8') return '/';
  return '-';
}

export function prepareText(source: string): PreparedText {
  // Most real texts are already canonical: skip the per-character map (the hot path).
  if (!needsNormalising(source)) {
    return { text: source, toSource: (i) => i };
  }
  // Web copies are mostly NFC with non-breaking spaces and typographic dashes: replaced
  // one for one, offsets do not move, and the per-character map is not needed.
  if (!REMOVED.test(source) && source.normalize('NFC') === source) {
    return { text: source.replace(ONE_FOR_ONE, oneForOne), toSource: (i) => i };
  }
  const { text, toSource } = normalizeWithOffsets(source);
  return { text, toSource: (i) => toSource[Math.max(0, Math.min(i, text.length))]! };
}

/** Collapses whitespace runs (line breaks included) for display and comparison. */
export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
