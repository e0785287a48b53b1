/** Shared helpers of the editor tests: fixtures, registries, word multisets. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusEntriesFrom } from '../../src/lib/citations/index.ts';
import { loadCorpus, loadRegistries } from '../../src/lib/content/corpus.ts';
import { decodePlainText } from '../../src/lib/editor/input.ts';
import { importPlainText, type ImportResult } from '../../src/lib/editor/draft.ts';
import { searchKey } from '../../src/lib/text/vietnamese.ts';
import { TEST_TODAY } from '../today.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test/fixtures/import');
export const GOOD_CORPUS = join(ROOT, 'test/fixtures/good-corpus');
export const TODAY = TEST_TODAY;

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** The project's registries (the ones editors import against) and the good corpus. */
export const registries = loadRegistries(ROOT);
export const corpus = corpusEntriesFrom(loadCorpus(GOOD_CORPUS).documents);

export function importBytes(bytes: Uint8Array, province: string | null = null): ImportResult {
  const out = importPlainText(decodePlainText(bytes), { fileName: 'test.txt', today: TODAY, registries, corpus, province });
  if (!out.ok) throw new Error(out.message);
  return out.result;
}

export function words(text: string): string[] {
  return searchKey(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function multiset(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

export function bodyOf(mdx: string): string {
  const end = mdx.indexOf('\n---\n', 4);
  return mdx.slice(end + 5);
}

/**
 * A project root to run the tools against: the good corpus's documents with the
 * project's registries, in a temporary folder.
 */
export function tempRoot(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'danvan-editor-'));
  cpSync(join(GOOD_CORPUS, 'content'), join(root, 'content'), { recursive: true });
  rmSync(join(root, 'content/registries'), { recursive: true, force: true });
  cpSync(join(ROOT, 'content/registries'), join(root, 'content/registries'), { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
