/**
 * The standard citation line of a document, as Vietnamese administrative texts write it:
 * "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …".
 * Dates follow Nghị định 30/2020/NĐ-CP: days below 10 and months below 3 take a leading
 * zero ("ngày 05/9/2016", "ngày 18/02/2019").
 */
import { DOCUMENT_TYPES, type DocumentTypeId } from '../document-types.ts';

/** "26/11/2021", "tháng 3/2023", "năm 2021" — with the right leading word for each. */
export function formatIssued(iso: string): { phrase: string; kind: 'day' | 'month' | 'year' } {
  const [y, m, d] = iso.split('-');
  if (d && m) {
    const day = Number(d) < 10 ? `0${Number(d)}` : String(Number(d));
    const month = Number(m) < 3 ? `0${Number(m)}` : String(Number(m));
    return { phrase: `ngày ${day}/${month}/${y}`, kind: 'day' };
  }
  if (m) return { phrase: `tháng ${Number(m)}/${y}`, kind: 'month' };
  return { phrase: `năm ${y}`, kind: 'year' };
}

/** Plain "dd/mm/yyyy" (or the partial form) for sentences such as "theo xác nhận ngày …". */
export function formatDate(iso: string): string {
  return formatIssued(iso).phrase.replace(/^(ngày|tháng|năm) /, '');
}

// Titles that open with one of these keep their capital letter after "về".
const CAPITALISED_OPENINGS = [
  ...Object.values(DOCUMENT_TYPES).map((t) => t.name),
  'Quy chế',
  'Điều lệ',
  'Đề án',
  'Chiến lược',
  'Đảng',
  'Nhà nước',
  'Nhân dân',
  'Quốc hội',
  'Chính phủ',
  'Mặt trận',
  'Hồ Chí Minh',
  'Việt Nam',
];

const startsWithWord = (t: string, w: string) => t === w || t.startsWith(`${w} `);
const isCapital = (ch: string | undefined) => !!ch && ch !== ch.toLocaleLowerCase('vi') && ch === ch.toLocaleUpperCase('vi');

/** The title as it follows "… của <issuer>": "về tiếp tục tăng cường …", "ban hành Quy chế …". */
export function titlePhrase(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  const ve = /^về\s+/iu.exec(t);
  if (ve) return `về ${t.slice(ve[0].length)}`;
  // "Ban hành Quy chế …" is cited as "… của Bộ Chính trị ban hành Quy chế …".
  if (/^ban hành\s/iu.test(t)) return `ban hành ${t.slice('ban hành '.length)}`;
  const words = t.split(' ');
  if (CAPITALISED_OPENINGS.some((w) => startsWithWord(t, w)) || isCapital(words[1]?.charAt(0))) return `về ${t}`;
  return `về ${t.charAt(0).toLocaleLowerCase('vi')}${t.slice(1)}`;
}

export interface CitationLineInput {
  type: DocumentTypeId;
  number: string | null;
  issued: string;
  /** Issuer names, main issuer first. */
  issuers: string[];
  title?: string | null;
}

/** "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ" (no title). */
export function shortCitation(input: CitationLineInput): string {
  const typeName = DOCUMENT_TYPES[input.type].name;
  const issuers = input.issuers.length <= 2
    ? input.issuers.join(' và ')
    : `${input.issuers.slice(0, -1).join(', ')} và ${input.issuers.at(-1)}`;
  const date = formatIssued(input.issued).phrase;
  if (input.number) return `${typeName} số ${input.number} ${date} của ${issuers}`;
  // Numberless documents are named by issuer first: "Chỉ thị của Ban Thường vụ … ngày …".
  return `${typeName} của ${issuers} ${date}`;
}

/** The full standard citation line, title included. */
export function citationLine(input: CitationLineInput): string {
  const head = shortCitation(input);
  const title = input.title?.trim().replace(/\s+/g, ' ');
  if (!title) return head;
  const typeName = DOCUMENT_TYPES[input.type].name;
  if (startsWithWord(title, typeName)) {
    const rest = title.slice(typeName.length + 1);
    // A title that is the document's name ("Luật Khiếu nại", "Nghị quyết Đại hội … của Đảng")
    // leads the line: "Luật Khiếu nại số 02/2011/QH13 ngày 11/11/2011 của Quốc hội".
    if (isCapital(rest.charAt(0))) {
      const date = formatIssued(input.issued).phrase;
      const issuers = title.includes(' của ') ? '' : ` của ${input.issuers.join(' và ')}`;
      return `${title}${input.number ? ` số ${input.number}` : ''} ${date}${issuers}`;
    }
    // "Chương trình phối hợp giữa A và B về X": the parties are in the title, so the line
    // reads "Chương trình phối hợp số … ngày … giữa A và B về X".
    const between = /^(\p{Ll}[\p{Ll}\s]*?) giữa (.+)$/u.exec(rest);
    if (between) {
      const number = input.number ? ` số ${input.number}` : '';
      return `${typeName} ${between[1]}${number} ${formatIssued(input.issued).phrase} giữa ${between[2]}`;
    }
    // "Quyết định của Ban Thường vụ … về X": the issuer is already in the line; keep "về X".
    const about = / về (.+)$/u.exec(rest);
    if (rest.startsWith('của ') && about) return `${head} về ${about[1]}`;
  }
  return `${head} ${titlePhrase(title)}`;
}
