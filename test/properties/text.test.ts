/** Property-based tests of the Vietnamese text rules on arbitrary Unicode input. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  foldDiacritics,
  normalizeOneLine,
  normalizeText,
  normalizeTonePlacement,
  normalizeWithOffsets,
  searchKey,
} from '../../src/lib/text/vietnamese.ts';

const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

/** Every Vietnamese letter: the 12 vowels in 6 tones, d/đ and the other consonants, both cases. */
const VIETNAMESE_LETTERS: string[] = (() => {
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const consonants = [...'bcdđghklmnpqrstvx'];
  const lower = [...vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))), ...consonants];
  return [...lower, ...lower.map((c) => c.toUpperCase())];
})();

describe('normalisation properties', () => {
  it('normalizeText is idempotent', () => {
    fc.assert(fc.property(anyText, (s) => normalizeText(normalizeText(s)) === normalizeText(s)), { numRuns: 500 });
  });

  it('normalizeTonePlacement is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => normalizeTonePlacement(normalizeTonePlacement(s)) === normalizeTonePlacement(s)),
      { numRuns: 500 },
    );
  });

  it('normalizeWithOffsets gives the same text and a monotonic map ending at the source length', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const { text, toSource } = normalizeWithOffsets(s);
        expect(text).toBe(normalizeText(s));
        expect(toSource.length).toBe(text.length + 1);
        for (let i = 1; i < toSource.length; i++) expect(toSource[i]!).toBeGreaterThanOrEqual(toSource[i - 1]!);
        expect(toSource[text.length]).toBe(s.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('folding properties', () => {
  it('has the whole alphabet to test with (134 vowels in tones and consonants, both cases)', () => {
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(2 * (12 * 6 + 17));
  });

  it('maps every Vietnamese letter to one ASCII letter, in NFC and NFD', () => {
    for (const letter of VIETNAMESE_LETTERS) {
      for (const form of [letter, letter.normalize('NFD')]) {
        expect(foldDiacritics(form), letter).toMatch(/^[A-Za-z]$/);
      }
    }
  });

  it('gives an ASCII search key for any text made of Vietnamese words', () => {
    const word = fc.array(fc.constantFrom(...VIETNAMESE_LETTERS), { minLength: 1, maxLength: 7 }).map((l) => l.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const key = searchKey(words.join(' '));
        return /^[a-z ]+$/.test(key);
      }),
      { numRuns: 300 },
    );
  });

  it('normalizeOneLine makes every whitespace run one space and trims, as /\\s+/ would', () => {
    const spaced = fc.array(fc.oneof(anyText, fc.constantFrom(' ', '  ', '\n', '\t \r\n', '\u00a0', '\u2028', '\u3000 ', '\ufeff')), { maxLength: 12 });
    fc.assert(
      fc.property(spaced, (parts) => {
        const s = parts.join('');
        expect(normalizeOneLine(s)).toBe(normalizeText(s).replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('searchKey is the key of the text with its tone placement made canonical (it skips that step)', () => {
    const syllables = fc.array(fc.oneof(fc.constantFrom('hoà', 'hòa', 'HOÀ', 'thuỷ', 'khoẻ', 'quý', 'Uỷ', 'oÀ', ' ', '\n', '\u00a0'), fc.constantFrom(...VIETNAMESE_LETTERS), anyText), { maxLength: 12 });
    const reference = (s: string) => foldDiacritics(normalizeTonePlacement(normalizeText(s))).toLowerCase().replace(/\s+/g, ' ').trim();
    fc.assert(
      fc.property(syllables, (parts) => {
        const s = parts.join('');
        expect(searchKey(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
