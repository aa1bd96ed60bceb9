/**
 * Tables without ruling lines, rebuilt from text positions (used on pages where no ruled table is
 * found). The standard report tables are regular: labels on the left, numbers aligned under their
 * headers. So:
 *   - a line of text is cut into chunks where glyphs are far apart;
 *   - a table region is a run of lines that have several chunks (or are short lines among them),
 *     holding at least two lines with numbers;
 *   - columns are the x ranges the number-bearing lines occupy, separated by empty gutters; every
 *     chunk is placed in the column zones it overlaps (a header over several columns spans them);
 *   - below the header, a line without numbers (a wrapped label) joins the nearest line with numbers.
 * The result is a grid like a ruled table's; normalize reads it by its header words.
 */
import type { Glyph } from './page-content.ts';
import type { PdfCell, PdfTable } from './page-layout.ts';
import { lines as textLines, type TextLine } from './text-lines.ts';

interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  numeric: boolean;
}

interface Row {
  chunks: Chunk[];
  y0: number;
  y1: number;
  numeric: boolean;
}

/** Glyphs this many font sizes apart start a new chunk. */
const CHUNK_GAP = 0.9;
const NUMBER = /^[+\-−—－]?\d[\d,，.]*(?:元|万元|件|条|次|个|人)?$|^[-—－/／]$|^无$/u;

function chunksOf(line: TextLine): Chunk[] {
  const out: Chunk[] = [];
  let current: Glyph[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const text = current.map((g) => g.ch).join('');
    out.push({ text, x0: current[0]!.x0, x1: current.at(-1)!.x1, y0: Math.min(...current.map((g) => g.y0)), y1: Math.max(...current.map((g) => g.y1)), numeric: NUMBER.test(text.normalize('NFKC')) });
    current = [];
  };
  for (const g of line.glyphs) {
    const prev = current.at(-1);
    if (prev && g.x0 - prev.x1 > CHUNK_GAP * Math.min(prev.size, g.size)) flush();
    current.push(g);
  }
  flush();
  return out;
}

/** Runs of table-like rows: several chunks, or short lines among such rows, with numbers in them. */
function regions(rows: Row[], textWidth: number): Row[][] {
  const isTableLike = (r: Row) => r.chunks.length >= 2;
  const isShort = (r: Row) => r.chunks.length === 1 && r.chunks[0]!.x1 - r.chunks[0]!.x0 < textWidth * 0.45;
  const out: Row[][] = [];
  let current: Row[] = [];
  const close = () => {
    while (current.length > 0 && !isTableLike(current.at(-1)!)) current.pop();
    // Two lines with numbers, or one with many (the review/litigation table has a single data row).
    const numeric = current.filter((r) => r.numeric);
    if (numeric.length >= 2 || numeric.some((r) => r.chunks.filter((c) => c.numeric).length >= 5)) out.push(current);
    current = [];
  };
  // A long line of a wrapped label (numbers centred beside it on the next line) stands wholly left
  // of the numbers of the lines around it; a line of prose runs across them.
  const inLabelColumn = (i: number) => {
    const row = rows[i]!;
    const height = row.y1 - row.y0;
    const near = rows.filter((r, k) => k !== i && Math.abs(k - i) <= 2 && r.numeric && Math.abs(r.y0 - row.y0) <= 2 * height);
    return near.length > 0 && near.every((r) => row.chunks.every((c) => c.x1 < Math.min(...r.chunks.filter((x) => x.numeric).map((x) => x.x0))));
  };
  rows.forEach((row, i) => {
    if (isTableLike(row) || (isShort(row) && current.length > 0) || (isShort(row) && row.chunks[0]!.text.length <= 12) || inLabelColumn(i)) current.push(row);
    else close();
  });
  close();
  return out.map((region) => {
    // Leading short lines that are not followed closely by the table are prose (a heading).
    while (region.length > 1 && !isTableLike(region[0]!) && region[1]!.y0 - region[0]!.y1 > 3 * (region[0]!.y1 - region[0]!.y0)) region.shift();
    return region;
  });
}

interface Columns {
  /** Zone boundaries: the middles of the gutters, and the outer edges. */
  bounds: number[];
  /** Middle of the text each column holds in the rows with numbers. */
  centres: number[];
  /** Typical distance between neighbouring columns. */
  spacing: number;
}

/** Columns from the gutters between the chunks of the number-bearing rows. */
function findColumns(rows: Row[]): Columns {
  const spans = rows
    .filter((r) => r.numeric)
    .flatMap((r) => r.chunks)
    .map((c) => [c.x0, c.x1] as const)
    .sort((a, b) => a[0] - b[0]);
  const columns: [number, number][] = [];
  for (const [x0, x1] of spans) {
    const last = columns.at(-1);
    if (last && x0 <= last[1] + 1) last[1] = Math.max(last[1], x1);
    else columns.push([x0, x1]);
  }
  const all = rows.flatMap((r) => r.chunks);
  const bounds = [Math.min(...all.map((c) => c.x0), columns[0]?.[0] ?? 0)];
  for (let i = 1; i < columns.length; i++) bounds.push((columns[i - 1]![1] + columns[i]![0]) / 2);
  bounds.push(Math.max(...all.map((c) => c.x1), columns.at(-1)?.[1] ?? 0));
  const centres = columns.map(([a, b]) => (a + b) / 2);
  const gaps = centres.slice(1).map((c, i) => c - centres[i]!).sort((a, b) => a - b);
  return { bounds, centres, spacing: gaps[Math.floor(gaps.length / 2)] ?? Infinity };
}

