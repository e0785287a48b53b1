/**
 * Plain-text directive → draft MDX document. Determines every frontmatter field it can
 * from the text (and says from where), marks the rest as TODO, and keeps the whole text:
 * each input line ends up in the body, in a frontmatter field, or in the `dropped` list.
 */
import { buildCorpusIndex, findReferences, type CorpusEntry } from '../citations/index.ts';
import type { Registries } from '../content/corpus.ts';
import { DOCUMENT_TYPES } from '../document-types.ts';
import { documentId, parseDocumentNumber, yearOf } from '../identity.ts';
import { isDocumentKey, type RelationEntry, type RelationType } from '../schema/document.ts';
import { slugify } from '../text/vietnamese.ts';
import type { DecodeResult } from './input.ts';
import { writeFrontmatter, type DraftFrontmatter } from './frontmatter-writer.ts';
import { writeMarkdownBody } from './markdown.ts';
import { parsePlainText, type PlainTextStructure } from './plain-text.ts';
import {
  issuersFromHeader,
  issuersFromNumber,
  issuersFromOpening,
  issuersFromSignature,
  issuersNamed,
  provincesMentioned,
} from './registry-match.ts';

export interface ImportOptions {
  /** Input file name, recorded as the source. */
  fileName: string;
  /** Province id given by the editor (--province); wins over what the text suggests. */
  province?: string | null;
  /** ISO day used for statusAsOf. */
  today: string;
  registries: Registries;
  /** The corpus the references resolve against. */
  corpus: readonly CorpusEntry[];
}

export interface Finding {
  field: string;
  value: string;
  /** Where it came from, in Vietnamese ("dòng 4, "Số: …""). */
  from: string;
}

export interface Missing {
  field: string;
  reason: string;
  /** True when the check rejects the draft until it is filled in. */
  required: boolean;
}

/** What a draft found and what it still lacks; `miss` also leaves a TODO comment for the field. */
export function draftFindings() {
  const found: Finding[] = [];
  const missing: Missing[] = [];
  const notes: string[] = [];
  const todo: Record<string, string> = {};
  const miss = (field: string, reason: string, required: boolean) => {
    missing.push({ field, reason, required });
    todo[field] = reason;
  };
  return { found, missing, notes, todo, miss };
}

export interface LineUse {
  line: number;
  text: string;
  /** Frontmatter field the line was turned into, or why it was left out. */
  use: string;
}

export interface ImportedReference {
  line: number;
  text: string;
  key: string | null;
  target: string | null;
  candidates: string[];
  relation: RelationType;
}

/** What every draft (imported or scaffolded) is, and reports of itself. */
export interface DraftSummary {
  /** File name without extension: the document id, or a provisional name when the identity is incomplete. */
  id: string;
  provisional: boolean;
  content: string;
  frontmatter: DraftFrontmatter;
  found: Finding[];
  missing: Missing[];
}

export interface ImportResult extends DraftSummary {
  /** Lines that are in the frontmatter instead of the body. */
  consumed: LineUse[];
  /** Lines left out altogether (national motto, rules): no information lost. */
  dropped: LineUse[];
  references: ImportedReference[];
  notes: string[];
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; message: string };

const RELATIONS_FROM_OPENING: ReadonlySet<RelationType> = new Set([
  'implements',
  'basedOn',
  'continues',
  'guides',
  'replaces',
  'amends',
  'repeals',
]);

function lineRef(line: number, text: string): string {
  const t = text.length > 70 ? `${text.slice(0, 67)}…` : text;
  return `dòng ${line}: "${t}"`;
}

