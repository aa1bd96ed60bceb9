/**
 * Lays an abstract document (layout.ts) out on pages for the hand-written PDF writer (pdf.ts):
 * paragraphs wrapped the way Chinese word processors wrap (any character boundary, Latin words
 * and numbers kept whole, no closing punctuation at a line start), tables with wrapped cell text,
 * row heights from their contents, and tables continued on the next page when they run past the
 * bottom margin.
 *
 * The result is, per page, a display list in the page's own upright frame (origin top-left, y
 * downwards, baselines for text): text lines and cell boxes. How the boxes become rulings and how
 * a frame sits on the physical page (rotation) is pdf.ts's business.
 */
import { expandGrid, type Block, type Cell, type LayoutDoc, type Paragraph, type ParagraphStyle, type Table } from './layout.ts';
import { textWidth } from './pdf-file.ts';

export const A4 = { w: 595.28, h: 841.89 };

export interface TableBreak {
  role: Table['role'];
  /** Break before this row: its index, or the first row with a cell containing this text. */
  before: number | string;
}

export interface LayoutOptions {
  latin: 'cid' | 'helvetica';
  bodyPt: number;
  /** Line height as a multiple of the font size, for paragraphs. */
  leading: number;
  margins: { top: number; bottom: number; left: number; right: number };
  /** Page breaks forced inside tables (as if the page ran out there). */
  breaks: TableBreak[];
  /** Numbers in data cells: as the builders align them (centre), or right-aligned. */
  numbersAlign: 'as-built' | 'right';
  /** Start a table on a new page when it would fit on one page but not in the space left. */
  keepTablesTogether?: boolean;
  /** Rewrites drawn text (not titles): e.g. Kangxi radicals for 一 and 二. */
  textMap?: (text: string) => string;
  /**
   * Table cells whose text is set in a vertical writing mode (one column of glyphs, top to
   * bottom, centred in the cell) rather than wrapped into lines (pdf-producer.ts).
   */
  vertical?: (text: string) => boolean;
}

export type Item =
  | {
      kind: 'text';
      x: number;
      y: number;
      size: number;
      text: string;
      bold?: boolean;
      /** Text of a cell of table number `table` (its origin row and column); not set for prose. */
      table?: number;
      row?: number;
      col?: number;
      /**
       * Set in a vertical writing mode: `x` is the middle of the glyph column and `y` its top
       * (the vertical origin of the first glyph), glyphs one em apart downwards.
       */
      vertical?: boolean;
    }
  /**
   * A cell (or the part of a merged cell on this page) of table number `table`. `top`: the
   * fragment starts at the table's first row (repeated header rows too); `bottom`: it ends at the
   * table's last row; `headEnd`: it ends at the last header row.
   */
  | { kind: 'cell'; x0: number; y0: number; x1: number; y1: number; table: number; role?: Table['role']; top?: boolean; bottom?: boolean; headEnd?: boolean };

export interface LaidPage {
  orientation: 'portrait' | 'landscape';
  width: number;
  height: number;
  items: Item[];
}

const PAD_X = 2.85;
const PAD_Y = 2.5;
const CELL_LEADING = 1.35;
/** Where the baseline sits in a line box of the font's size (ascent share). */
const ASCENT = 0.86;

const NO_LINE_START = new Set([...'，。、；：？！）》」』”’％…—·,.;:?!)]%']);
const NO_LINE_END = new Set([...'（《「『“‘([']);

interface ParaFormat {
  size: number;
  bold?: boolean;
  align: 'left' | 'center' | 'right';
  indentChars?: number;
  before?: number;
  after?: number;
}

function paraFormat(style: ParagraphStyle, bodyPt: number): ParaFormat {
  switch (style) {
    case 'title':
      return { size: 20, bold: true, align: 'center', after: 10 };
    case 'subtitle':
      return { size: 16, bold: true, align: 'center', after: 6 };
    case 'heading':
      return { size: bodyPt, bold: true, align: 'left', indentChars: 2, before: 4 };
    case 'subheading':
      return { size: bodyPt, bold: true, align: 'left', indentChars: 2 };
    case 'body':
      return { size: bodyPt, align: 'left', indentChars: 2 };
    case 'signature':
      return { size: bodyPt, align: 'right' };
    case 'caption':
      return { size: 10.5, align: 'center' };
  }
}

