/**
 * A complete synthetic content root from a plan: registries (copies of the real ones
 * plus generated provinces and their issuers), one MDX file per document, and a few
 * implementation records. Files are yielded one by one so a 50,000-document corpus is
 * written without holding every body in memory. Everything is marked as synthetic in
 * `sources`, and the output is meant for a folder of its own, never content/.
 */
import { TOPIC_PHRASES } from './phrases.ts';
import { documentBody } from './body.ts';
import { registryAdditions } from './issuers.ts';
import { LAST_ISSUE_DATE, planCorpus, typeWord, type CorpusPlan, type PlannedDoc } from './plan.ts';
import { createRandom, deriveSeed } from './random.ts';

export interface RealRegistries {
  issuers: string;
  provinces: string;
  topics: string;
}

export interface GeneratedFile {
  /** Path relative to the generated root ("content/van-ban/…mdx"). */
  path: string;
  text: string;
}

const STATUS_AS_OF = '2026-11-01';
const q = (s: string) => JSON.stringify(s);
const list = (items: readonly string[]) => `[${items.join(', ')}]`;

function source(seed: number): string {
  return [
    'sources:',
    `  - title: ${q(`Bộ dữ liệu tổng hợp danvan-kb (sinh tự động, seed ${seed})`)}`,
    `    publisher: "danvan-kb"`,
    `    note: ${q('Văn bản giả lập để đo hiệu năng, không phải văn bản thật.')}`,
  ].join('\n');
}

function frontmatter(d: PlannedDoc, docs: readonly PlannedDoc[], seed: number): string {
  const lines = ['---', `type: ${d.type}`, `number: ${q(d.number)}`, `issued: ${q(d.issued)}`, `issuer: ${d.issuer.id}`];
  if (d.coIssuers.length) lines.push(`coIssuers: ${list(d.coIssuers)}`);
  lines.push(`title: ${q(d.title)}`, `province: ${d.province ?? 'null'}`, `topics: ${list(d.topics)}`);
  if (d.replacedBy !== null) {
    const by = docs[d.replacedBy]!;
    lines.push(
      'status: not-in-force',
      `statusAsOf: ${q(STATUS_AS_OF)}`,
      // A status other than unknown names where it was read: here, the generated replacing document.
      'statusSource:',
      `  title: ${q(`${typeWord(by.type)} số ${by.number} (văn bản giả lập)`)}`,
      `statusReason: ${q(`Được thay thế bởi ${typeWord(by.type)} số ${by.number}.`)}`,
    );
  } else {
    lines.push('status: unknown', `statusAsOf: ${q(STATUS_AS_OF)}`, `statusReason: ${q('Văn bản giả lập; không có thông tin hiệu lực.')}`);
  }
  const rels: string[] = [];
  // Each declared relation with its provenance, as the model asks (block style: the fast YAML reader's subset).
  const entries = (list: number[], where: string) =>
    list.flatMap((i) => [`    - id: ${docs[i]!.id}`, `      where: ${q(where)}`, `      source: ${q(`https://example.org/van-ban-gia-lap/${d.id}`)}`]);
  if (d.implements.length) rels.push('  implements:', ...entries(d.implements, 'Thực hiện … (câu mở đầu)'));
  if (d.replaces.length) rels.push('  replaces:', ...entries(d.replaces, 'Điều khoản thi hành'));
  if (d.basedOn.length) rels.push('  basedOn:', ...entries(d.basedOn, 'Căn cứ (phần mở đầu)'));
  lines.push(rels.length ? `relations:\n${rels.join('\n')}` : 'relations: {}');
  // The body is the document's whole (synthetic) text, so, as for an official text, the
  // engine binds its references to the issue date (no later document can be meant).
  lines.push(`summary: ${q(`${typeWord(d.type)} của ${d.issuer.citedAs} về ${d.subject}.`)}`, 'fullText: true', source(seed), '---');
  return lines.join('\n');
}

const FIGURE_LABELS = [
  ['Mô hình "Dân vận khéo" được công nhận', 'mô hình'],
  ['Cuộc đối thoại trực tiếp của người đứng đầu với Nhân dân', 'cuộc'],
  ['Lượt công dân được tiếp', 'lượt'],
  ['Kiến nghị của cử tri đã được giải quyết', 'kiến nghị'],
] as const;

function implementationRecord(r: ReturnType<typeof createRandom>, target: PlannedDoc, seed: number, n: number): GeneratedFile {
  // A year after the document at the earliest, and not after the last issue date.
  const date = String(Math.min(target.year + r.int(1, 3), Number(LAST_ISSUE_DATE.slice(0, 4))));
  const figures = r.sample(FIGURE_LABELS, r.int(1, 3)).map(([label, unit]) =>
    [`  - label: ${q(label)}`, `    value: ${r.int(3, 900)}`, `    unit: ${q(unit)}`, `    scope: ${q(`năm ${date}`)}`].join('\n'));
  const id = `${target.province}-${date}-ket-qua-${n}`;
  const text = [
    '---',
    `title: ${q(`${target.provinceName}: kết quả thực hiện ${typeWord(target.type)} số ${target.number} (năm ${date})`)}`,
    `date: ${q(date)}`,
    `province: ${target.province}`,
    `reportsOn: [${target.id}]`,
    `topics: ${list(target.topics)}`,
    'figures:',
    ...figures,
    source(seed),
    '---',
    '',
    `Báo cáo tổng hợp (giả lập) về việc thực hiện ${typeWord(target.type).toLowerCase()} này trên địa bàn tỉnh ${target.provinceName}.`,
    '',
  ].join('\n');
  return { path: `content/thuc-tien/${id}.mdx`, text };
}

/** Every file of a generated content root, registries first. */
export function* generateCorpusFiles(count: number, seed: number, real: RealRegistries, plan: CorpusPlan = planCorpus(count, seed)): Generator<GeneratedFile> {
  // Ids of the real registries ("- id: …" entries), which the additions must not repeat.
  const ids = (yaml: string) => new Set([...yaml.matchAll(/^- id: (\S+)/gm)].map((m) => m[1]!));
  const add = registryAdditions(plan.provinces, { issuers: ids(real.issuers), provinces: ids(real.provinces) });
  yield { path: 'content/registries/issuers.yaml', text: `${real.issuers.trimEnd()}\n${add.issuers}` };
  yield { path: 'content/registries/provinces.yaml', text: `${real.provinces.trimEnd()}\n${add.provinces}` };
  yield { path: 'content/registries/topics.yaml', text: real.topics };
  for (const d of plan.docs) {
    const r = createRandom(deriveSeed(seed, d.index));
    const text = `${frontmatter(d, plan.docs, seed)}\n\n${documentBody(r, d, plan.docs)}`.normalize('NFC');
    yield { path: `content/van-ban/${d.id}.mdx`, text };
  }
  // About one implementation record per 50 documents, on local documents.
  const r = createRandom(deriveSeed(seed, -1));
  const lastYear = Number(LAST_ISSUE_DATE.slice(0, 4));
  const local = plan.docs.filter((d) => d.province !== null && d.year < lastYear);
  const records = Math.min(local.length, Math.floor(count / 50));
  for (let n = 0; n < records; n++) {
    yield implementationRecord(r, local[Math.floor(r.next() * local.length)]!, seed, n + 1);
  }
}

export { planCorpus, TOPIC_PHRASES };
