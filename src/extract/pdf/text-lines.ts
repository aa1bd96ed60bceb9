/**
 * Glyphs → text: lines of upright glyphs (top to bottom, left to right), stacked glyphs of a
 * vertical writing mode read column by column (right to left, top to bottom).
 */
import type { Glyph } from './page-content.ts';

export interface TextLine {
  glyphs: Glyph[];
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

const centreY = (g: Glyph) => (g.y0 + g.y1) / 2;
const centreX = (g: Glyph) => (g.x0 + g.x1) / 2;

/** Join glyphs of one line, with a space where the gap is wider than a third of the font size. */
function joinLine(glyphs: Glyph[]): string {
  let text = '';
  let prev: Glyph | undefined;
  for (const g of glyphs) {
    if (prev && g.x0 - prev.x1 > 0.3 * Math.min(prev.size, g.size)) text += ' ';
    text += g.ch;
    prev = g;
  }
  return text;
}

interface OpenLine {
  glyphs: Glyph[];
  top: number;
  bottom: number;
  minSize: number;
}

/** Upright (horizontal) glyphs grouped into lines. */
export function lines(glyphs: Glyph[]): TextLine[] {
  const sorted = glyphs.filter((g) => !g.vertical).sort((a, b) => centreY(a) - centreY(b) || a.x0 - b.x0);
  const groups: OpenLine[] = [];
  for (const g of sorted) {
    // A glyph joins a line whose vertical middle it shares (sizes differ within a line). Glyphs come
    // sorted by their middle, so only the most recent lines can match.
    const mid = centreY(g);
    let line: OpenLine | undefined;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 4; i--) {
      const l = groups[i]!;
      if (mid >= l.top && mid <= l.bottom && Math.abs(mid - (l.top + l.bottom) / 2) <= 0.5 * Math.min(g.size, l.minSize)) {
        line = l;
        break;
      }
    }
    if (line) {
      line.glyphs.push(g);
      line.top = Math.min(line.top, g.y0);
      line.bottom = Math.max(line.bottom, g.y1);
      line.minSize = Math.min(line.minSize, g.size);
    } else groups.push({ glyphs: [g], top: g.y0, bottom: g.y1, minSize: g.size });
  }
  return groups
    .map(({ glyphs: l }) => {
      l.sort((a, b) => a.x0 - b.x0);
      return {
        glyphs: l,
        text: joinLine(l),
        x0: Math.min(...l.map((g) => g.x0)),
        x1: Math.max(...l.map((g) => g.x1)),
        y0: Math.min(...l.map((g) => g.y0)),
        y1: Math.max(...l.map((g) => g.y1)),
        size: Math.max(...l.map((g) => g.size)),
      };
    })
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** Glyphs of a vertical writing mode: columns right to left, each top to bottom. */
function verticalText(glyphs: Glyph[]): string {
  const columns: Glyph[][] = [];
  for (const g of [...glyphs].sort((a, b) => centreX(b) - centreX(a))) {
    const col = columns.find((c) => Math.abs(centreX(c[0]!) - centreX(g)) <= 0.5 * g.size);
    if (col) col.push(g);
    else columns.push([g]);
  }
  return columns.map((c) => c.sort((a, b) => a.y0 - b.y0).map((g) => g.ch).join('')).join('\n');
}

/** The text of a cell: its lines joined with '\n'. */
export function cellText(glyphs: Glyph[]): string {
  const horizontal = lines(glyphs).map((l) => l.text);
  const vertical = glyphs.filter((g) => g.vertical);
  if (vertical.length > 0) horizontal.push(verticalText(vertical));
  return horizontal.join('\n');
}
