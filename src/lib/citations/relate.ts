/**
 * Relate stage: the relation a mention carries is decided by the verb that governs it in
 * its sentence ("Thực hiện Chỉ thị …" → implements). A verb governs a mention when only a
 * few words stand between them, or when the mention continues a list the verb already
 * governs. A verb inside another document's title ("… về tiếp tục thực hiện Chỉ thị …")
 * speaks for that document, not for the citing one, so it yields "cites".
 */
import type { RelationType } from '../schema/document.ts';
import { RELATION_VERBS, caseless } from './patterns.ts';

export interface Span {
  start: number;
  end: number;
}

// No leading lookbehind (costly at every position): the character before is checked in code.
const VERBS = new RegExp(caseless(`(?:${RELATION_VERBS.map((v) => `(${v.source})`).join('|')})(?![\\p{L}\\p{N}])`), 'gu');
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LOOK_BACK = 400;
const LOOK_AHEAD = 600;
const MAX_GAP_WORDS = 4;
const LIST_JOINER = /(?:[,;]|\s(?:và|hoặc))\s*$/u;
/** Manner words between a verb and its object ("thực hiện nghiêm túc, có hiệu quả Chỉ thị …") do not break government. */
const FILLER = new Set('nghiêm túc có hiệu quả tốt chặt chẽ đảm bảo bảo chất lượng các đầy đủ đồng bộ kịp thời quyết liệt sâu rộng toàn diện việc nội dung tinh thần một số điều của và'.split(' '));
const TITLE_BEFORE = /(?:^|\s)về(?:\s+việc)?\s*$/iu;
/**
 * "hướng dẫn" after a noun or determiner is a noun ("văn bản hướng dẫn", "theo hướng dẫn",
 * "các hướng dẫn"): it names guidance, it is not the citing document guiding anything.
 */
const NOUN_BEFORE_GUIDES = /(?:^|[^\p{L}])(?:văn bản|tài liệu|công văn|theo|các|những|có|được|sự|nội dung|giấy|bản|đã|chưa)\s+$/iu;
/**
 * A verb followed by a preposition ("hướng dẫn theo Văn bản số …") takes another object:
 * the mention after the preposition is where the guidance comes from, not what is guided.
 */
const PREPOSITION_AFTER = /^\s*(?:theo|tại|của|trong|từ|với)\s/iu;
/** A type word right before a verb ("Luật sửa đổi, bổ sung"). */
const TYPE_WORD_BEFORE = /(?:^|[^\p{L}])(?:Luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Pháp lệnh)\s+$/u;
/** A previous mention's "của <issuer>" that the verb continues: the verb is in that document's title. */
const ISSUER_THEN_TITLE = /^\s*,?\s*(?:ngày\s+\S+\s+)?của\s[^,;:()]*$/u;

function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c === '.' || c === '!' || c === '?') {
    const next = text[i + 1];
    return next === undefined || next === ' ' || next === '\n' || next === '\r' || next === '\t';
  }
  return false;
}

/**
 * Offsets of every sentence end of a text, in order: found once per text, because the
 * sentence windows of neighbouring mentions overlap (a long list would rescan them).
 */
const SENTENCE_END_CANDIDATE = /[\n.!?]/g;
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  SENTENCE_END_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END_CANDIDATE.exec(text))) if (isSentenceEnd(text, m.index)) ends.push(m.index);
  return ends;
}

/** Offsets of every occurrence of a character, in order. */
function offsetsOf(text: string, c: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) out.push(i);
  return out;
}

