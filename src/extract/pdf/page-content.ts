/**
 * One page as geometry: glyphs with their boxes and the ruling segments, in page space (origin
 * top-left, y downwards, /Rotate applied), so that everything after this works on upright pages.
 *
 * Text: pdf.js items are cut into glyphs. Their advances are estimated (CJK and full-width forms
 * one em, other characters half an em, scaled to the item's width), which is precise enough to
 * tell which cell a glyph falls in. Whitespace items are dropped: some producers give them absurd
 * widths.
 *
 * Rulings: pdf.js v5 hands path construction over as [paintOp, [Float32Array], minMax] in
 * coordinates before the current transformation matrix, so the matrix is tracked here through
 * save/restore/transform and form XObjects. Stroked paths (LibreOffice, WPS, Word) give segments;
 * filled rectangles that are thin (Chromium draws borders that way) give segments too.
 */
import { OPS, type PDFDocumentProxy } from './pdfjs.ts';
import { IDENTITY, apply, multiply, type Box, type Matrix } from './geometry.ts';

export interface Glyph extends Box {
  ch: string;
  /** Font size in page units. */
  size: number;
  /** Direction of the baseline on the page, in degrees: 0 (left to right), 90 (downwards), 180, 270. */
  angle: number;
  /** True for glyphs set in a vertical writing mode (stacked top to bottom). */
  vertical: boolean;
}

/** A ruling line: horizontal (y0 = y1) or vertical (x0 = x1), x0 ≤ x1 and y0 ≤ y1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  page: number;
  width: number;
  height: number;
  glyphs: Glyph[];
  segments: Segment[];
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  dir: string;
  fontName: string;
}

const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
/** A filled rectangle thinner than this is a drawn line. */
const THIN = 2.5;
/** Shorter strokes are glyph details or ticks, not table rulings. */
const MIN_SEGMENT = 3;

function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000;
}

