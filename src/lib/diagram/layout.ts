/**
 * Lays out a neighbourhood diagram: x is the issue date (a time axis), documents that
 * would overlap go to other lanes, the centre document stays in the middle lane.
 * Pure geometry; svg.ts turns the result into markup.
 */
import type { RelationType } from '../schema/document.ts';
import { routeEdges } from './route.ts';

export interface DiagramNodeInput {
  id: string;
  /** ISO date, possibly partial ("2021", "2021-07"). */
  date: string;
  hop: number;
  /** Up to three short lines: type, number, date. */
  lines: string[];
  /** Full name for the tooltip and the accessible name. */
  title: string;
  href: string;
  /** Extra CSS classes ("dg-superseded"). */
  classes?: string[];
}

export interface DiagramEdgeInput {
  from: string;
  to: string;
  type: RelationType;
  inferred: boolean;
}

export interface LayoutOptions {
  width: number;
  nodeWidth: number;
  nodeHeight: number;
  gapX: number;
  gapY: number;
  margin: number;
  axisHeight: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  width: 760,
  nodeWidth: 136,
  nodeHeight: 54,
  gapX: 10,
  // Room for a channel of edges between two lanes (route.ts).
  gapY: 24,
  margin: 12,
  axisHeight: 26,
};

export interface PlacedNode extends DiagramNodeInput {
  x: number;
  y: number;
  lane: number;
  center: boolean;
}

export interface PlacedEdge extends DiagramEdgeInput {
  /** SVG path data, from the citing document to the cited one. */
  d: string;
}

export interface Tick {
  x: number;
  label: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  ticks: Tick[];
  options: LayoutOptions;
}

/** Fractional year of an ISO (partial) date; partial dates sit in the middle of their period. */
export function dateValue(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return 0;
  const year = Number(m[1]);
  if (!m[2]) return year + 0.5;
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : 15;
  return year + (month - 1) / 12 + (day - 1) / 366;
}

function laneOrder(i: number): number {
  // 0, -1, 1, -2, 2 … so that lanes grow around the centre.
  return i === 0 ? 0 : i % 2 === 1 ? -(i + 1) / 2 : i / 2;
}

export function layoutDiagram(
  center: string,
  nodes: DiagramNodeInput[],
  edges: DiagramEdgeInput[],
  opts: Partial<LayoutOptions> = {},
): DiagramLayout {
  const o: LayoutOptions = { ...DEFAULT_LAYOUT, ...opts };
  const values = nodes.map((n) => dateValue(n.date));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = o.width - 2 * o.margin - o.nodeWidth;
  const xs = new Map<string, number>();
  if (max - min < 1e-9) {
    // All on one date: spread evenly in the given order.
    const sorted = [...nodes];
    sorted.forEach((n, i) => xs.set(n.id, o.margin + (sorted.length > 1 ? (span * i) / (sorted.length - 1) : span / 2)));
  } else {
    nodes.forEach((n, i) => xs.set(n.id, o.margin + ((values[i]! - min) / (max - min)) * span));
  }

  // Centre first, then nearer documents, then by date: they get the lanes closest to the middle.
  const order = [...nodes].sort(
    (a, b) => (a.id === center ? -1 : b.id === center ? 1 : 0) || a.hop - b.hop || dateValue(a.date) - dateValue(b.date) || a.id.localeCompare(b.id),
  );
  const lanes = new Map<number, number[]>();
  const laneOf = new Map<string, number>();
  for (const n of order) {
    const x = xs.get(n.id)!;
    for (let i = 0; ; i++) {
      const lane = laneOrder(i);
      const taken = lanes.get(lane) ?? [];
      if (taken.every((t) => Math.abs(t - x) >= o.nodeWidth + o.gapX)) {
        taken.push(x);
        lanes.set(lane, taken);
        laneOf.set(n.id, lane);
        break;
      }
    }
  }
  const laneValues = [...laneOf.values()];
  const minLane = Math.min(...laneValues);
  const maxLane = Math.max(...laneValues);
  const top = o.axisHeight + o.margin;
  const laneTop = (lane: number) => round(top + (lane - minLane) * (o.nodeHeight + o.gapY));
  const placed: PlacedNode[] = nodes.map((n) => {
    const lane = laneOf.get(n.id)!;
    return { ...n, x: round(xs.get(n.id)!), y: laneTop(lane), lane, center: n.id === center };
  });
  // The last lane has a channel below it too.
  const height = round(top + (maxLane - minLane + 1) * (o.nodeHeight + o.gapY) + o.margin);

  const ids = new Set(placed.map((n) => n.id));
  const drawn = edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const paths = routeEdges(placed, drawn, { nodeWidth: o.nodeWidth, nodeHeight: o.nodeHeight, gapY: o.gapY, laneTop, minLane, maxLane });
  const placedEdges: PlacedEdge[] = drawn.map((e, i) => ({ ...e, d: paths[i]! }));

  return { width: o.width, height, nodes: placed, edges: placedEdges, ticks: yearTicks(min, max, o, span), options: o };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function yearTicks(min: number, max: number, o: LayoutOptions, span: number): Tick[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const first = Math.ceil(min);
  const last = Math.floor(max);
  if (max - min < 1e-9) return [{ x: round(o.margin + span / 2 + o.nodeWidth / 2), label: String(Math.floor(min)) }];
  const years = last - first + 1;
  const step = years <= 8 ? 1 : years <= 16 ? 2 : years <= 40 ? 5 : 10;
  const ticks: Tick[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) {
    ticks.push({ x: round(o.margin + ((y - min) / (max - min)) * span + o.nodeWidth / 2), label: String(y) });
  }
  return ticks;
}
