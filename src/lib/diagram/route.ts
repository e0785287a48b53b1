/**
 * Edge routing for the neighbourhood diagram: lines that never pass through a box and
 * arrowheads that never share a point.
 *
 * Boxes sit in lanes (rows) with a free channel between two lanes and one above and
 * below all of them. An edge is either a straight line to a box in the same lane with
 * nothing between, or an orthogonal route: out of the top or bottom of its box, along a
 * channel, into the top or bottom of the other box. Of the channels and the places along
 * a side where a line may end, the shortest route that touches no other box is taken (the
 * one touching fewest when none is free). Two ends never share a place on a side, so two
 * arrowheads never lie on each other, and edges sharing a channel get their own track.
 */
export interface Box {
  id: string;
  x: number;
  y: number;
  lane: number;
}

export interface RouteEdge {
  from: string;
  to: string;
}

export interface RouteOptions {
  nodeWidth: number;
  nodeHeight: number;
  gapY: number;
  /** Lane index → y of its top; lanes are consecutive integers from minLane. */
  laneTop(lane: number): number;
  minLane: number;
  maxLane: number;
}

type Point = [number, number];
type Side = 'top' | 'bottom' | 'left' | 'right';

interface Plan {
  kind: 'straight' | 'channel' | 'jog';
  /** Channel k runs above lane minLane + k (k = lanes count: below the last lane). */
  channel: number;
  /** A jog: the channel next to the target, reached down (or up) a free gutter at x = gutter. */
  channel2?: number;
  gutter?: number;
  fromSide: Side;
  toSide: Side;
}

/** Clearance kept between a line and a box it does not belong to. */
const CLEAR = 3;
/** Ends on the top or bottom of a box stay this far from its corners. */
const PORT_MARGIN = 14;
/** Distance between two tracks of one channel. */
const TRACK = 4;

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** True when the axis-parallel segment p–q passes through box b (grown by CLEAR). */
function segmentHitsBox(p: Point, q: Point, b: Box, o: RouteOptions): boolean {
  // Plain comparisons, no temporary arrays: called millions of times in a 10,000-document build.
  const minX = p[0] < q[0] ? p[0] : q[0];
  const maxX = p[0] < q[0] ? q[0] : p[0];
  const minY = p[1] < q[1] ? p[1] : q[1];
  const maxY = p[1] < q[1] ? q[1] : p[1];
  return maxX > b.x - CLEAR && minX < b.x + o.nodeWidth + CLEAR && maxY > b.y - CLEAR && minY < b.y + o.nodeHeight + CLEAR;
}

/** The boxes (bit i: boxes[i]) the axis-parallel segment p–q passes through; at most 31 boxes. */
function hitMask(p: Point, q: Point, boxes: readonly Box[], o: RouteOptions): number {
  let mask = 0;
  for (let i = 0; i < boxes.length; i++) if (segmentHitsBox(p, q, boxes[i]!, o)) mask |= 1 << i;
  return mask;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

/**
 * Segments of a plan's polyline that depend only on its start (the first ones) and only on
 * its end (the last ones); the rest depend on both. routeEdges tests those once per start
 * and once per end instead of once per pair.
 */
function segmentSplit(kind: Plan['kind']): { fromOnly: number; toOnly: number } {
  // channel: up/down from a, along the channel, into b; jog: from a, to the gutter, down it
  // (fixed by the plan), along the second channel, into b.
  return kind === 'channel' ? { fromOnly: 1, toOnly: 1 } : kind === 'jog' ? { fromOnly: 3, toOnly: 2 } : { fromOnly: 0, toOnly: 0 };
}

/** How many boxes other than the edge's own two a polyline passes through. */
export function collisions(points: readonly Point[], boxes: readonly Box[], own: readonly string[], o: RouteOptions): number {
  let hits = 0;
  for (const b of boxes) {
    if (own.includes(b.id)) continue;
    for (let i = 0; i + 1 < points.length; i++) {
      if (segmentHitsBox(points[i]!, points[i + 1]!, b, o)) {
        hits++;
        break;
      }
    }
  }
  return hits;
}

function channelY(k: number, o: RouteOptions): number {
  const lane = o.minLane + k;
  // Above lane `lane`: half a gap above its top (below the last lane: half a gap below it).
  return lane <= o.maxLane ? o.laneTop(lane) - o.gapY / 2 : o.laneTop(o.maxLane) + o.nodeHeight + o.gapY / 2;
}

function polyline(plan: Plan, a: Box, b: Box, o: RouteOptions, portA: number, portB: number, track: number): Point[] {
  if (plan.kind === 'straight') {
    const leftToRight = a.x < b.x;
    return [
      [leftToRight ? a.x + o.nodeWidth : a.x, a.y + portA],
      [leftToRight ? b.x : b.x + o.nodeWidth, b.y + portB],
    ];
  }
  const y = channelY(plan.channel, o) + track;
  const ax = a.x + portA;
  const bx = b.x + portB;
  const ay = plan.fromSide === 'top' ? a.y : a.y + o.nodeHeight;
  const by = plan.toSide === 'top' ? b.y : b.y + o.nodeHeight;
  if (plan.kind === 'jog') {
    const y2 = channelY(plan.channel2!, o) + track;
    return [
      [ax, ay],
      [ax, y],
      [plan.gutter!, y],
      [plan.gutter!, y2],
      [bx, y2],
      [bx, by],
    ];
  }
  return [
    [ax, ay],
    [ax, y],
    [bx, y],
    [bx, by],
  ];
}

function length(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < points.length; i++) sum += Math.abs(points[i]![0] - points[i + 1]![0]) + Math.abs(points[i]![1] - points[i + 1]![1]);
  return sum;
}

