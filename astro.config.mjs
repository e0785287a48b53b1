// @ts-check
import { defineConfig } from 'astro/config';
import { siteSettings } from './src/lib/site/settings.ts';

// One setting builds the site for a subpath: DANVAN_BASE=/danvan/ npm run build.
// The site's public address (DANVAN_SITE=https://…): without it the build has no absolute URL to
// write, so pages use site-relative links and leave out what needs one (sitemap, canonical, og:url).
// Read in src/lib/site/settings.ts, which the files written beside Astro read too.
const { base, site } = siteSettings();

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  trailingSlash: 'always',
  // scripts/build.ts builds into a temporary folder and swaps it into dist/ on success.
  outDir: process.env.DANVAN_OUT_DIR || './dist',
  // Benchmarks build generated corpora next to the real site: their own content-layer cache.
  ...(process.env.DANVAN_CACHE_DIR ? { cacheDir: process.env.DANVAN_CACHE_DIR } : {}),
  // concurrency: a few pages in flight, so that rendering goes on while earlier pages' folders
  // and files are written (with one, the thread waited on every mkdir and write: at 1,000
  // documents a fifth of the step's time). Pages do not depend on each other; same files.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // The pages' CSP forbids inline script: Vite must never inline a small script bundle.
  // The dev server watches the project: generated corpora (bench-out/, up to 100,000 files) and
  // built sites would exhaust the system's file watchers (ENOSPC) and are never served from source.
  vite: { build: { assetsInlineLimit: 0 }, server: { watch: { ignored: ['**/bench-out/**', '**/dist/**', '**/dist.*/**'] } } },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  telemetry: false,
});
