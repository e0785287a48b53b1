/**
 * The synthetic corpus as a plan: identities (type, issuer, number, date, province),
 * explicit relations and the references each body will carry. Planned in date order so
 * that relations and citations only point at documents that already existed, which is
 * what the checker (relation-target-later) and the resolver (issued no later) expect.
 */
import { DOCUMENT_TYPES } from '../document-types.ts';
import { comparableKey, canonicalKey, documentId } from '../identity.ts';
import { daysInMonth } from '../schema/dates.ts';
import {
  CENTRAL_ISSUERS,
  REGISTRY_PROVINCES,
  formatNumber,
  generatedProvinces,
  localIssuers,
  type GeneratedProvince,
  type IssuerProfile,
  type TypeForm,
} from './issuers.ts';
import { TOPIC_PHRASES } from './phrases.ts';
import { createRandom, type Random } from './random.ts';

export interface PlannedDoc {
  /** Position in date order. */
  index: number;
  id: string;
  type: TypeForm['type'];
  form: TypeForm;
  number: string;
  serial: number;
  issued: string;
  year: number;
  issuer: IssuerProfile;
  coIssuers: string[];
  province: string | null;
  provinceName: string | null;
  topics: string[];
  subject: string;
  title: string;
  implements: number[];
  replaces: number[];
  basedOn: number[];
  replacedBy: number | null;
  /** Corpus documents cited in the body (indices), besides the explicit targets. */
  cites: number[];
  /** References to documents that are not in the corpus. */
  missing: MissingRef[];
}

/** A cited document that the corpus does not hold (it stays unresolved in the graph). */
export interface MissingRef {
  type: TypeForm['type'];
  number: string;
  issued: string;
  issuer: IssuerProfile;
}

export interface CorpusPlan {
  docs: PlannedDoc[];
  provinces: GeneratedProvince[];
  seed: number;
}

/** The last day a generated document may carry: before the project's "today" (2026-11-22). */
export const LAST_ISSUE_DATE = '2026-10-31';

const DIRECTIVE_TYPES = new Set(['nghi-quyet', 'chi-thi', 'ket-luan', 'quyet-dinh', 'quy-dinh', 'huong-dan']);
const PLAN_TYPES = new Set(['ke-hoach', 'huong-dan', 'chi-thi', 'quyet-dinh', 'chuong-trinh', 'cong-van']);