/** Candidate plans for an edge, cheapest first by length, with their polylines through box centres. */
function candidates(a: Box, b: Box, o: RouteOptions): Plan[] {
  const plans: Plan[] = [];
  if (a.lane === b.lane && Math.abs(a.x - b.x) >= o.nodeWidth) {
    const leftToRight = a.x < b.x;
    plans.push({ kind: 'straight', channel: -1, fromSide: leftToRight ? 'right' : 'left', toSide: leftToRight ? 'left' : 'right' });
  }
  for (let k = 0; k <= o.maxLane - o.minLane + 1; k++) {
    const lane = o.minLane + k; // the channel lies just above this lane
    const fromSide: Side = lane <= a.lane ? 'top' : 'bottom';
    const toSide: Side = lane <= b.lane ? 'top' : 'bottom';
    plans.push({ kind: 'channel', channel: k, fromSide, toSide });
  }
  const mid = (s: Side) => (s === 'left' || s === 'right' ? o.nodeHeight / 2 : o.nodeWidth / 2);
  return plans
    .map((p) => ({ p, len: length(polyline(p, a, b, o, mid(p.fromSide), mid(p.toSide), 0)) }))
    .sort((x, y) => x.len - y.len)
    .map((x) => x.p);
}

/**
 * Routes for boxes two or more lanes apart whose every straight drop is blocked: along the
 * channel next to the source to a free gutter beside the boxes in between, down (or up) it
 * to the channel next to the target, then in.
 */
function jogs(a: Box, b: Box, boxes: readonly Box[], o: RouteOptions): Plan[] {
  if (Math.abs(a.lane - b.lane) < 2) return [];
  const down = b.lane > a.lane;
  const channel = (down ? a.lane + 1 : a.lane) - o.minLane;
  const channel2 = (down ? b.lane : b.lane + 1) - o.minLane;
  const between = boxes.filter((x) => (down ? x.lane > a.lane && x.lane < b.lane : x.lane < a.lane && x.lane > b.lane));
  const gutters = new Set<number>();
  for (const x of between) {
    gutters.add(x.x - CLEAR - 4);
    gutters.add(x.x + o.nodeWidth + CLEAR + 4);
  }
  const mid = (a.x + b.x + o.nodeWidth) / 2;
  return [...gutters]
    .sort((p, q) => Math.abs(p - mid) - Math.abs(q - mid))
    .map((gutter) => ({ kind: 'jog' as const, channel, channel2, gutter, fromSide: down ? ('bottom' as const) : ('top' as const), toSide: down ? ('top' as const) : ('bottom' as const) }));
}

/** Offsets of possible ends along a side of `span` px, the middle first, then outwards. */
function portGrid(span: number, step: number, margin: number): number[] {
  const out = [span / 2];
  for (let d = step; span / 2 - d >= margin; d += step) out.push(span / 2 - d, span / 2 + d);
  return out;
}

/**
 * `scoring: 'whole'` tests every candidate polyline against every box (the plain rule, kept
 * for the test that shows the bit-set scoring picks the same routes).
 */
