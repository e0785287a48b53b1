/**
 * Vietnamese text rules, in one place: every other module (citation engine, checks,
 * search keys, slugs, sorting) calls these instead of rolling its own.
 */

/** Characters that look like a hyphen or a slash in real texts (Word, PDFs, web copies). */
const DASH_LOOKALIKES = /[\u2010-\u2015\u2212\u2011\uFE58\uFE63\uFF0D]/g;
const SLASH_LOOKALIKES = /[\u2044\u2215\uFF0F\u29F8]/g;
/** Spaces that are not U+0020; folded to a plain space. */
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters that carry no text; removed. */
const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;
/** Icelandic eth, often typed for the Vietnamese capital Đ (U+0110). */
const ETH = /\u00D0/g;

/** The five combining tone marks of Vietnamese (NFD). */
const TONE_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;
const TONE_MARK_RE = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * Canonical character-level normalisation: NFC, Ð→Đ, dash/slash look-alikes,
 * odd spaces → space, zero-width characters removed. Does not change tone placement.
 */
export function normalizeText(input: string): string {
  if (isPlainCanonical(input)) return input;
  return input
    .normalize('NFC')
    .replace(ETH, 'Đ')
    .replace(DASH_LOOKALIKES, '-')
    .replace(SLASH_LOOKALIKES, '/')
    .replace(ODD_SPACES, ' ')
    .replace(ZERO_WIDTH, '');
}

/**
 * True when every character is below U+0300 or a precomposed Latin letter
 * (U+1E00–U+1EFF) and none is one normalizeText replaces (Ð, no-break space, soft hyphen):
 * such text is its own NFC (tested over those ranges) and normalizeText returns it as is.
 * Most Vietnamese text is, and checking is far cheaper than five replacements and NFC.
 */
function isPlainCanonical(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa0) continue;
    if (c === 0xa0 || c === 0xad || c === 0xd0) return false;
    if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) return false;
  }
  return true;
}

/** Normalised text on one line: whitespace runs (line breaks included) become one space, ends trimmed. How a passage is shown and compared. */
export function normalizeOneLine(input: string): string {
  // Same as replacing every /\s+/ run by a space, but a run that is one space already is
  // not matched: most runs are, and matching each word's space made this slow on long texts.
  return normalizeText(input).replace(/\s\s+|[^\S ]/g, ' ').trim();
}

const COMPOSES_WITH_PREVIOUS = /^[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]$/u;

export interface NormalizedText {
  /** The normalised text (same rules as {@link normalizeText}). */
  text: string;
  /**
   * For each UTF-16 index i of `text` (and i = text.length), the UTF-16 index in the
   * source where that character's source cluster starts. Monotonic non-decreasing.
   */
  toSource: Int32Array;
}

/**
 * Same result as {@link normalizeText}, plus an offset map back to the source, so that
 * a span found in normalised text can be reported in the caller's original offsets.
 */
export function normalizeWithOffsets(source: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    // A cluster is one base code point plus the combining marks that follow it;
    // NFC never merges across such clusters, so normalising them one by one is exact.
    const start = i;
    const cp = source.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    // Marks outside the BMP are surrogate pairs: test whole code points, not UTF-16 units.
    // Hangul vowel and final jamo are not marks but still compose with what precedes them.
    while (i < n) {
      const next = source.codePointAt(i)!;
      if (!COMPOSES_WITH_PREVIOUS.test(String.fromCodePoint(next))) break;
      i += next > 0xffff ? 2 : 1;
    }
    const piece = normalizeText(source.slice(start, i));
    for (let k = 0; k < piece.length; k++) {
      out.push(piece[k]!);
      map.push(start);
    }
  }
  map.push(n);
  return { text: out.join(''), toSource: Int32Array.from(map) };
}

// --- Tone placement -------------------------------------------------------------
// Open syllables ending in "oa", "oe", "uy" are written two ways: old style puts the
// mark on the last vowel (hoà, khoẻ, thuỷ), new style on the first (hòa, khỏe, thủy).
// Both occur in official texts, often in one document. We canonicalise to the new style.
// "qu" + y is not such a cluster: in "quý" the u belongs to the consonant.
const CLUSTERS = ['oa', 'oe', 'uy'] as const;

function withMark(ch: string, mark: string): string {
  return (ch + mark).normalize('NFC');
}

function casings(pair: string): string[] {
  const [a, b] = [pair[0]!, pair[1]!];
  return [a + b, a.toUpperCase() + b, a + b.toUpperCase(), a.toUpperCase() + b.toUpperCase()];
}

/** old-style cluster (NFC) → new-style cluster, for every tone and letter case. */
const OLD_TO_NEW: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const cluster of CLUSTERS) {
    for (const cased of casings(cluster)) {
      for (const mark of TONE_MARKS) {
        m.set(cased[0]! + withMark(cased[1]!, mark), withMark(cased[0]!, mark) + cased[1]!);
      }
    }
  }
  return m;
})();

const OLD_STYLE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])([\\p{L}]*?)(${[...OLD_TO_NEW.keys()].join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Rewrites old-style tone placement (hoà, thuỷ, uỷ) to the new style (hòa, thủy, ủy). */
export function normalizeTonePlacement(input: string): string {
  const text = input.normalize('NFC');
  return text.replace(OLD_STYLE_RE, (whole, onset: string, cluster: string) => {
    if (/^[uU]/.test(cluster) && /[qQ]$/.test(onset)) return whole;
    return onset + OLD_TO_NEW.get(cluster)!;
  });
}

// --- Folding, keys, slugs, sorting ----------------------------------------------

/**
 * Removes every diacritic, including the stroke of đ/Đ, which Unicode does not
 * decompose (so generic "strip accents" code leaves it in place).
 */
export function foldDiacritics(input: string): string {
  return normalizeText(input)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * A comparison key: normalised, folded, lower-case, single-spaced. Old and new tone
 * placement (hoà, hòa) give one key without normalizeTonePlacement: moving a mark between
 * two letters cannot change the letters left once every mark is folded away, so that costly
 * step is not run here (test/properties/text.test.ts checks the two agree).
 */
export function searchKey(input: string): string {
  return foldDiacritics(input)
    .toLowerCase()
    .replace(/\s\s+|[^\S ]/g, ' ')
    .trim();
}

/** A URL slug: folded ASCII letters and digits joined by single hyphens. */
export function slugify(input: string): string {
  return searchKey(input)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers compared by value. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** True when the string carries at least one Vietnamese tone mark or vowel modifier. */
export function hasDiacritics(input: string): boolean {
  return /[đĐ]/.test(input) || /\p{M}/u.test(input.normalize('NFD'));
}

/** True when the string carries a tone mark (used to prefer exact spellings in ranking). */
export function hasToneMark(input: string): boolean {
  return TONE_MARK_RE.test(input.normalize('NFD'));
}

/** True when the text is already in the canonical character form. */
export function isNormalized(input: string): boolean {
  return normalizeText(input) === input;
}
