/**
 * Resolve stage: which document does each mention mean? Full references resolve by
 * identity (number, symbol, year, province for local symbols); short forms through
 * aliases and fuller mentions of the same text; bare numbers only to a unique corpus
 * candidate issued no later than the citing document. No unique candidate → no target.
 */
import type { DocumentTypeId } from '../document-types.ts';
import { parseDocumentNumber, yearOf } from '../identity.ts';
import { normalizeTonePlacement, searchKey } from '../text/vietnamese.ts';
import type { CitationContext, CorpusEntry } from './types.ts';
import type { AliasMatcher, RawMention } from './extract.ts';
import { CONGRESS_YEARS, LAW_NAMES, LOCAL_SEGMENT, PLENUM_RESOLUTIONS, SP, romanToNumber } from './patterns.ts';
import type { NamedDocument, NamedDocumentKind } from '../schema/named-documents.ts';
import { knownNamesMatcher, nameKey, type KnownNames } from './named.ts';
import { buildFamilies, chooseVersion, familyKey, type NamedFamilies } from './versions.ts';
import { chooseColliding, collisionIndex, type CollidingNumber } from './collisions.ts';
import { escapeRegex } from '../text/regex.ts';

interface IndexedEntry {
  entry: CorpusEntry;
  serial: string;
  symbol: string;
}

export interface ProvinceName {
  id: string;
  name: string;
  aliases?: readonly string[];
}

export interface CorpusIndex {
  entries: readonly CorpusEntry[];
  /** serial|symbol (comparable) → entries, all years. */
  byNumber: Map<string, IndexedEntry[]>;
  /** type|serial → entries, for bare numbers. */
  byTypeSerial: Map<string, IndexedEntry[]>;
  aliases: AliasMatcher[];
  /** Names the extractor knows (law names, the registry's names, laws' corpus aliases): where a name ends. */
  names: KnownNames;
  /** Named-documents registry: versions by family (kind|name). */
  families: NamedFamilies;
  /** Corpus laws by the comparable name after "Luật" ("khieu nai" → ids), from their aliases. */
  lawsByName: Map<string, string[]>;
  /** Known colliding numbers by serial|symbol. */
  collisions: Map<string, CollidingNumber>;
  provinces: { id: string; keys: string[] }[];
  /**
   * Province named by an issuer phrase ("Ban Thường vụ Tỉnh ủy Hà Tĩnh" → "ha-tinh"), null
   * for none: filled as phrases are met, since a corpus repeats a few hundred phrases and
   * each test runs through every province's names.
   */
  provinceOfIssuer: Map<string, string | null>;
}

/** "05" and "5" are one serial; letters kept ("30c"). */
export function comparableSerial(serial: string): string {
  return serial.replace(/^0+(?=\d)/, '').toLowerCase();
}

/** Symbol without separators or case; QĐi = QĐ (Quy định written either way); TƯ = TW. */
export function comparableSymbol(symbol: string): string {
  return memo(comparableSymbolCache, symbol, () =>
    symbol.toUpperCase().replace(/[-/\s]/g, '').replace(/QĐI/g, 'QĐ').replace(/TƯ/g, 'TW'),
  );
}

export function isLocalSymbol(symbol: string): boolean {
  return memo(localSymbolCache, symbol, () => symbol.split(/[-/]/).some((seg) => LOCAL_SEGMENT.test(seg.toUpperCase())));
}

// Symbols and issuer names repeat across a corpus (a few hundred distinct ones in
// megabytes of text): pure functions of them are computed once per distinct string.
const MEMO_LIMIT = 50_000;
const comparableSymbolCache = new Map<string, string>();
const localSymbolCache = new Map<string, boolean>();
const issuerKeyCache = new Map<string, string>();
function memo<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function aliasType(alias: string): DocumentTypeId | null {
  const k = searchKey(alias);
  const table: [string, DocumentTypeId][] = [
    ['nghi quyet', 'nghi-quyet'], ['nghi dinh', 'nghi-dinh'], ['quyet dinh', 'quyet-dinh'], ['quy dinh', 'quy-dinh'],
    ['quy che', 'quy-che'], ['chi thi', 'chi-thi'], ['ket luan', 'ket-luan'], ['huong dan', 'huong-dan'],
    ['ke hoach', 'ke-hoach'], ['chuong trinh', 'chuong-trinh'], ['thong bao', 'thong-bao'], ['thong tu', 'thong-tu'],
    ['cong van', 'cong-van'], ['bo luat', 'luat'], ['luat', 'luat'],
  ];
  for (const [prefix, type] of table) if (k.startsWith(prefix + ' ')) return type;
  return null;
}

