/**
 * The index builder's reader of words: the same words as textWords (index-format.ts), as
 * numbers, at a fraction of the cost.
 *
 * Why: at 10,000 documents the bodies hold ≈ 7.6 million tokens. textWords runs a Unicode
 * regex over each text and makes a match array, a token string and a map lookup by that
 * string for every one of them; reading them was the largest part of the index step's CPU
 * (issue 19). Here a text is lowered once and walked by character code: a table says which
 * code units are word characters (built from WORD_CHAR itself, so the two cannot disagree),
 * each token is looked up in a hash table of the tokens seen so far by its code units (no
 * string is made for a token seen before), and the result is the ids of its folded word
 * and exact spelling, once per distinct token of the text (a record carries a word or not:
 * repeats add nothing), which the builder counts in typed arrays instead of maps of strings.
 * A token seen for the first time is keyed by wordKeys, as textWords keys it.
 */
import { normalizeText } from '../text/vietnamese.ts';
import { WORD_CHAR, wordKeys } from './index-format.ts';

/** Code unit → 1 for a word character (BMP, surrogates excluded), from WORD_CHAR. */
let bmpWordChars: Uint8Array | null = null;
function wordChars(): Uint8Array {
  if (!bmpWordChars) {
    bmpWordChars = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) bmpWordChars[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return bmpWordChars;
}

/** Code point above U+FFFF → word character or not, tested once each. */
const astralWordChars = new Map<number, boolean>();
function isAstralWordChar(cp: number): boolean {
  let yes = astralWordChars.get(cp);
  if (yes === undefined) astralWordChars.set(cp, (yes = WORD_CHAR.test(String.fromCodePoint(cp))));
  return yes;
}

/** No spelling: the token has no diacritics (its folded word is its spelling). */
export const NO_SPELLING = -1;
/** A token that is no word of the index (wordKeys gave null). */
const NOT_A_WORD = -2;

export class WordScanner {
  /** Folded words, by id (ids in order of first appearance). */
  readonly words: string[] = [];
  /** Exact-spelling codes, by id. */
  readonly spellings: string[] = [];
  /** The folded word id of each spelling. */
  readonly spellingWord: number[] = [];
  /**
   * Output of scan: word id and spelling id (or NO_SPELLING) of each distinct token of the
   * text, in order of first appearance, two numbers per token. Reused by every scan.
   */
  out = new Int32Array(4096);

  private readonly wordIds = new Map<string, number>();
  private readonly spellingIds = new Map<string, number>();
  // Distinct tokens: an open-addressing table of token indexes (+1; 0 is empty) by hash.
  private slots = new Int32Array(1 << 14);
  private readonly tokens: string[] = [];
  private readonly tokenHash: number[] = [];
  private readonly tokenWord: number[] = [];
  private readonly tokenSpelling: number[] = [];
  /** The scan that last gave each token: a token is given once per text. */
  private tokenSeenBy = new Int32Array(1 << 13);
  private scans = 0;
  private readonly isWordChar = wordChars();

  /** Reads the words of `text` into `out`; returns how many there are. */
  scan(text: string): number {
    const scan = ++this.scans;
    const t = normalizeText(text).toLowerCase();
    const table = this.isWordChar;
    const n = t.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      // Skip to a word character.
      let c = t.charCodeAt(i);
      let width = 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = t.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          if (!isAstralWordChar(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) {
            i += 2;
            continue;
          }
          width = 2;
        }
      }
      if (width === 1 && table[c] === 0) {
        i++;
        continue;
      }
      // A token: word characters from `start`, hashed by code unit on the way.
      const start = i;
      let hash = 0;
      while (i < n) {
        c = t.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          const d = t.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            if (!isAstralWordChar(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) break;
            hash = Math.imul(Math.imul(hash, 31) + c, 31) + d;
            i += 2;
            continue;
          }
        }
        if (table[c] === 0) break;
        hash = Math.imul(hash, 31) + c;
        i++;
      }
      const token = this.tokenIndex(t, start, i, hash | 0);
      if (token >= this.tokenSeenBy.length) {
        const grown = new Int32Array(this.tokenSeenBy.length * 2);
        grown.set(this.tokenSeenBy);
        this.tokenSeenBy = grown;
      }
      if (this.tokenSeenBy[token] === scan) continue;
      this.tokenSeenBy[token] = scan;
      const word = this.tokenWord[token]!;
      if (word === NOT_A_WORD) continue;
      if (count * 2 + 2 > this.out.length) {
        const grown = new Int32Array(this.out.length * 2);
        grown.set(this.out);
        this.out = grown;
      }
      this.out[count * 2] = word;
      this.out[count * 2 + 1] = this.tokenSpelling[token]!;
      count++;
    }
    return count;
  }

  /** Index of the token t[start, end) among the distinct tokens, keyed on first sight. */
  private tokenIndex(t: string, start: number, end: number, hash: number): number {
    const length = end - start;
    let mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const at = this.slots[slot]!;
      if (at === 0) break;
      const index = at - 1;
      if (this.tokenHash[index] === hash) {
        const known = this.tokens[index]!;
        if (known.length === length) {
          let k = 0;
          while (k < length && known.charCodeAt(k) === t.charCodeAt(start + k)) k++;
          if (k === length) return index;
        }
      }
      slot = (slot + 1) & mask;
    }
    const index = this.tokens.length;
    const token = t.slice(start, end);
    const keys = wordKeys(token);
    this.tokens.push(token);
    this.tokenHash.push(hash);
    this.tokenWord.push(keys ? this.wordId(keys[0]) : NOT_A_WORD);
    this.tokenSpelling.push(keys?.[1] ? this.spellingId(keys[1], keys[0]) : NO_SPELLING);
    this.slots[slot] = index + 1;
    if (this.tokens.length * 2 > this.slots.length) {
      // Keep the table at most half full: rehash into one twice the size.
      this.slots = new Int32Array(this.slots.length * 2);
      mask = this.slots.length - 1;
      this.tokenHash.forEach((h, k) => {
        let s = h & mask;
        while (this.slots[s] !== 0) s = (s + 1) & mask;
        this.slots[s] = k + 1;
      });
    }
    return index;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.wordIds.set(word, id);
    }
    return id;
  }

  private spellingId(code: string, word: string): number {
    let id = this.spellingIds.get(code);
    if (id === undefined) {
      id = this.spellings.length;
      this.spellings.push(code);
      this.spellingWord.push(this.wordId(word));
      this.spellingIds.set(code, id);
    }
    return id;
  }
}
