import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareVietnamese,
  foldDiacritics,
  isNormalized,
  normalizeText,
  normalizeTonePlacement,
  normalizeWithOffsets,
  searchKey,
  slugify,
} from '../../src/lib/text/vietnamese.ts';

const words = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/text/seed-words.json'), 'utf8')) as {
  newStyleToneMarks: string[];
  clustersBeforeFinalConsonant: string[];
  withDStroke: Record<string, string>;
  nbspPhrase: string;
};

describe('normalizeText', () => {
  it('composes NFD input to NFC', () => {
    const nfd = 'Đảng ủy'.normalize('NFD');
    expect(nfd).not.toBe('Đảng ủy');
    expect(normalizeText(nfd)).toBe('Đảng ủy');
  });
  it('maps the Icelandic eth to Đ', () => {
    expect(normalizeText('\u00D0ảng')).toBe('Đảng');
  });
  it('maps dash and slash look-alikes', () => {
    expect(normalizeText('25\u2013NQ\u2215TW')).toBe('25-NQ/TW');
    expect(normalizeText('33\uFF0FCT\u2011TTg')).toBe('33/CT-TTg');
    expect(normalizeText('35\u2212CT\u2044TW')).toBe('35-CT/TW');
  });
  it('turns non-breaking spaces into spaces and drops zero-width characters', () => {
    expect(normalizeText(words.nbspPhrase)).toBe('Chỉ thị số 16/CT-TTg');
    expect(normalizeText('Chỉ\u200B thị\uFEFF')).toBe('Chỉ thị');
  });
  it('returns text of plain Latin letters and precomposed Vietnamese letters as it is: such text is its own NFC', () => {
    // normalizeText skips its work for text made only of U+0000–U+02FF and U+1E00–U+1EFF
    // (Ð, no-break space and soft hyphen aside). That is exact only if no character there
    // changes under NFC and none composes with the one before it: checked here.
    const plain: string[] = [];
    for (let c = 0; c < 0x300; c++) plain.push(String.fromCharCode(c));
    for (let c = 0x1e00; c <= 0x1eff; c++) plain.push(String.fromCharCode(c));
    for (const ch of plain) expect(ch.normalize('NFC'), ch.codePointAt(0)!.toString(16)).toBe(ch);
    for (const a of ['a', 'e', 'o', 'u', 'A', 'ơ', 'ư', 'Ư', 'ầ', 'ệ']) {
      for (const b of plain) expect((a + b).normalize('NFC'), `${a} + U+${b.codePointAt(0)!.toString(16)}`).toBe(a + b);
    }
    expect(normalizeText('Ban Dân vận Tỉnh ủy: 33/CT-TTg')).toBe('Ban Dân vận Tỉnh ủy: 33/CT-TTg');
    expect(normalizeText('Ð\u00a0x\u00ad')).toBe('Đ x');
  });
  it('is idempotent and recognises normalised text', () => {
    const once = normalizeText('Ð\u2013x\u00a0y'.normalize('NFD'));
    expect(normalizeText(once)).toBe(once);
    expect(isNormalized(once)).toBe(true);
    expect(isNormalized('a\u00a0b')).toBe(false);
  });
});

describe('normalizeWithOffsets', () => {
  it('maps every normalised character back to its source position', () => {
    const source = 'Số\u200B 33\u2215CT-TTg của Thủ tướng'.normalize('NFD');
    const { text, toSource } = normalizeWithOffsets(source);
    expect(text).toBe(normalizeText(source));
    const start = text.indexOf('33/CT-TTg');
    const end = start + '33/CT-TTg'.length;
    expect(normalizeText(source.slice(toSource[start], toSource[end]))).toBe('33/CT-TTg');
    expect(toSource[text.length]).toBe(source.length);
  });
  it('is the identity map on clean NFC text', () => {
    const source = 'Chỉ thị số 33/CT-TTg ngày 26/11/2021';
    const { text, toSource } = normalizeWithOffsets(source);
    expect(text).toBe(source);
    expect([...toSource]).toEqual([...Array(source.length + 1).keys()]);
  });
});

describe('normalizeTonePlacement', () => {
  it('rewrites old-style open syllables to the new style', () => {
    expect(normalizeTonePlacement('Tỉnh uỷ')).toBe('Tỉnh ủy');
    expect(normalizeTonePlacement('hoá')).toBe('hóa');
    expect(normalizeTonePlacement('khoá XII')).toBe('khóa XII');
    expect(normalizeTonePlacement('thuỷ lợi')).toBe('thủy lợi');
    expect(normalizeTonePlacement('khoẻ')).toBe('khỏe');
    expect(normalizeTonePlacement('TỈNH UỶ')).toBe('TỈNH ỦY');
    expect(normalizeTonePlacement('Uỷ ban')).toBe('Ủy ban');
  });
  it('accepts NFD input', () => {
    expect(normalizeTonePlacement('hoà giải'.normalize('NFD'))).toBe('hòa giải');
  });
  it('leaves new-style words from the founding texts unchanged', () => {
    for (const w of words.newStyleToneMarks) expect(normalizeTonePlacement(w)).toBe(w);
  });
  it('leaves clusters followed by a final consonant unchanged', () => {
    for (const w of words.clustersBeforeFinalConsonant) expect(normalizeTonePlacement(w)).toBe(w);
  });
  it('does not treat the u of "qu" as a vowel cluster', () => {
    expect(normalizeTonePlacement('quý')).toBe('quý');
    expect(normalizeTonePlacement('Quỳnh')).toBe('Quỳnh');
  });
});

describe('folding, keys and slugs', () => {
  it('folds đ/Đ as well as tone marks', () => {
    for (const [word, folded] of Object.entries(words.withDStroke)) expect(foldDiacritics(word)).toBe(folded);
  });
  it('gives old and new spellings, NFC and NFD, the same search key', () => {
    const forms = ['Tỉnh uỷ', 'Tỉnh ủy', 'tinh uy', 'Tỉnh ủy'.normalize('NFD'), 'TỈNH UỶ'];
    expect(new Set(forms.map(searchKey))).toEqual(new Set(['tinh uy']));
  });
  it('makes URL slugs from numbers and titles', () => {
    expect(slugify('33/CT-TTg')).toBe('33-ct-ttg');
    expect(slugify('79-CTr/BDVTW-BCSĐCP')).toBe('79-ctr-bdvtw-bcsdcp');
    expect(slugify('Quy chế công tác dân vận')).toBe('quy-che-cong-tac-dan-van');
  });
});

describe('compareVietnamese', () => {
  it('orders d before đ and sorts numbers by value', () => {
    const sorted = ['Đảng', 'Dân', 'An', 'Ủy ban'].sort(compareVietnamese);
    expect(sorted).toEqual(['An', 'Dân', 'Đảng', 'Ủy ban']);
    expect(['Quyết định 290', 'Quyết định 23'].sort(compareVietnamese)).toEqual(['Quyết định 23', 'Quyết định 290']);
  });
});
