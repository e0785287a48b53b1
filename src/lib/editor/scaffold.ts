/**
 * New documents from what is already written about them: a citation line an editor
 * pastes ("Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"), or a
 * document the corpus cites but lacks (an unresolved group of the graph). The citation
 * engine reads the mention; this module turns it into a draft and refuses duplicates.
 */
import { explainBadDate } from '../schema/dates.ts';
import { buildCorpusIndex, findReferences, type CorpusEntry, type Reference } from '../citations/index.ts';
import type { Registries } from '../content/corpus.ts';
import type { DocumentTypeId } from '../document-types.ts';
import type { UnresolvedReference } from '../graph/types.ts';
import { canonicalKey, comparableKey, documentId, parseDocumentNumber, yearOf } from '../identity.ts';
import { slugify } from '../text/vietnamese.ts';
import { writeFrontmatter, type DraftFrontmatter } from './frontmatter-writer.ts';
import { draftFindings, provisionalId, type DraftSummary } from './draft.ts';
import { issuersNamed } from './registry-match.ts';

export interface ScaffoldOptions {
  registries: Registries;
  /** Corpus documents with the files they are in, for references and duplicates. */
  corpus: readonly (CorpusEntry & { file: string })[];
  province?: string | null;
  today: string;
}

export interface Scaffold extends DraftSummary {
  notes: string[];
}

export type ScaffoldOutcome = { ok: true; scaffold: Scaffold } | { ok: false; message: string };

/** What a citation says about the document it names. */
export interface CitedFacts {
  type: DocumentTypeId;
  number: string | null;
  issued: string | null;
  year: number | null;
  issuerText: string | null;
  title: string | null;
  province: string | null;
  /** Where these facts were read, for the report. */
  from: string;
}

/** The number as the citation writes it ("35- CT/TW" → "35-CT/TW"), else from the key. */
function writtenNumber(ref: Reference): string | null {
  const m = /(\d+[a-zđ]?(?:\s*\/\s*\d{4})?\s*[-/]\s*[\p{L}\p{N}]+(?:\s*[-/]\s*[\p{L}\p{N}]+)*)/u.exec(ref.text);
  const written = m ? m[1]!.replace(/\s+/g, '') : null;
  if (written && parseDocumentNumber(written)) return written;
  return ref.key && ref.key.includes('@') ? ref.key.split('@')[0]! : null;
}

