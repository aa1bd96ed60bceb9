/**
 * One page's content → its tables (ruled grids with cell texts) and its lines of running text, in
 * reading order. A table printed sideways (its text running down or up the page) is turned upright
 * before its grid is read.
 */
import type { Box } from './geometry.ts';
import type { Glyph, PageContent, Segment } from './page-content.ts';
import { findRuledTables, type GridCell, type RuledTable } from './ruled-tables.ts';
import { cellText, lines } from './text-lines.ts';
import { findTextTables } from './text-tables.ts';

export interface PdfCell extends GridCell {
  text: string;
  page: number;
}

export interface PdfTable extends Box {
  page: number;
  xs: number[];
  ys: number[];
  cells: PdfCell[];
  /** The baseline angle of its text on the page (0, 90, 180, 270); not 0: the table was turned
   * upright and its coordinates are those of the upright frame, not the page's. */
  angle: number;
  /** Read from ruling lines (false: rebuilt from text positions). */
  ruled: boolean;
}

export interface PdfLine extends Box {
  page: number;
  text: string;
  size: number;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  tables: PdfTable[];
  lines: PdfLine[];
}

type Point = [number, number];

/** The rotation that makes text with this baseline angle read left to right. */
function uprightFor(angle: number, width: number, height: number): (p: Point) => Point {
  switch (angle) {
    case 90:
      return ([x, y]) => [y, width - x];
    case 270:
      return ([x, y]) => [height - y, x];
    case 180:
      return ([x, y]) => [width - x, height - y];
    default:
      return (p) => p;
  }
}

function turnBox<T extends Box>(item: T, turn: (p: Point) => Point): T {
  const corners = [turn([item.x0, item.y0]), turn([item.x1, item.y1])];
  return {
    ...item,
    x0: Math.min(corners[0]![0], corners[1]![0]),
    x1: Math.max(corners[0]![0], corners[1]![0]),
    y0: Math.min(corners[0]![1], corners[1]![1]),
    y1: Math.max(corners[0]![1], corners[1]![1]),
  };
}

const inside = (g: Glyph, box: Box, tolerance = 1) => {
  const x = (g.x0 + g.x1) / 2;
  const y = (g.y0 + g.y1) / 2;
  return x >= box.x0 - tolerance && x <= box.x1 + tolerance && y >= box.y0 - tolerance && y <= box.y1 + tolerance;
};

function dominantAngle(glyphs: Glyph[]): number {
  const counts = new Map<number, number>();
  for (const g of glyphs) counts.set(g.angle, (counts.get(g.angle) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [angle, n] of counts) if (n > bestCount) [best, bestCount] = [angle, n];
  return best;
}

function fillCells(table: RuledTable, glyphs: Glyph[], page: number): PdfCell[] {
  const byCell = new Map<GridCell, Glyph[]>();
  for (const g of glyphs) {
    const x = (g.x0 + g.x1) / 2;
    const y = (g.y0 + g.y1) / 2;
    const cell = table.cells.find((c) => x >= c.x0 && x <= c.x1 && y >= c.y0 && y <= c.y1);
    if (cell) (byCell.get(cell) ?? byCell.set(cell, []).get(cell)!).push(g);
  }
  return table.cells.map((c) => ({ ...c, page, text: cellText(byCell.get(c) ?? []) }));
}

/** A table's own rulings: those within its box. */
function segmentsWithin(segments: Segment[], box: Box, tolerance = 3): Segment[] {
  return segments.filter((s) => s.x0 >= box.x0 - tolerance && s.x1 <= box.x1 + tolerance && s.y0 >= box.y0 - tolerance && s.y1 <= box.y1 + tolerance);
}

export function layoutPage(content: PageContent): PageLayout {
  const { page, width, height } = content;
  const tables: PdfTable[] = [];
  const used = new Set<Glyph>();
  for (const found of findRuledTables(content.segments)) {
    const glyphs = content.glyphs.filter((g) => !used.has(g) && inside(g, found));
    glyphs.forEach((g) => used.add(g));
    const angle = dominantAngle(glyphs);
    if (angle === 0) {
      tables.push({ page, xs: found.xs, ys: found.ys, x0: found.x0, x1: found.x1, y0: found.y0, y1: found.y1, cells: fillCells(found, glyphs, page), angle: 0, ruled: true });
      continue;
    }
    const turn = uprightFor(angle, width, height);
    const turnedSegments = segmentsWithin(content.segments, found).map((s) => turnBox(s, turn));
    const turnedGlyphs = glyphs.map((g) => ({ ...turnBox(g, turn), angle: 0 }));
    const upright = findRuledTables(turnedSegments).sort((a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0))[0];
    if (!upright) continue;
    // Read and placed in its own upright frame: the frame the lines of its turned text are placed in,
    // so that reading order (by y0) puts a caption above the table before it and a note below after it.
    tables.push({ page, xs: upright.xs, ys: upright.ys, x0: upright.x0, x1: upright.x1, y0: upright.y0, y1: upright.y1, cells: fillCells(upright, turnedGlyphs, page), angle, ruled: true });
  }

  // Text that no ruled table took may still be a table drawn without lines (or with horizontal
  // rules only): rebuild tables from text positions where the text lines up as one.
  const fallback = findTextTables(content.glyphs.filter((g) => !used.has(g)), page);
  tables.push(...fallback.tables);
  fallback.used.forEach((g) => used.add(g));
  tables.sort((a, b) => a.y0 - b.y0);

  const rest = content.glyphs.filter((g) => !used.has(g));
  const textLines: PdfLine[] = [];
  for (const angle of new Set(rest.map((g) => g.angle))) {
    const turn = uprightFor(angle, width, height);
    const group = rest.filter((g) => g.angle === angle);
    const turned = angle === 0 ? group : group.map((g) => ({ ...turnBox(g, turn), angle: 0 }));
    for (const l of lines(turned)) textLines.push({ page, text: l.text, size: l.size, x0: l.x0, x1: l.x1, y0: l.y0, y1: l.y1 });
    const vertical = turned.filter((g) => g.vertical);
    if (vertical.length > 0) {
      const box = vertical.reduce((b, g) => ({ x0: Math.min(b.x0, g.x0), x1: Math.max(b.x1, g.x1), y0: Math.min(b.y0, g.y0), y1: Math.max(b.y1, g.y1) }), { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity });
      textLines.push({ page, text: cellText(vertical), size: vertical[0]!.size, ...box });
    }
  }
  return { page, width, height, tables, lines: textLines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0) };
}
