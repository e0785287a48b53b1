/**
 * The layout of a Vietnamese administrative document as plain text (Nghị định 30/2020
 * layout, and the Party's Quy định 66 layout): an issuer block and the national motto,
 * "Số: …" and "<place>, ngày … tháng … năm …", the type line (KẾ HOẠCH), the trích yếu,
 * the body, "Nơi nhận:" and the signature block. Copies lose the two-column table, so
 * a header line may hold both columns separated by a tab or a run of spaces.
 *
 * This module only finds where things are; it does not decide field values against the
 * registries (see draft.ts).
 */
import { DOCUMENT_TYPE_IDS, DOCUMENT_TYPES, type DocumentTypeId } from '../document-types.ts';
import { isIsoDay } from '../schema/dates.ts';
import { parseDocumentNumber } from '../identity.ts';
import { slugify } from '../text/vietnamese.ts';
import type { SourceLine } from './input.ts';

export interface Cell {
  /** 1-based input line. */
  line: number;
  text: string;
}

export type HeaderKind = 'motto' | 'separator' | 'number' | 'place-date' | 'issuer';

export interface HeaderCell extends Cell {
  kind: HeaderKind;
}

export interface NumberField extends Cell {
  /** "125/KH-UBND" as written (spaces removed); null when blank or unreadable. */
  value: string | null;
  problem: string | null;
}

export interface PlaceDateField extends Cell {
  place: string;
  /** ISO day; null when the date is blank or impossible. */
  iso: string | null;
  problem: string | null;
}

export type TailKind = 'recipients-header' | 'recipient' | 'role' | 'signer' | 'note';

export interface TailCell extends Cell {
  kind: TailKind;
}

export interface PlainTextStructure {
  lines: SourceLine[];
  /** Cells before the type line, classified. */
  header: HeaderCell[];
  number: NumberField | null;
  placeDate: PlaceDateField | null;
  typeLine: (Cell & { type: DocumentTypeId }) | null;
  /** "của Ban Thường vụ Tỉnh ủy" right under the type line (Party layout). */
  issuerRef: Cell | null;
  /** Trích yếu: the short paragraph after the type line. */
  title: { lines: Cell[]; text: string } | null;
  /** Decorative lines under the title ("-----", "*"), which carry no text. */
  ornaments: Cell[];
  /** Lines of the body proper, up to "Nơi nhận:" / the signature block. */
  body: SourceLine[];
  /** Recipients and signature block, cells classified. */
  tail: TailCell[];
}

const MOTTO_SLUGS = new Set([
  'cong-hoa-xa-hoi-chu-nghia-viet-nam',
  'doc-lap-tu-do-hanh-phuc',
  'dang-cong-san-viet-nam',
]);

/** A line of rules or stars only: decoration from the two-column header. */
export function isOrnament(text: string): boolean {
  const t = text.replace(/\*\*/g, '').trim();
  return t.length > 0 && !/[\p{L}\p{N}]/u.test(t);
}

/** Bold markers and spaces around a line, which copies from the web often carry. */
export function stripBold(text: string): string {
  return text.replace(/\*\*/g, '').trim();
}