/** "Luật Khiếu nại năm 2011" → "Khiếu nại": the name of a law alias, without type word and year. */
function lawNameOfAlias(alias: string): string | null {
  const m = /^(?:Bộ\s+)?[Ll]uật\s+(.+?)(?:\s+năm\s+\d{4})?$/u.exec(alias.trim().replace(/\s+/g, ' '));
  return m ? m[1]! : null;
}

export function buildCorpusIndex(
  entries: readonly CorpusEntry[],
  provinces: readonly ProvinceName[] = [],
  namedDocuments: readonly NamedDocument[] = [],
): CorpusIndex {
  const byNumber = new Map<string, IndexedEntry[]>();
  const byTypeSerial = new Map<string, IndexedEntry[]>();
  const aliasIds = new Map<string, { text: string; ids: string[]; type: DocumentTypeId }>();
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lawsByName = new Map<string, string[]>();
  const names: string[] = [...LAW_NAMES, ...namedDocuments.flatMap((d) => (d.kind === 'hien-phap' ? [] : d.names))];
  for (const entry of sorted) {
    if (entry.number) {
      const parsed = parseDocumentNumber(entry.number);
      if (parsed) {
        const ie = { entry, serial: comparableSerial(parsed.serial), symbol: comparableSymbol(parsed.symbol) };
        push(byNumber, `${ie.serial}|${ie.symbol}`, ie);
        push(byTypeSerial, `${entry.type}|${ie.serial}`, ie);
      }
    }
    for (const alias of entry.aliases) {
      const type = aliasType(alias);
      if (!type) continue;
      const lawName = type === 'luat' ? lawNameOfAlias(alias) : null;
      if (lawName) {
        names.push(lawName);
        const ids = lawsByName.get(nameKey(lawName)) ?? [];
        if (!ids.includes(entry.id)) ids.push(entry.id);
        lawsByName.set(nameKey(lawName), ids);
      }
      const text = normalizeTonePlacement(alias.trim().replace(/\s+/g, ' '));
      const k = searchKey(text);
      const slot = aliasIds.get(k) ?? { text, ids: [], type };
      slot.ids.push(entry.id);
      aliasIds.set(k, slot);
    }
  }
  const aliases: AliasMatcher[] = [...aliasIds.values()]
    .map((a) => ({
      regex: new RegExp(`${a.text.split(' ').map(escapeRegex).join(SP)}(?![\\p{L}\\p{N}])`, 'iuy'),
      ids: a.ids,
      type: a.type,
      length: a.text.length,
      text: a.text,
    }))
    .sort((a, b) => b.length - a.length);
  return {
    entries: sorted,
    byNumber,
    byTypeSerial,
    aliases,
    names: knownNamesMatcher(names),
    families: buildFamilies(namedDocuments),
    lawsByName,
    collisions: collisionIndex((n) => {
      const parsed = parseDocumentNumber(n)!;
      return `${comparableSerial(parsed.serial)}|${comparableSymbol(parsed.symbol)}`;
    }),
    provinces: provinces.map((p) => ({ id: p.id, keys: [p.name, ...(p.aliases ?? [])].map(searchKey) })),
    provinceOfIssuer: new Map(),
  };
}

/** What a mention was resolved to. */
export interface Resolution {
  type: DocumentTypeId | null;
  number: string | null;
  symbol: string | null;
  year: number | null;
  province: string | null;
  key: string | null;
  target: string | null;
  candidates: string[];
  shortForm: boolean;
  /** False when a bare number found no support and must be dropped. */
  keep: boolean;
}

function keyOf(serial: string, symbol: string, separator: '/' | '-' | null, yearInNumber: number | null, year: number | null): string | null {
  if (year === null) return null;
  if (yearInNumber !== null) return `${serial}/${yearInNumber}/${symbol}@${year}`;
  const sep = separator ?? (symbol.includes('/') ? '-' : '/');
  return `${serial}${sep}${symbol}@${year}`;
}

