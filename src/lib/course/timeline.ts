/**
 * Geometry of a lineage timeline drawn as inline SVG at build time: documents placed by
 * issue date on a year axis, labels in lanes below the axis so they never overlap, and
 * relation arcs above it. Pure numbers in, pure numbers out, so the layout is tested
 * without a browser and the component only prints shapes.
 */
import { LINEAGE_RELATIONS, type LineageRelation } from '../graph/lineage.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import { typeName } from '../site/labels.ts';
import { RELATION_VOCABULARY } from '../schema/vocabulary.ts';


/** The verb on a lineage arc, from the relation vocabulary. */
export const LINEAGE_RELATION_LABELS: Readonly<Record<LineageRelation, string>> = Object.fromEntries(
  LINEAGE_RELATIONS.map((r) => [r, RELATION_VOCABULARY[r].lineage]),
) as Record<LineageRelation, string>;

/** Compact chart label ("Quyết định 23-QĐ/TW"): the chart has no room for "số … ngày …". */
export function chartLabel(node: Pick<GraphNode, 'type' | 'number' | 'year'>): string {
  return node.number ? `${typeName(node.type)} ${node.number}` : `${typeName(node.type)} (${node.year})`;
}

export function isLineageRelation(type: string): type is LineageRelation {
  return (LINEAGE_RELATIONS as readonly string[]).includes(type);
}

export interface TimelineDocument {
  id: string;
  /** Short name shown on the chart ("Quyết định 23-QĐ/TW"). */
  label: string;
  /** ISO date, possibly partial ("2021-07-30", "2021"). */
  issued: string;
}

export interface TimelineRelation {
  from: string;
  to: string;
  type: LineageRelation;
  /** Typed from the sentence around a citation rather than declared in frontmatter. */
  inferred?: boolean;
}

export interface PlacedDocument extends TimelineDocument {
  x: number;
  /** Centre of the label block (text-anchor: middle), kept inside the drawing. */
  labelX: number;
  /** Baseline of the label's first line. */
  labelY: number;
  lane: number;
}

export interface PlacedRelation extends TimelineRelation {
  /** SVG path data of the arc. */
  d: string;
  labelX: number;
  labelY: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axisY: number;
  axisStart: number;
  axisEnd: number;
  ticks: { year: number; x: number }[];
  documents: PlacedDocument[];
  relations: PlacedRelation[];
}

export interface TimelineOptions {
  width?: number;
  /** Approximate width of one character of label text, in SVG units. */
  charWidth?: number;
}

const MARGIN_X = 24;
const LANE_HEIGHT = 34;
const LABEL_GAP = 10;
const ARC_BASE = 28;
const ARC_STEP = 16;

/** Fractional year of an ISO date; partial dates sit in the middle of what is known. */
export function yearPosition(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y ?? 0;
  if (!m) return year + 0.5;
  const month = m - 1;
  const day = d ? d - 1 : 15;
  return year + (month * 30.5 + day) / 366;
}

function tickStep(span: number): number {
  if (span <= 12) return 1;
  if (span <= 24) return 2;
  return 5;
}

