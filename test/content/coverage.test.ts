/**
 * The coverage targets of issue #16 on the shipped corpus, through the same function that
 * prints `npm run check -- --report`: enough documents, no check error, a source a reader
 * can open, a reason for every unknown status and for every State legal document without
 * its effective date, the number collisions present as distinct documents, the Party →
 * State → province chain from at least 8 provinces.
 */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../src/lib/check/index.ts';
import { coverageOf, runCheckCommand } from '../../src/lib/check/command.ts';
import { COLLIDING_NUMBERS } from '../../src/lib/citations/collisions.ts';
import { TEST_TODAY } from '../today.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Documents no public page read so far gives a URL for: provincial documents known only
 * from the project's seed texts (news reports and a plan from Trà Vinh, Hải Dương, Hà Tĩnh,
 * whose own pages are not in the stored record). Listed in the closing note of #16; a
 * document may leave this list, none may join it.
 */
const KNOWN_WITHOUT_URL = new Set([
  'chi-thi-24-ct-ubnd-2016-hai-duong',
  'chi-thi-tinh-uy-ha-tinh-2023-ha-tinh',
  'cong-van-1567-cv-tu-2023-ha-tinh',
  'ke-hoach-17-kh-ubnd-2018-tra-vinh',
  'ke-hoach-ubnd-tinh-hai-duong-2022-hai-duong',
  'ket-luan-29-kl-tu-2021-ha-tinh',
  'nghi-quyet-12-nq-tu-2022-ha-tinh',
  'quy-che-03-qc-tu-2021-hai-duong',
  'quyet-dinh-1553-qd-ubnd-2016-tra-vinh',
  'quyet-dinh-1893-qd-tu-2016-tra-vinh',
  'quyet-dinh-2753-qd-ubnd-2016-tra-vinh',
  'quyet-dinh-657-qd-tu-2018-ha-tinh',
]);

describe('coverage of the shipped corpus (issue #16)', () => {
  const result = runCheck(ROOT, { today: TEST_TODAY });
  const report = coverageOf(result, TEST_TODAY);
  const byId = new Map(result.corpus.documents.map((d) => [d.id, d.data]));

  it('has at least 150 documents and no check error', () => {
    expect(report.documents).toBeGreaterThanOrEqual(150);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('gives every document a source URL, except the known gaps (which still name where their facts were seen)', () => {
    expect(report.withoutSourceUrl.filter((id) => !KNOWN_WITHOUT_URL.has(id))).toEqual([]);
    // The list is what remains: a document that gained a URL leaves it.
    expect([...KNOWN_WITHOUT_URL].filter((id) => !report.withoutSourceUrl.includes(id))).toEqual([]);
    for (const id of report.withoutSourceUrl) expect(byId.get(id)!.sources.some((s) => s.note || s.title), id).toBe(true);
    expect(report.withSourceUrl + report.withoutSourceUrl.length).toBe(report.documents);
  });

  it('says why for every unknown status', () => {
    expect(report.unknownStatus.length).toBe(report.documents - report.knownStatus);
    expect(report.unknownStatus.filter((d) => byId.get(d.id)!.statusReason === undefined)).toEqual([]);
  });

  it('dates every State legal document whose sources state the date, and says why for the others', () => {
    expect(report.stateLegal).toBeGreaterThan(0);
    expect(report.stateLegalWithEffectiveFrom + report.stateLegalWithoutEffectiveFrom.length).toBe(report.stateLegal);
    const missingReason = report.stateLegalWithoutEffectiveFrom.filter((d) => byId.get(d.id)!.statusReason === undefined);
    expect(missingReason).toEqual([]);
    // "hiệu lực sau N ngày kể từ ngày ký" with a known signing day is a stated date: it must be recorded.
    const computable = report.stateLegalWithoutEffectiveFrom.filter((d) => /sau \d+ ngày kể từ ngày ký/.test(d.reason) && /^\d{4}-\d\d-\d\d$/.test(byId.get(d.id)!.issued));
    expect(computable).toEqual([]);
  });

  it('records every relation with its provenance', () => {
    expect(report.relationsByOrigin['explicit-plain']).toBe(0);
    expect(report.relationsByOrigin['explicit-provenance']).toBeGreaterThan(0);
  });

  it('holds every known number collision as distinct documents', () => {
    for (const c of COLLIDING_NUMBERS) {
      const docs = result.corpus.documents.filter((d) => d.data.number === c.number && d.data.type === c.type);
      expect(docs.length, c.number).toBe(c.versions.length);
      expect(new Set(docs.map((d) => d.data.issued)), c.number).toEqual(new Set(c.versions.map((v) => v.issued)));
    }
  });

  it('carries central documents down to at least 8 provinces, each through its own recorded relations', () => {
    expect(report.provincesLinkedToCentre.length).toBeGreaterThanOrEqual(8);
  });

  it('is what `npm run check -- --report` prints', () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), cwd: ROOT, today: TEST_TODAY };
    expect(runCheckCommand(['--report'], io, ROOT)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(`Báo cáo độ phủ: ${report.documents} văn bản`);
    expect(text).toContain(`Có nguồn mở được (URL): ${report.withSourceUrl}/${report.documents}`);
    expect(text).toContain(`Văn bản quy phạm của Nhà nước có ngày hiệu lực: ${report.stateLegalWithEffectiveFrom}/${report.stateLegal}`);
    for (const d of report.unknownStatus) expect(text).toContain(`${d.id} - ${d.reason}`);
  });
});
