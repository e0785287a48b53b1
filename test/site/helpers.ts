import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '../../src/lib/graph/types.ts';
import { loadRegistries } from '../../src/lib/content/corpus.ts';
import { indexSite, type SiteData } from '../../src/lib/site/data.ts';

export const root = join(import.meta.dirname, '..', '..');

/** A small hand-made graph (test/site/fixtures/graph.json) with the real registries. */
export function fixtureGraph(): Graph {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'graph.json'), 'utf8')) as Graph;
}

export function fixtureSite(): SiteData {
  return indexSite(fixtureGraph(), loadRegistries(root));
}
