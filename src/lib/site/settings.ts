/**
 * The site's settings from the environment, read in one place: by astro.config.mjs for
 * Astro, and by the steps that write site files beside Astro (scripts/write-data-files.ts),
 * which must put the same base and address in them as the pages do.
 * No imports: astro.config.mjs loads this file with Node itself.
 */

export interface SiteSettings {
  /** DANVAN_BASE: the subpath the site is served under ("/" by default). */
  base: string;
  /** DANVAN_SITE: the site's public address, or undefined (no absolute URLs are written). */
  site: string | undefined;
}

export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return { base: env.DANVAN_BASE || '/', site: env.DANVAN_SITE || undefined };
}

/**
 * The base as Astro gives it to pages (import.meta.env.BASE_URL) with trailingSlash
 * 'always': a "/" put in front and at the end when missing, nothing else changed.
 */
export function astroBaseUrl(base: string): string {
  const withEnd = base.endsWith('/') ? base : `${base}/`;
  return withEnd.startsWith('/') ? withEnd : `/${withEnd}`;
}

/**
 * The site address as Astro gives it to routes (`site`, a URL made from the setting), as
 * text; null without one. Throws on an address that is not a URL, as Astro refuses it.
 */
export function astroSite(site: string | undefined): string | null {
  return site ? new URL(site).href : null;
}
