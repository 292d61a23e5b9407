/**
 * Min-cost flow on the matching network: source → each mentee (1) → candidate mentors (1,
 * cost −(big + score)) → sink (the mentor's open places). With `big` larger than any total of
 * scores, the cheapest flow is the assignment that matches the most mentees and, among those,
 * has the highest total score.
 *
 * Successive shortest paths: Dijkstra on reduced costs (potentials keep them non-negative),
 * then as many augmentations as fit along zero-reduced-cost arcs before the next Dijkstra
 * (the primal-dual method; every such path is a shortest one).
 */
export interface FlowNetwork {
  nodes: number;
  source: number;
  sink: number;
  head: Int32Array;
  next: Int32Array;
  to: Int32Array;
  cap: Int32Array;
  cost: Float64Array;
  arcs: number;
  /** Kept valid throughout: cost + potential[from] − potential[to] ≥ 0 on every residual arc. */
  potential: Float64Array;
}

export function createNetwork(
  nodes: number,
  maxArcs: number,
  source: number,
  sink: number,
): FlowNetwork {
  return {
    nodes,
    source,
    sink,
    head: new Int32Array(nodes).fill(-1),
    next: new Int32Array(maxArcs * 2),
    to: new Int32Array(maxArcs * 2),
    cap: new Int32Array(maxArcs * 2),
    cost: new Float64Array(maxArcs * 2),
    arcs: 0,
    potential: new Float64Array(nodes),
  };
}

/** Adds an arc and its residual twin (index ^ 1); returns the arc's index. */
export function addArc(
  g: FlowNetwork,
  from: number,
  to: number,
  cap: number,
  cost: number,
): number {
  const a = g.arcs;
  for (const [arc, u, v, c, k] of [
    [a, from, to, cap, cost],
    [a + 1, to, from, 0, -cost],
  ] as const) {
    g.to[arc] = v;
    g.cap[arc] = c;
    g.cost[arc] = k;
    g.next[arc] = g.head[u]!;
    g.head[u] = arc;
  }
  g.arcs += 2;
  return a;
}

const reduced = (g: FlowNetwork, a: number, from: number) =>
  g.cost[a]! + g.potential[from]! - g.potential[g.to[a]!]!;

/**
 * Shortest distances from the source on reduced costs; stops once the sink is settled when
 * `stopAtSink`. Unreached nodes stay at Infinity.
 */
export function distances(g: FlowNetwork, stopAtSink: boolean): Float64Array {
  const dist = new Float64Array(g.nodes).fill(Number.POSITIVE_INFINITY);
  const heap = new MinHeap(g.nodes);
  dist[g.source] = 0;
  heap.push(0, g.source);
  while (heap.size > 0) {
    const [d, u] = heap.pop();
    if (d > dist[u]!) continue;
    if (stopAtSink && u === g.sink) break;
    for (let a = g.head[u]!; a !== -1; a = g.next[a]!) {
      if (g.cap[a]! <= 0) continue;
      const v = g.to[a]!;
      const nd = d + reduced(g, a, u);
      if (nd < dist[v]!) {
        dist[v] = nd;
        heap.push(nd, v);
      }
    }
  }
  return dist;
}

/** Augments one unit at a time along zero-reduced-cost paths until none is found. */
function augmentAdmissible(
  g: FlowNetwork,
  current: Int32Array,
  dead: Uint8Array,
  seen: Int32Array,
  parent: Int32Array,
  stamp: number,
): number {
  const stack: number[] = [g.source];
  seen[g.source] = stamp;
  while (stack.length > 0) {
    const u = stack[stack.length - 1]!;
    if (u === g.sink) break;
    let a = current[u]!;
    for (; a !== -1; a = g.next[a]!) {
      const v = g.to[a]!;
      if (g.cap[a]! > 0 && !dead[v] && seen[v] !== stamp && reduced(g, a, u) === 0) break;
    }
    current[u] = a;
    if (a === -1) {
      dead[u] = 1;
      stack.pop();
    } else {
      const v = g.to[a]!;
      seen[v] = stamp;
      parent[v] = a;
      stack.push(v);
    }
  }
  if (stack.length === 0) return 0;
  for (let v = g.sink; v !== g.source; v = g.to[parent[v]! ^ 1]!) {
    g.cap[parent[v]!]!--;
    g.cap[parent[v]! ^ 1]!++;
  }
  return 1;
}

/** Runs successive shortest paths to the cheapest flow; returns the number of units sent. */
export function minCostFlow(g: FlowNetwork): number {
  let sent = 0;
  const current = new Int32Array(g.nodes);
  const dead = new Uint8Array(g.nodes);
  const seen = new Int32Array(g.nodes);
  const parent = new Int32Array(g.nodes);
  let stamp = 0;
  for (;;) {
    const dist = distances(g, true);
    const toSink = dist[g.sink]!;
    if (toSink === Number.POSITIVE_INFINITY) return sent;
    for (let v = 0; v < g.nodes; v++) g.potential[v]! += Math.min(dist[v]!, toSink);
    // A path that costs nothing or more would not improve the assignment.
    if (g.potential[g.sink]! - g.potential[g.source]! >= 0) return sent;
    current.set(g.head);
    dead.fill(0);
    while (augmentAdmissible(g, current, dead, seen, parent, ++stamp)) sent++;
  }
}

/** A binary heap of (key, node), smallest key first; stale entries are skipped by the caller. */
class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.items = new Int32Array(Math.max(16, capacity));
  }
  push(key: number, item: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (this.keys[up]! <= key) break;
      this.keys[i] = this.keys[up]!;
      this.items[i] = this.items[up]!;
      i = up;
    }
    this.keys[i] = key;
    this.items[i] = item;
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.items[0]!];
    const key = this.keys[--this.size]!;
    const item = this.items[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[i] = this.keys[child]!;
      this.items[i] = this.items[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.items[i] = item;
    return top;
  }
  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const items = new Int32Array(this.items.length * 2);
    keys.set(this.keys);
    items.set(this.items);
    this.keys = keys;
    this.items = items;
  }
}