/** Units that a line may not be broken inside: runs of Latin letters and digits, single others. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9.,%+\-/]+|[\s\S]/gu) ?? [];
}

/**
 * Breaks text into lines no wider than `width` (the first `firstIndent` narrower). A unit wider
 * than a whole line is broken by character. Closing punctuation hangs at the line end rather
 * than start a line; opening punctuation moves to the next line.
 */
export function wrap(text: string, width: number, size: number, latin: 'cid' | 'helvetica', firstIndent = 0): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let w = 0;
  const limit = () => width - (lines.length === 0 ? firstIndent : 0);
  const flush = () => {
    let carry: string[] = [];
    while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) carry = [line.pop()!, ...carry];
    lines.push(line.join(''));
    line = carry;
    w = carry.reduce((a, u) => a + textWidth(u, size, latin), 0);
  };
  const queue = units(text);
  while (queue.length) {
    const u = queue.shift()!;
    const uw = textWidth(u, size, latin);
    if (w + uw <= limit() + 0.01 || line.length === 0 || NO_LINE_START.has(u)) {
      if (line.length === 0 && uw > limit() + 0.01 && [...u].length > 1) {
        // Longer than a line on its own: split it by character.
        queue.unshift(...[...u]);
        continue;
      }
      line.push(u);
      w += uw;
    } else {
      flush();
      queue.unshift(u);
    }
  }
  if (line.length || lines.length === 0) lines.push(line.join(''));
  return lines;
}

const NUMERIC = /^[+\-]?[0-9０-９][0-9０-９,.，]*(元|万元)?$/u;

/** Flows the document onto pages. */
export class Flow {
  pages: LaidPage[] = [];
  private y = 0;
  private tableCount = 0;

  constructor(private o: LayoutOptions) {}

  private get page(): LaidPage {
    return this.pages[this.pages.length - 1]!;
  }
  private get width(): number {
    return this.page.width - this.o.margins.left - this.o.margins.right;
  }
  private get bottom(): number {
    return this.page.height - this.o.margins.bottom;
  }
  private atTop(): boolean {
    return this.y <= this.o.margins.top + 0.01;
  }

  newPage(orientation: 'portrait' | 'landscape'): void {
    const [width, height] = orientation === 'landscape' ? [A4.h, A4.w] : [A4.w, A4.h];
    this.pages.push({ orientation, width, height, items: [] });
    this.y = this.o.margins.top;
  }

  /** Lays out the whole document: each section starts on a new page. */
  document(doc: LayoutDoc): LaidPage[] {
    const sections: { blocks: Block[]; orientation: 'portrait' | 'landscape' }[] = [];
    let current: Block[] = [];
    for (const b of doc.blocks) {
      if (b.type === 'section') {
        sections.push({ blocks: current, orientation: b.orientation });
        current = [];
      } else current.push(b);
    }
    sections.push({ blocks: current, orientation: doc.orientation ?? 'portrait' });
    for (const s of sections) {
      if (s.blocks.length === 0) continue;
      this.newPage(s.orientation);
      this.blocks(s.blocks);
    }
    return this.pages;
  }

  private blocks(blocks: Block[]): void {
    for (const b of blocks) {
      if (b.type === 'p') this.paragraph(b);
      else if (b.type === 'table') {
        // A layout table (a report nested in a one-cell table) prints as its contents.
        if (b.table.role === 'layout') b.table.rows.forEach((r) => r.cells.forEach((c) => this.blocks(c.blocks ?? [])));
        else this.table(b.table);
      }
    }
  }

  private text(t: string, style?: ParagraphStyle): string {
    return this.o.textMap && style !== 'title' && style !== 'subtitle' ? this.o.textMap(t) : t;
  }