function quantiseAngle(dx: number, dy: number): number {
  const degrees = (Math.atan2(dy, dx) * 180) / Math.PI;
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

function boxOf(points: [number, number][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Glyphs of one text item, in page space. */
export function glyphsOfItem(item: TextItemLike, viewport: readonly number[], ascent = 0.86, descent = 0.14): Glyph[] {
  const chars = [...item.str];
  if (chars.length === 0 || item.str.trim().length === 0) return [];
  const m = multiply(viewport, item.transform);
  const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
  if (!(size > 0)) return [];
  const vertical = item.dir === 'ttb';
  // Unit vectors on the page: along the baseline (u) and towards the top of the glyphs (v).
  const ulen = Math.hypot(m[0], m[1]) || 1;
  const u: [number, number] = [m[0] / ulen, m[1] / ulen];
  const vlen = Math.hypot(m[2], m[3]) || 1;
  const v: [number, number] = [m[2] / vlen, m[3] / vlen];
  const origin: [number, number] = [m[4], m[5]];
  const angle = quantiseAngle(u[0], u[1]);
  const glyphs: Glyph[] = [];

  if (vertical) {
    // Stacked downwards (along -v) from the origin, each glyph one n-th of the item's height; in
    // vertical writing the origin is the top centre of the glyph.
    const step = (item.height || size * chars.length) / chars.length;
    const half = (item.width || size) / 2;
    chars.forEach((ch, i) => {
      if (ch.trim().length === 0) return;
      const top: [number, number] = [origin[0] - v[0] * step * i, origin[1] - v[1] * step * i];
      const bottom: [number, number] = [top[0] - v[0] * step, top[1] - v[1] * step];
      const side = (p: [number, number], k: number): [number, number] => [p[0] + u[0] * half * k, p[1] + u[1] * half * k];
      const corners: [number, number][] = [side(top, -1), side(top, 1), side(bottom, -1), side(bottom, 1)];
      glyphs.push({ ch, size, angle, vertical: true, ...boxOf(corners) });
    });
    return glyphs;
  }

  const weights = chars.map((ch) => (isWide(ch) ? 1 : 0.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const advance = item.width > 0 ? item.width : total * size;
  let at = 0;
  chars.forEach((ch, i) => {
    const w = (advance * weights[i]!) / total;
    const start = at;
    at += w;
    if (ch.trim().length === 0) return;
    const p0: [number, number] = [origin[0] + u[0] * start, origin[1] + u[1] * start];
    const p1: [number, number] = [origin[0] + u[0] * (start + w), origin[1] + u[1] * (start + w)];
    const up = (p: [number, number]): [number, number] => [p[0] + v[0] * size * ascent, p[1] + v[1] * size * ascent];
    const down = (p: [number, number]): [number, number] => [p[0] - v[0] * size * descent, p[1] - v[1] * size * descent];
    glyphs.push({ ch, size, angle, vertical: false, ...boxOf([up(p0), up(p1), down(p0), down(p1)]) });
  });
  return glyphs;
}

function isWhite(color: unknown): boolean {
  const hex = Array.isArray(color) ? color[0] : color;
  return typeof hex === 'string' && /^#f{6}$/iu.test(hex);
}

/** Sub-paths of a pdf.js v5 path as point lists (curves reduced to their end points). */
function subpaths(data: ArrayLike<number>): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === DRAW.moveTo) {
      current = { points: [[data[i]!, data[i + 1]!]], closed: false };
      out.push(current);
      i += 2;
    } else if (op === DRAW.lineTo) {
      current?.points.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === DRAW.curveTo) {
      current?.points.push([data[i + 4]!, data[i + 5]!]);
      i += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      current?.points.push([data[i + 2]!, data[i + 3]!]);
      i += 4;
    } else if (op === DRAW.closePath) {
      if (current) current.closed = true;
    } else break; // unknown op: stop rather than misread the rest
  }
  return out;
}

/** Axis-aligned segment in page space, or null for slanted or tiny ones. */
function segment(a: [number, number], b: [number, number]): Segment | null {
  const [x0, x1] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [y0, y1] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
  const horizontal = y1 - y0 < 1 && x1 - x0 >= MIN_SEGMENT;
  const vertical = x1 - x0 < 1 && y1 - y0 >= MIN_SEGMENT;
  if (horizontal) return { x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 };
  if (vertical) return { x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 };
  return null;
}

interface GraphicsState {
  ctm: Matrix;
  stroke: unknown;
  fill: unknown;
}

/** Ruling segments of a page from its operator list. */
export function rulingsOf(fnArray: number[], argsArray: unknown[][], viewport: readonly number[]): Segment[] {
  const segments: Segment[] = [];
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, stroke: '#000000', fill: '#000000' };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state = { ...state, ctm: multiply(state.ctm, args as number[]) };
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(state);
        state = { ...state, ctm: Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? multiply(state.ctm, Array.from(args[0] as ArrayLike<number>)) : state.ctm };
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setStrokeRGBColor:
        state = { ...state, stroke: args[0] };
        break;
      case OPS.setFillRGBColor:
        state = { ...state, fill: args[0] };
        break;
      case OPS.constructPath: {
        const [paintOp, pathArgs] = args as [number, unknown[] | ArrayLike<number>];
        const stroked = STROKE_OPS.has(paintOp);
        const filled = FILL_OPS.has(paintOp);
        if (!stroked && !filled) break;
        if ((stroked && isWhite(state.stroke)) || (filled && !stroked && isWhite(state.fill))) break;
        const data = (Array.isArray(pathArgs) ? pathArgs[0] : pathArgs) as ArrayLike<number> | undefined;
        if (!data) break;
        const toPage = multiply(viewport, state.ctm);
        for (const sub of subpaths(data)) {
          const points = sub.points.map(([x, y]) => apply(toPage, x, y));
          if (stroked) {
            for (let k = 1; k < points.length; k++) {
              const s = segment(points[k - 1]!, points[k]!);
              if (s) segments.push(s);
            }
            if (sub.closed && points.length > 2) {
              const s = segment(points.at(-1)!, points[0]!);
              if (s) segments.push(s);
            }
          } else if (points.length >= 4) {
            const box = boxOf(points);
            const w = box.x1 - box.x0;
            const h = box.y1 - box.y0;
            if (h <= THIN && w >= MIN_SEGMENT) segments.push({ x0: box.x0, y0: (box.y0 + box.y1) / 2, x1: box.x1, y1: (box.y0 + box.y1) / 2 });
            else if (w <= THIN && h >= MIN_SEGMENT) segments.push({ x0: (box.x0 + box.x1) / 2, y0: box.y0, x1: (box.x0 + box.x1) / 2, y1: box.y1 });
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return segments;
}

/** A gap this many font sizes wide between two runs of a line: columns, i.e. maybe a table. */
const COLUMN_GAP = 2;

/**
 * Whether a page's text lines up in columns anywhere: two runs of glyphs on one line, far apart.
 * Pages of running text never do, and their rulings are not needed: reading the operator list
 * is the costlier half of pdf.js's work, so it is skipped there.
 */
export function mayHoldTable(glyphs: Glyph[]): boolean {
  // Glyphs on one line share their angle and (to within 2 units) their bottom edge.
  const byLine = new Map<string, Glyph[]>();
  for (const g of glyphs) {
    const key = `${g.angle}:${Math.round((g.angle % 180 === 0 ? g.y1 : g.x1) / 2)}`;
    const line = byLine.get(key) ?? [];
    line.push(g);
    byLine.set(key, line);
  }
  for (const line of byLine.values()) {
    if (line.length < 2) continue;
    const along = (g: Glyph) => (line[0]!.angle % 180 === 0 ? [g.x0, g.x1] : [g.y0, g.y1]) as [number, number];
    const spans = line.map(along).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) if (spans[i]![0] - spans[i - 1]![1] > COLUMN_GAP * line[i]!.size) return true;
  }
  return false;
}

/**
 * Text and rulings of one page. (No page.cleanup() here: measured, it made pdf.js load the
 * document's fonts again for the next page; the document's destroy() frees everything.)
 */
export async function readPage(pdf: PDFDocumentProxy, pageNumber: number): Promise<PageContent> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  // Unicode normalisation is done by normalize/, on what it compares; provenance keeps the text as printed.
  const text = await page.getTextContent({ disableNormalization: true });
  const glyphs: Glyph[] = [];
  for (const item of text.items) {
    if (!('str' in item)) continue;
    const style = text.styles[item.fontName];
    glyphs.push(...glyphsOfItem(item as TextItemLike, viewport.transform, style?.ascent || 0.86, Math.abs(style?.descent || 0.14)));
  }
  let segments: Segment[] = [];
  if (mayHoldTable(glyphs)) {
    const ops = await page.getOperatorList();
    segments = rulingsOf(ops.fnArray, ops.argsArray as unknown[][], viewport.transform);
  }
  return { page: pageNumber, width: viewport.width, height: viewport.height, glyphs, segments };
}
