/**
 * The Markdown body of one planned document: sections by document type, sentences
 * assembled from the phrase tables, and the planned references written in the standard
 * forms ("Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ", the long date
 * form, no date, an alias "(sau đây gọi tắt là Chỉ thị số 16)" followed by the short
 * form "Chỉ thị 16"). Explicit relations get the sentence the relate stage reads:
 * "Thực hiện …" (implements), "Căn cứ …" (basedOn), "… thay thế …" (replaces).
 */
import {
  ACTORS_CENTRAL,
  ACTORS_LOCAL,
  CITATION_FRAMES,
  CLOSINGS,
  DISTRACTORS,
  MANNERS,
  PURPOSES,
  SITUATION_OPENERS,
  TOPIC_PHRASES,
} from './phrases.ts';
import { titleClause, typeWord, type MissingRef, type PlannedDoc } from './plan.ts';
import type { Random } from './random.ts';

interface Citable {
  type: PlannedDoc['type'];
  number: string;
  issued: string;
  issuer: PlannedDoc['issuer'];
  title?: string;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function dateText(r: Random, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (r.chance(0.3)) return `ngày ${d} tháng ${m} năm ${y}`;
  const dd = r.chance(0.5) ? String(d).padStart(2, '0') : String(d);
  const mm = r.chance(0.3) ? String(m).padStart(2, '0') : String(m);
  return `ngày ${dd}/${mm}/${y}`;
}

/** The standard citation of a document, as another document would write it. */
export function citationText(r: Random, target: Citable, citing: PlannedDoc, withDate = r.chance(0.85)): string {
  const sameProvince = target.issuer.province !== null && target.issuer.province === citing.province;
  const issuer = sameProvince ? target.issuer.localCitedAs : target.issuer.citedAs;
  let s = `${typeWord(target.type)} số ${target.number}`;
  if (withDate) s += ` ${dateText(r, target.issued)}`;
  s += ` của ${issuer}`;
  if (target.title && r.chance(0.25)) s += ` về ${titleClause(target.title)}`;
  return s;
}

/** Serial as written in a short form: "Chỉ thị 16", "Chương trình phối hợp 79". */
function serialOf(number: string): string {
  return /^(\d+[a-zđ]?)/u.exec(number)![1]!;
}

function fill(frame: string, r: Random, actors: readonly string[], tasks: readonly string[], ref: string, ref2 = ''): string {
  const actor = r.pick(actors);
  return frame
    .replace('{Actor}', upperFirst(actor))
    .replace('{actor}', actor)
    .replace('{task}', r.pick(tasks))
    .replace('{ref}', ref)
    .replace('{ref2}', ref2);
}

function taskSentence(r: Random, actors: readonly string[], tasks: readonly string[]): string {
  let s = `${upperFirst(r.pick(actors))} ${r.chance(0.4) ? `${r.pick(MANNERS)} ` : ''}${r.pick(tasks)}`;
  if (r.chance(0.5)) s += `, ${r.pick(PURPOSES)}`;
  if (r.chance(0.12)) s += ` (${r.pick(DISTRACTORS)})`;
  return `${s}.`;
}

export function documentBody(r: Random, d: PlannedDoc, docs: readonly PlannedDoc[]): string {
  const actors = d.issuer.central ? ACTORS_CENTRAL : ACTORS_LOCAL;
  const topicPhrases = d.topics.map((t) => TOPIC_PHRASES[t]!);
  const tasks = topicPhrases.flatMap((p) => p.tasks);
  const problems = topicPhrases.flatMap((p) => p.problems);
  const asCitable = (i: number): Citable => docs[i]!;

  // Citation sentences, in the order they will appear.
  const opening: string[] = [];
  for (const i of d.basedOn) opening.push(fill(r.pick(CITATION_FRAMES.basedOn), r, actors, tasks, citationText(r, asCitable(i), d, true)));
  for (const i of d.implements) opening.push(fill(r.pick(CITATION_FRAMES.implements), r, actors, tasks, citationText(r, asCitable(i), d, true)));

  const refs: string[] = [...d.cites.map((i) => citationText(r, asCitable(i), d)), ...d.missing.map((m: MissingRef) => citationText(r, m, d))];
  // One corpus citation in three gets an alias, and its short form is used later on.
  const shortForms: string[] = [];
  if (d.cites.length && r.chance(0.4)) {
    const target = docs[d.cites[0]!]!;
    const short = `${typeWord(target.type)} số ${serialOf(target.number)}`;
    refs[0] = `${refs[0]} (sau đây gọi tắt là ${short})`;
    shortForms.push(`${typeWord(target.type)} ${serialOf(target.number)}`);
  }
  // Shuffle so resolved and unresolved mentions are interleaved.
  for (let i = refs.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    if (i !== 0 && j !== 0) [refs[i], refs[j]] = [refs[j]!, refs[i]!];
  }
  const citing: string[] = [];
  while (refs.length) {
    if (refs.length >= 2 && r.chance(0.15)) {
      const a = refs.shift()!;
      const b = refs.shift()!;
      citing.push(fill(r.pick(CITATION_FRAMES.pair), r, actors, tasks, a, b));
    } else citing.push(fill(r.pick(CITATION_FRAMES.cites), r, actors, tasks, refs.shift()!));
  }
  for (const s of shortForms) citing.push(`${upperFirst(r.pick(actors))} báo cáo kết quả thực hiện ${s} theo định kỳ.`);

  const take = (n: number) => citing.splice(0, n);
  const para = (n: number, withRefs: number) => {
    const parts = [...Array.from({ length: n }, () => taskSentence(r, actors, tasks)), ...take(withRefs)];
    return parts.join(' ');
  };
  const out: string[] = [];
  if (opening.length) out.push(opening.join('\n\n'));

  const kind = d.type;
  const sections: [string, () => string][] =
    kind === 'ke-hoach'
      ? [['Mục đích, yêu cầu', () => para(r.int(2, 3), 1)], ['Nội dung, nhiệm vụ', () => list(r.int(4, 7))], ['Tổ chức thực hiện', () => para(r.int(2, 3), 2)]]
      : kind === 'quyet-dinh' || kind === 'quy-dinh' || kind === 'quy-che'
        ? [['Nội dung chủ yếu', () => para(r.int(3, 4), 2)], ['Trách nhiệm thi hành', () => list(r.int(3, 5))]]
        : kind === 'cong-van' || kind === 'thong-bao'
          ? [['Nội dung', () => para(r.int(2, 4), 3)]]
          : [['Tình hình', () => situation()], ['Nhiệm vụ, giải pháp', () => list(r.int(4, 7))], ['Tổ chức thực hiện', () => para(r.int(1, 3), 2)]];

  function situation(): string {
    return `${r.pick(SITUATION_OPENERS)} ${r.pick(problems)}; ${r.pick(problems)}. ${take(1).join(' ')}`.trim();
  }
  function list(n: number): string {
    const items: string[] = [];
    for (let k = 1; k <= n; k++) {
      const head = upperFirst(r.pick(tasks));
      items.push(`${k}. **${head}.** ${para(r.int(0, 1), r.chance(0.6) ? 1 : 0)}`.trimEnd());
    }
    return items.join('\n');
  }
  for (const [heading, render] of sections) {
    out.push(`## ${heading}`, render());
  }
  if (citing.length) out.push(citing.join(' '));
  if (d.replaces.length) {
    const replaced = d.replaces.map((i) => citationText(r, asCitable(i), d, true)).join(' và ');
    out.push(`${typeWord(d.type)} này thay thế ${replaced}.`);
  }
  out.push(r.pick(CLOSINGS));
  return `${out.join('\n\n')}\n`;
}