function isUpperCase(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/** Splits a line into its columns (tab, or three or more spaces, between them). */
export function splitColumns(text: string): string[] {
  return text
    .split(/\t+| {3,}/)
    .map((c) => c.trim())
    .filter(Boolean);
}

const TYPE_BY_SLUG: ReadonlyMap<string, DocumentTypeId> = new Map(
  DOCUMENT_TYPE_IDS.map((id) => [slugify(DOCUMENT_TYPES[id].name), id]),
);

/** "KẾ HOẠCH" → ke-hoach; "CHƯƠNG TRÌNH PHỐI HỢP" → chuong-trinh; null for anything else. */
export function typeOfTypeLine(text: string): DocumentTypeId | null {
  const t = stripBold(text);
  if (!isUpperCase(t) || t.length > 40) return null;
  const slug = slugify(t);
  const exact = TYPE_BY_SLUG.get(slug);
  if (exact) return exact;
  if (/^chuong-trinh-(phoi-hop|hanh-dong|cong-tac)(-|$)/.test(slug)) return 'chuong-trinh';
  return null;
}

const NUMBER_LINE = /^số(?![\p{L}])\s*:?\s*(.*)$/iu;

export function parseNumberCell(cell: Cell): NumberField | null {
  const m = NUMBER_LINE.exec(stripBold(cell.text));
  if (!m) return null;
  const value = m[1]!.replace(/\s+/g, '');
  if (!value || /…|\.\.|^[/-]/.test(value)) {
    return { ...cell, value: null, problem: `số ký hiệu để trống ("${cell.text.trim()}"), có thể là bản dự thảo` };
  }
  if (!parseDocumentNumber(value)) {
    return { ...cell, value: null, problem: `không đọc được số ký hiệu "${value}"` };
  }
  return { ...cell, value, problem: null };
}

const PLACE_DATE_START = /^([^,\d]{2,60}),\s*ngày\b/iu;
const DATE_WORDS = /ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu;
const DATE_DIGITS = /ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;

export function parsePlaceDateCell(cell: Cell): PlaceDateField | null {
  const text = stripBold(cell.text).replace(/^\*|\*$/g, '').trim();
  const start = PLACE_DATE_START.exec(text);
  if (!start) return null;
  const m = DATE_WORDS.exec(text) ?? DATE_DIGITS.exec(text);
  const place = start[1]!.trim();
  if (!m) return { ...cell, place, iso: null, problem: `ngày ban hành để trống hoặc không đọc được ("${text}")` };
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (!isIsoDay(iso)) return { ...cell, place, iso: null, problem: `"${m[0]}" không phải là một ngày có thật` };
  return { ...cell, place, iso, problem: null };
}

function classifyHeaderCell(cell: Cell): HeaderKind {
  const t = stripBold(cell.text);
  if (isOrnament(t)) return 'separator';
  if (MOTTO_SLUGS.has(slugify(t))) return 'motto';
  if (NUMBER_LINE.test(t)) return 'number';
  if (PLACE_DATE_START.test(t.replace(/^\*/, ''))) return 'place-date';
  return 'issuer';
}

// --- Tail: recipients and signature --------------------------------------------------

const RECIPIENTS = /^(\*\*)?\s*nơi\s+nhận\s*:?/iu;
/** "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "TL. BÍ THƯ", "Q. GIÁM ĐỐC". */
const ROLE_PREFIX = /^(?:KT|K\/T|T\/M|TM|TL|TUQ|Q)\s*[.:/]?\s+\p{Lu}/u;
const SIGNED_NOTE = /^\(?\s*(đã\s+ký|ký\s+tên|ký,?\s+đóng\s+dấu|đã\s+ký\s+và\s+đóng\s+dấu)[^)]*\)?\.?$/iu;

/** Words of an office title in a signature block. */
const ROLE_WORDS = /(?<![\p{L}])(CHỦ TỊCH|BÍ THƯ|TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG|ỦY VIÊN|UỶ VIÊN|CHÁNH|PHÓ|TỔNG|THƯỜNG TRỰC|THƯỜNG VỤ)(?![\p{L}])/u;

function isRoleCell(text: string): boolean {
  const t = stripBold(text);
  if (ROLE_PREFIX.test(t)) return true;
  if (isUpperCase(t) && ROLE_WORDS.test(t)) return true;
  // Plain upper-case titles: "PHÓ CHỦ TỊCH", "BÍ THƯ", "THỦ TƯỚNG".
  return isUpperCase(t) && t.length <= 60 && !/\d/.test(t) && !/^[IVXLC]+\s*\./.test(t);
}

/** "Nguyễn Minh Hùng": two to six capitalised words, no digits or punctuation. */
export function looksLikePersonName(text: string): boolean {
  const t = stripBold(text);
  const words = t.split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w) || /^\p{Lu}+$/u.test(w)) && !isUpperCase(t);
}

function isPersonNameUpper(text: string): boolean {
  const words = stripBold(text).split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}+$/u.test(w));
}

/**
 * Finds where the tail starts: "Nơi nhận:", else the signature lines that follow the
 * closing "./." or the last body paragraph.
 */
function findTailStart(body: SourceLine[]): number {
  const recipients = body.findIndex((l) => RECIPIENTS.test(l.text.trim()));
  if (recipients >= 0) return recipients;
  // Without "Nơi nhận", the signature is the run of short role/name lines at the end.
  let i = body.length;
  while (i > 0) {
    const t = body[i - 1]!.text.trim();
    if (!t || isRoleCell(t) || looksLikePersonName(t) || SIGNED_NOTE.test(stripBold(t))) i--;
    else break;
  }
  // Only a tail if it holds a role line; otherwise those were ordinary body lines.
  return body.slice(i).some((l) => l.text.trim() && isRoleCell(l.text)) ? i : body.length;
}

