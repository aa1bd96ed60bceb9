/**
 * Ruling segments → table grids. Segments that touch form a table; the distinct x of its vertical
 * rulings and y of its horizontal rulings form a grid; a grid edge with no ruling drawn on it is
 * inside a merged cell. Cells come out as rectangles of grid slots with row/column spans.
 */
import type { Box } from './geometry.ts';
import type { Segment } from './page-content.ts';

/** Rulings closer than this are one line (double borders, anti-aliasing offsets). */
const SNAP = 2;
/** A ruling ends this close to another and still meets it. */
const TOUCH = 3;
/** Share of a grid edge a ruling must cover to count as drawn there. */
const COVER = 0.6;

export interface GridCell extends Box {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface RuledTable extends Box {
  /** Grid lines: xs.length - 1 columns, ys.length - 1 rows. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

interface Line {
  at: number;
  from: number;
  to: number;
}

/** Collinear segments joined: one line per distinct position and unbroken stretch. */
function mergeLines(lines: Line[]): Line[] {
  const byPosition: Line[][] = [];
  for (const line of [...lines].sort((a, b) => a.at - b.at)) {
    const group = byPosition.at(-1);
    if (group && line.at - group[0]!.at <= SNAP) group.push(line);
    else byPosition.push([line]);
  }
  const out: Line[] = [];
  for (const group of byPosition) {
    const at = group.reduce((sum, l) => sum + l.at, 0) / group.length;
    let current: Line | null = null;
    for (const line of group.sort((a, b) => a.from - b.from)) {
      if (current && line.from <= current.to + TOUCH) current.to = Math.max(current.to, line.to);
      else {
        current = { at, from: line.from, to: line.to };
        out.push(current);
      }
    }
  }
  return out;
}

/** Positions within SNAP of each other become one (their mean). */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups.at(-1);
    if (g && v - g.at(-1)! <= SNAP) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

function covers(lines: Line[], at: number, from: number, to: number): boolean {
  const need = (to - from) * COVER;
  return lines.some((l) => Math.abs(l.at - at) <= SNAP + 0.5 && Math.min(l.to, to) - Math.max(l.from, from) >= need);
}

/**
 * Grid positions: the rulings' positions, plus the ends of the rulings that run across them where
 * no ruling closes the table. A table cut by a page break has its vertical rulings run past the
 * last horizontal one (no bottom border), and the fragment on the next page starts without a top
 * border; tables without side borders have horizontal rulings running past the outer verticals.
 */
function positions(across: Line[], along: Line[]): number[] {
  const ends = [Math.min(...along.map((l) => l.from)), Math.max(...along.map((l) => l.to))];
  return cluster([...across.map((l) => l.at), ...ends]);
}

function buildGrid(horizontals: Line[], verticals: Line[]): RuledTable | null {
  const xs = positions(verticals, horizontals);
  const ys = positions(horizontals, verticals);
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // rightOpen[r][c]: no ruling between slot (r,c) and (r,c+1); belowOpen likewise downwards.
  const rightOpen = (r: number, c: number) => !covers(verticals, xs[c + 1]!, ys[r]!, ys[r + 1]!);
  const belowOpen = (r: number, c: number) => !covers(horizontals, ys[r + 1]!, xs[c]!, xs[c + 1]!);
  const taken: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r]![c]) continue;
      let colSpan = 1;
      while (c + colSpan < cols && rightOpen(r, c + colSpan - 1) && !taken[r]![c + colSpan]) colSpan++;
      let rowSpan = 1;
      const openBelow = (rr: number) => {
        for (let k = c; k < c + colSpan; k++) if (!belowOpen(rr, k) || taken[rr + 1]?.[k]) return false;
        return true;
      };
      while (r + rowSpan < rows && openBelow(r + rowSpan - 1)) rowSpan++;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken[r + dr]![c + dc] = true;
      cells.push({ row: r, col: c, rowSpan, colSpan, x0: xs[c]!, x1: xs[c + colSpan]!, y0: ys[r]!, y1: ys[r + rowSpan]! });
    }
  }
  return { xs, ys, cells, x0: xs[0]!, x1: xs.at(-1)!, y0: ys[0]!, y1: ys.at(-1)! };
}

/** Tables on a page: groups of touching rulings, both ways. */
export function findRuledTables(segments: Segment[]): RuledTable[] {
  const horizontals = mergeLines(segments.filter((s) => s.y0 === s.y1).map((s) => ({ at: s.y0, from: s.x0, to: s.x1 })));
  const verticals = mergeLines(segments.filter((s) => s.x0 === s.x1 && s.y0 !== s.y1).map((s) => ({ at: s.x0, from: s.y0, to: s.y1 })));
  const all = [...horizontals.map((l) => ({ l, h: true })), ...verticals.map((l) => ({ l, h: false }))];
  const uf = new UnionFind(all.length);
  for (let i = 0; i < horizontals.length; i++) {
    const h = horizontals[i]!;
    for (let j = 0; j < verticals.length; j++) {
      const v = verticals[j]!;
      if (v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH) uf.union(i, horizontals.length + j);
    }
  }
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  all.forEach((item, i) => {
    const root = uf.find(i);
    const g = groups.get(root) ?? { h: [], v: [] };
    (item.h ? g.h : g.v).push(item.l);
    groups.set(root, g);
  });
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    // Tables drawn without an outer frame have a single inner ruling one way (a 2021 第二十条 block:
    // one vertical between label and value; a one-row fragment: one horizontal); the grid's outer
    // edges then come from where the rulings end.
    if (g.h.length < 1 || g.v.length < 1 || g.h.length + g.v.length < 3) continue;
    const table = buildGrid(g.h, g.v);
    if (table && table.x1 - table.x0 > 20 && table.y1 - table.y0 > 8) tables.push(table);
  }
  return tables.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
