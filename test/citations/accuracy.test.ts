/**
 * Behaviour test of accuracy: the engine over the labelled fixture sets must meet the
 * targets of the evaluation contract (same scoring as `npm run eval:refs`).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURE_DIR, fixtureIndex, loadJsonlSet, loadMarkedSet, loadOwnSet, scoreLabelledSet } from '../../src/lib/citations/eval-sets.ts';

const root = join(import.meta.dirname, '..', '..');
const index = fixtureIndex(root);

describe('accuracy on labelled fixtures', () => {
  it('seed set: precision ≥ 0.99, recall ≥ 0.98, key accuracy ≥ 0.95', () => {
    const dir = join(root, FIXTURE_DIR, 'seeds');
    const s = scoreLabelledSet(loadJsonlSet('seeds', dir, join(dir, 'gold.jsonl')), index);
    expect(s.gold).toBe(58);
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(s.recall).toBeGreaterThanOrEqual(0.98);
    expect(s.keyAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('hard cases set: precision ≥ 0.97, recall ≥ 0.95, key accuracy ≥ 0.95', () => {
    const s = scoreLabelledSet(loadMarkedSet('hard', join(root, FIXTURE_DIR, 'hard')), index);
    expect(s.gold).toBeGreaterThan(100);
    expect(s.precision).toBeGreaterThanOrEqual(0.97);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.keyAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('our own set (texts written for the tests, read as the CLI reads them, no date or province given): 100 % everywhere, every named year right', () => {
    const set = loadOwnSet(root);
    expect(set.texts.length).toBeGreaterThanOrEqual(30);
    expect(set.texts.every((t) => !t.context.date && !t.context.province)).toBe(true);
    const s = scoreLabelledSet(set, index);
    expect({ misses: s.misses.map((m) => m.gold.surface), falsePositives: s.falsePositives.map((f) => f.predicted.text) }).toEqual({ misses: [], falsePositives: [] });
    expect(s.keyErrors.map((k) => `${k.gold.surface}: ${k.predicted.key}`)).toEqual([]);
    expect(s.yearErrors.map((y) => `${y.gold.surface}: ${y.predicted.year}`)).toEqual([]);
    expect(s.namedYearGold).toBeGreaterThan(50);
  });
});

