/**
 * Finding registry ids (issuers, provinces) from the words a document uses for them.
 * Matching is on search keys (no diacritics, canonical tone placement, lower case), and
 * is exact on a whole name or alias: an editor's tool must not guess, so anything that
 * fits more than one entry is returned as several candidates for the caller to report.
 */
import type { Issuer, Province } from '../schema/registries.ts';
import { parseDocumentNumber } from '../identity.ts';
import { DOCUMENT_TYPES, type DocumentTypeId } from '../document-types.ts';
import { searchKey } from '../text/vietnamese.ts';
import { escapeRegex } from '../text/regex.ts';

function key(text: string): string {
  return searchKey(text.replace(/\*\*/g, ''))
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Province ids whose name or alias occurs in the text as whole words. */
export function provincesMentioned(text: string, provinces: readonly Province[]): string[] {
  const k = key(text);
  return provinces
    .filter((p) =>
      [p.name, ...p.aliases].some((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(key(n))}(?![\\p{L}\\p{N}])`, 'u').test(k)),
    )
    .map((p) => p.id);
}

function provinceName(id: string | null, provinces: readonly Province[]): string | null {
  return id ? (provinces.find((p) => p.id === id)?.name ?? null) : null;
}

/** Issuers this document may belong to: central ones, or those of its province. */
function inScope(issuers: readonly Issuer[], province: string | null): Issuer[] {
  return province ? issuers.filter((i) => !i.province || i.province === province) : [...issuers];
}

/**
 * Issuers whose name or alias is exactly the text, also trying the text followed by the
 * province name ("TỈNH ỦY" in a Trà Vinh header is "Tỉnh ủy Trà Vinh").
 */
export function issuersNamed(
  text: string,
  issuers: readonly Issuer[],
  provinces: readonly Province[],
  province: string | null,
): string[] {
  const k = key(text);
  if (!k) return [];
  const pname = provinceName(province, provinces);
  const wanted = new Set([k]);
  if (pname) {
    wanted.add(`${k} ${key(pname)}`);
    wanted.add(`${k} tinh ${key(pname)}`);
  }
  const hits = inScope(issuers, province).filter((i) => [i.name, ...i.aliases].some((n) => wanted.has(key(n))));
  // A generic alias ("UBND tỉnh") is shared by every province: the local one wins.
  const local = province ? hits.filter((i) => i.province === province) : [];
  return (local.length ? local : hits).map((i) => i.id);
}

/**
 * The issuer from the header block. The block is either one name broken over lines
 * ("ỦY BAN NHÂN DÂN" / "TỈNH HẢI DƯƠNG") or a superior body above the issuing one
 * ("ĐẢNG BỘ TỈNH TRÀ VINH" / "TỈNH ỦY", "TỈNH ỦY HÀ TĨNH" / "BAN DÂN VẬN"): the last
 * line issues, the lines above only qualify it, so they are never taken alone.
 */
export function issuersFromHeader(
  cells: readonly string[],
  issuers: readonly Issuer[],
  provinces: readonly Province[],
  province: string | null,
): string[] {
  if (!cells.length) return [];
  const last = cells.at(-1)!;
  const above = cells.slice(0, -1);
  const candidates = [
    cells.join(' '),
    last,
    ...above.map((c) => `${last} ${c}`),
  ];
  // "TỈNH ỦY HÀ TĨNH" above "BAN DÂN VẬN": the province is added back by issuersNamed.
  const pname = provinceName(province, provinces);
  if (pname) candidates.push(...above.map((c) => `${last} ${key(c).replace(key(pname), '').trim()}`));
  for (const text of candidates) {
    const found = issuersNamed(text, issuers, provinces, province);
    if (found.length) return found;
  }
  return [];
}

/** Issuer codes in a số ký hiệu ("125/KH-UBND" → UBND) matched against the registry. */
export function issuersFromNumber(
  number: string,
  type: DocumentTypeId,
  issuers: readonly Issuer[],
  province: string | null,
): string[] {
  const parsed = parseDocumentNumber(number);
  if (!parsed) return [];
  const typeCodes = new Set([...DOCUMENT_TYPES[type].stateCodes, ...DOCUMENT_TYPES[type].partyCodes]);
  const segments = parsed.symbol.split(/[-/]/).filter((s) => s && !typeCodes.has(s));
  if (!segments.length) return [];
  // The first code after the type code names the issuer; later ones are co-issuers.
  const code = segments[0]!;
  return inScope(issuers, province)
    .filter((i) => i.codes.includes(code) && (!province || i.province === province || !i.province))
    .map((i) => i.id);
}

/**
 * What a signature line says about the issuing body. "T/M X" names it; a bare title
 * names it through the office ("CHỦ TỊCH" signs for the Ủy ban nhân dân).
 */
const ROLE_BODIES: readonly [RegExp, string][] = [
  [/^ban thuong vu$/, 'Ban Thường vụ Tỉnh ủy'],
  [/^(?:kt )?(?:pho )?chu tich$/, 'Ủy ban nhân dân tỉnh'],
  [/^(?:kt )?(?:pho )?thu tuong$/, 'Thủ tướng Chính phủ'],
];

export function issuersFromSignature(
  roles: readonly string[],
  issuers: readonly Issuer[],
  provinces: readonly Province[],
  province: string | null,
): string[] {
  for (const role of roles) {
    const k = key(role);
    const tm = /^(?:t m|tm)\s+(.+)$/.exec(k);
    const body = tm ? tm[1]! : k;
    const named = issuersNamed(body, issuers, provinces, province);
    if (named.length) return named;
    const generic = ROLE_BODIES.find(([re]) => re.test(body));
    if (generic) return issuersNamed(generic[1], issuers, provinces, province);
    if (tm) return [];
  }
  return [];
}

/**
 * "…, UBND tỉnh Hải Dương xây dựng Kế hoạch …": the opening sentence often names the
 * issuer right before the verb. The longest run of words before it that is a registry
 * name wins.
 */
export function issuersFromOpening(
  paragraph: string,
  issuers: readonly Issuer[],
  provinces: readonly Province[],
  province: string | null,
): string[] {
  const m = /([^,;:.“”"]{3,120}?)\s+(?:xây dựng|ban hành|triển khai)\s+(?:kế hoạch|chương trình|chỉ thị|quyết định|hướng dẫn|quy chế|quy định|nghị quyết|kết luận)/iu.exec(
    paragraph,
  );
  if (!m) return [];
  const words = m[1]!.trim().split(/\s+/);
  for (let n = Math.min(words.length, 10); n >= 1; n--) {
    const found = issuersNamed(words.slice(-n).join(' '), issuers, provinces, province);
    if (found.length) return found;
  }
  return [];
}
