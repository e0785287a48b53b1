// @ts-check
import { defineConfig } from 'astro/config';

// One setting builds the site for a subpath: DANVAN_BASE=/danvan/ npm run build
const base = process.env.DANVAN_BASE || '/';
const site = process.env.DANVAN_SITE || 'https://danvan.example.vn';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // scripts/build.ts builds into a temporary folder and swaps it into dist/ on success.
  outDir: process.env.DANVAN_OUT_DIR || './dist',
  // Benchmarks build generated corpora next to the real site: their own content-layer cache.
  ...(process.env.DANVAN_CACHE_DIR ? { cacheDir: process.env.DANVAN_CACHE_DIR } : {}),
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The pages' CSP forbids inline script: Vite must never inline a small script bundle.
  vite: { build: { assetsInlineLimit: 0 } },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  telemetry: false,
});
