// @ts-check
// The benchmark baseline: the same generated corpus built the plain Astro way, one MDX
// page per document and nothing else (no graph, relations, diagrams or search), so that
// `npm run bench` can state the cost of danvan-kb's pipeline as a ratio.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  outDir: process.env.DANVAN_OUT_DIR || './dist',
  cacheDir: process.env.DANVAN_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory' },
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  telemetry: false,
});
