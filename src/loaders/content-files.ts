/**
 * Astro content loader for our content files. Content MDX holds no code, so bodies are
 * not compiled into one JS module per document: the graph build has already rendered
 * each body to citation-linked HTML (.generated/bodies/), and this loader only hands
 * Astro the validated data and that HTML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { loadCorpus, type Corpus } from '../lib/content/corpus.ts';
import { BODIES_DIR } from '../lib/graph/types.ts';
import { contentRoot } from '../lib/content/root.ts';

type CollectionKey = 'documents' | 'implementations' | 'courses';

let cached: Corpus | null = null;
function corpus(): Corpus {
  cached ??= loadCorpus(contentRoot());
  return cached;
}

export function contentFilesLoader(collection: CollectionKey): Loader {
  return {
    name: `danvan-${collection}`,
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const file of corpus()[collection]) {
        const data = await parseData({ id: file.id, data: file.data as Record<string, unknown>, filePath: file.file });
        const bodyPath = join(contentRoot(), BODIES_DIR, collection, `${file.id}.html`);
        const html = existsSync(bodyPath) ? readFileSync(bodyPath, 'utf8') : '';
        store.set({ id: file.id, data, filePath: file.file, digest: generateDigest(file.raw), rendered: { html } });
      }
    },
  };
}
