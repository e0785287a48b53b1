/** axe-core on the main page kinds: zero violations. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { projectRoot } from './support/site.ts';
import { servedSite } from './support/served.ts';

const site = servedSite();

interface AxeViolation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

async function violations(path: string, width: number): Promise<string[]> {
  // The site's CSP would refuse the injected axe script; bypass it for the audit only.
  const context = await site.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}${path}`);
  await page.addScriptTag({ path: join(projectRoot, 'node_modules/axe-core/axe.min.js') });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  await context.close();
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  for (const [name, path] of [
    ['home', ''],
    ['document page', 'van-ban/chi-thi-33-ct-ttg-2021/'],
    ['document with a dated status and relations to missing documents', 'van-ban/luat-10-2022-qh15-2022/'],
    ['list page', 'loai/quyet-dinh/'],
    ['all documents', 'van-ban/'],
    ['timeline', 'dong-thoi-gian/'],
    ['timeline of one year', 'dong-thoi-gian/2021/'],
    ['missing documents', 'chua-co/'],
    ['search page with results', 'tim-kiem/?q=dan+chu+co+so'],
    ['topic page', 'chu-de/dan-chu-co-so/'],
    ['merged province page', 'dia-phuong/hai-phong/'],
    ['issuer page', 'co-quan/bo-chinh-tri/'],
    ['course module', 'chuyen-de/dan-van-chinh-quyen/'],
    // Pages that exist only on large corpora (full relation listings, later list pages):
    // DANVAN_A11Y_EXTRA="van-ban/x/lien-quan/,loai/ke-hoach/trang/2/" with DANVAN_TEST_DIST set to a benchmark build.
    ...(process.env.DANVAN_A11Y_EXTRA ?? '').split(',').filter(Boolean).map((p) => [`extra ${p}`, p] as const),
  ] as const) {
    it(`${name} has no violations (narrow and wide)`, async () => {
      expect(await violations(path, 360)).toEqual([]);
      expect(await violations(path, 1280)).toEqual([]);
    });
  }
});