function entryKey(e: CorpusEntry): string | null {
  return e.number ? `${e.number}@${e.year}` : null;
}

/**
 * Whether resolving this mention may read the text around it: a number known to collide,
 * whose version only its context picks (TextResolver.chooseColliding). Extraction keeps
 * the text for resolution only when one of its mentions may (src/lib/citations/index.ts).
 */
export function readsContext(index: Pick<CorpusIndex, 'collisions'>, m: RawMention): boolean {
  if (!m.serial) return false;
  const serial = comparableSerial(m.serial);
  if (m.symbol) return index.collisions.has(`${serial}|${comparableSymbol(m.symbol)}`);
  return collidingShortForms(index.collisions).has(`${m.type}|${serial}`);
}

const shortFormsOf = new WeakMap<Map<string, CollidingNumber>, Set<string>>();
/** "type|serial" of every colliding number: a bare "Chỉ thị 16" may mean one of them. */
function collidingShortForms(collisions: Map<string, CollidingNumber>): Set<string> {
  let set = shortFormsOf.get(collisions);
  if (!set) {
    set = new Set([...collisions.values()].map((c) => `${c.type}|${comparableSerial(parseDocumentNumber(c.number)!.serial)}`));
    shortFormsOf.set(collisions, set);
  }
  return set;
}

/** The year written with a mention: in its number, its date, a date shared by its list, or its sentence's opening date. */
function writtenYear(m: RawMention): number | null {
  return m.yearInNumber ?? m.dateYear ?? m.sharedYear ?? m.sentenceYear;
}

function withinDate(e: CorpusEntry, ctx: CitationContext): boolean {
  return !ctx.date || e.issued.slice(0, 10) <= ctx.date.slice(0, 10);
}

/** Which issuers a "của …" phrase allows, as a test on the comparable symbol. */
function issuerFilter(issuerText: string | null): ((symbol: string) => boolean) | null {
  if (!issuerText) return null;
  const k = memo(issuerKeyCache, issuerText, () => searchKey(issuerText));
  if (/^(bo chinh tri|ban bi thu|ban chap hanh trung uong|bch trung uong|bch tw|trung uong)/.test(k)) return (s) => s.endsWith('TW');
  if (/^thu tuong/.test(k)) return (s) => s.endsWith('TTG');
  if (/^chinh phu/.test(k)) return (s) => s.endsWith('CP');
  if (/^(ban thuong vu tinh uy|tinh uy|ban thuong vu thanh uy|thanh uy|btv tinh uy)/.test(k)) return (s) => s.endsWith('TU');
  if (/^(uy ban nhan dan|ubnd)/.test(k)) return (s) => s.includes('UBND');
  if (/^(hoi dong nhan dan|hdnd)/.test(k)) return (s) => s.includes('HĐND');
  if (/^quoc hoi/.test(k)) return (s) => s.includes('QH');
  return null;
}

const OTHER_PROVINCE = /(?:^|\s)(?:tỉnh|Tỉnh|thành phố|Thành phố|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|TP\.?)\s+\p{Lu}/u;

export class TextResolver {
  private readonly index: CorpusIndex;
  private readonly ctx: CitationContext;
  /** Resolved fuller mentions seen so far, by type|serial (latest last). */
  private readonly seen = new Map<string, Resolution[]>();
  /** Every fuller mention of the text by type|serial, for short forms written before them. */
  private readonly later = new Map<string, Set<string>>();
  private readonly laterRes = new Map<string, Resolution>();
  /** Years written anywhere in the text for a serial|symbol. */
  private readonly yearsInText = new Map<string, Set<number>>();
  private readonly ctxProvinceKeys: string[];
  private text = '';
  /** searchKey of the whole text, computed the first time a colliding number needs it. */
  private documentKey: string | null = null;

  constructor(index: CorpusIndex, ctx: CitationContext) {
    this.index = index;
    this.ctx = ctx;
    this.ctxProvinceKeys = index.provinces.find((p) => p.id === ctx.province)?.keys ?? [];
  }

