/**
 * Hand-built inputs for the PDF extractor's unit tests: glyphs set in a line, ruling segments,
 * pdf.js v5 operator lists, PdfTables drawn as text pictures, and a minimal PDF file writer.
 *
 * Coordinates are page space (origin top-left, y downwards) unless said otherwise.
 */
import type { Glyph, Segment } from '../../src/extract/pdf/page-content.ts';
import type { PageLayout, PdfCell, PdfLine, PdfTable } from '../../src/extract/pdf/page-layout.ts';
import { OPS } from '../../src/extract/pdf/pdfjs.ts';

// ------------------------------------------------------------------------------------ glyphs

const isWide = (ch: string) => ch.codePointAt(0)! >= 0x2e80;

/** Advance of a string set at `size`: CJK and full-width forms one em, the rest half an em. */
export function advanceOf(text: string, size = 12): number {
  return [...text].reduce((w, ch) => w + (isWide(ch) ? size : size / 2), 0);
}

export interface SetOptions {
  size?: number;
  vertical?: boolean;
  angle?: number;
}

/** Upright glyphs of `text` set left to right from x, their boxes from `top` to top + size. */
export function word(text: string, x: number, top: number, options: SetOptions = {}): Glyph[] {
  const size = options.size ?? 12;
  const out: Glyph[] = [];
  let at = x;
  for (const ch of text) {
    const w = isWide(ch) ? size : size / 2;
    if (ch.trim() !== '') out.push({ ch, size, angle: options.angle ?? 0, vertical: false, x0: at, x1: at + w, y0: top, y1: top + size });
    at += w;
  }
  return out;
}

/** `text` ending at x = right (numbers right-aligned in their column). */
export const rightAligned = (text: string, right: number, top: number, options: SetOptions = {}) => word(text, right - advanceOf(text, options.size), top, options);

/** `text` centred on x = centre. */
export const centred = (text: string, centre: number, top: number, options: SetOptions = {}) => word(text, centre - advanceOf(text, options.size) / 2, top, options);

/** Glyphs of a vertical writing mode: stacked downwards from (x, top), one em each. */
export function stacked(text: string, x: number, top: number, size = 12): Glyph[] {
  return [...text].map((ch, i) => ({ ch, size, angle: 0, vertical: true, x0: x, x1: x + size, y0: top + i * size, y1: top + (i + 1) * size }));
}

// ---------------------------------------------------------------------------------- rulings

export const hSeg = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
export const vSeg = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });

/** Every ruling of a full grid: one horizontal per y across the table, one vertical per x down it. */
export function gridSegments(xs: number[], ys: number[]): Segment[] {
  return [...ys.map((y) => hSeg(y, xs[0]!, xs.at(-1)!)), ...xs.map((x) => vSeg(x, ys[0]!, ys.at(-1)!))];
}

/** Segments compared after rounding (page-space maths leaves float dust). */
export function rounded(segments: Segment[], digits = 2): Segment[] {
  const r = (v: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  return segments.map((s) => ({ x0: r(s.x0) + 0, y0: r(s.y0) + 0, x1: r(s.x1) + 0, y1: r(s.y1) + 0 }));
}

export const bySegment = (a: Segment, b: Segment) => a.y0 - b.y0 || a.x0 - b.x0 || a.y1 - b.y1 || a.x1 - b.x1;

// ---------------------------------------------------------------------- pdf.js operator lists

/** Path data as pdf.js v5 builds it (DrawOPS: moveTo 0, lineTo 1, curveTo 2, closePath 4). */
export const path = {
  /** `x y w h re`, as pdf.js's buildPath writes it. */
  rect: (x: number, y: number, w: number, h: number): number[] => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4],
  line: (x0: number, y0: number, x1: number, y1: number): number[] => [0, x0, y0, 1, x1, y1],
};

/** An operator list in the shape page.getOperatorList() returns (fnArray, argsArray). */
export class OpList {
  readonly fnArray: number[] = [];
  readonly argsArray: unknown[][] = [];

  private op(fn: number, args: unknown[]): this {
    this.fnArray.push(fn);
    this.argsArray.push(args);
    return this;
  }

  save = () => this.op(OPS.save, []);
  restore = () => this.op(OPS.restore, []);
  transform = (...m: number[]) => this.op(OPS.transform, m);
  strokeColor = (hex: string) => this.op(OPS.setStrokeRGBColor, [hex]);
  fillColor = (hex: string) => this.op(OPS.setFillRGBColor, [hex]);
  formBegin = (matrix: number[]) => this.op(OPS.paintFormXObjectBegin, [new Float32Array(matrix), null]);
  formEnd = () => this.op(OPS.paintFormXObjectEnd, []);
  /** constructPath with its paint operator: [paintOp, [Float32Array], minMax]. */
  paint = (paintOp: number, data: number[]) => this.op(OPS.constructPath, [paintOp, [new Float32Array(data)], null]);
  stroke = (data: number[]) => this.paint(OPS.stroke, data);
  fill = (data: number[]) => this.paint(OPS.fill, data);
}