/**
 * The columns a chunk belongs to. A chunk about one column wide goes to the column whose text it
 * is nearest (numbers are often right-aligned under centred headers, so zones cut headers in two);
 * a wider one (a group header, a caption) spans the zones it overlaps.
 */
function columnsOf(chunk: Chunk, columns: Columns): [number, number] {
  const { bounds, centres, spacing } = columns;
  const centre = (chunk.x0 + chunk.x1) / 2;
  if (chunk.x1 - chunk.x0 <= 1.6 * spacing) {
    let best = 0;
    centres.forEach((c, i) => {
      if (Math.abs(c - centre) < Math.abs(centres[best]! - centre)) best = i;
    });
    return [best, best];
  }
  const width = chunk.x1 - chunk.x0;
  let first = -1;
  let last = -1;
  for (let z = 0; z + 1 < bounds.length; z++) {
    const overlap = Math.min(chunk.x1, bounds[z + 1]!) - Math.max(chunk.x0, bounds[z]!);
    if (overlap >= width * 0.15) {
      if (first < 0) first = z;
      last = z;
    }
  }
  return first < 0 ? [0, 0] : [first, last];
}

/**
 * Below the header, a line without numbers whose text stands in the label column (a wrapped
 * label: 「（二）部分公开（区分处理的，只计这一情」「形，不计其他情形）」) joins the nearest line
 * with numbers. Captions and header lines of later blocks stay rows of their own.
 */
function joinWrappedRows(rows: Row[], columns: Columns): Row[] {
  const firstData = rows.findIndex((r) => r.numeric);
  const mid = (r: Row) => (r.y0 + r.y1) / 2;
  const inLabelColumn = (r: Row) => r.chunks.every((c) => columnsOf(c, columns)[1] === 0);
  const out = rows.map((r) => ({ ...r, chunks: [...r.chunks] }));
  const joined = new Set<number>();
  rows.forEach((row, i) => {
    if (i < firstData || row.numeric || !inLabelColumn(row)) return;
    const above = rows.slice(0, i).findLastIndex((r) => r.numeric);
    const below = rows.findIndex((r, k) => k > i && r.numeric);
    const candidates = [above, below].filter((k) => k >= 0);
    if (candidates.length === 0) return;
    const target = candidates.reduce((a, b) => (Math.abs(mid(rows[b]!) - mid(row)) < Math.abs(mid(rows[a]!) - mid(row)) ? b : a));
    const into = out[target]!;
    into.chunks.push(...row.chunks);
    into.y0 = Math.min(into.y0, row.y0);
    into.y1 = Math.max(into.y1, row.y1);
    joined.add(i);
  });
  return out.filter((_, i) => !joined.has(i));
}

function toTable(region: Row[], page: number): PdfTable {
  const columns = findColumns(region);
  const rows = joinWrappedRows(region, columns);
  const { bounds } = columns;
  const cells: PdfCell[] = [];
  rows.forEach((row, r) => {
    // Chunks in the same zones form one cell, read top to bottom, then left to right.
    const byZone = new Map<string, { first: number; last: number; chunks: Chunk[] }>();
    for (const chunk of row.chunks) {
      const [first, last] = columnsOf(chunk, columns);
      const key = `${first}:${last}`;
      const entry = byZone.get(key) ?? { first, last, chunks: [] };
      entry.chunks.push(chunk);
      byZone.set(key, entry);
    }
    const taken = new Set<number>();
    for (const { first, last, chunks } of [...byZone.values()].sort((a, b) => a.first - b.first)) {
      if ([...Array(last - first + 1).keys()].some((k) => taken.has(first + k))) {
        // Overlapping placements: fold into the cell already there.
        const existing = cells.find((c) => c.row === r && c.col <= first && first < c.col + c.colSpan);
        if (existing) existing.text = `${existing.text}\n${chunks.map((c) => c.text).join(' ')}`;
        continue;
      }
      for (let k = first; k <= last; k++) taken.add(k);
      const ordered = chunks.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
      cells.push({
        row: r,
        col: first,
        rowSpan: 1,
        colSpan: last - first + 1,
        x0: bounds[first]!,
        x1: bounds[last + 1]!,
        y0: row.y0,
        y1: row.y1,
        text: ordered.map((c) => c.text).join('\n'),
        page,
      });
    }
  });
  const ys = [...rows.map((r) => r.y0), rows.at(-1)!.y1];
  return { page, xs: bounds, ys, cells, x0: bounds[0]!, x1: bounds.at(-1)!, y0: ys[0]!, y1: ys.at(-1)!, angle: 0, ruled: false };
}

/** Text-position tables of a page's upright glyphs, and the glyphs they took. */
export function findTextTables(glyphs: Glyph[], page: number): { tables: PdfTable[]; used: Set<Glyph> } {
  const lines = textLines(glyphs.filter((g) => g.angle === 0));
  const rows: Row[] = lines.map((line) => {
    const chunks = chunksOf(line);
    return { chunks, y0: line.y0, y1: line.y1, numeric: chunks.some((c) => c.numeric) };
  });
  const width = Math.max(1, Math.max(...lines.map((l) => l.x1)) - Math.min(...lines.map((l) => l.x0)));
  const tables: PdfTable[] = [];
  const used = new Set<Glyph>();
  for (const region of regions(rows, width)) {
    tables.push(toTable(region, page));
    const top = region[0]!.y0;
    const bottom = region.at(-1)!.y1;
    for (const g of glyphs) if ((g.y0 + g.y1) / 2 >= top && (g.y0 + g.y1) / 2 <= bottom) used.add(g);
  }
  return { tables, used };
}
