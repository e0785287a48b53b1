/**
 * The index builder's fast readers (src/lib/search/word-scan.ts, record.ts excerptSource)
 * must give what the plain rules give: the words of textWords (index-format.ts, which the
 * browser uses for a query) and the excerpt of the whole text normalised on one line.
 * A difference would make the index disagree with the browser, so it is tested on
 * arbitrary Unicode, not only on Vietnamese.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_WORD, textWords } from '../../src/lib/search/index-format.ts';
import { excerptSource } from '../../src/lib/search/record.ts';
import { NO_SPELLING, WordScanner } from '../../src/lib/search/word-scan.ts';
import { normalizeOneLine } from '../../src/lib/text/vietnamese.ts';

/** Distinct [word, spelling] of a text as the scanner gives them. */
function scanned(scanner: WordScanner, text: string): string[] {
  const count = scanner.scan(text);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = scanner.words[scanner.out[i * 2]!]!;
    const spelling = scanner.out[i * 2 + 1]!;
    if (spelling !== NO_SPELLING) expect(scanner.words[scanner.spellingWord[spelling]!]).toBe(word);
    out.push(`${word} ${spelling === NO_SPELLING ? '-' : scanner.spellings[spelling]}`);
  }
  return out;
}

const expected = (text: string) => [...new Set(textWords(text).map(([w, c]) => `${w} ${c ?? '-'}`))].sort();

// Pieces that exercise every branch: Vietnamese in NFC and NFD, old tone placement, đ/Đ/Ð,
// case changes that change length (İ) or depend on context (Σ), astral letters and
// non-letters, lone surrogate halves, odd and zero-width spaces, digits, long tokens.
const PIECES = [
  'Đảng', 'đảng', 'ĐẢNG', 'uỷ', 'ủy', 'hoà', 'Hòa', 'Quý', 'Ðảng', 'Đảng'.normalize('NFD'), 'dân', 'vận', 'Dân', 'chủ',
  '33/CT-TTg', '2021', 'x', 'İstanbul', 'ΑΣ', 'Σ', "ΑΣ'Β", 'straße', 'Москва', '北京', '𝐀𝐁', '😀', 'a😀b', 'a𝐀b',
  '\uD835', '\uDC00', 'a\uD835b', '\u00a0', '\u200b', '\u00ad', '\u2013', ' ', '  ', '\n', '.', ',', '\u0301', 'e\u0301', '\u0323',
  'a'.repeat(MAX_WORD), 'b'.repeat(MAX_WORD + 1), 'ầ'.repeat(40),
];
const pieced = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(pieced, fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));

describe('WordScanner', () => {
  it('gives the words and spellings of textWords, each distinct token once', () => {
    const scanner = new WordScanner();
    fc.assert(
      fc.property(anyText, (text) => {
        const got = scanned(scanner, text);
        expect([...new Set(got)].sort()).toEqual(expected(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps word ids stable across texts and past the growth of its tables', () => {
    const scanner = new WordScanner();
    // More distinct tokens than the initial hash table holds, and texts longer than its output.
    const text = Array.from({ length: 40_000 }, (_, i) => `từ${i}`).join(' ');
    expect(scanned(scanner, text).sort()).toEqual(expected(text));
    expect(scanner.words.length).toBe(40_000);
    // "Từ7" lowers to the token of "từ7": one entry for the two.
    const again = scanned(scanner, 'từ7 Từ7 tu7');
    expect(again).toEqual(['tu7 tu727', 'tu7 -']);
    expect(scanner.words.length).toBe(40_000);
  });
});

describe('excerptSource', () => {
  const whole = (parts: string[], cap: number) => {
    const text = normalizeOneLine(parts.filter(Boolean).join(' '));
    if (text.length <= cap) return text;
    const cut = text.lastIndexOf(' ', cap);
    return `${text.slice(0, cut > cap / 2 ? cut : cap)} …`;
  };

  it('is the excerpt of the whole text, though only its head is normalised', () => {
    const spaced = fc.array(fc.constantFrom(...PIECES, ' \n ', '\t', '   '), { maxLength: 200 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(spaced, fc.string({ unit: 'binary', maxLength: 300 })), { maxLength: 3 }), fc.integer({ min: 4, max: 120 }), (parts, cap) => {
        expect(excerptSource(parts, cap)).toBe(whole(parts, cap));
      }),
      { numRuns: 2000 },
    );
    // The head must not end inside a run of marks that NFC reorders and composes with what
    // follows: "a" + three acutes + a dot below is "ạ" + three acutes, not "á" + two.
    const marks = `${'x'.repeat(14)}a\u0301\u0301\u0301\u0323 ${'y '.repeat(20)}`;
    expect(excerptSource([marks], 16)).toBe(whole([marks], 16));
    expect(excerptSource([marks], 16)).toContain('ạ');
  });
});
