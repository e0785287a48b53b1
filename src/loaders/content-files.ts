/**
 * Astro content loader for our content files. Content MDX holds no code, so bodies are
 * not compiled into one JS module per document: the graph build has already rendered
 * each body to citation-linked HTML (.generated/bodies/<collection>.bundle) and written the validated
 * frontmatter of every file (.generated/frontmatter.json), so this loader neither parses
 * YAML nor validates 10,000 files again. It reads the content itself only when that file
 * is missing or the content changed since the graph build (e.g. `astro dev` while editing).
 *
 * Only course modules are a collection today (src/content.config.ts), with their HTML
 * (`rendered.html`): course pages read it through getCollection('chuyenDe'). Document and
 * record pages read .generated/ through src/lib/site/, so storing 10,000 documents in
 * Astro's data store would only cost time; the other collection keys stay for a page that
 * may one day need them.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { loadCorpus } from '../lib/content/corpus.ts';
import { sourcesUnchanged } from '../lib/content/sources.ts';
import { FRONTMATTER_FILE, bodyBundleFile, type FrontmatterEntry, type FrontmatterFile } from '../lib/graph/types.ts';
import { BodyBundle } from '../lib/graph/body-bundle.ts';
import { contentRoot } from '../lib/content/root.ts';
import { readJsonFile } from '../lib/files/large-json.ts';

type CollectionKey = 'documents' | 'implementations' | 'courses';
type Entries = Record<CollectionKey, FrontmatterEntry[]>;

// The three collections load from one file: it is read once per version of it (`npm run
// dev` rewrites it as content is saved, then refreshes the collections).
let cached: Entries | null = null;
let cachedStamp = '';
function entries(): Entries {
  const root = contentRoot();
  const path = join(root, FRONTMATTER_FILE);
  const st = statSync(path, { throwIfNoEntry: false });
  const stamp = st ? `${st.size}:${st.mtimeMs}:${st.ino}` : 'none';
  if (cached && stamp === cachedStamp) return cached;
  cachedStamp = stamp;
  if (st) {
    try {
      const file = readJsonFile(path) as FrontmatterFile;
      if (file.version === 1 && sourcesUnchanged(root, file.sources)) {
        cached = { documents: file.documents, implementations: file.implementations, courses: file.courses };
        return cached;
      }
    } catch {
      // Unreadable: read the content instead.
    }
  }
  const corpus = loadCorpus(root);
  const pick = (list: { id: string; file: string; data: unknown }[]) => list.map(({ id, file, data }) => ({ id, file, data }));
  cached = { documents: pick(corpus.documents), implementations: pick(corpus.implementations), courses: pick(corpus.courses) };
  return cached;
}

export function contentFilesLoader(collection: CollectionKey): Loader {
  return {
    name: `danvan-${collection}`,
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      const bodies = new BodyBundle(join(contentRoot(), bodyBundleFile(collection)));
      for (const file of entries()[collection]) {
        const raw = file.data as Record<string, unknown>;
        if (collection !== 'courses') {
          // Validated by the graph build (or loadCorpus just now) with the same schema.
          store.set({ id: file.id, data: raw, filePath: file.file, digest: generateDigest(JSON.stringify(raw)) });
          continue;
        }
        const data = await parseData({ id: file.id, data: raw, filePath: file.file });
        const html = bodies.html(file.id) ?? '';
        store.set({ id: file.id, data, filePath: file.file, digest: generateDigest(`${JSON.stringify(raw)}\u0000${html}`), rendered: { html } });
      }
      bodies.close();
    },
  };
}