  /** Resolves every mention of one text, in order (earlier mentions inform later ones). */
  resolveAll(mentions: readonly RawMention[], text = ''): Resolution[] {
    this.text = text;
    for (const m of mentions) {
      if (!m.symbol || !m.serial) continue;
      const year = writtenYear(m);
      const nk = `${comparableSerial(m.serial)}|${comparableSymbol(m.symbol)}`;
      if (year !== null) {
        const set = this.yearsInText.get(nk) ?? new Set();
        set.add(year);
        this.yearsInText.set(nk, set);
      }
    }
    // Fuller mentions do not depend on order: resolve them first, so that a short form
    // written before its fuller mention (a headline, say) can still find it.
    const full = mentions.map((m) => (m.symbol && m.serial && !m.named ? this.resolveFull(m, this.blank(m)) : null));
    mentions.forEach((m, i) => {
      const r = full[i];
      if (!r || !m.kind || !r.key) return;
      const k = `${m.kind}|${comparableSerial(m.serial!)}`;
      const set = this.later.get(k) ?? new Set();
      set.add(r.key);
      this.later.set(k, set);
      this.laterRes.set(k, r);
    });
    const out: Resolution[] = [];
    let previousFull: Resolution | null = null;
    mentions.forEach((m, i) => {
      const r = full[i] ?? this.resolveOne(m, m.aliasOfPrevious ? previousFull : null);
      out.push(r);
      if (full[i] && m.kind) {
        push(this.seen, `${m.kind}|${comparableSerial(m.serial!)}`, r);
        previousFull = r;
      } else if (m.named) previousFull = r;
      // An alias ("(gọi tắt là Quy chế 23)") names the document for the rest of the text,
      // under its own type word: later "Quy chế 23" means what the alias means.
      else if (m.aliasOfPrevious && r.shortForm && r.key && m.serial && m.kind) push(this.seen, `${m.kind}|${comparableSerial(m.serial)}`, r);
    });
    return out;
  }

  private blank(m: RawMention): Resolution {
    return {
      type: m.type, number: m.serial, symbol: m.symbol, year: null, province: null, key: null, target: null,
      candidates: [], shortForm: false, keep: true,
    };
  }

  private provinceOf(m: RawMention): string | null {
    if (m.issuerText) {
      const issuerText = m.issuerText;
      const k = memo(issuerKeyCache, issuerText, () => searchKey(issuerText));
      const named = memo(this.index.provinceOfIssuer, issuerText, () => this.index.provinces.find((p) => p.keys.some((pk) => k.includes(pk)))?.id ?? null);
      if (named !== null) return named;
      if (OTHER_PROVINCE.test(m.issuerText) && !this.ctxProvinceKeys.some((pk) => k.includes(pk))) return null;
    }
    return this.ctx.province ?? null;
  }

  private inScope(ie: IndexedEntry, local: boolean, province: string | null): boolean {
    if (ie.entry.id === this.ctx.selfId) return false;
    if (!local) return ie.entry.province === null || ie.entry.province === undefined;
    return province !== null && ie.entry.province === province;
  }

  private resolveOne(m: RawMention, aliasHead: Resolution | null): Resolution {
    const base = this.blank(m);
    if (aliasHead && !m.symbol) {
      return { ...aliasHead, type: m.type ?? aliasHead.type, shortForm: true, keep: true };
    }
    if (m.named) return this.resolveNamed(m, base);
    if (m.symbol && m.serial) return this.resolveFull(m, base);
    return this.resolveShort(m, base);
  }

  private resolveFull(m: RawMention, r: Resolution): Resolution {
    const serial = comparableSerial(m.serial!);
    const symbol = comparableSymbol(m.symbol!);
    const local = isLocalSymbol(m.symbol!);
    r.province = local ? this.provinceOf(m) : null;
    let year = writtenYear(m);
    if (year === null) {
      const years = this.yearsInText.get(`${serial}|${symbol}`);
      if (years && years.size === 1) year = [...years][0]!;
    }
    let cands = (this.index.byNumber.get(`${serial}|${symbol}`) ?? []).filter((ie) => this.inScope(ie, local, r.province));
    const sameType = cands.filter((ie) => ie.entry.type === m.type);
    if (sameType.length) cands = sameType;
    // A number known to name several documents: only its context may pick one, never the corpus's uniqueness.
    const colliding = year === null ? this.index.collisions.get(`${serial}|${symbol}`) : undefined;
    if (colliding) {
      const v = this.chooseColliding(colliding, m);
      if (!v) return { ...r, candidates: cands.map((c) => c.entry.id) };
      year = yearOf(v.issued);
    }
    if (year !== null) cands = cands.filter((ie) => ie.entry.year === year);
    else cands = cands.filter((ie) => withinDate(ie.entry, this.ctx));
    if (cands.length === 1) {
      const e = cands[0]!.entry;
      return { ...r, year: e.year, key: entryKey(e), target: e.id, province: e.province ?? r.province };
    }
    r.candidates = cands.length > 1 ? cands.map((c) => c.entry.id) : [];
    r.year = year;
    const sym = m.type === 'quy-dinh' && /^QĐ\//.test(m.symbol!) ? m.symbol!.replace(/^QĐ/, 'QĐi') : m.symbol!;
    r.key = keyOf(m.serial!, sym, m.separator, m.yearInNumber, year);
    return r;
  }