function classifyTail(lines: SourceLine[]): TailCell[] {
  const out: TailCell[] = [];
  let inRecipients = false;
  // In the two-column layout, signature cells sit between recipient lines, so a dash
  // line after "Nơi nhận:" is a recipient even when a role cell came before it.
  let seenRecipients = false;
  for (const line of lines) {
    for (const text of splitColumns(line.text)) {
      const cell = { line: line.n, text };
      const plain = stripBold(text);
      if (RECIPIENTS.test(text)) {
        const rest = plain.replace(/^nơi\s+nhận\s*:?/iu, '').trim();
        out.push({ ...cell, kind: 'recipients-header', text: 'Nơi nhận:' });
        inRecipients = true;
        seenRecipients = true;
        if (rest) out.push({ line: line.n, text: rest, kind: 'recipient' });
      } else if (/^[-+•*]\s*\S/.test(plain) && seenRecipients) {
        out.push({ ...cell, text: plain, kind: 'recipient' });
      } else if (SIGNED_NOTE.test(plain)) {
        out.push({ ...cell, text: plain, kind: 'note' });
      } else if (isRoleCell(plain) && !(isPersonNameUpper(plain) && !ROLE_WORDS.test(plain) && out.some((c) => c.kind === 'role'))) {
        out.push({ ...cell, text: plain, kind: 'role' });
        inRecipients = false;
      } else if (looksLikePersonName(plain) || (isPersonNameUpper(plain) && out.some((c) => c.kind === 'role'))) {
        out.push({ ...cell, text: plain, kind: 'signer' });
      } else {
        out.push({ ...cell, text: plain, kind: inRecipients ? 'recipient' : 'note' });
      }
    }
  }
  // Only the last name is the signer; an earlier "name" is a note the writer keeps in place.
  const signers = out.filter((c) => c.kind === 'signer');
  for (const s of signers.slice(0, -1)) s.kind = 'note';
  return out;
}

// --- Whole document ------------------------------------------------------------------

/** How far down the type line may be: the header never takes more than a screen. */
const MAX_HEADER_LINES = 30;
const MAX_TITLE_CHARS = 400;

export function parsePlainText(lines: SourceLine[]): PlainTextStructure {
  let typeIndex = -1;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < MAX_HEADER_LINES; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    seen++;
    if (typeOfTypeLine(t)) {
      typeIndex = i;
      break;
    }
    // Two columns on one line: the type line is never one of them, but a long line is body.
    if (t.length > 200) break;
  }

  const header: HeaderCell[] = [];
  const headerEnd = typeIndex >= 0 ? typeIndex : 0;
  for (const line of lines.slice(0, headerEnd)) {
    for (const text of splitColumns(line.text)) {
      const cell = { line: line.n, text };
      header.push({ ...cell, kind: classifyHeaderCell(cell) });
    }
  }
  const numberCell = header.find((c) => c.kind === 'number');
  const dateCell = header.find((c) => c.kind === 'place-date');

  let i = headerEnd;
  let typeLine: PlainTextStructure['typeLine'] = null;
  let issuerRef: Cell | null = null;
  let title: PlainTextStructure['title'] = null;
  const ornaments: Cell[] = [];
  if (typeIndex >= 0) {
    const tl = lines[typeIndex]!;
    typeLine = { line: tl.n, text: stripBold(tl.text), type: typeOfTypeLine(tl.text)! };
    i = typeIndex + 1;
    const skipBlank = () => {
      while (i < lines.length && !lines[i]!.text.trim()) i++;
    };
    skipBlank();
    if (i < lines.length && /^của\s/iu.test(stripBold(lines[i]!.text))) {
      issuerRef = { line: lines[i]!.n, text: stripBold(lines[i]!.text) };
      i++;
      skipBlank();
    }
    const paragraph: Cell[] = [];
    let j = i;
    while (j < lines.length && lines[j]!.text.trim() && !isOrnament(lines[j]!.text)) {
      paragraph.push({ line: lines[j]!.n, text: stripBold(lines[j]!.text) });
      j++;
    }
    const joined = paragraph.map((c) => c.text).join(' ').replace(/\s+/g, ' ').trim();
    // An opening paragraph ("…, cụ thể như sau:") is body, not a trích yếu.
    if (paragraph.length && joined.length <= MAX_TITLE_CHARS && !/[:.]$/.test(joined)) {
      title = { lines: paragraph, text: joined.replace(/^["“”]|["“”]$/g, '').trim() };
      i = j;
    }
    // Rules and stars under the title, before the body starts.
    while (i < lines.length && (!lines[i]!.text.trim() || isOrnament(lines[i]!.text))) {
      if (lines[i]!.text.trim()) ornaments.push({ line: lines[i]!.n, text: lines[i]!.text.trim() });
      i++;
    }
  }

  const rest = lines.slice(i);
  const tailStart = findTailStart(rest);
  return {
    lines,
    header,
    number: numberCell ? parseNumberCell(numberCell) : null,
    placeDate: dateCell ? parsePlaceDateCell(dateCell) : null,
    typeLine,
    issuerRef,
    title,
    ornaments,
    body: rest.slice(0, tailStart),
    tail: classifyTail(rest.slice(tailStart)),
  };
}