const TITLE_STOP = /[;]|\.(?:\s|$)|\s\((?:sau đây|gọi tắt)/u;

/**
 * Issuer and title from the words after a mention: "của Thủ tướng Chính phủ về tiếp tục
 * tăng cường …" or "của Bộ Chính trị “Về …”". The title runs to the end of the clause.
 */
export function readTail(after: string): { issuerText: string | null; title: string | null } {
  const s = after.replace(/^\s*,?\s*/, '');
  let issuerText: string | null = null;
  let rest = s;
  const of = /^của\s+(.+?)(?=\s+(?:về|ban hành|“|")|\s*[“"]|[,;.]|$)/iu.exec(s);
  if (of) {
    issuerText = of[1]!.trim();
    rest = s.slice(of[0].length).trim();
  }
  let title: string | null = null;
  const quoted = /^[“"]([^”"]+)[”"]/u.exec(rest);
  if (quoted) title = quoted[1]!.trim();
  else {
    const about = /^(về\s+.+)$/isu.exec(rest);
    if (about) {
      const stop = TITLE_STOP.exec(about[1]!);
      title = (stop ? about[1]!.slice(0, stop.index) : about[1]!).replace(/[\s,.”"]+$/u, '').trim();
    }
  }
  if (title) title = title.charAt(0).toLocaleUpperCase('vi') + title.slice(1);
  return { issuerText, title: title || null };
}

/** The first numbered mention of a citation line, with what follows it. */
export function readCitationLine(line: string, opts: Pick<ScaffoldOptions, 'registries' | 'corpus' | 'province'>): { facts: CitedFacts; ref: Reference } | string {
  const index = buildCorpusIndex(opts.corpus, opts.registries.provinces, opts.registries.namedDocuments);
  const refs = findReferences(line, index, { province: opts.province ?? null });
  const ref = refs.find((r) => r.type && r.number && !r.named);
  if (!ref) {
    return refs.length
      ? `dòng trích dẫn chỉ nêu tên văn bản ("${refs[0]!.text}"), không có số ký hiệu; hãy tạo tệp bằng tay theo hướng dẫn trong content/README.md`
      : 'không thấy văn bản nào được trích dẫn (cần dạng "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …")';
  }
  const tail = readTail(line.slice(ref.end));
  return {
    ref,
    facts: {
      type: ref.type!,
      number: writtenNumber(ref),
      issued: ref.date,
      year: ref.year,
      issuerText: tail.issuerText ?? ref.issuerText,
      title: tail.title,
      province: opts.province ?? ref.province,
      from: `"${ref.text}"`,
    },
  };
}

/** Longest run of leading words that names a registry issuer ("Ban Thường vụ Tỉnh ủy để …"). */
export function issuerFromPhrase(text: string, registries: Registries, province: string | null): string[] {
  const words = text.trim().split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const ids = issuersNamed(words.slice(0, n).join(' '), registries.issuers, registries.provinces, province);
    if (ids.length) return ids;
  }
  return [];
}

function sameIdentity(
  corpus: ScaffoldOptions['corpus'],
  type: DocumentTypeId,
  number: string | null,
  year: number | null,
  province: string | null,
  id: string,
): (CorpusEntry & { file: string }) | undefined {
  return corpus.find((d) => {
    if (d.id === id) return true;
    if (!number || !d.number || year === null || d.type !== type) return false;
    return comparableKey(canonicalKey(d.number, d.year)) === comparableKey(canonicalKey(number, year)) && (d.province ?? null) === province;
  });
}

/** Builds the draft from facts; refuses a document the corpus already has. */
export function scaffoldFromFacts(facts: CitedFacts, opts: ScaffoldOptions, extra: { header?: string[]; source: { title: string; note?: string } }): ScaffoldOutcome {
  const { found, missing, notes, todo, miss } = draftFindings();
  if (opts.province && !opts.registries.provinces.some((p) => p.id === opts.province)) {
    return { ok: false, message: `tỉnh "${opts.province}" không có trong content/registries/provinces.yaml` };
  }

  found.push({ field: 'type', value: facts.type, from: facts.from });
  if (facts.number) found.push({ field: 'number', value: facts.number, from: facts.from });
  else miss('number', 'trích dẫn không nêu số ký hiệu đầy đủ', false);
  if (facts.issued) found.push({ field: 'issued', value: facts.issued, from: facts.from });

  let province = facts.province;
  const issuerIds = facts.issuerText ? issuerFromPhrase(facts.issuerText, opts.registries, province) : [];
  const issuer = issuerIds.length === 1 ? issuerIds[0]! : null;
  const issuerEntry = issuer ? opts.registries.issuers.find((i) => i.id === issuer) : undefined;
  if (issuer) found.push({ field: 'issuer', value: issuer, from: `"của ${facts.issuerText}"` });
  else if (issuerIds.length > 1) miss('issuer', `"${facts.issuerText}" khớp nhiều cơ quan (${issuerIds.join(', ')}); ${province ? '' : 'thêm --province MÃ_TỈNH hoặc '}chọn một mã`, true);
  else miss('issuer', facts.issuerText ? `"${facts.issuerText}" không khớp cơ quan nào trong content/registries/issuers.yaml; thêm vào sổ danh mục nếu còn thiếu` : 'trích dẫn không nêu cơ quan ban hành ("của …")', true);

  if (!province && issuerEntry?.province) province = issuerEntry.province;
  const central = issuerEntry?.level === 'trung-uong';
  if (province) found.push({ field: 'province', value: province, from: facts.province ? facts.from : `tỉnh của ${issuer}` });
  else if (!central) miss('province', 'không rõ tỉnh; ghi mã tỉnh nếu là văn bản địa phương, hoặc null nếu là văn bản Trung ương', false);

  const year = facts.issued ? yearOf(facts.issued) : facts.year;
  const issued = facts.issued ?? (facts.year ? String(facts.year) : null);
  if (!facts.issued && facts.year) {
    notes.push(`Chỉ biết năm ban hành (${facts.year}); đã ghi issued: "${facts.year}", thay bằng ngày đầy đủ khi có.`);
    found.push({ field: 'issued', value: String(facts.year), from: `năm trong khóa ${facts.number ?? ''}` });
  }
  if (!issued) miss('issued', 'trích dẫn không nêu ngày ban hành; ghi "YYYY-MM-DD"', true);

  if (facts.title) {
    found.push({ field: 'title', value: facts.title, from: 'phần "về …" của trích dẫn' });
    notes.push('Trích yếu lấy từ câu trích dẫn; đối chiếu với bản gốc (câu trích dẫn hay rút gọn).');
  } else miss('title', 'trích dẫn không nêu trích yếu ("về …"); chép từ bản gốc', true);

  const complete = year !== null && (facts.number !== null || issuer !== null);
  const id = complete
    ? documentId({ type: facts.type, number: facts.number ?? undefined, year: year!, province, issuer: issuer ?? '', issued: issued ?? undefined })
    : provisionalId(facts.type, facts.number, issuer, issued, province);
  const dup = sameIdentity(opts.corpus, facts.type, facts.number, year, province ?? null, id);
  if (dup) {
    return { ok: false, message: `kho đã có văn bản này (${dup.number ?? dup.id}, năm ${dup.year}) ở tệp ${dup.file}; không tạo bản trùng` };
  }

  miss('topics', 'chọn chủ đề trong content/registries/topics.yaml', false);
  miss('summary', 'viết một câu tóm tắt bằng lời của mình', false);
  todo['sources'] = 'thay bằng bản gốc đã đối chiếu: tên, cơ quan đăng tải (publisher), ngày, url';
  todo['status'] = 'chưa xác minh hiệu lực; ghi in-force / not-in-force… kèm statusReason khi đã đối chiếu';

  const data: DraftFrontmatter = {
    type: facts.type,
    ...(facts.number ? { number: facts.number } : {}),
    ...(issued ? { issued } : {}),
    ...(issuer ? { issuer } : {}),
    ...(facts.title ? { title: facts.title } : {}),
    ...(province ? { province } : central ? { province: null } : {}),
    topics: [],
    status: 'unknown',
    statusAsOf: opts.today,
    relations: {},
    fullText: false,
    sources: [extra.source],
  };
  const header = [...(extra.header ?? []), 'Văn bản mới tạo từ trích dẫn: phần thân để trống cho tới khi có bản gốc; xử lý các dòng TODO rồi chạy npm run check'];
  const content = `${writeFrontmatter({ data, todo, header })}\n`;
  return { ok: true, scaffold: { id, provisional: !complete, content, frontmatter: data, found, missing, notes } };
}

const WRITTEN_DATE = /ngày\s+(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})/iu;

/**
 * What is wrong with the date written after a citation ("ngày 31/02/2020"), which the
 * engine does not take as a date; null when there is none or it is a real day. Without
 * this, the scaffold would silently keep only the year of the number.
 */
export function impossibleWrittenDate(text: string): string | null {
  const m = WRITTEN_DATE.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return explainBadDate(iso, false) ? `"${m[0]}" không phải là một ngày có thật` : null;
}

/** npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …" */
export function scaffoldFromCitation(line: string, opts: ScaffoldOptions): ScaffoldOutcome {
  const text = line.trim();
  if (!text) return { ok: false, message: 'dòng trích dẫn trống' };
  const read = readCitationLine(text, opts);
  if (typeof read === 'string') return { ok: false, message: read };
  const badDate = read.facts.issued ? null : impossibleWrittenDate(text.slice(read.ref.start, read.ref.end + 40));
  if (badDate) return { ok: false, message: `${badDate} trong dòng trích dẫn; sửa ngày rồi chạy lại (không tạo tệp chỉ với năm)` };
  if (read.ref.target) {
    const file = opts.corpus.find((d) => d.id === read.ref.target)?.file ?? read.ref.target;
    return { ok: false, message: `kho đã có văn bản "${read.ref.text}" ở tệp ${file}; không tạo bản trùng` };
  }
  return scaffoldFromFacts(read.facts, opts, {
    source: { title: `Dòng trích dẫn: ${text}`, note: 'Số, ngày, cơ quan và trích yếu lấy từ dòng trích dẫn; chưa đối chiếu bản gốc' },
  });
}

/** The unresolved group an editor means: its key, in any spacing or case, or its slug. */
export function findUnresolved(list: readonly UnresolvedReference[], wanted: string): UnresolvedReference | null {
  const w = wanted.trim();
  return (
    list.find((u) => u.key === w) ??
    list.find((u) => u.key.includes('@') && w.includes('@') && comparableKey(u.key) === comparableKey(w)) ??
    list.find((u) => slugify(u.key) === slugify(w) || slugify(u.key.replace(/QĐi/g, 'QĐ')) === slugify(w.replace(/QĐi/g, 'QĐ'))) ??
    null
  );
}

/** npm run new -- --from-missing KEY: a draft pre-filled with what the citing documents say. */
export function scaffoldFromMissing(entry: UnresolvedReference, opts: ScaffoldOptions): ScaffoldOutcome {
  if (!entry.type) return { ok: false, message: `không rõ loại văn bản của "${entry.key}"; tạo tệp bằng tay` };
  const index = buildCorpusIndex(opts.corpus, opts.registries.provinces, opts.registries.namedDocuments);
  const dates = new Set<string>();
  let title: string | null = null;
  let titleFrom = '';
  let issuerText = entry.issuer;
  let province = opts.province ?? entry.province;
  for (const c of entry.citedBy) {
    const citing = opts.corpus.find((d) => d.id === c.id);
    const refs = findReferences(c.evidence.sentence, index, { province: citing?.province ?? null, date: citing?.issued ?? null, selfId: c.id });
    for (const r of refs) {
      const sameDoc = entry.key.includes('@') ? r.key !== null && comparableKey(r.key) === comparableKey(entry.key) : r.text.replace(/\s+/g, ' ') === entry.key;
      if (!sameDoc) continue;
      if (r.date) dates.add(r.date);
      // A local symbol (TU, UBND) cited by a local document belongs to the citing province.
      province ??= r.province ?? null;
      const tail = readTail(c.evidence.sentence.slice(r.end));
      issuerText ??= tail.issuerText;
      if (!title && tail.title) {
        title = tail.title;
        titleFrom = c.id;
      }
    }
  }
  const notes: string[] = [];
  if (dates.size > 1) notes.push(`Các văn bản dẫn chiếu ghi ngày khác nhau (${[...dates].join(', ')}); chưa điền ngày, hãy đối chiếu bản gốc.`);
  const facts: CitedFacts = {
    type: entry.type,
    number: entry.number,
    issued: dates.size === 1 ? [...dates][0]! : null,
    year: entry.year,
    issuerText,
    title,
    province,
    from: `khóa ${entry.key} (${entry.citedBy.length} lần dẫn chiếu)`,
  };
  const citing = [...new Set(entry.citedBy.map((c) => c.id))];
  const header = [
    `Văn bản được kho dẫn chiếu nhưng chưa có (${entry.key}). Văn bản dẫn chiếu:`,
    ...entry.citedBy.map((c) => `  - ${c.id} (dòng ${c.evidence.line}): ${c.evidence.sentence.length > 160 ? `${c.evidence.sentence.slice(0, 157)}…` : c.evidence.sentence}`),
  ];
  const out = scaffoldFromFacts(facts, opts, {
    header,
    source: { title: `Dẫn chiếu trong ${citing.join(', ')}`, note: 'Số, ngày, cơ quan và trích yếu lấy từ câu dẫn chiếu; chưa đối chiếu bản gốc' },
  });
  if (out.ok) {
    out.scaffold.notes.unshift(...notes);
    if (title) out.scaffold.notes.push(`Trích yếu lấy từ câu dẫn chiếu trong ${titleFrom}.`);
  }
  return out;
}
