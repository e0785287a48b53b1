/**
 * The editors' worklist on /chua-co/: besides the documents cited but missing, the open
 * work of the corpus, each with where to start the fix. Computed from the graph only, so
 * it follows the data: fields of the agreed model that the graph does not carry yet
 * (relation provenance) are read when present.
 */
import type { GraphEdge, GraphNode, UnresolvedReference } from '../graph/types.ts';
import type { SiteData } from './data.ts';
import { RELATION_LABELS, shortName } from './labels.ts';

/** Rows shown per worklist section; the section says how many there are in all. */
export const WORKLIST_LIMIT = 100;

export interface WorkItem {
  id: string;
  name: string;
  /** The file to edit, relative to the project. */
  file: string;
  /** What to do, in Vietnamese. */
  todo: string;
}

export interface WorkSection {
  anchor: string;
  heading: string;
  /** Why this matters to readers, in one sentence. */
  why: string;
  total: number;
  items: WorkItem[];
  /** The command to run once the files are edited. */
  command: string;
}

/** Provenance of a frontmatter relation (model of issue #15): where the text says it and the page it was read on. */
interface Provenance {
  where?: string | null;
  source?: string | null;
}

const hasUrl = (n: GraphNode) => n.sources.some((s) => typeof s.url === 'string' && /^https?:\/\//i.test(s.url));

/** The command that scaffolds a missing document's file. */
export function missingCommand(ref: Pick<UnresolvedReference, 'key' | 'province'>): string {
  const province = ref.province ? ` --province ${ref.province}` : '';
  return `npm run new -- --from-missing "${ref.key.replaceAll('"', '')}"${province}`;
}

function section(anchor: string, heading: string, why: string, all: WorkItem[], command = 'npm run check'): WorkSection {
  return { anchor, heading, why, total: all.length, items: all.slice(0, WORKLIST_LIMIT), command };
}

export function editorsWorklist(data: SiteData): WorkSection[] {
  // Oldest files first would be arbitrary; most cited first is where a fix helps most readers.
  const byCitations = [...data.nodes].sort((a, b) => data.citedByCount(b.id) - data.citedByCount(a.id) || (a.id < b.id ? -1 : 1));
  const item = (n: GraphNode, todo: string): WorkItem => ({ id: n.id, name: shortName(n), file: n.file, todo });

  const unknown = byCitations
    .filter((n) => n.effectiveStatus.status === 'unknown')
    .map((n) => item(n, 'Tìm nguồn nêu hiệu lực; ghi status, statusAsOf và statusSource (nguồn đã đọc).'));
  const noLink = byCitations.filter((n) => !hasUrl(n)).map((n) => item(n, 'Thêm url (http/https) cho một mục trong sources: nơi đọc được văn bản gốc.'));
  const bare: WorkItem[] = [];
  for (const e of data.graph.edges as Array<GraphEdge & Provenance>) {
    if (e.origin !== 'explicit' || (e.where && e.source)) continue;
    const from = data.node(e.from);
    const to = data.node(e.to);
    if (!from || !to) continue;
    bare.push(item(from, `“${RELATION_LABELS[e.type].forward}” ${shortName(to)}: ghi where (chỗ văn bản nói điều này) và source (trang đã đọc).`));
  }
  return [
    section('chua-ro-hieu-luc', 'Văn bản chưa rõ hiệu lực', 'Người đọc cần biết văn bản còn hiệu lực hay không.', unknown),
    section('chua-co-duong-dan', 'Văn bản chưa có đường dẫn đến văn bản gốc', 'Người đọc cần đối chiếu bản do cơ quan ban hành công bố.', noLink),
    section('quan-he-chua-co-nguon', 'Quan hệ khai báo chưa ghi nguồn', 'Một quan hệ “thay thế”, “căn cứ” … phải chỉ ra được văn bản nói điều đó ở đâu.', bare),
  ];
}
