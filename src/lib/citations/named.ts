/**
 * Names of documents cited by name ("Luật Tổ chức chính quyền địa phương", "Điều lệ Đảng",
 * "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn"), read by grammar after the type
 * word: a known name when one matches (it may hold commas and lower-case words), else a
 * capitalised word and the words after it up to where the sentence goes on (NAME_STOP_WORDS).
 * Part of the extract stage: knows nothing of the corpus; the known names are vocabulary
 * (patterns.ts) plus the names of the named-documents registry, passed in.
 */
import { searchKey } from '../text/vietnamese.ts';
import { NAME_MAX_WORDS, NAME_STOP_WORDS, SP, TYPE_WORDS, caseless } from './patterns.ts';
import { escapeRegex } from '../text/regex.ts';

export interface KnownNames {
  /** Sticky, case-insensitive: one of the known names, longest first, not followed by a letter. */
  regex: RegExp | null;
}

/** Known names as one sticky regex (null when there are none). */
export function knownNamesMatcher(names: readonly string[]): KnownNames {
  const unique = [...new Set(names.map((n) => n.trim().replace(/\s+/g, ' ')).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!unique.length) return { regex: null };
  const source = unique.map((n) => n.split(' ').map(escapeRegex).join(SP)).join('|');
  return { regex: new RegExp(`(?:${source})(?![\\p{L}\\p{N}])`, 'iuy') };
}

const STOP_ONE = new Set(NAME_STOP_WORDS.filter((w) => !w.includes(' ')));
const STOP_TWO = new Set(NAME_STOP_WORDS.filter((w) => w.includes(' ')));
/** A type word ("Luật", "Nghị quyết", "Công văn"…) at a position: a name never runs into another document. */
const TYPE_WORD_AT = new RegExp(caseless(`(?:${TYPE_WORDS.map((t) => t.source).join('|')})(?![\\p{L}])`), 'uy');
/** A word of a name: it starts with a letter ("2014" after a name is its year, not part of it). */
const WORD = /\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*/uy;
/** Between words: spaces, or one line break (a name broken across lines goes on in lower case). */
const GAP = /[ \t]*\r?\n[ \t]*|[ \t]+/y;
const LEAD = new RegExp(`${SP}`, 'uy');

function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function isUpperInitial(word: string): boolean {
  const c = word[0]!;
  return c !== c.toLowerCase();
}

export interface NameRead {
  /** Offset just after the name. */
  end: number;
  /** The name as written, spaces collapsed ("Tổ chức chính quyền địa phương"). */
  name: string;
}

/**
 * The name right after a type word ending at `pos`. Glued ("LuậtTiếp công dân") when the
 * next character is a capital. `grammar` false: only a known name is accepted (lower-case
 * "luật …", an all-capital heading). Returns null when no name follows.
 */
export function readDocumentName(text: string, pos: number, known: KnownNames, grammar: boolean): NameRead | null {
  let p = pos;
  const c = text[p];
  if (c === undefined) return null;
  if (!/\p{Lu}/u.test(c)) {
    const lead = execAt(LEAD, text, p);
    if (!lead) return null;
    p += lead[0].length;
  }
  const start = p;
  if (known.regex) {
    const k = execAt(known.regex, text, p);
    if (k) return { end: p + k[0].length, name: collapse(k[0]) };
  }
  if (!grammar) return null;
  let w = execAt(WORD, text, p);
  if (!w || !isUpperInitial(w[0]) || execAt(TYPE_WORD_AT, text, p)) return null;
  let end = p + w[0].length;
  for (let count = 1; count < NAME_MAX_WORDS; count++) {
    const gap = execAt(GAP, text, end);
    if (!gap) break;
    const at = end + gap[0].length;
    w = execAt(WORD, text, at);
    if (!w) break;
    const word = w[0];
    const lower = word.toLowerCase();
    if (gap[0].includes('\n') && isUpperInitial(word)) break; // a new line opening with a capital is a new sentence
    if (isUpperInitial(word) && execAt(TYPE_WORD_AT, text, at)) break;
    if (lower === 'và') {
      // "Hội đồng nhân dân và Ủy ban nhân dân" goes on; "… và các văn bản", "… và Luật Tố cáo" do not.
      const g2 = execAt(GAP, text, at + word.length);
      const next = g2 ? execAt(WORD, text, at + word.length + g2[0].length) : null;
      if (!next || !isUpperInitial(next[0]) || execAt(TYPE_WORD_AT, text, next.index)) break;
      end = at + word.length + g2![0].length + next[0].length;
      count++;
      continue;
    }
    if (!isUpperInitial(word)) {
      if (STOP_ONE.has(lower)) break;
      const g2 = execAt(GAP, text, at + word.length);
      const next = g2 ? execAt(WORD, text, at + word.length + g2[0].length) : null;
      if (next && STOP_TWO.has(`${lower} ${next[0].toLowerCase()}`)) break;
    }
    end = at + word.length;
  }
  return { end, name: collapse(text.slice(start, end)) };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Comparable form of a name ("Tổ chức  Chính phủ" = "tổ chức chính phủ"), for the registry lookup. */
export function nameKey(name: string): string {
  return searchKey(name);
}