  private resolveShort(m: RawMention, r: Resolution): Resolution {
    r.shortForm = true;
    if (!m.serial || !m.kind) return { ...r, keep: !m.needsSupport };
    const k = `${m.kind}|${comparableSerial(m.serial)}`;
    const earlier = this.seen.get(k);
    if (earlier?.length) {
      const keys = new Set(earlier.map((e) => e.key));
      // The latest fuller mention wins when several differ ("Chỉ thị số 16" after two different 16s).
      const pick = keys.size === 1 ? earlier[0]! : earlier[earlier.length - 1]!;
      return { ...pick, type: m.type, shortForm: true, keep: true };
    }
    const later = this.later.get(k);
    if (later && later.size === 1) return { ...this.laterRes.get(k)!, type: m.type, shortForm: true, keep: true };
    const filter = issuerFilter(m.issuerText);
    const province = this.ctx.province ?? null;
    let year = m.dateYear;
    let chosen: CollidingNumber | null = null;
    if (year === null) {
      // "Chỉ thị 16" when 16/CT-TTg is known to collide: the version its context picks, or none.
      for (const c of this.index.collisions.values()) {
        const parsed = parseDocumentNumber(c.number)!;
        if (c.type !== m.type || comparableSerial(parsed.serial) !== comparableSerial(m.serial)) continue;
        if (filter && !filter(comparableSymbol(parsed.symbol))) continue;
        const v = this.chooseColliding(c, m);
        if (!v) return { ...r, keep: !m.needsSupport };
        year = yearOf(v.issued);
        chosen = c;
      }
    }
    const cands = (this.index.byTypeSerial.get(k) ?? []).filter(
      (ie) =>
        ie.entry.id !== this.ctx.selfId &&
        withinDate(ie.entry, this.ctx) &&
        (year === null || ie.entry.year === year) &&
        (!filter || filter(ie.symbol)) &&
        (!isLocalSymbol(ie.symbol) || (province !== null && ie.entry.province === province)),
    );
    if (cands.length === 1) {
      const e = cands[0]!.entry;
      return { ...r, symbol: parseDocumentNumber(e.number!)?.symbol ?? null, year: e.year, key: entryKey(e), target: e.id, province: e.province ?? null };
    }
    if (chosen) return { ...r, symbol: parseDocumentNumber(chosen.number)!.symbol, year, key: `${chosen.number}@${year}`, keep: true };
    return { ...r, year, candidates: cands.map((c) => c.entry.id), keep: !m.needsSupport || cands.length > 1 };
  }

