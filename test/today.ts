/**
 * The day every test runs on: vitest sets DANVAN_TODAY to it (vitest.config.ts), so CLIs
 * spawned by tests use it too, and `npm test` builds the site for the browser tests with
 * it (scripts/test.ts). No test depends on the real date. Content in content/ is dated
 * up to this day; content verified later needs this day moved forward with it (the
 * build step of `npm test` then reports "… ở tương lai (hôm nay là …)").
 */
export const TEST_TODAY = '2026-12-07';
