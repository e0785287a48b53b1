/** The one relation and status vocabulary: complete, consistent, and the views read from it. */
import { describe, expect, it } from 'vitest';
import {
  LINEAGE_RELATIONS, RELATION_ORDER, RELATION_TYPES, RELATION_VOCABULARY, STATUS_ORDER, STATUS_VALUES, STATUS_VOCABULARY,
  respectsTime, statusText,
} from '../../src/lib/schema/vocabulary.ts';
import { RELATION_LABELS, STATUS_LABELS, STATUS_SLUGS } from '../../src/lib/site/labels.ts';
import { LINEAGE_RELATION_LABELS } from '../../src/lib/course/timeline.ts';

describe('relation vocabulary', () => {
  it('covers every frontmatter relation key once, in the order pages list them', () => {
    expect([...RELATION_ORDER].sort()).toEqual([...RELATION_TYPES].sort());
    expect(RELATION_ORDER[0]).toBe('replaces');
    expect(RELATION_ORDER.at(-1)).toBe('cites');
  });

  it('lineage relations are exactly those with a lineage verb, and the timeline reads it from the table', () => {
    expect(RELATION_ORDER.filter((r) => RELATION_VOCABULARY[r].lineage !== null).sort()).toEqual([...LINEAGE_RELATIONS].sort());
    for (const r of LINEAGE_RELATIONS) expect(LINEAGE_RELATION_LABELS[r]).toBe(RELATION_VOCABULARY[r].lineage);
    expect(RELATION_LABELS.replaces).toBe(RELATION_VOCABULARY.replaces);
  });

  it('time runs forward for every relation type, as precisely as both dates are known', () => {
    for (const r of RELATION_TYPES) {
      expect(respectsTime(r, '2021-07-30', '2010-02-25')).toBe(true);
      expect(respectsTime(r, '2021-07-30', '2021-07-30')).toBe(true);
      expect(respectsTime(r, '2015-07-14', '2021-11-26')).toBe(false);
      expect(respectsTime(r, '2021', '2021-11-26')).toBe(true);
    }
  });
});

describe('status vocabulary', () => {
  it('has a label, a Party label and a unique slug for every computed status', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...STATUS_VALUES, 'superseded'].sort());
    expect(new Set(STATUS_ORDER.map((s) => STATUS_SLUGS[s])).size).toBe(STATUS_ORDER.length);
    for (const s of STATUS_ORDER) expect(STATUS_LABELS[s]).toBe(STATUS_VOCABULARY[s].label);
  });

  it('reads differently for Party documents', () => {
    expect(statusText('in-force')).toBe('Còn hiệu lực');
    expect(statusText('in-force', true)).toBe('Đang thực hiện');
    expect(statusText('superseded', true)).toBe('Đã được thay thế');
  });
});