/** Index of the first entry of the sorted array that is ≥ value (ends.length if none). */
function firstAtLeast(ends: readonly number[], value: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || /\s/.test(c);

/**
 * The sentence around [start, end): from after the previous full stop or line break to the
 * next, looking at most LOOK_BACK·2 before and LOOK_AHEAD·2 after. `ends` is sentenceEnds(text).
 */
export function sentenceAround(text: string, start: number, end: number, ends: readonly number[] = sentenceEnds(text)): Span {
  const k = firstAtLeast(ends, start);
  const previousEnd = k > 0 ? ends[k - 1]! : -1;
  let s = Math.max(Math.max(0, start - LOOK_BACK * 2), previousEnd + 1);
  const nextIndex = firstAtLeast(ends, end);
  const maxE = Math.min(text.length, end + LOOK_AHEAD * 2);
  let e = nextIndex < ends.length ? Math.min(maxE, ends[nextIndex]!) : maxE;
  if (e < text.length && text[e] !== '\n') e++;
  while (s < e && isSpace(text[s]!)) s++;
  while (e > s && isSpace(text[e - 1]!)) e--;
  return { start: s, end: Math.max(e, end) };
}

interface Governed {
  relation: RelationType;
  /** Offset of the governing verb, shared by the items of one list. */
  verbAt: number;
}

function wordsOutside(text: string, from: number, to: number, others: readonly Span[]): number {
  let count = 0;
  let p = from;
  for (const o of others) {
    if (o.end <= from || o.start >= to) continue;
    count += countWords(text.slice(p, Math.max(p, o.start)));
    p = Math.max(p, o.end);
  }
  return count + countWords(text.slice(p, to));
}

const OTHER_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Letters and digits; the ranges of Vietnamese letters are answered without a regex. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return true;
  // Surrogates are never letters on their own: a pair is judged as one code point by the caller.
  return c < 0xd800 || c > 0xdfff ? OTHER_WORD_CHAR.test(String.fromCharCode(c)) : false;
}

/** Words (runs of letters and digits) that are not manner fillers; stops counting past the limit that matters. */
function countWords(s: string): number {
  let count = 0;
  let i = 0;
  const n = s.length;
  while (i < n && count <= MAX_GAP_WORDS) {
    // Skip to the next word.
    while (i < n && !wordCharAt(s, i)) i += codeUnits(s, i);
    if (i >= n) break;
    const from = i;
    while (i < n && wordCharAt(s, i)) i += codeUnits(s, i);
    const word = s.slice(from, i);
    // Most words are lower case already: look them up before allocating a lower-cased copy.
    if (FILLER.has(word)) continue;
    const lower = word.toLowerCase();
    if (lower === word || !FILLER.has(lower)) count++;
  }
  return count;
}

function codeUnits(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

function wordCharAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) return OTHER_WORD_CHAR.test(String.fromCodePoint(s.codePointAt(i)!));
  return isWordCode(c);
}

/**
 * Whether a verb found before a mention can govern it at all (the gap is counted later).
 * Not when the verb sits in a parenthesis closed before the mention ("(sửa đổi, bổ sung
 * năm 2019); Luật …"), in the title of an earlier mention ("Nghị định số … của Chính phủ
 * quy định chi tiết và hướng dẫn thi hành … Luật Thanh tra"), or, for "hướng dẫn", when it is
 * a noun or its object is introduced by a preposition.
 */
function verbCanGovern(text: string, verb: Verb, m: Span, before: readonly Span[]): boolean {
  const between = text.slice(verb.end, m.start);
  if (between.lastIndexOf(')') > between.lastIndexOf('(')) {
    // Is the verb itself inside that parenthesis? Look back a short way for an unclosed "(".
    const back = text.slice(Math.max(0, verb.at - 200), verb.at);
    if (back.lastIndexOf('(') > back.lastIndexOf(')')) return false;
  }
  const prev = before.length ? before[before.length - 1]! : null;
  if (prev && prev.end <= verb.at && ISSUER_THEN_TITLE.test(text.slice(prev.end, verb.at))) return false;
  // "Luật sửa đổi, bổ sung …", "Nghị định thay thế …": the verb names an amending document, it is not the citing one's act.
  if ((verb.relation === 'amends' || verb.relation === 'replaces' || verb.relation === 'repeals') && TYPE_WORD_BEFORE.test(text.slice(Math.max(0, verb.at - 16), verb.at))) return false;
  if (verb.relation === 'guides') {
    if (NOUN_BEFORE_GUIDES.test(text.slice(Math.max(0, verb.at - 24), verb.at))) return false;
    if (PREPOSITION_AFTER.test(between)) return false;
  }
  return true;
}

