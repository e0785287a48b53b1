/** The good corpus is valid: no error, only the warnings its real gaps deserve. */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/content/corpus.ts';
import { checkCorpus } from '../../src/lib/check/index.ts';
import { GOOD_CORPUS, TODAY, check } from './helpers.ts';

describe('test/fixtures/good-corpus', () => {
  it('has no error and loads every file', () => {
    const result = check(GOOD_CORPUS);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.corpus.documents).toHaveLength(7);
    expect(result.corpus.implementations).toHaveLength(1);
    expect(result.corpus.courses).toHaveLength(1);
    expect(result.files).toHaveLength(12);
  });

  it('warns only about facts not yet found (signers, summaries)', () => {
    const codes = new Set(check(GOOD_CORPUS).diagnostics.map((d) => d.code));
    expect([...codes].sort()).toEqual(['signer-missing', 'summary-missing']);
  });

  it('checkCorpus can be called on a loaded corpus directly', () => {
    const corpus = loadCorpus(GOOD_CORPUS);
    expect(corpus.diagnostics).toEqual([]);
    expect(checkCorpus(corpus, { today: TODAY }).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
