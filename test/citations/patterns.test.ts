import { describe, expect, it } from 'vitest';
import {
  ALIAS_INTRO,
  AMENDING_LAW,
  CODES,
  FOOTNOTE_AFTER,
  FOOTNOTE_EXAMPLES,
  HIEN_PHAP,
  SENTENCE_DATE,
  WORKING_RULES,
  caseless,
  LAW_NAMES,
  NAMED_PATTERNS,
  PLENUM_RESOLUTIONS,
  QUALIFIED_SO,
  RELATION_VERBS,
  TYPE_WORDS,
} from '../../src/lib/citations/patterns.ts';
import { extractMentions } from '../../src/lib/citations/extract.ts';

describe('patterns are data with examples that match', () => {
  for (const t of TYPE_WORDS) {
    it(`type word ${t.type}: ${t.examples.join(' | ')}`, () => {
      const re = new RegExp(`^(?:${t.source})$`, 'iu');
      for (const ex of t.examples) expect(ex, ex).toMatch(re);
    });
  }
  it('caseless patterns match every casing without the i flag, classes and escapes intact', () => {
    for (const t of TYPE_WORDS) {
      const re = new RegExp(`^(?:${caseless(t.source)})$`, 'u');
      for (const ex of t.examples) {
        for (const variant of [ex, ex.toUpperCase(), ex.toLowerCase()]) expect(variant, t.source).toMatch(re);
      }
    }
    expect(caseless('a\\p{Lu}[a-zđ]\\t')).toBe('[Aa]\\p{Lu}[a-zđ]\\t');
  });
  for (const c of CODES) {
    it(`code ${c.code}`, () => {
      for (const ex of c.examples) {
        const found = extractMentions(`theo ${ex} ngày 01/01/2020`);
        expect(found, ex).toHaveLength(1);
        const segments = found[0]!.symbol!.split(/[-/]/);
        expect(segments.some((seg) => seg === c.code || (c.code === 'QH' && /^QH\d+$/.test(seg))), ex).toBe(true);
      }
    });
  }
  for (const p of NAMED_PATTERNS) {
    it(`named ${p.kind}`, () => {
      for (const ex of p.examples) {
        const found = extractMentions(`Quán triệt ${ex} trong toàn Đảng bộ.`);
        expect(found.map((f) => f.named?.kind), ex).toEqual([p.kind]);
      }
    });
  }
  it('every law name is found after "Luật"', () => {
    for (const name of LAW_NAMES) {
      const found = extractMentions(`Thực hiện Luật ${name}.`);
      expect(found.map((f) => f.named?.kind), name).toEqual(['law']);
    }
  });
  it('plenum resolutions: every example is read as that plenum', () => {
    for (const p of PLENUM_RESOLUTIONS) {
      for (const ex of p.examples) {
        const [m] = extractMentions(ex);
        expect(m?.named).toMatchObject({ kind: 'plenum', term: p.term, plenum: p.plenum });
      }
    }
  });
  it('qualifiers before "số"', () => {
    const re = new RegExp(`^(?:${QUALIFIED_SO.source})$`, 'u');
    for (const ex of QUALIFIED_SO.examples) expect(ex).toMatch(re);
    expect(' này số ').not.toMatch(re);
  });
  it('the Constitution by its year', () => {
    const re = new RegExp(`^Hiến pháp(?:${HIEN_PHAP.source})$`, 'iu');
    for (const ex of HIEN_PHAP.examples) expect(ex).toMatch(re);
    for (const ex of HIEN_PHAP.examples) expect(extractMentions(`Căn cứ ${ex};`).map((m) => m.named?.kind), ex).toEqual(['constitution']);
  });
  it('alias introductions', () => {
    const re = new RegExp(ALIAS_INTRO.source, 'iu');
    for (const ex of ALIAS_INTRO.examples) expect(ex).toMatch(re);
  });
  for (const v of RELATION_VERBS) {
    it(`relation verb ${v.relation}`, () => {
      const re = new RegExp(`^(?:${v.source})$`, 'iu');
      for (const ex of v.examples) expect(ex).toMatch(re);
    });
  }
  it('amending laws and working rules', () => {
    for (const [p, ex] of [[AMENDING_LAW, AMENDING_LAW.examples], [WORKING_RULES, WORKING_RULES.examples]] as const) {
      const re = new RegExp(`^(?:${p.source})$`, 'iu');
      for (const e of ex) expect(e).toMatch(re);
    }
  });
  it('a footnote digit after an issuer code is no part of the symbol', () => {
    for (const f of FOOTNOTE_EXAMPLES) {
      expect(FOOTNOTE_AFTER.exec(f.written)?.[1]).toBe(f.symbol);
      const [m] = extractMentions(`theo Chỉ thị số 05-${f.written} của`);
      expect(m?.symbol).toBe(f.symbol);
    }
    expect(FOOTNOTE_AFTER.exec('QH13')).toBeNull(); // a law's term code carries its number
  });
  it('a sentence opened by its date, then a signing', () => {
    const re = new RegExp(SENTENCE_DATE.source, 'iu');
    for (const ex of SENTENCE_DATE.examples) expect(ex).toMatch(re);
    expect(SENTENCE_DATE.signed.test(', Ban Thường vụ đã ký ')).toBe(true);
    expect(SENTENCE_DATE.signed.test(' tại kỳ họp thứ 9 Quốc hội đã thông qua ')).toBe(true);
    expect(SENTENCE_DATE.signed.test(', hội nghị sơ kết ')).toBe(false);
    expect(SENTENCE_DATE.signed.test(', UBND ban hành kế hoạch thực hiện ')).toBe(false);
  });
});

