/**
 * The dated status function: examples from the corpus's own kinds of facts, and
 * properties over any facts (fast-check): a replaced or repealed document is never in
 * force after the date it was ended; an unknown status stays unknown unless a dated
 * fact (issue, effective from/to, a replacement) says otherwise; every answer has a reason.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statusHistory, statusOn, type ActingDocument, type StatusFacts } from '../../src/lib/graph/status.ts';
import { STATUS_VALUES } from '../../src/lib/schema/vocabulary.ts';

const base: StatusFacts = {
  id: 'luat',
  issued: '2022-11-10',
  status: 'in-force',
  statusAsOf: '2026-12-01',
  statusReason: null,
  effectiveFrom: '2023-07-01',
  effectiveTo: null,
};

describe('statusOn: examples', () => {
  it('a law passed in November takes effect on its effective date', () => {
    expect(statusOn(base, [], '2022-11-01').status).toBe('not-yet-in-force'); // not issued yet
    expect(statusOn(base, [], '2023-06-30')).toMatchObject({ status: 'not-yet-in-force', reason: 'Có hiệu lực từ ngày 01/7/2023' });
    expect(statusOn(base, [], '2023-07-01')).toMatchObject({ status: 'in-force', since: '2023-07-01' });
  });

  it('a replaced document is superseded from the date its replacement takes effect, with the replacing document', () => {
    const acting: ActingDocument[] = [{ kind: 'replaced', by: 'moi', date: '2025-01-01' }];
    expect(statusOn(base, acting, '2024-12-31').status).toBe('in-force');
    expect(statusOn(base, acting, '2025-01-01', () => 'Luật mới')).toEqual({
      status: 'superseded', reason: 'Bị thay thế bởi Luật mới từ ngày 01/01/2025', since: '2025-01-01', by: 'moi',
    });
  });

  it('a declared "not in force" without a date is only known from the day it was read', () => {
    const old: StatusFacts = { ...base, status: 'not-in-force', effectiveFrom: null, statusAsOf: '2026-11-22' };
    expect(statusOn(old, [], '2026-11-22').status).toBe('not-in-force');
    expect(statusOn(old, [], '2024-01-01').status).toBe('unknown');
  });

  it('an unknown status with an effective-to date is not in force from that date, unknown before', () => {
    const plan: StatusFacts = { ...base, issued: '2016-12-28', status: 'unknown', effectiveFrom: null, effectiveTo: '2022-01-01', statusAsOf: null };
    expect(statusOn(plan, [], '2021-12-31').status).toBe('unknown');
    expect(statusOn(plan, [], '2022-01-01')).toMatchObject({ status: 'not-in-force', since: '2022-01-01' });
  });

  it('the history lists issue, effect, amendment and replacement in date order', () => {
    const acting: ActingDocument[] = [
      { kind: 'replaced', by: 'moi', date: '2025-01-01' },
      { kind: 'amended', by: 'sua', date: '2024-07-01' },
    ];
    expect(statusHistory(base, acting).map((e) => `${e.date} ${e.kind}${e.by ? ` ${e.by}` : ''}`)).toEqual([
      '2022-11-10 issued',
      '2023-07-01 effective',
      '2024-07-01 amended sua',
      '2025-01-01 replaced moi',
    ]);
  });
});

// ---------------------------------------------------------------- properties

const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const facts = fc.record({
  id: fc.constant('x'),
  issued: day,
  status: fc.constantFrom(...STATUS_VALUES),
  statusAsOf: maybe(day),
  statusReason: maybe(fc.constantFrom('Theo nguồn', 'Chưa tìm được nguồn nêu hiệu lực')),
  effectiveFrom: maybe(day),
  effectiveTo: maybe(day),
});
const acting = fc.array(
  fc.record({ kind: fc.constantFrom<ActingDocument['kind']>('replaced', 'repealed', 'amended'), by: fc.constantFrom('a', 'b', 'c'), date: day }),
  { maxLength: 4 },
);

describe('statusOn: properties', () => {
  it('a replaced or repealed document is never in force on or after the date it was ended', () => {
    fc.assert(
      fc.property(facts, acting, day, (doc, act, d) => {
        const ended = act.some((a) => a.kind !== 'amended' && a.date <= d);
        const s = statusOn(doc, act, d).status;
        if (ended && d >= doc.issued) return s !== 'in-force' && s !== 'partly-in-force' && s !== 'not-yet-in-force';
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('unknown stays unknown unless a dated fact says otherwise', () => {
    fc.assert(
      fc.property(facts, acting, day, (raw, act, d) => {
        const doc = { ...raw, status: 'unknown' as const };
        const s = statusOn(doc, act, d);
        const datedFactApplies =
          d < doc.issued ||
          act.some((a) => a.kind !== 'amended' && a.date <= d) ||
          (doc.effectiveTo !== null && doc.effectiveTo <= d) ||
          (doc.effectiveFrom !== null && d < doc.effectiveFrom);
        if (!datedFactApplies) return s.status === 'unknown';
        // When it is not unknown, it says from when or until when (a date in the reason).
        return s.status === 'unknown' || /\d{1,2}\/\d{1,2}\/\d{4}/.test(s.reason);
      }),
      { numRuns: 2000 },
    );
  });

  it('once ended, a document stays ended on every later day', () => {
    fc.assert(
      fc.property(facts, acting, day, day, (doc, act, d1, d2) => {
        const [a, b] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const ended = (s: string) => s === 'superseded' || s === 'not-in-force';
        const first = statusOn(doc, act, a);
        if (!ended(first.status) || first.since === null) return true;
        return ended(statusOn(doc, act, b).status);
      }),
      { numRuns: 2000 },
    );
  });

  it('always answers with a non-empty reason, and a status from the vocabulary', () => {
    fc.assert(
      fc.property(facts, acting, day, (doc, act, d) => {
        const s = statusOn(doc, act, d);
        return s.reason.length > 0 && [...STATUS_VALUES, 'superseded'].includes(s.status);
      }),
    );
  });
});