function titleCase(name: string): string {
  if (name !== name.toLocaleUpperCase('vi')) return name;
  return name
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** A name for a draft whose identity is not complete yet; the check asks for the real id. */
export function provisionalId(type: string, number: string | null, issuer: string | null, issued: string | null, province: string | null): string {
  return [type, number ?? issuer ?? 'chua-ro-co-quan', issued ?? (number ? 'chua-ro-nam' : 'chua-ro-ngay'), province]
    .filter((p): p is string => Boolean(p))
    .map(slugify)
    .join('-');
}

interface Decision<T> {
  value: T | null;
  from: string;
  problem: string | null;
}

function decideProvince(s: PlainTextStructure, opts: ImportOptions): Decision<string> {
  const { provinces } = opts.registries;
  if (opts.province) return { value: opts.province, from: 'tham số --province', problem: null };
  const sources: [string, string][] = [];
  const issuerCells = s.header.filter((c) => c.kind === 'issuer');
  if (issuerCells.length) sources.push([issuerCells.map((c) => c.text).join(' '), `khối cơ quan ban hành (dòng ${issuerCells[0]!.line})`]);
  if (s.placeDate) sources.push([s.placeDate.place, lineRef(s.placeDate.line, s.placeDate.text)]);
  if (s.issuerRef) sources.push([s.issuerRef.text, lineRef(s.issuerRef.line, s.issuerRef.text)]);
  if (s.title) sources.push([s.title.text, `trích yếu (dòng ${s.title.lines[0]!.line})`]);
  for (const [text, from] of sources) {
    const ids = provincesMentioned(text, provinces);
    if (ids.length === 1) return { value: ids[0]!, from, problem: null };
    if (ids.length > 1) return { value: null, from, problem: `${from} nhắc nhiều tỉnh (${ids.join(', ')}); chọn bằng --province` };
  }
  return { value: null, from: '', problem: 'không thấy tên tỉnh ở khối cơ quan ban hành, dòng địa danh hay trích yếu' };
}

function decideIssuer(s: PlainTextStructure, opts: ImportOptions, province: string | null, number: string | null, opening: string): Decision<string> {
  const { issuers, provinces } = opts.registries;
  const votes: { from: string; ids: string[] }[] = [];
  const issuerCells = s.header.filter((c) => c.kind === 'issuer');
  if (issuerCells.length) {
    votes.push({
      from: `khối cơ quan ban hành (${issuerCells.map((c) => `"${c.text}"`).join(' ')})`,
      ids: issuersFromHeader(issuerCells.map((c) => c.text), issuers, provinces, province),
    });
  }
  if (s.issuerRef) {
    votes.push({ from: lineRef(s.issuerRef.line, s.issuerRef.text), ids: issuersNamed(s.issuerRef.text.replace(/^của\s+/iu, ''), issuers, provinces, province) });
  }
  const roles = s.tail.filter((c) => c.kind === 'role').map((c) => c.text);
  if (roles.length) {
    votes.push({ from: `khối chữ ký ("${roles.join(' / ')}")`, ids: issuersFromSignature(roles, issuers, provinces, province) });
  }
  if (number && s.typeLine) {
    votes.push({ from: `ký hiệu trong số "${number}"`, ids: issuersFromNumber(number, s.typeLine.type, issuers, province) });
  }
  if (opening) votes.push({ from: 'câu mở đầu', ids: issuersFromOpening(opening, issuers, provinces, province) });

  const decisive = votes.filter((v) => v.ids.length === 1);
  const ids = new Set(decisive.map((v) => v.ids[0]!));
  if (ids.size === 1) {
    return { value: [...ids][0]!, from: decisive.map((v) => v.from).join('; '), problem: null };
  }
  if (ids.size > 1) {
    return {
      value: null,
      from: '',
      problem: `các dấu hiệu không thống nhất: ${decisive.map((v) => `${v.from} → ${v.ids[0]}`).join('; ')}`,
    };
  }
  const several = votes.find((v) => v.ids.length > 1);
  if (several) return { value: null, from: '', problem: `${several.from} khớp nhiều cơ quan (${several.ids.join(', ')}); ${province ? '' : 'thử thêm --province; '}chọn một mã trong content/registries/issuers.yaml` };
  return {
    value: null,
    from: '',
    problem: votes.length
      ? `không khớp cơ quan nào trong content/registries/issuers.yaml (${votes.map((v) => v.from).join('; ')}); thêm cơ quan vào sổ danh mục nếu còn thiếu`
      : 'văn bản không có khối cơ quan ban hành, chữ ký hay ký hiệu để xác định cơ quan ban hành',
  };
}

/** Imports decoded plain text. Fails only when the text is not a directive at all. */
export function importPlainText(decoded: DecodeResult, opts: ImportOptions): ImportOutcome {
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const s = parsePlainText(decoded.lines);
  if (!s.typeLine) {
    return {
      ok: false,
      message:
        'không tìm thấy dòng tên loại văn bản (ví dụ "KẾ HOẠCH", "CHỈ THỊ", "QUYẾT ĐỊNH", viết hoa trên một dòng riêng) trong 30 dòng đầu; ' +
        'tệp này có phải là một văn bản chỉ đạo không? Nếu là bài báo hay tin tức, hãy tạo văn bản bằng "npm run new" từ dòng trích dẫn.',
    };
  }
  if (opts.province && !opts.registries.provinces.some((p) => p.id === opts.province)) {
    return { ok: false, message: `tỉnh "${opts.province}" không có trong content/registries/provinces.yaml` };
  }

  const { found, missing, notes, todo, miss } = draftFindings();
  const consumed: LineUse[] = [];
  const dropped: LineUse[] = [];

  const type = s.typeLine.type;
  found.push({ field: 'type', value: type, from: lineRef(s.typeLine.line, s.typeLine.text) });
  consumed.push({ line: s.typeLine.line, text: s.typeLine.text, use: 'type' });

  for (const c of s.header) {
    if (c.kind === 'motto') dropped.push({ line: c.line, text: c.text, use: 'quốc hiệu, tiêu ngữ (không lưu)' });
    else if (c.kind === 'separator') dropped.push({ line: c.line, text: c.text, use: 'dòng trang trí' });
    else if (c.kind === 'number') consumed.push({ line: c.line, text: c.text, use: 'number' });
    else if (c.kind === 'place-date') consumed.push({ line: c.line, text: c.text, use: 'issued' });
    else consumed.push({ line: c.line, text: c.text, use: 'issuer' });
  }
  for (const o of s.ornaments) dropped.push({ line: o.line, text: o.text, use: 'dòng trang trí' });

  // Number.
  const number = s.number?.value ?? null;
  if (number) {
    found.push({ field: 'number', value: number, from: lineRef(s.number!.line, s.number!.text) });
    const parsed = parseDocumentNumber(number)!;
    const codes = [...DOCUMENT_TYPES[type].stateCodes, ...DOCUMENT_TYPES[type].partyCodes];
    const firstCode = parsed.symbol.split(/[-/]/)[0]!;
    if (codes.length && !codes.includes(firstCode)) {
      notes.push(`Số "${number}" mang mã loại "${firstCode}" nhưng dòng tên loại là "${s.typeLine.text}"; kiểm tra lại.`);
    }
  } else {
    miss('number', s.number?.problem ?? 'không thấy dòng "Số: …" ở đầu văn bản; để trống nếu văn bản không có số', false);
  }

  // Date of issue.
  const issued = s.placeDate?.iso ?? null;
  if (issued) found.push({ field: 'issued', value: issued, from: lineRef(s.placeDate!.line, s.placeDate!.text) });
  else miss('issued', `${s.placeDate?.problem ?? 'không thấy dòng địa danh, ngày tháng ("…, ngày … tháng … năm …")'}; ghi "YYYY-MM-DD" (hoặc "YYYY-MM", "YYYY" nếu chỉ biết đến đó)`, true);

  // Title.
  if (s.issuerRef) consumed.push({ line: s.issuerRef.line, text: s.issuerRef.text, use: 'issuer' });
  let title: string | null = null;
  if (s.title) {
    title = capitalise(s.title.text);
    found.push({ field: 'title', value: title, from: `dòng ${s.title.lines.map((l) => l.line).join(', ')} (sau dòng tên loại)` });
    for (const l of s.title.lines) consumed.push({ line: l.line, text: l.text, use: 'title' });
  } else {
    miss('title', 'không thấy trích yếu ngay dưới dòng tên loại văn bản; chép trích yếu từ bản gốc', true);
  }

  // Body, then the opening paragraph the issuer and relations are read from.
  const body = writeMarkdownBody(s.body, s.tail);
  for (const d of body.dropped) dropped.push({ line: d.line, text: d.text, use: d.reason });
  const firstHeading = body.blocks.find((b) => b.kind === 'heading');
  const openingBlocks = body.blocks.filter((b) => !firstHeading || b.lines[0]! < firstHeading.lines[0]!);
  const opening = openingBlocks.map((b) => b.text).join('\n');

  const provinceDecision = decideProvince(s, opts);
  let province = provinceDecision.value;
  const issuerDecision = decideIssuer(s, opts, province, number, opening);
  const issuer = issuerDecision.value;
  const issuerEntry = issuer ? opts.registries.issuers.find((i) => i.id === issuer) : undefined;
  if (issuer) found.push({ field: 'issuer', value: issuer, from: issuerDecision.from });
  else miss('issuer', `${issuerDecision.problem}`, true);

  if (province) {
    found.push({ field: 'province', value: province, from: provinceDecision.from });
    if (issuerEntry?.province && issuerEntry.province !== province) {
      notes.push(`Cơ quan ${issuer} thuộc tỉnh ${issuerEntry.province} nhưng tỉnh xác định được là ${province}; kiểm tra lại.`);
    }
  } else if (issuerEntry?.province) {
    province = issuerEntry.province;
    found.push({ field: 'province', value: province, from: `tỉnh của cơ quan ban hành ${issuer}` });
  } else if (issuerEntry && issuerEntry.level === 'trung-uong') {
    found.push({ field: 'province', value: 'null', from: `${issuer} là cơ quan Trung ương` });
  } else {
    miss('province', `${provinceDecision.problem}; ghi mã tỉnh (content/registries/provinces.yaml), hoặc null nếu là văn bản Trung ương`, false);
  }
  const provinceValue = province ?? (issuerEntry?.level === 'trung-uong' ? null : undefined);

  // Signer.
  const signerCell = s.tail.find((c) => c.kind === 'signer');
  const signer = signerCell ? titleCase(signerCell.text) : null;
  if (signer) found.push({ field: 'signer', value: signer, from: lineRef(signerCell!.line, signerCell!.text) });
  else miss('signer', 'không thấy tên người ký ở cuối văn bản', false);

  // Identity.
  const year = issued ? yearOf(issued) : null;
  const complete = year !== null && (number !== null || issuer !== null);
  const id = complete
    ? documentId({ type, number: number ?? undefined, year, province: province ?? null, issuer: issuer ?? '', issued: issued ?? undefined })
    : provisionalId(type, number, issuer, issued, province);

  // References, resolved against the corpus in this document's context.
  const fullText = decoded.lines.map((l) => l.text).join('\n');
  const lineStarts: number[] = [];
  decoded.lines.reduce((offset, l) => {
    lineStarts.push(offset);
    return offset + l.text.length + 1;
  }, 0);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const index = buildCorpusIndex(opts.corpus, opts.registries.provinces, opts.registries.namedDocuments);
  const refs = findReferences(fullText, index, { selfId: complete ? id : null, province: province ?? null, date: issued });
  const references: ImportedReference[] = refs.map((r) => ({
    line: lineAt(r.start),
    text: r.text,
    key: r.key,
    target: r.target,
    candidates: r.candidates,
    relation: r.relation,
  }));

  // Explicit relations: only from the trích yếu and the opening, where "Thực hiện …",
  // "Căn cứ …" speak for the whole document; deeper mentions stay inferred in the graph.
  // Each says where it was read; the editor adds the page it was read on (`source`).
  const titleLines = new Set(s.title?.lines.map((l) => l.line) ?? []);
  const openingLines = new Set([...titleLines, ...openingBlocks.flatMap((b) => b.lines)]);
  const relations: Partial<Record<RelationType, RelationEntry[]>> = {};
  const add = (relation: RelationType, id: string, line: number) => {
    const list = (relations[relation] ??= []);
    if (list.some((e) => typeof e !== 'string' && e.id === id)) return false;
    list.push({ id, where: titleLines.has(line) ? 'Trích yếu' : 'Phần mở đầu' });
    return true;
  };
  for (const r of references) {
    if (!openingLines.has(r.line) || !RELATIONS_FROM_OPENING.has(r.relation)) continue;
    if (r.target) {
      if (add(r.relation, r.target, r.line)) found.push({ field: `relations.${r.relation}`, value: r.target, from: lineRef(r.line, r.text) });
    } else if (r.key && isDocumentKey(r.key) && r.candidates.length <= 1) {
      // Not in the corpus yet: recorded by its key, listed on /chua-co/ until the document is added.
      if (add(r.relation, r.key, r.line)) found.push({ field: `relations.${r.relation}`, value: r.key, from: lineRef(r.line, r.text) });
      notes.push(`Dòng ${r.line}: "${r.text}" (${r.relation}) chưa có trong kho, ghi bằng khóa "${r.key}"; tạo văn bản đó bằng: npm run new -- --from-missing "${r.key}".`);
    } else {
      notes.push(
        `Dòng ${r.line}: "${r.text}" (${r.relation}) chưa có trong kho${r.candidates.length ? ` (nhiều ứng viên: ${r.candidates.join(', ')})` : ''}; quan hệ này chưa ghi được.`,
      );
    }
  }

  miss('topics', 'chọn chủ đề trong content/registries/topics.yaml', false);
  miss('summary', 'viết một câu tóm tắt bằng lời của mình (không chép nguyên văn)', false);
  todo['sources'] = 'ghi cơ quan đăng tải (publisher), ngày và đường dẫn (url) của bản gốc';
  notes.push('fullText: true vì toàn bộ văn bản được giữ trong phần thân; nếu cắt bớt nội dung, đổi thành false.');

  const data: DraftFrontmatter = {
    type,
    ...(number ? { number } : {}),
    ...(issued ? { issued } : {}),
    ...(issuer ? { issuer } : {}),
    ...(signer ? { signer } : {}),
    ...(title ? { title } : {}),
    ...(provinceValue !== undefined ? { province: provinceValue } : {}),
    topics: [],
    status: 'unknown',
    statusAsOf: opts.today,
    statusReason: 'Nhập từ bản văn bản thuần; hiệu lực chưa được đối chiếu với nguồn chính thức.',
    relations,
    fullText: true,
    sources: [{ title: opts.fileName, note: 'Bản văn bản thuần, nhập bằng npm run import' }],
  };
  const header = [`Bản nháp nhập từ ${opts.fileName} ngày ${opts.today}. Kiểm tra từng trường với bản gốc, xử lý các dòng TODO rồi chạy: npm run check`];
  if (!complete) header.push(`Tên tệp là tạm thời: khi đủ loại, số/cơ quan và ngày ban hành, đổi tên tệp theo mã mà npm run check báo.`);
  const content = `${writeFrontmatter({ data, todo, header })}\n${body.markdown}`;

  return { ok: true, result: { id, provisional: !complete, content, frontmatter: data, found, missing, consumed, dropped, references, notes } };
}