export function routeEdges(boxes: readonly Box[], edges: readonly RouteEdge[], o: RouteOptions, scoring: 'bitsets' | 'whole' = 'bitsets'): string[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const sideGrid = portGrid(o.nodeHeight, 9, 8);
  const topGrid = portGrid(o.nodeWidth, 16, PORT_MARGIN);
  const grid = (s: Side) => (s === 'left' || s === 'right' ? sideGrid : topGrid);
  /** Ends already taken on each side of each box: a new end keeps its distance. */
  const used = new Map<string, number[]>();
  const free = (box: string, side: Side, at: number) => (used.get(`${box}:${side}`) ?? []).every((u) => Math.abs(u - at) >= 6);
  const take = (box: string, side: Side, at: number) => used.set(`${box}:${side}`, [...(used.get(`${box}:${side}`) ?? []), at]);

  const routes: Array<{ plan: Plan; from: number; to: number }> = [];
  edges.forEach((e) => {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    let best: { plan: Plan; from: number; to: number; hits: number; len: number } | null = null;
    // The free ends of a side of a, or of b, in the grid's order: no end is taken while one
    // edge is routed, so they are found once per edge and side.
    const freeEnds = new Map<string, number[]>();
    const ends = (box: string, side: Side): number[] => {
      const key = `${box}:${side}`;
      let list = freeEnds.get(key);
      if (!list) freeEnds.set(key, (list = grid(side).filter((at) => free(box, side, at))));
      return list;
    };
    // Every (plan, start, end) is scored by the boxes it crosses, then its length. The boxes
    // crossed are counted as bit sets: segments fixed by the start or by the end are tested
    // once, and a start or end that already crosses more boxes than the best route so far
    // is skipped (it cannot win) — the same choice as testing every polyline whole.
    const others = boxes.filter((x) => x.id !== a.id && x.id !== b.id);
    const masks = scoring === 'bitsets' && others.length <= 31;
    for (const plan of [...candidates(a, b, o), ...jogs(a, b, boxes, o)]) {
      const { fromOnly, toOnly } = segmentSplit(plan.kind);
      const toMasks = new Map<number, number>();
      const toPorts = ends(b.id, plan.toSide);
      for (const from of ends(a.id, plan.fromSide)) {
        let fromMask = -1;
        for (const to of toPorts) {
          const points = polyline(plan, a, b, o, from, to, 0);
          let hits: number;
          if (masks) {
            const last = points.length - 1;
            if (fromMask < 0) {
              fromMask = 0;
              for (let i = 0; i < fromOnly; i++) fromMask |= hitMask(points[i]!, points[i + 1]!, others, o);
              if (best && bitCount(fromMask) > best.hits) break;
            }
            let toMask = toMasks.get(to);
            if (toMask === undefined) {
              toMask = 0;
              for (let i = last - toOnly; i < last; i++) toMask |= hitMask(points[i]!, points[i + 1]!, others, o);
              toMasks.set(to, toMask);
            }
            let mask = fromMask | toMask;
            if (best && bitCount(mask) > best.hits) continue;
            for (let i = fromOnly; i < last - toOnly; i++) mask |= hitMask(points[i]!, points[i + 1]!, others, o);
            hits = bitCount(mask);
          } else {
            hits = collisions(points, boxes, [a.id, b.id], o);
          }
          const len = length(points);
          if (!best || hits < best.hits || (hits === best.hits && len < best.len)) best = { plan, from, to, hits, len };
          if (hits === 0) break;
        }
        if (best?.hits === 0) break;
      }
      if (best?.hits === 0) break;
    }
    // A box with every end taken (more edges than places on its sides) shares the middle.
    const chosen = best ?? { plan: candidates(a, b, o)[0]!, from: o.nodeWidth / 2, to: o.nodeWidth / 2 };
    take(a.id, chosen.plan.fromSide, chosen.from);
    take(b.id, chosen.plan.toSide, chosen.to);
    routes.push(chosen);
  });

  // Tracks within a channel, so that two runs along it do not lie on each other.
  const inChannel = new Map<number, number[]>();
  routes.forEach((r, i) => {
    if (r.plan.kind === 'channel') inChannel.set(r.plan.channel, [...(inChannel.get(r.plan.channel) ?? []), i]);
  });
  const tracks = new Array<number>(edges.length).fill(0);
  for (const list of inChannel.values()) {
    const room = Math.max(0, o.gapY / 2 - CLEAR - 1);
    list.forEach((edge, i) => {
      tracks[edge] = Math.max(-room, Math.min(room, (i - (list.length - 1) / 2) * TRACK));
    });
  }

  return edges.map((e, i) => {
    const r = routes[i]!;
    const points = polyline(r.plan, byId.get(e.from)!, byId.get(e.to)!, o, r.from, r.to, tracks[i]!);
    return `M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join('L')}`;
  });
}

/** The points of a path written by routeEdges ("M1 2L3 4…"), for tests. */
export function pathPoints(d: string): Point[] {
  return d
    .slice(1)
    .split('L')
    .map((pair) => pair.split(' ').map(Number) as Point);
}
