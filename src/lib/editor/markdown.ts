/**
 * Plain-text body → Markdown that MDX parses as plain data: Roman-numeral sections
 * become "##", numbered ones "###", "1.1." "####", dash and plus lines become lists,
 * bold markers are kept when they pair up. Everything MDX would read as JSX or an
 * expression ("<", "{") is escaped, so an imported text can never run code or break
 * the build.
 */
import type { SourceLine } from './input.ts';
import { isOrnament, stripBold, type TailCell } from './plain-text.ts';

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string; lines: number[] }
  | { kind: 'paragraph'; text: string; lines: number[] }
  | { kind: 'item'; depth: 1 | 2; text: string; lines: number[] };

export interface MarkdownResult {
  markdown: string;
  blocks: Block[];
  /** Lines left out of the body because they carry no words (rules, stars). */
  dropped: { line: number; text: string; reason: string }[];
}

const ROMAN = /^(?:PHẦN\s+|Phần\s+|CHƯƠNG\s+|Chương\s+)?([IVXLC]+)\s*[.:\-–]\s*(\S.*)$/u;
const PART_WORDS = /^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:THỨ\s+\p{Lu}+|thứ\s+\p{Ll}+|[IVXLC]+|\d+)\s*$/u;
const ARTICLE = /^Điều\s+\d+[a-zđ]?\s*[.:]\s*\S/u;
const NUMBERED = /^(\d{1,2})\.\s+(\S.*)$/u;
const SUB_NUMBERED = /^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+\S/u;
const ITEM = /^([-+•*–])\s*(\S.*)$/u;
/** Longer than this, a numbered line is a numbered paragraph, not a heading. */
const MAX_HEADING_CHARS = 200;

const VALID_ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Where a paragraph may go on after a line break: no closing punctuation, then lower case. */
function continues(previous: string, next: string): boolean {
  return !/[.;:!?…)"”/]$/.test(previous.trim()) && /^\p{Ll}/u.test(next.trim());
}

/** A block before its source lines are attached (Omit applied to each variant). */
type BlockShape = Block extends infer B ? (B extends Block ? Omit<B, 'lines'> : never) : never;

function classify(text: string): BlockShape {
  const plain = stripBold(text);
  const roman = ROMAN.exec(plain);
  if (roman && VALID_ROMAN.test(roman[1]!) && plain.length <= MAX_HEADING_CHARS) {
    return { kind: 'heading', level: 2, text: plain };
  }
  if (PART_WORDS.test(plain)) return { kind: 'heading', level: 2, text: plain };
  if (ARTICLE.test(plain) && plain.length <= MAX_HEADING_CHARS) return { kind: 'heading', level: 3, text: plain };
  if (SUB_NUMBERED.test(plain) && plain.length <= MAX_HEADING_CHARS) return { kind: 'heading', level: 4, text: plain };
  if (NUMBERED.test(plain) && plain.length <= MAX_HEADING_CHARS) return { kind: 'heading', level: 3, text: plain };
  const item = ITEM.exec(text.trim());
  if (item && !/^\*\*/.test(text.trim())) {
    return { kind: 'item', depth: item[1] === '+' ? 2 : 1, text: item[2]! };
  }
  return { kind: 'paragraph', text: text.trim() };
}

/**
 * Numbered lines are headings only when all of their run (the numbered lines under one
 * "##" section) are short: a run with a long numbered paragraph is an enumeration of
 * points ("1. Cán bộ, đảng viên không …"), and turning some of it into headings would
 * make the outline lie.
 */
function demoteNumberedRuns(blocks: Block[]): void {
  let run: Block[] = [];
  const flush = () => {
    const longOne = run.some((b) => b.kind === 'paragraph');
    if (longOne) for (const b of run) if (b.kind === 'heading') Object.assign(b, { kind: 'paragraph', level: undefined });
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'heading' && b.level === 2) flush();
    else if (NUMBERED.test(stripBold(b.text)) && (b.kind === 'paragraph' || (b.kind === 'heading' && b.level === 3))) run.push(b);
  }
  flush();
}

/** Groups body lines into blocks, joining lines that a copy broke mid-sentence. */
export function bodyBlocks(lines: SourceLine[]): { blocks: Block[]; dropped: MarkdownResult['dropped'] } {
  const blocks: Block[] = [];
  const dropped: MarkdownResult['dropped'] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (!text) continue;
    if (isOrnament(text)) {
      dropped.push({ line: line.n, text, reason: 'dòng trang trí (gạch, sao), không có chữ' });
      continue;
    }
    const last = blocks.at(-1);
    if (last && last.kind !== 'heading' && continues(last.text, text)) {
      last.text = `${last.text} ${text}`;
      last.lines.push(line.n);
      continue;
    }
    blocks.push({ ...classify(text), lines: [line.n] } as Block);
  }
  demoteNumberedRuns(blocks);
  return { blocks, dropped };
}

/** Escapes what Markdown or MDX would read as syntax in running text. */
export function escapeInline(input: string): string {
  let s = input;
  // Bold that pairs up inside the block is the writer's; an odd marker is noise.
  if ((s.match(/\*\*/g) ?? []).length % 2 === 1) s = s.replace(/\*\*/g, '');
  s = s
    .replace(/\\/g, '\\\\')
    .replace(/[<>{}[\]`_]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/(?<!\*)\*(?!\*)/g, '\\*');
  return s;
}

/** Escapes a paragraph's start so it is not read as a list, heading or quote. */
function escapeBlockStart(text: string): string {
  return text.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2').replace(/^([-+#=>|~])/, '\\$1');
}

function renderTail(tail: TailCell[]): string[] {
  const out: string[] = [];
  const recipients = tail.filter((c) => c.kind === 'recipients-header' || c.kind === 'recipient');
  if (recipients.length) {
    out.push('**Nơi nhận:**');
    const items = recipients.filter((c) => c.kind === 'recipient');
    if (items.length) out.push(items.map((c) => `- ${escapeInline(c.text.replace(/^[-+•*]\s*/, ''))}`).join('\n'));
  }
  for (const c of tail) {
    if (c.kind === 'role') out.push(`**${escapeInline(stripBold(c.text))}**`);
    else if (c.kind === 'note') out.push(escapeBlockStart(escapeInline(c.text)));
  }
  const signer = tail.find((c) => c.kind === 'signer');
  if (signer) out.push(`**${escapeInline(signer.text)}**`);
  return out;
}

export function renderBlocks(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const [i, b] of blocks.entries()) {
    const prev = i > 0 ? blocks[i - 1] : undefined;
    if (b.kind === 'heading') {
      out.push(`${'#'.repeat(b.level)} ${escapeInline(stripBold(b.text))}`);
    } else if (b.kind === 'item') {
      const line = `${b.depth === 2 ? '  ' : ''}- ${escapeInline(b.text)}`;
      // Consecutive items form one tight list.
      if (prev?.kind === 'item') out[out.length - 1] += `\n${line}`;
      else out.push(line);
    } else {
      out.push(escapeBlockStart(escapeInline(b.text)));
    }
  }
  return out;
}

/** The Markdown body of an imported document. */
export function writeMarkdownBody(body: SourceLine[], tail: TailCell[]): MarkdownResult {
  const { blocks, dropped } = bodyBlocks(body);
  const parts = [...renderBlocks(blocks), ...renderTail(tail)];
  return { markdown: parts.join('\n\n') + '\n', blocks, dropped };
}