/** The viewport transform pdf.js gives an unrotated A4 page (595 × 842): PDF space flipped. */
export const A4_VIEWPORT = [1, 0, 0, -1, 0, 842];

// ---------------------------------------------------------------- tables drawn as pictures

/**
 * A PdfTable from a picture of its slots: a string is a cell's text ('' an empty cell), '<' the
 * slot belongs to the cell on its left, '^' to the cell above, null no cell covers it (Chromium
 * leaves a merged label's continuation undrawn).
 */
export function pdfTable(page: number, xs: number[], ys: number[], rows: (string | null)[][], ruled = true): PdfTable {
  const owner: (PdfCell | null)[][] = [];
  const cells: PdfCell[] = [];
  rows.forEach((row, r) => {
    owner.push([]);
    row.forEach((slot, c) => {
      let cell: PdfCell | null = null;
      if (slot === '<') {
        cell = owner[r]![c - 1]!;
        if (cell.row === r) cell.colSpan += 1;
      } else if (slot === '^') {
        cell = owner[r - 1]![c]!;
        if (cell.col === c) cell.rowSpan += 1;
      } else if (slot !== null) {
        cell = { row: r, col: c, rowSpan: 1, colSpan: 1, text: slot, page, x0: 0, x1: 0, y0: 0, y1: 0 };
        cells.push(cell);
      }
      owner[r]!.push(cell);
    });
  });
  for (const c of cells) Object.assign(c, { x0: xs[c.col]!, x1: xs[c.col + c.colSpan]!, y0: ys[c.row]!, y1: ys[c.row + c.rowSpan]! });
  return { page, xs, ys, cells, x0: xs[0]!, x1: xs.at(-1)!, y0: ys[0]!, y1: ys.at(-1)!, angle: 0, ruled };
}

/**
 * A table's slots in the notation pdfTable takes ('<', '^', null), read back from its cells;
 * '!!' marks a slot two cells claim.
 */
export function picture(table: { cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string }[] }): (string | null)[][] {
  const rows = Math.max(0, ...table.cells.map((c) => c.row + c.rowSpan));
  const cols = Math.max(0, ...table.cells.map((c) => c.col + c.colSpan));
  const grid: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  for (const c of table.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        const mark = r === c.row && k === c.col ? c.text : r === c.row ? '<' : '^';
        grid[r]![k] = grid[r]![k] === null ? mark : '!!';
      }
    }
  }
  return grid;
}

/** A line of running text as page-layout hands it over. */
export function textLine(page: number, text: string, y0: number, x0 = 90, size = 12): PdfLine {
  return { page, text, size, x0, x1: x0 + advanceOf(text, size), y0, y1: y0 + size };
}

export function pageLayout(page: number, tables: PdfTable[], lines: PdfLine[] = [], height = 842): PageLayout {
  return { page, width: 595, height, tables, lines };
}

// --------------------------------------------------------------------------- a minimal PDF

export interface MinimalPage {
  /** The page's content stream (PDF operators, PDF space: origin bottom-left). */
  content: string;
  mediaBox?: [number, number, number, number];
  rotate?: number;
  /** Give the page a 1×1 image XObject named /Im1 (a scan, for the content to paint). */
  image?: boolean;
}

/**
 * A PDF written by hand: catalog, page tree, the base-14 Helvetica as /F1, one page object and one
 * uncompressed content stream per page, and an xref table with the objects' byte offsets.
 */
export function minimalPdf(pages: MinimalPage[]): Uint8Array {
  const pageNumbers = pages.map((_, i) => 4 + 2 * i);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((p, i) => {
    const box = (p.mediaBox ?? [0, 0, 595, 842]).join(' ');
    const rotate = p.rotate ? ` /Rotate ${p.rotate}` : '';
    // A page with an image names it /Im1; its XObject goes after all the pages.
    const image = p.image ? ` /XObject << /Im1 ${4 + 2 * pages.length + i} 0 R >>` : '';
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [${box}]${rotate} /Resources << /Font << /F1 3 0 R >>${image} >> /Contents ${pageNumbers[i]! + 1} 0 R >>`);
    objects.push(`<< /Length ${p.content.length} >>\nstream\n${p.content}\nendstream`);
  });
  pages.forEach((p) => {
    if (p.image) objects.push('<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\nA\nendstream');
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  if (/[^\x00-\x7f]/u.test(out)) throw new Error('minimalPdf writes ASCII only');
  return new TextEncoder().encode(out);
}