function randomDate(r: Random, year: number): string {
  const month = year === 2026 ? r.int(1, 10) : r.int(1, 12);
  const day = r.int(1, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Plans `count` documents from `seed`; pure and deterministic. */
export function planCorpus(count: number, seed: number): CorpusPlan {
  const r = createRandom(seed);
  const provinces = generatedProvinces();
  const localProvinces = [...REGISTRY_PROVINCES, ...provinces];
  const central = CENTRAL_ISSUERS;
  const local = localProvinces.flatMap((p) => localIssuers(p));
  // About a quarter of the documents are central, the rest local, as in the real mix.
  const centralWeight = central.reduce((s, i) => s + i.weight, 0);
  const localWeight = local.reduce((s, i) => s + i.weight, 0);
  const table: [number, IssuerProfile][] = [
    ...central.map((i): [number, IssuerProfile] => [(0.26 * i.weight) / centralWeight, i]),
    ...local.map((i): [number, IssuerProfile] => [(0.74 * i.weight) / localWeight, i]),
  ];
  const provinceName = new Map<string, string>(localProvinces.map((p) => [p.id, p.name]));
  const topicIds = Object.keys(TOPIC_PHRASES);

  // 1. Identities. Serials grow within (issuer code, type code, year, province), so no
  //    two documents share an identity, and numbers look like real running numbers.
  const counters = new Map<string, number>();
  const ids = new Set<string>();
  const raw: Omit<PlannedDoc, 'index'>[] = [];
  while (raw.length < count) {
    const issuer = r.weighted(table);
    const form = r.weighted(issuer.forms.map((f): [number, TypeForm] => [f.weight, f]));
    const year = r.int(Math.max(issuer.years[0], 2005), issuer.years[1]);
    const joint = form.type === 'chuong-trinh' && issuer.partner !== undefined;
    const counterKey = `${issuer.code}|${form.code.replace('QĐi', 'QĐ')}|${year}|${issuer.province ?? ''}`;
    const serial = (counters.get(counterKey) ?? r.int(0, 15)) + r.int(1, 4);
    counters.set(counterKey, serial);
    const number = formatNumber(form, issuer, serial, year, joint);
    const id = documentId({ type: form.type, number, year, province: issuer.province, issuer: issuer.id });
    if (ids.has(id)) continue;
    ids.add(id);
    const topics = r.sample(topicIds, r.int(1, 3));
    const phrases = TOPIC_PHRASES[topics[0]!]!;
    const subject = r.pick(phrases.subjects);
    const pName = issuer.province ? provinceName.get(issuer.province)! : null;
    const lead = r.pick(['Về tăng cường', 'Về đẩy mạnh', 'Về nâng cao hiệu quả', 'Về tiếp tục đổi mới', 'Triển khai thực hiện', 'Về nâng cao chất lượng']);
    let title = `${lead} ${subject}`;
    if (pName && r.chance(0.6)) title += ` trên địa bàn tỉnh ${pName}`;
    if (form.type === 'ke-hoach' && r.chance(0.5)) title += ` năm ${year}`;
    raw.push({
      id,
      type: form.type,
      form,
      number,
      serial,
      issued: randomDate(r, year),
      year,
      issuer,
      coIssuers: joint ? [issuer.partner!.id] : [],
      province: issuer.province,
      provinceName: pName,
      topics,
      subject,
      title,
      implements: [],
      replaces: [],
      basedOn: [],
      replacedBy: null,
      cites: [],
      missing: [],
    });
  }
  raw.sort((a, b) => (a.issued < b.issued ? -1 : a.issued > b.issued ? 1 : a.id < b.id ? -1 : 1));
  const docs: PlannedDoc[] = raw.map((d, index) => ({ ...d, index }));
  const known = new Set(docs.map((d) => `${comparableKey(canonicalKey(d.number, d.year))}|${d.province ?? ''}`));

  // 2. Relations and citations, in date order, to earlier documents only.
  const centralSoFar: number[] = [];
  const centralDirectives: number[] = [];
  const laws: number[] = [];
  const localSoFar = new Map<string, number[]>();
  const byIssuerType = new Map<string, number[]>();
  const recent = (list: readonly number[], span: number) => list[list.length - 1 - Math.floor(r.next() * Math.min(span, list.length))];

  for (const d of docs) {
    const mine = d.province ? (localSoFar.get(d.province) ?? []) : [];
    if (PLAN_TYPES.has(d.type) && centralDirectives.length && r.chance(d.issuer.central ? 0.35 : 0.5)) {
      const target = recent(centralDirectives, 400)!;
      d.implements.push(target);
    } else if (!d.issuer.central && mine.length && r.chance(0.25)) {
      const target = recent(mine, 60)!;
      if (docs[target]!.issuer.id !== d.issuer.id || docs[target]!.type !== d.type) d.implements.push(target);
    }
    const sameKind = byIssuerType.get(`${d.issuer.id}|${d.type}`) ?? [];
    if (sameKind.length && r.chance(0.04)) {
      const target = sameKind[sameKind.length - 1 - Math.floor(r.next() * Math.min(5, sameKind.length))]!;
      const old = docs[target]!;
      if (old.replacedBy === null && old.issued < d.issued) {
        old.replacedBy = d.index;
        d.replaces.push(target);
      }
    }
    if ((d.form.style === 'state' || d.form.style === 'state-year') && laws.length && r.chance(0.3)) d.basedOn.push(recent(laws, 10)!);

    const explicit = new Set([...d.implements, ...d.replaces, ...d.basedOn]);
    const total = r.int(5, 15);
    let budget = total - explicit.size;
    while (budget-- > 0) {
      const roll = r.next();
      if (roll < 0.22 || (centralSoFar.length === 0 && mine.length === 0)) {
        const m = missingRef(r, d, central, localIssuers({ id: d.province ?? 'ha-tinh', name: d.provinceName ?? 'Hà Tĩnh' }), known);
        if (m) d.missing.push(m);
      } else {
        const pool = !d.issuer.central && mine.length && (roll > 0.7 || centralSoFar.length === 0) ? mine : centralSoFar;
        if (!pool.length) continue;
        const target = roll > 0.5 ? recent(pool, 300)! : pool[Math.floor(r.next() * pool.length)]!;
        if (!explicit.has(target) && !d.cites.includes(target)) d.cites.push(target);
      }
    }

    if (d.issuer.central) {
      centralSoFar.push(d.index);
      if (DIRECTIVE_TYPES.has(d.type) && d.form.style === 'party') centralDirectives.push(d.index);
      if (d.type === 'luat') laws.push(d.index);
    } else {
      if (!localSoFar.has(d.province!)) localSoFar.set(d.province!, []);
      localSoFar.get(d.province!)!.push(d.index);
    }
    const key = `${d.issuer.id}|${d.type}`;
    if (!byIssuerType.has(key)) byIssuerType.set(key, []);
    byIssuerType.get(key)!.push(d.index);
  }
  return { docs, provinces, seed };
}

/** A plausible number that no corpus document carries, issued before the citing one. */
function missingRef(
  r: Random,
  citing: PlannedDoc,
  central: readonly IssuerProfile[],
  ownLocal: readonly IssuerProfile[],
  known: ReadonlySet<string>,
): MissingRef | null {
  const pool = citing.issuer.central ? central : [...central, ...ownLocal, ...ownLocal];
  for (let attempt = 0; attempt < 5; attempt++) {
    const issuer = r.pick(pool);
    const form = r.pick(issuer.forms);
    const fromYear = Math.max(issuer.years[0], 2000);
    const toYear = Math.min(issuer.years[1], citing.year);
    if (toYear < fromYear) continue;
    const year = r.int(fromYear, toYear);
    const issued = randomDate(r, year);
    if (issued > citing.issued) continue;
    const serial = form.type === 'luat' ? r.int(40, 99) : r.int(300, 999);
    const number = formatNumber(form, issuer, serial, year, form.type === 'chuong-trinh');
    if (known.has(`${comparableKey(canonicalKey(number, year))}|${issuer.province ?? ''}`)) continue;
    return { type: form.type, number, issued, issuer };
  }
  return null;
}

/** "Chỉ thị", or "Chương trình phối hợp" for joint programmes, as written before "số". */
export function typeWord(type: TypeForm['type']): string {
  return type === 'chuong-trinh' ? 'Chương trình phối hợp' : DOCUMENT_TYPES[type].name;
}

export function titleClause(title: string): string {
  return lowerFirst(title.replace(/^Về /, ''));
}
