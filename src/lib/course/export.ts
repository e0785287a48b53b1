/**
 * Reading-list exports for trainers: a plain citation list to paste into slides or a
 * handout, and a CSV for spreadsheets. Both are built from the same ReadingItem list as
 * the module page, so the three never disagree.
 */
import type { ReadingItem } from './reading-list.ts';
import { formatDate, shortName, statusLabel } from '../site/labels.ts';

/** Excel only reads a CSV as UTF-8 (and so shows Vietnamese correctly) when it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

export interface ExportOptions {
  /** Course title, used as the heading of the text list. */
  title: string;
  /** Absolute or site-relative URL of a document page, for the "Địa chỉ" column and the footer. */
  documentUrl(id: string): string;
  /** URL of the module page, cited at the end of the text list. */
  courseUrl?: string;
}

function missingLabel(id: string): string {
  return `(văn bản "${id}" chưa có trong kho)`;
}

/** A citation line always ends with one full stop, however the graph wrote it. */
function asSentence(line: string): string {
  const trimmed = line.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Numbered citation lines, one document per line, ready to paste. */
export function citationListText(items: readonly ReadingItem[], options: ExportOptions): string {
  const lines = [`Danh mục văn bản: ${options.title}`, ''];
  for (const item of items) {
    lines.push(`${item.position}. ${item.node ? asSentence(item.node.citation) : missingLabel(item.id)}`);
  }
  if (options.courseUrl) lines.push('', `Nguồn: ${options.courseUrl}`);
  return `${lines.join('\n')}\n`;
}

/** One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A text cell a spreadsheet will not run as a formula: one starting with "=", "+", "-",
 * "@", a tab or a carriage return gets a leading apostrophe, as OWASP recommends against
 * CSV injection (a title "=HYPERLINK(…)" would otherwise be a live link or command in Excel).
 * Numbers are left as numbers.
 */
export function spreadsheetCell(value: string | number | null | undefined): string | number | null | undefined {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 records: CRLF after every record, including the last. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

export const CSV_HEADER = [
  'STT',
  'Văn bản',
  'Ngày ban hành',
  'Trích yếu',
  'Tình trạng hiệu lực',
  'Dòng trích dẫn',
  'Ghi chú của giảng viên',
  'Địa chỉ',
] as const;

export function readingListCsv(items: readonly ReadingItem[], options: ExportOptions): string {
  const rows = items.map((item) => {
    const n = item.node;
    if (!n) return [item.position, item.id, '', '', '', missingLabel(item.id), item.note, ''];
    return [
      item.position,
      shortName(n),
      formatDate(n.issued),
      n.title,
      statusLabel(n.effectiveStatus.status),
      asSentence(n.citation),
      item.note,
      options.documentUrl(n.id),
    ];
  });
  return UTF8_BOM + toCsv([CSV_HEADER, ...rows.map((row) => row.map(spreadsheetCell))]);
}
