/** The neighbourhood diagram of a document page: SVG markup plus the same content as a text list. */
import { collectNeighbourhood } from '../graph/neighbourhood.ts';
import { layoutDiagram, type DiagramNodeInput } from '../diagram/layout.ts';
import { renderDiagramSvg } from '../diagram/svg.ts';
import type { RelationType } from '../schema/document.ts';
import type { SiteData } from './data.ts';
import type { SiteUrls } from './urls.ts';
import { RELATION_LABELS, formatDate, shortName, typeName } from './labels.ts';

export interface DiagramLink {
  from: { id: string; name: string; href: string };
  to: { id: string; name: string; href: string };
  type: RelationType;
  label: string;
  inferred: boolean;
}

export interface DocumentDiagram {
  svg: string;
  links: DiagramLink[];
  omitted: number;
  /** Relation types drawn, for the legend. */
  types: RelationType[];
}

export function documentDiagram(data: SiteData, id: string, urls: SiteUrls, maxNodes = 14): DocumentDiagram | null {
  const hood = collectNeighbourhood(data.graph, id, { hops: 2, maxNodes, issued: (x) => data.node(x)?.issued });
  if (hood.nodes.length < 2) return null;
  const inputs: DiagramNodeInput[] = [];
  for (const { id: nid, hop } of hood.nodes) {
    const n = data.node(nid);
    if (!n) continue;
    inputs.push({
      id: nid,
      date: n.issued,
      hop,
      lines: [typeName(n.type), n.number ?? '(không số)', formatDate(n.issued)],
      title: `${shortName(n)} — ${n.title}`,
      href: urls.document(nid),
      classes: n.effectiveStatus.status === 'superseded' ? ['dg-superseded'] : [],
    });
  }
  const layout = layoutDiagram(id, inputs, hood.edges);
  const center = data.node(id)!;
  const name = (x: string) => {
    const n = data.node(x)!;
    return { id: x, name: `${shortName(n)} (${formatDate(n.issued)})`, href: urls.document(x) };
  };
  const links: DiagramLink[] = hood.edges.map((e) => ({
    from: name(e.from),
    to: name(e.to),
    type: e.type,
    label: RELATION_LABELS[e.type].forward.toLowerCase(),
    inferred: e.inferred,
  }));
  const svg = renderDiagramSvg(layout, {
    idPrefix: 'lan-can',
    title: `Lược đồ văn bản liên quan đến ${shortName(center)}`,
    desc: `${hood.nodes.length - 1} văn bản trong phạm vi hai bước quan hệ, xếp theo ngày ban hành từ trái sang phải; mũi tên đi từ văn bản dẫn chiếu đến văn bản được dẫn chiếu. Danh sách bằng chữ ở ngay dưới hình.`,
  });
  const types = [...new Set(hood.edges.map((e) => e.type))];
  return { svg, links, omitted: hood.omitted, types };
}