  private chooseColliding(c: CollidingNumber, m: RawMention) {
    const after = this.text.slice(m.end, m.end + 240);
    const stop = after.search(/[;\n]|\.\s/);
    const clause = stop < 0 ? after : after.slice(0, stop);
    // Its title: the "về …" phrase after it (past the issuer), not whatever the sentence goes on to say.
    const about = /(?:^|[\s,])(?:về|“|")/u.exec(clause.slice(0, 120));
    const tail = about ? clause.slice(about.index) : '';
    const term = /kh(?:óa|oá)\s+([IVXL]{1,6})(?![\p{L}])/u.exec(clause.slice(0, 90));
    const text = this.text;
    return chooseColliding(c, {
      citingDate: this.ctx.date,
      term: term ? romanToNumber(term[1]!) : null,
      issuerText: m.issuerText,
      tail,
      sentence: () => {
        let i = m.start;
        while (i > 0 && i > m.start - 400 && !/[\n;]/.test(text[i - 1]!) && !(text[i - 1] === ' ' && text[i - 2] === '.')) i--;
        return searchKey(text.slice(i, m.end) + clause);
      },
      document: () => (this.documentKey ??= searchKey(text)),
    });
  }

  /** Laws, the Constitution, ordinances and charters cited by name: the registry's version, else a corpus law of that name. */
  private resolveByName(m: RawMention, r: Resolution, kind: NamedDocumentKind): Resolution {
    const name = m.named!.name ?? null;
    const written = { date: m.date, year: m.dateYear ?? m.sentenceYear };
    const family = this.index.families.get(familyKey(kind, name));
    if (family?.length) {
      const { version } = chooseVersion(family, written, this.ctx.date);
      if (!version) return { ...r, year: written.year };
      const year = yearOf(version.issued);
      const parsed = version.number ? parseDocumentNumber(version.number) : null;
      const hits = parsed
        ? (this.index.byNumber.get(`${comparableSerial(parsed.serial)}|${comparableSymbol(parsed.symbol)}`) ?? []).filter(
            (ie) => ie.entry.year === year && ie.entry.id !== this.ctx.selfId,
          )
        : [];
      return { ...r, year, target: hits.length === 1 ? hits[0]!.entry.id : null };
    }
    if (kind !== 'luat' || name === null) return { ...r, year: written.year };
    const ids = (this.index.lawsByName.get(nameKey(name)) ?? []).filter((id) => id !== this.ctx.selfId);
    let entries = this.index.entries.filter((e) => ids.includes(e.id));
    if (written.year !== null) entries = entries.filter((e) => e.year === written.year);
    else entries = entries.filter((e) => withinDate(e, this.ctx));
    if (entries.length === 1) return { ...r, year: entries[0]!.year, target: entries[0]!.id, province: entries[0]!.province ?? null };
    return { ...r, year: written.year, candidates: entries.map((e) => e.id) };
  }

  private resolveNamed(m: RawMention, r: Resolution): Resolution {
    const named = m.named!;
    r.number = null;
    // A law cited by its name carries no number in the text: the mention reports none and no key, only its year and target.
    if (named.kind === 'law') return this.resolveByName(m, r, 'luat');
    if (named.kind === 'constitution') return this.resolveByName(m, r, 'hien-phap');
    if (named.kind === 'document') return m.kind === 'phap-lenh' || m.kind === 'dieu-le' ? this.resolveByName(m, r, m.kind) : { ...r, year: m.dateYear };
    if (named.kind === 'alias') {
      const ids = named.aliasIds.filter((id) => id !== this.ctx.selfId);
      const entries = this.index.entries.filter((e) => ids.includes(e.id) && withinDate(e, this.ctx));
      if (entries.length === 1) {
        const e = entries[0]!;
        // A law cited by its name carries no number in the text: the mention reports none
        // (as a named law found without the corpus does), only its target.
        if (e.type === 'luat') return { ...r, symbol: null, year: e.year, target: e.id, province: e.province ?? null };
        const parsed = e.number ? parseDocumentNumber(e.number) : null;
        return { ...r, number: parsed?.serial ?? null, symbol: parsed?.symbol ?? null, year: e.year, key: entryKey(e), target: e.id, province: e.province ?? null };
      }
      return { ...r, candidates: entries.map((e) => e.id) };
    }
    if (named.kind === 'congress') return { ...r, year: named.term ? CONGRESS_YEARS[named.term] ?? null : null };
    // A local congress's term says nothing of the year; a law or the Constitution, its written year.
    if (named.kind === 'local-congress') return r;
    if (named.kind === 'plenum' && named.term !== null) {
      const known = PLENUM_RESOLUTIONS.find((p) => p.term === named.term && p.plenum === named.plenum);
      if (known) {
        const parsed = parseDocumentNumber(known.number)!;
        const year = yearOf(known.issued);
        const hits = (this.index.byNumber.get(`${comparableSerial(parsed.serial)}|${comparableSymbol(parsed.symbol)}`) ?? []).filter(
          (ie) => ie.entry.year === year,
        );
        return {
          ...r, number: parsed.serial, symbol: parsed.symbol, year, key: `${known.number}@${year}`,
          target: hits.length === 1 ? hits[0]!.entry.id : null,
        };
      }
    }
    return { ...r, year: m.dateYear };
  }
}