export function layoutTimeline(
  docs: readonly TimelineDocument[],
  relations: readonly TimelineRelation[],
  options: TimelineOptions = {},
): TimelineLayout {
  const width = options.width ?? 720;
  const charWidth = options.charWidth ?? 7.8;
  const sorted = [...docs].sort((a, b) => yearPosition(a.issued) - yearPosition(b.issued) || a.id.localeCompare(b.id));
  const positions = sorted.map((d) => yearPosition(d.issued));
  const first = positions.length ? Math.floor(Math.min(...positions)) : 2000;
  let last = positions.length ? Math.ceil(Math.max(...positions)) : first + 1;
  if (last <= first) last = first + 1;
  const axisStart = MARGIN_X;
  const axisEnd = width - MARGIN_X;
  const xOf = (t: number) => axisStart + ((t - first) / (last - first)) * (axisEnd - axisStart);

  // Arcs: longer spans get higher arcs, and arcs over the same stretch are stacked.
  const known = new Set(sorted.map((d) => d.id));
  const xById = new Map(sorted.map((d, i) => [d.id, xOf(positions[i]!)]));
  const kept = relations.filter((r) => r.from !== r.to && known.has(r.from) && known.has(r.to));
  const unique = [...new Map(kept.map((r) => [`${r.from}>${r.to}>${r.type}`, r])).values()];
  const spans = unique
    .map((r) => {
      const a = xById.get(r.from)!;
      const b = xById.get(r.to)!;
      return { r, a, b, lo: Math.min(a, b), hi: Math.max(a, b) };
    })
    .sort((p, q) => p.hi - p.lo - (q.hi - q.lo));
  const levels: { lo: number; hi: number; level: number }[] = [];
  const arcs = spans.map((s) => {
    let level = 0;
    while (levels.some((l) => l.level === level && l.lo < s.hi + 1 && s.lo < l.hi + 1)) level++;
    levels.push({ lo: s.lo, hi: s.hi, level });
    return { ...s, height: ARC_BASE + level * ARC_STEP };
  });
  const maxArc = arcs.reduce((m, a) => Math.max(m, a.height), 0);
  const axisY = 16 + (arcs.length ? maxArc + 14 : 0);

  // Labels: two lines (name, date) under the point, in the first lane where they fit.
  const laneEnds: number[] = [];
  const placed: PlacedDocument[] = sorted.map((d, i) => {
    const x = xOf(positions[i]!);
    const half = (Math.max(d.label.length, 10) * charWidth) / 2;
    const labelX = Math.min(Math.max(x, axisStart - MARGIN_X + half + 2), width - half - 2);
    let lane = laneEnds.findIndex((end) => end + LABEL_GAP <= labelX - half);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(0);
    }
    laneEnds[lane] = labelX + half;
    return { ...d, x, labelX, labelY: axisY + 42 + lane * LANE_HEIGHT, lane };
  });
  const height = axisY + 42 + Math.max(laneEnds.length, 1) * LANE_HEIGHT;

  const step = tickStep(last - first);
  const ticks: { year: number; x: number }[] = [];
  for (let year = first; year <= last; year++) {
    if ((year - first) % step === 0 || year === last) ticks.push({ year, x: xOf(year) });
  }

  const placedRelations: PlacedRelation[] = arcs.map(({ r, a, b, height: h }) => {
    const y = axisY - 6;
    const mid = (a + b) / 2;
    // A quadratic curve peaks at half its control height.
    const d = `M${round(a)} ${round(y)} Q${round(mid)} ${round(y - 2 * h)} ${round(b)} ${round(y)}`;
    return { ...r, d, labelX: round(mid), labelY: round(y - h - 4) };
  });

  return { width, height: round(height), axisY: round(axisY), axisStart, axisEnd, ticks, documents: placed, relations: placedRelations };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Timeline input for a set of corpus documents: the documents and the lineage edges
 * between them. An edge whose source is older than its target is dropped: a document
 * cannot replace, continue or carry out one issued after it, so such an edge can only
 * be a misread sentence (inferred edges are typed from the text around a citation).
 */
export function timelineFor(
  graph: Pick<Graph, 'nodes' | 'edges'>,
  ids: Iterable<string>,
  label: (node: GraphNode) => string = chartLabel,
): { documents: TimelineDocument[]; relations: TimelineRelation[] } {
  const wanted = new Set(ids);
  const chosen = graph.nodes.filter((n) => wanted.has(n.id));
  const issued = new Map(chosen.map((n) => [n.id, n.issued]));
  const documents = chosen.map((n) => ({ id: n.id, label: label(n), issued: n.issued }));
  const relations: TimelineRelation[] = [];
  for (const e of graph.edges) {
    const from = issued.get(e.from);
    const to = issued.get(e.to);
    if (from === undefined || to === undefined || !isLineageRelation(e.type)) continue;
    if (yearPosition(from) < yearPosition(to)) continue;
    relations.push({ from: e.from, to: e.to, type: e.type, inferred: e.origin !== 'explicit' });
  }
  return { documents, relations };
}