interface Verb {
  at: number;
  end: number;
  relation: RelationType;
}

/** Relation verbs of the whole text that start a word, in order. */
function findVerbs(text: string): Verb[] {
  const out: Verb[] = [];
  VERBS.lastIndex = 0;
  let v: RegExpExecArray | null;
  while ((v = VERBS.exec(text))) {
    if (v.index > 0 && WORD_CHAR.test(text[v.index - 1]!)) continue;
    let g = 1;
    while (v[g] === undefined) g++;
    out.push({ at: v.index, end: v.index + v[0].length, relation: RELATION_VERBS[g - 1]!.relation });
  }
  return out;
}

/**
 * Relations of every mention of one text (same order as `mentions`, which is sorted by
 * start and non-overlapping), with the sentence each sits in.
 */
export function relateMentions(text: string, mentions: readonly Span[]): { relation: RelationType; sentence: Span }[] {
  const out: { relation: RelationType; sentence: Span }[] = [];
  const governed: (Governed | null)[] = [];
  // Every verb of the text, found in one scan (windows of neighbouring mentions overlap).
  const verbs = mentions.length ? findVerbs(text) : [];
  const ends = mentions.length ? sentenceEnds(text) : [];
  const colons = mentions.length ? offsetsOf(text, ':') : [];
  let firstVerb = 0;
  mentions.forEach((m, i) => {
    const sentence = sentenceAround(text, m.start, m.end, ends);
    const from = Math.max(sentence.start, m.start - LOOK_BACK);
    // Clause: a colon ends what came before ("… như sau: Luật Khiếu nại").
    const k = firstAtLeast(colons, m.start);
    const colon = k > 0 ? colons[k - 1]! : -1;
    const clauseStart = colon >= from ? colon + 1 : from;
    let lo = i;
    while (lo > 0 && mentions[lo - 1]!.end > clauseStart) lo--;
    const before = mentions.slice(lo, i);
    let verb: Verb | null = null;
    const candidates: Verb[] = [];
    // Mentions come in text order, so the first verb that can fall in a window only moves forward.
    while (firstVerb < verbs.length && verbs[firstVerb]!.at < clauseStart - LOOK_BACK) firstVerb++;
    for (let k = firstVerb; k < verbs.length && verbs[k]!.at < m.start; k++) {
      const found = verbs[k]!;
      if (found.at < clauseStart || found.end > m.start) continue;
      // A verb inside an earlier mention (the type word "Hướng dẫn") is no verb.
      if (!before.some((o) => o.start <= found.at && found.at < o.end)) candidates.push(found);
    }
    // The nearest verb that can govern the mention wins ("Thực hiện theo hướng dẫn Kế hoạch …").
    for (let c = candidates.length - 1; c >= 0 && !verb; c--) if (verbCanGovern(text, candidates[c]!, m, before)) verb = candidates[c]!;
    let result: Governed | null = null;
    if (verb && !TITLE_BEFORE.test(text.slice(Math.max(0, verb.at - 12), verb.at))) {
      const gap = wordsOutside(text, verb.end, m.start, before);
      if (gap <= MAX_GAP_WORDS) result = { relation: verb.relation, verbAt: verb.at };
      else {
        // List continuation: the previous mention is governed by the same verb and only a joiner separates the items.
        const prev = i > 0 ? governed[i - 1] : null;
        const prevSpan = mentions[i - 1];
        if (prev && prevSpan && prev.verbAt === verb.at && LIST_JOINER.test(text.slice(Math.max(prevSpan.end, m.start - 12), m.start))) result = prev;
      }
    } else if (!verb && i > 0) {
      // No verb of its own: an item of a list governed from before the clause start.
      const prev = governed[i - 1];
      const prevSpan = mentions[i - 1]!;
      if (prev && prevSpan.start >= sentence.start && countWords(text.slice(prevSpan.end, m.start)) <= 1 && LIST_JOINER.test(text.slice(Math.max(prevSpan.end, m.start - 12), m.start))) result = prev;
    }
    governed.push(result);
    out.push({ relation: result?.relation ?? 'cites', sentence });
  });
  return out;
}