  paragraph(p: Paragraph): void {
    const f = paraFormat(p.style, this.o.bodyPt);
    const lineH = f.size * (p.style === 'title' ? 1.5 : this.o.leading);
    const indent = (f.indentChars ?? 0) * f.size;
    const lines = p.text === '' ? [''] : wrap(this.text(p.text, p.style), this.width, f.size, this.o.latin, indent);
    this.y += f.before ?? 0;
    lines.forEach((line, i) => {
      if (this.y + lineH > this.bottom) this.newPage(this.page.orientation);
      const w = textWidth(line, f.size, this.o.latin);
      const left = this.o.margins.left + (i === 0 ? indent : 0);
      const x = f.align === 'center' ? this.o.margins.left + (this.width - w) / 2 : f.align === 'right' ? this.o.margins.left + this.width - w : left;
      const baseline = this.y + (lineH - f.size) / 2 + f.size * ASCENT;
      if (line !== '') this.page.items.push({ kind: 'text', x, y: baseline, size: f.size, text: line, ...(f.bold ? { bold: true } : {}) });
      this.y += lineH;
    });
    this.y += f.after ?? 0;
  }

  table(t: Table): void {
    const id = this.tableCount++;
    const fontPt = t.fontPt ?? 10.5;
    const lineH = fontPt * CELL_LEADING;
    const total = this.width * (t.widthShare ?? 1);
    const left = this.o.margins.left + (this.width - total) / 2;
    const sum = t.colWidths.reduce((a, b) => a + b, 0);
    const xs = [left];
    for (const w of t.colWidths) xs.push(xs[xs.length - 1]! + (w * total) / sum);
    const grid = expandGrid(t);

    // Each cell's wrapped lines, and the row heights they need.
    interface Placed {
      cell: Cell;
      row: number;
      col: number;
      lines: string[];
      header: boolean;
      vertical?: boolean;
    }
    const cells: Placed[] = [];
    grid.forEach((slots, r) =>
      slots.forEach((s, c) => {
        if (!s.cell || s.originRow !== r || s.originCol !== c) return;
        const inner = xs[c + (s.cell.colSpan ?? 1)]! - xs[c]! - 2 * PAD_X;
        const text = this.text(s.cell.text);
        if (text !== '' && this.o.vertical?.(s.cell.text)) {
          // One glyph per "line": the height a vertical column of the text needs.
          cells.push({ cell: s.cell, row: r, col: c, lines: [...text.replace(/\n/gu, '')], header: t.rows[r]!.header === true, vertical: true });
          return;
        }
        const lines = text === '' ? [] : text.split('\n').flatMap((part) => wrap(part, inner, fontPt, this.o.latin));
        cells.push({ cell: s.cell, row: r, col: c, lines, header: t.rows[r]!.header === true });
      }),
    );
    const minH = Math.max(t.minRowHeightPt ?? 0, lineH + 2 * PAD_Y);
    const h = t.rows.map(() => minH);
    const needOf = (p: Placed) => p.lines.length * (p.vertical ? fontPt : lineH) + 2 * PAD_Y;
    for (const p of cells) if ((p.cell.rowSpan ?? 1) === 1) h[p.row] = Math.max(h[p.row]!, needOf(p));
    for (const p of cells) {
      const rs = p.cell.rowSpan ?? 1;
      if (rs === 1) continue;
      const have = h.slice(p.row, p.row + rs).reduce((a, b) => a + b, 0);
      const need = needOf(p);
      if (need > have) for (let r = p.row; r < p.row + rs; r++) h[r]! += (need - have) / rs;
    }

    // Rows onto pages: forced breaks, natural breaks, repeated header rows.
    const forced = new Set(
      this.o.breaks
        .filter((b) => b.role === t.role)
        .map((b) => (typeof b.before === 'number' ? b.before : t.rows.findIndex((row) => row.cells.some((c) => c.text.includes(b.before as string)))))
        .filter((r) => r > 0),
    );
    let headerRows = 0;
    while (headerRows < t.rows.length && t.rows[headerRows]!.header) headerRows++;
    const repeat = t.repeatHeader ? headerRows : 0;
    const headBlock = h.slice(0, Math.min(t.rows.length, headerRows + 1)).reduce((a, b) => a + b, 0);
    const whole = h.reduce((a, b) => a + b, 0);
    const together = this.o.keepTablesTogether && whole <= this.bottom - this.o.margins.top;
    if ((this.y + headBlock > this.bottom || (together && this.y + whole > this.bottom)) && !this.atTop()) this.newPage(this.page.orientation);

    const top: number[] = [];
    const pageOf: number[] = [];
    const repeats: { page: number; top: number }[] = [];
    for (let r = 0; r < t.rows.length; r++) {
      if (r > 0 && (forced.has(r) || (this.y + h[r]! > this.bottom && !this.atTop()))) {
        this.newPage(this.page.orientation);
        if (repeat && r >= repeat) {
          repeats.push({ page: this.pages.length - 1, top: this.y });
          this.y += h.slice(0, repeat).reduce((a, b) => a + b, 0);
        }
      }
      top[r] = this.y;
      pageOf[r] = this.pages.length - 1;
      this.y += h[r]!;
    }
    this.y += 4;

    const draw = (p: Placed, rows: number[], rowTop: (r: number) => number, pageIndex: (r: number) => number) => {
      // Fragments: runs of the cell's rows on the same page.
      const frags: { page: number; y0: number; y1: number; r0: number; r1: number }[] = [];
      for (const r of rows) {
        const last = frags[frags.length - 1];
        if (last && last.page === pageIndex(r)) {
          last.y1 = rowTop(r) + h[r]!;
          last.r1 = r;
        } else frags.push({ page: pageIndex(r), y0: rowTop(r), y1: rowTop(r) + h[r]!, r0: r, r1: r });
      }
      const x0 = xs[p.col]!;
      const x1 = xs[p.col + (p.cell.colSpan ?? 1)]!;
      // A merged cell cut by a page break prints its text on the first page (what fits there).
      let rest = [...p.lines];
      frags.forEach((f, i) => {
        const page = this.pages[f.page]!;
        if (t.borders !== false) {
          const edges = { ...(f.r0 === 0 ? { top: true } : {}), ...(f.r1 === t.rows.length - 1 ? { bottom: true } : {}), ...(f.r1 === headerRows - 1 ? { headEnd: true } : {}) };
          page.items.push({ kind: 'cell', x0, y0: f.y0, x1, y1: f.y1, table: id, role: t.role, ...edges });
        }
        const where = { table: id, row: p.row, col: p.col };
        if (p.vertical) {
          // A vertical column of glyphs, centred in the fragment; what does not fit continues below.
          const room = Math.max(1, Math.floor((f.y1 - f.y0 - 2 * PAD_Y + 0.01) / fontPt));
          const here = i === frags.length - 1 ? rest : rest.slice(0, room);
          rest = rest.slice(here.length);
          if (here.length === 0) return;
          const yTop = f.y0 + Math.max(PAD_Y, (f.y1 - f.y0 - here.length * fontPt) / 2);
          page.items.push({ kind: 'text', x: (x0 + x1) / 2, y: yTop, size: fontPt, text: here.join(''), vertical: true, ...where, ...(p.cell.bold ? { bold: true } : {}) });
          return;
        }
        const room = Math.max(1, Math.floor((f.y1 - f.y0 - 2 * PAD_Y + 0.01) / lineH));
        const here = i === frags.length - 1 ? rest : rest.slice(0, room);
        rest = rest.slice(here.length);
        const blockH = here.length * lineH;
        const yStart = f.y0 + Math.max(PAD_Y, (f.y1 - f.y0 - blockH) / 2);
        here.forEach((line, k) => {
          const w = textWidth(line, fontPt, this.o.latin);
          let align = p.header ? 'center' : (p.cell.align ?? 'left');
          if (!p.header && this.o.numbersAlign === 'right' && NUMERIC.test(line)) align = 'right';
          const x = align === 'center' ? (x0 + x1 - w) / 2 : align === 'right' ? x1 - PAD_X - w : x0 + PAD_X;
          const baseline = yStart + k * lineH + (lineH - fontPt) / 2 + fontPt * ASCENT;
          page.items.push({ kind: 'text', x, y: baseline, size: fontPt, text: line, ...(p.cell.bold ? { bold: true } : {}), ...where });
        });
      });
    };

    for (const p of cells) {
      const rows = Array.from({ length: p.cell.rowSpan ?? 1 }, (_, k) => p.row + k);
      draw(p, rows, (r) => top[r]!, (r) => pageOf[r]!);
      if (p.row < repeat) {
        for (const rep of repeats) {
          const offset = rep.top - top[0]!;
          draw(p, rows, (r) => top[r]! + offset, () => rep.page);
        }
      }
    }
  }
}
