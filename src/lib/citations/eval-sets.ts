/**
 * Labelled sets for the citation evaluation: the fixture sets under test/fixtures/refs/
 * and, when present, the shared seed labels at ../shared. Used by `npm run eval:refs`
 * and by the accuracy test, so both score exactly the same thing.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpusIndex, findReferences, type CorpusIndex } from './index.ts';
import { parseMarkedText, scoreSet, type GoldMention, type SetScore } from './evaluate.ts';
import type { CitationContext, CorpusEntry } from './types.ts';
import type { ProvinceName } from './resolve.ts';
import { loadRegistries } from '../content/corpus.ts';

export interface LabelledText {
  file: string;
  text: string;
  gold: GoldMention[];
  context: CitationContext;
}

export interface LabelledSet {
  name: string;
  texts: LabelledText[];
}

export const FIXTURE_DIR = 'test/fixtures/refs';

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

/** A set of plain texts labelled by a gold.jsonl (offsets into the texts). */
export function loadJsonlSet(name: string, textDir: string, goldPath: string): LabelledSet {
  const gold = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldMention);
  const files = readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort();
  return {
    name,
    texts: files.map((file) => ({ file, text: readFileSync(join(textDir, file), 'utf8'), gold: gold.filter((g) => g.text === file), context: {} })),
  };
}

/** A set of marked texts ([[surface]]{number;key;flags}) with an optional context.json. */
export function loadMarkedSet(name: string, dir: string): LabelledSet {
  const contexts = readJson<Record<string, CitationContext>>(join(dir, 'context.json'), {});
  const files = readdirSync(dir).filter((f) => f.endsWith('.marked.txt')).sort();
  return {
    name,
    texts: files.map((file) => {
      const { text, gold } = parseMarkedText(file, readFileSync(join(dir, file), 'utf8'));
      return { file, text, gold, context: contexts[file] ?? {} };
    }),
  };
}

export function fixtureIndex(root: string): CorpusIndex {
  const entries = readJson<CorpusEntry[]>(join(root, FIXTURE_DIR, 'corpus.json'), []);
  const provinces = readJson<ProvinceName[]>(join(root, FIXTURE_DIR, 'provinces.json'), []);
  // The named-documents registry is the project's data (content/registries), as the CLI reads it.
  return buildCorpusIndex(entries, provinces, loadRegistries(root).namedDocuments ?? []);
}

export function scoreLabelledSet(set: LabelledSet, index: CorpusIndex): SetScore {
  return scoreSet(
    set.texts.map((t) => ({ file: t.file, text: t.text, gold: t.gold, predicted: findReferences(t.text, index, t.context) })),
  );
}
