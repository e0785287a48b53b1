/**
 * Scoring of the engine against labelled mentions (format of ../shared/eval/README.md):
 * a prediction matches a gold mention when their spans overlap and their normalised
 * numbers agree; key accuracy is over matched mentions, comparing keys without
 * separators, case or the QĐi/QĐ spelling. Shared by `npm run eval:refs` and the tests.
 */
import { comparableKey } from '../identity.ts';

export interface GoldMention {
  text: string;
  start: number;
  end: number;
  surface: string;
  number: string | null;
  canonical: string | null;
  short_form?: boolean;
  named?: boolean;
  /** Year of the document meant; for a named mention, the version ("Luật Công đoàn" of 2012 or 2024). */
  year?: number | null;
}

export interface Predicted {
  start: number;
  end: number;
  text: string;
  number: string | null;
  key: string | null;
  year?: number | null;
}

/** Why a mention was missed, invented or mislabelled: a regression shows where. */
export const CAUSES = ['named', 'short form', 'list item', 'self-reference', 'key wrong', 'year wrong', 'other'] as const;
export type Cause = (typeof CAUSES)[number];

export interface SetScore {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  shortFormGold: number;
  shortFormMatched: number;
  shortFormRecall: number;
  keyCorrect: number;
  keyAccuracy: number;
  misses: { file: string; gold: GoldMention }[];
  falsePositives: { file: string; predicted: Predicted }[];
  keyErrors: { file: string; gold: GoldMention; predicted: Predicted }[];
  /** Named mentions whose gold gives a year, matched, and of those with the year right. */
  namedYearGold: number;
  namedYearCorrect: number;
  namedYearAccuracy: number;
  yearErrors: { file: string; gold: GoldMention; predicted: Predicted }[];
  /** Misses, false positives, key and year errors by cause. */
  causes: Record<Cause, number>;
}

export function normalisedNumber(n: string | null): string | null {
  return n === null ? null : n.replace(/^0+(?=\d)/, '').toLowerCase();
}

export function sameKey(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return comparableKey(a) === comparableKey(b);
}

/** Scores predictions per file against gold per file. */
export function scoreSet(files: readonly { file: string; gold: GoldMention[]; predicted: Predicted[]; text?: string }[]): SetScore {
  const s: SetScore = {
    gold: 0, predicted: 0, matched: 0, precision: 1, recall: 1, shortFormGold: 0, shortFormMatched: 0, shortFormRecall: 1,
    keyCorrect: 0, keyAccuracy: 1, misses: [], falsePositives: [], keyErrors: [],
    namedYearGold: 0, namedYearCorrect: 0, namedYearAccuracy: 1, yearErrors: [],
    causes: Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>,
  };
  for (const { file, gold, predicted, text } of files) {
    s.gold += gold.length;
    s.predicted += predicted.length;
    s.shortFormGold += gold.filter((g) => g.short_form).length;
    const used = new Set<number>();
    for (const g of gold) {
      const idx = predicted.findIndex(
        (p, i) => !used.has(i) && p.start < g.end && g.start < p.end && normalisedNumber(p.number) === normalisedNumber(g.number),
      );
      if (idx < 0) {
        s.misses.push({ file, gold: g });
        s.causes[missCause(g)]++;
        continue;
      }
      used.add(idx);
      s.matched++;
      if (g.short_form) s.shortFormMatched++;
      const p = predicted[idx]!;
      if (sameKey(p.key, g.canonical)) s.keyCorrect++;
      else {
        s.keyErrors.push({ file, gold: g, predicted: p });
        s.causes['key wrong']++;
      }
      if (g.named && g.year !== undefined) {
        s.namedYearGold++;
        if ((p.year ?? null) === g.year) s.namedYearCorrect++;
        else {
          s.yearErrors.push({ file, gold: g, predicted: p });
          s.causes['year wrong']++;
        }
      }
    }
    predicted.forEach((p, i) => {
      if (used.has(i)) return;
      s.falsePositives.push({ file, predicted: p });
      s.causes[text !== undefined && onHeaderLine(text, p.start) ? 'self-reference' : 'other']++;
    });
  }
  s.namedYearAccuracy = s.namedYearGold ? s.namedYearCorrect / s.namedYearGold : 1;
  s.precision = s.predicted ? s.matched / s.predicted : 1;
  s.recall = s.gold ? s.matched / s.gold : 1;
  s.shortFormRecall = s.shortFormGold ? s.shortFormMatched / s.shortFormGold : 1;
  s.keyAccuracy = s.matched ? s.keyCorrect / s.matched : 1;
  return s;
}

function missCause(g: GoldMention): Cause {
  if (g.named) return 'named';
  if (g.short_form) return 'short form';
  // A list item is written without its type word ("…, 218-QĐ/TW"): its surface opens with the number or "số".
  if (/^(?:\d|s[ốo]\s)/iu.test(g.surface)) return 'list item';
  return 'other';
}

/** A prediction on the text's own header line ("Số: …", "Số hiệu: …", "(Kèm theo …", the title line): a self-reference. */
function onHeaderLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset + 1);
  if (/^[\s|]*(?:S[ốỐ](?:\s*hiệu)?\b|\((?:ban hành )?kèm theo)/iu.test(line)) return true;
  return text.slice(0, lineStart).trim() === '';
}

/**
 * Reads a marked text: each mention written as [[surface]]{number;key;flags} (number and
 * key "-" when null; flags "short", "named", "y=2013" or "y=-" for the year of the
 * document meant; without one the year is the key's, when it has one). Returns the plain text and its gold labels,
 * offsets into the plain text. Lets hand-written fixtures stay readable and exact.
 */
export function parseMarkedText(file: string, marked: string): { text: string; gold: GoldMention[] } {
  const gold: GoldMention[] = [];
  const re = /\[\[([\s\S]*?)\]\]\{([^}]*)\}/g;
  let text = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(marked))) {
    text += marked.slice(last, m.index);
    const [num, key, ...flags] = m[2]!.split(';').map((x) => x.trim());
    const start = text.length;
    text += m[1]!;
    gold.push({
      text: file,
      start,
      end: text.length,
      surface: m[1]!,
      number: !num || num === '-' ? null : num,
      canonical: !key || key === '-' ? null : key,
      short_form: flags.includes('short'),
      named: flags.includes('named'),
      ...yearFlag(flags, key),
    });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  return { text, gold };
}

function yearFlag(flags: string[], key: string | undefined): { year?: number | null } {
  const y = flags.find((f) => f.startsWith('y='));
  if (y) return { year: y === 'y=-' ? null : Number(y.slice(2)) };
  const fromKey = key && key !== '-' ? /@(\d{4})$/.exec(key) : null;
  return fromKey ? { year: Number(fromKey[1]) } : {};
}
