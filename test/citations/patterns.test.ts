import { describe, expect, it } from 'vitest';
import { ALIAS_INTRO, CODES, LAW_NAMES, NAMED_PATTERNS, PLENUM_RESOLUTIONS, RELATION_VERBS, TYPE_WORDS } from '../../src/lib/citations/patterns.ts';
import { extractMentions } from '../../src/lib/citations/extract.ts';

describe('patterns are data with examples that match', () => {
  for (const t of TYPE_WORDS) {
    it(`type word ${t.type}: ${t.examples.join(' | ')}`, () => {
      const re = new RegExp(`^(?:${t.source})$`, 'iu');
      for (const ex of t.examples) expect(ex, ex).toMatch(re);
    });
  }
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
});
