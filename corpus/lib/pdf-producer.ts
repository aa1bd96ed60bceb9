/**
 * Producer profiles for the hand-written PDF writer: the same laid-out pages (pdf-layout.ts) as
 * pdf.ts writes, but with the content stream written the way other PDF producers write theirs.
 * pdf.ts's own output is untouched (writePdf never comes here); `writeProducerPdf` is the entry.
 *
 * What a profile varies (facts from real files):
 *  - content order: reading order; all numbers of the tables first, then the labels and prose;
 *    table cells column by column;
 *  - text: a Tm + Tj per line; a Tm + Tj per character (Chromium, glyph by glyph); a TJ array
 *    with kerning numbers per line (Word); a table row as one TJ whose cells are separated by a
 *    space glyph and a huge kerning advance; WPS: flipped CTM, Tf 20× the size under a
 *    Tm [0.05 0 0 -0.05 x y], one Tj per glyph with TD moves, every cell in its own q/clip/Q
 *    (pdf.js then gives whitespace items with absurd widths between the cells of a row);
 *  - rulings: stroked (merged long lines, each cell's own four edges as Word draws w:tcBorders,
 *    or WPS's one q … m l S Q per line), thin filled rectangles, none; and which edges: all,
 *    only the inner ones (no outer border), only horizontal ones, a three-line table (top, under
 *    the header, bottom);
 *  - a global CTM at the start of every page: WPS's flip [1 0 0 -1 0 H] or a scale
 *    [s 0 0 s 0 0]; all coordinates are written in that space;
 *  - each table fragment drawn as a form XObject placed with `cm` + `Do`;
 *  - marked content (BDC/EMC) around every text item and /Artifact around rulings (Word);
 *  - cells set in a vertical font (UniGB-UCS2-V, WMode 1: 三、本年度办理结果 down its cell);
 *  - a MediaBox not starting at 0 0, or a CropBox inside a larger MediaBox with crop marks and
 *    a slug line outside it.
 * Landscape sections are stored as pdf.ts stores them (landscapePages), the frame rotation
 * baked into the coordinates.
 */
import type { LayoutDoc, Table } from './layout.ts';
import { Flow, type Item, type LaidPage } from './pdf-layout.ts';
import { addCidFont, addHelvetica, advance, isAscii, latin1, num, PdfFile, pdfTextString, textWidth, ucs2Hex, asciiHex } from './pdf-file.ts';
import { KANGXI, MARGINS, mergeEdges, RULE_WIDTH, type PdfOptions, type Seg } from './pdf.ts';

export interface ProducerProfile {
  /** Order of the text in the content stream (default 'reading'). */
  order?: 'reading' | 'numbers-first' | 'column-major';
  /** How text is shown (default 'line'). 'row-tj' needs latin 'cid'. */
  text?: 'line' | 'char' | 'tj-kern' | 'row-tj' | 'wps';
  /** Which cell edges are ruled (default 'all'); PdfOptions.rulings says how they are drawn. */
  edges?: Edges;
  /** Per table role, overriding `edges` (tables pasted from different sources). */
  edgesByRole?: Partial<Record<NonNullable<Table['role']>, Edges>>;
  /** Stroked rulings: merged long lines, each cell's own edges (Word), merged lines in q … Q each (WPS). */
  stroke?: 'merged' | 'per-cell' | 'wps';
  /** Rulings before the text (Word, Chromium) or after it (default). */
  rulingsFirst?: boolean;
  /** CTM set once at the start of every page. */
  ctm?: 'flip' | { scale: number };
  /** Every table fragment is a form XObject placed with cm + Do. */
  tableForms?: boolean;
  /** BDC/EMC around every text item (/P, /Span with MCIDs) and /Artifact around rulings and page numbers. */
  markedContent?: boolean;
  /** Cells whose text (exactly) is set in the vertical font, one glyph column down the cell. */
  verticalCells?: string[];
  /** Lower-left corner of the MediaBox (content moved with it): e.g. [-10, -10]. */
  mediaOrigin?: [number, number];
  /** A MediaBox this much larger on every side than the CropBox (the page), crop marks and a slug line in between. */
  cropMargin?: number;
}

type Edges = 'all' | 'inner' | 'horizontal' | 'three-line';

export interface ProducerPdfOptions extends PdfOptions {
  producer: ProducerProfile;
}

// ---------------------------------------------------------------- matrices

type M = [number, number, number, number, number, number];
const I: M = [1, 0, 0, 1, 0, 0];
/** m1 × m2: m2 applied first (pdf.js Util.transform order). */
function mul(m1: M, m2: M): M {
  const [a1, b1, c1, d1, e1, f1] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}
function inv(m: M): M {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}
const ap = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const tr = (x: number, y: number): M => [1, 0, 0, 1, x, y];
const mat = (m: M) => m.map(num).join(' ');

const NUMERIC = /^[+\-]?[0-9０-９][0-9０-９,.，]*(元|万元)?$/u;

type TextItem = Extract<Item, { kind: 'text' }>;
type CellItem = Extract<Item, { kind: 'cell' }>;

/** The cell edges of some cells that the profile rules, in frame coordinates (y down). */
function ruledEdges(cells: CellItem[], edgesOf: (c: CellItem) => Edges, perCell: boolean): Seg[] {
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  for (const c of cells) {
    left.set(c.table, Math.min(left.get(c.table) ?? Infinity, c.x0));
    right.set(c.table, Math.max(right.get(c.table) ?? -Infinity, c.x1));
  }
  const out: Seg[] = [];
  const seen = new Set<string>();
  const k = (x: number) => Math.round(x * 100) / 100;
  let which: Edges = 'all';
  const push = (e: Seg, outer: boolean, underHead = false) => {
    if (which === 'inner' && outer) return;
    if ((which === 'horizontal' || which === 'three-line') && e.dir === 'v') return;
    if (which === 'three-line' && !outer && !underHead) return;
    const key = `${e.dir}${k(e.at)}:${k(e.a)}:${k(e.b)}`;
    if (!perCell && seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  for (const c of cells) {
    which = edgesOf(c);
    push({ dir: 'h', at: c.y0, a: c.x0, b: c.x1 }, c.top === true);
    push({ dir: 'v', at: c.x0, a: c.y0, b: c.y1 }, Math.abs(c.x0 - left.get(c.table)!) < 0.01);
    push({ dir: 'v', at: c.x1, a: c.y0, b: c.y1 }, Math.abs(c.x1 - right.get(c.table)!) < 0.01);
    push({ dir: 'h', at: c.y1, a: c.x0, b: c.x1 }, c.bottom === true, c.headEnd === true);
  }
  return out;
}

// ---------------------------------------------------------------- content writer

interface Ctx {
  /** CTM in effect where the ops go (page: the global matrix; form: times its placement). */
  cur: M;
  /** Frame PDF coordinates (y up) → page user space: media origin, landscape rotation. */
  frame: M;
  /** Frame height (to turn layout y, downwards, into PDF y). */
  H: number;
}

class Writer {
  mcid = 0;
  constructor(
    private o: ProducerPdfOptions,
    private p: ProducerProfile,
    private latin: 'cid' | 'helvetica',
    private codes: Set<number>,
  ) {}

  private local(ctx: Ctx): M {
    return mul(inv(ctx.cur), ctx.frame);
  }

  private wrapMarked(tag: string, body: string): string {
    if (!this.p.markedContent) return body;
    if (tag === 'Artifact') return `/Artifact <</Type /Layout>> BDC\n${body}\nEMC`;
    if (tag === 'Footer') return `/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n${body}\nEMC`;
    return `/${tag} <</MCID ${this.mcid++}>> BDC\n${body}\nEMC`;
  }

  /** Runs of one font: ASCII in Helvetica when asked. */
  private runs(text: string, vertical: boolean): { font: string; ascii: boolean; text: string }[] {
    const runs: { font: string; ascii: boolean; text: string }[] = [];
    for (const ch of text) {
      const ascii = !vertical && this.latin === 'helvetica' && isAscii(ch);
      const last = runs[runs.length - 1];
      if (last && last.ascii === ascii) last.text += ch;
      else runs.push({ font: vertical ? 'F3' : ascii ? 'F2' : 'F1', ascii, text: ch });
    }
    return runs;
  }

  private hex(text: string, ascii: boolean): string {
    if (ascii) return asciiHex(text);
    for (const ch of text) this.codes.add(ch.codePointAt(0)!);
    return ucs2Hex(text);
  }

  private adv(ch: string, ascii: boolean): number {
    return ascii ? advance(ch, 'helvetica') : advance(ch, 'cid');
  }

  /** Text matrix for a point (x, y) in frame PDF coordinates; Tf = size / k. */
  private tm(ctx: Ctx, x: number, y: number, k: number): string {
    return `${mat(mul(mul(this.local(ctx), tr(x, y)), [k, 0, 0, k, 0, 0]))} Tm`;
  }

  /** One text item (a line of a paragraph or a cell, or a vertical column). */
  text(ctx: Ctx, it: TextItem, tag: string = it.table !== undefined ? 'P' : 'Span'): string {
    const mode = this.p.text ?? 'line';
    const vertical = it.vertical === true;
    const size = it.size;
    const k = mode === 'wps' ? 0.05 : 1;
    const tf = size / k;
    let x = it.x;
    let y = ctx.H - it.y;
    let op = '';
    for (const run of this.runs(it.text, vertical)) {
      op += `/${run.font} ${num(tf)} Tf\n`;
      const chars = [...run.text];
      if (mode === 'line' || mode === 'row-tj') {
        op += `${this.tm(ctx, x, y, k)}\n${this.hex(run.text, run.ascii)} Tj\n`;
      } else if (mode === 'char') {
        let at = 0;
        for (const ch of chars) {
          op += vertical ? `${this.tm(ctx, x, y - at, k)}\n` : `${this.tm(ctx, x + at, y, k)}\n`;
          op += `${this.hex(ch, run.ascii)} Tj\n`;
          at += vertical ? size : this.adv(ch, run.ascii) * size;
        }
      } else if (mode === 'tj-kern') {
        // Kerning numbers in pairs that cancel: the glyphs stay within 0.012 em of their places.
        const parts: string[] = [];
        chars.forEach((ch, i) => {
          parts.push(this.hex(ch, run.ascii));
          if (i < chars.length - 1 && !(chars.length % 2 === 0 && i === chars.length - 2)) parts.push(i % 2 === 0 ? '-12' : '12');
        });
        op += `${this.tm(ctx, x, y, k)}\n[${parts.join(' ')}] TJ\n`;
      } else {
        // WPS: a Tj per glyph, TD to the next one in text space units (em = Tf).
        op += `${this.tm(ctx, x, y, k)}\n`;
        op += chars
          .map((ch, i) => {
            const show = `${this.hex(ch, run.ascii)}Tj`;
            if (i === chars.length - 1) return show;
            const d = (vertical ? size : this.adv(ch, run.ascii) * size) / k;
            return vertical ? `${show} -0 ${num(-d)} TD` : `${show} ${num(d)} -0 TD`;
          })
          .join(' ');
        op += '\n';
      }
      if (vertical) y -= run.text.length * size;
      else x += textWidth(run.text, size, run.ascii ? 'helvetica' : 'cid');
    }
    let body = it.bold ? `q ${num(0.3 / this.scaleOf(ctx))} w\nBT\n2 Tr\n0 0 0 rg\n${op}ET\nQ` : `BT\n0 0 0 rg\n${op}ET`;
    if (mode === 'wps') body = `q\n${this.clipOf(ctx, it)}\n${body}\nQ`;
    return this.wrapMarked(tag, body);
  }

  /** Items of one row of a table (same baseline) as one TJ: cells apart by a space glyph and a huge advance. */
  row(ctx: Ctx, items: TextItem[]): string {
    const size = items[0]!.size;
    const parts: string[] = [];
    items.forEach((it, i) => {
      parts.push(this.hex(it.text, false));
      const next = items[i + 1];
      if (!next) return;
      const gap = next.x - (it.x + textWidth(it.text, size, 'cid'));
      if (gap >= 0.5 * size) parts.push(this.hex(' ', false), num((-(gap - 0.5 * size) * 1000) / size));
      else parts.push(num((-gap * 1000) / size));
    });
    const first = items[0]!;
    const body = `BT\n0 0 0 rg\n/F1 ${num(size)} Tf\n${this.tm(ctx, first.x, ctx.H - first.y, 1)}\n[${parts.join(' ')}] TJ\nET`;
    return this.wrapMarked('P', first.bold ? `q 0.3 w 2 Tr\n${body}\nQ` : body);
  }

  scaleOf(ctx: Ctx): number {
    const m = this.local(ctx);
    return 1 / Math.hypot(m[0], m[1]);
  }

  /** WPS clips every cell's text to a rectangle around it (here: the line's box). */
  private clipOf(ctx: Ctx, it: TextItem): string {
    const w = it.vertical ? it.size : textWidth(it.text, it.size, this.latin);
    const h = it.vertical ? [...it.text].length * it.size : it.size;
    const x0 = it.vertical ? it.x - it.size / 2 : it.x;
    const top = it.vertical ? it.y : it.y - it.size;
    return `${this.rect(ctx, x0 - 1, ctx.H - top - h - 2, w + 2, h + 4)} re\nW* n`;
  }

  /** A rectangle in frame PDF coordinates as `x y w h` in the local space (positive w, h). */
  rect(ctx: Ctx, x: number, y: number, w: number, h: number): string {
    const m = this.local(ctx);
    const a = ap(m, x, y);
    const b = ap(m, x + w, y + h);
    return `${num(Math.min(a[0], b[0]))} ${num(Math.min(a[1], b[1]))} ${num(Math.abs(b[0] - a[0]))} ${num(Math.abs(b[1] - a[1]))}`;
  }

  rulings(ctx: Ctx, cells: CellItem[]): string {
    const style = this.o.rulings ?? 'stroke';
    if (style === 'none' || cells.length === 0) return '';
    const strokeMode = this.p.stroke ?? 'merged';
    const perCell = style === 'stroke' && strokeMode === 'per-cell';
    const byRole = this.p.edgesByRole ?? {};
    let edges = ruledEdges(cells, (c) => (c.role && byRole[c.role]) || this.p.edges || 'all', perCell);
    if (edges.length === 0) return '';
    const m = this.local(ctx);
    const t = RULE_WIDTH[style];
    const pt = (x: number, y: number) => ap(m, x, ctx.H - y).map(num).join(' ');
    let op: string;
    if (style === 'stroke') {
      if (strokeMode !== 'per-cell') edges = mergeEdges(edges);
      const line = (s: Seg) => (s.dir === 'h' ? `${pt(s.a, s.at)} m ${pt(s.b, s.at)} l S` : `${pt(s.at, s.a)} m ${pt(s.at, s.b)} l S`);
      const w = num(t / this.scaleOf(ctx));
      if (strokeMode === 'wps') {
        op = `q\n${w} w\n2 M\n2 j\n0 0 0 RG\n` + edges.map((s) => `q\n${line(s).replace(/ (m|l) /gu, ' $1\n').replace(/ S$/u, '\nS')}\nQ`).join('\n') + '\nQ';
      } else op = `q\n${w} w 0 J 0 j 0 0 0 RG\n${edges.map(line).join('\n')}\nQ`;
    } else {
      op =
        'q\n0 0 0 rg\n' +
        edges
          .map((s) =>
            s.dir === 'h'
              ? `${this.rect(ctx, s.a - t / 2, ctx.H - s.at - t / 2, s.b - s.a + t, t)} re f`
              : `${this.rect(ctx, s.at - t / 2, ctx.H - s.b - t / 2, t, s.b - s.a + t)} re f`,
          )
          .join('\n') +
        '\nQ';
    }
    return this.wrapMarked('Artifact', op);
  }

  footer(ctx: Ctx, label: string, x: number, y: number): string {
    return this.text(ctx, { kind: 'text', x, y: ctx.H - y, size: 10.5, text: label }, 'Footer');
  }
}

// ---------------------------------------------------------------- pages

/** The text items of a page in the profile's content order. */
function ordered(items: TextItem[], order: NonNullable<ProducerProfile['order']>): TextItem[] {
  if (order === 'numbers-first') {
    const isNumber = (it: TextItem) => it.table !== undefined && NUMERIC.test(it.text);
    return [...items.filter(isNumber), ...items.filter((it) => !isNumber(it))];
  }
  if (order === 'column-major') {
    const slots = items.map((it, i) => (it.table !== undefined ? i : -1)).filter((i) => i >= 0);
    const sorted = slots.map((i) => items[i]!).sort((a, b) => a.table! - b.table! || a.col! - b.col! || a.y - b.y || a.x - b.x);
    const out = [...items];
    slots.forEach((slot, k) => (out[slot] = sorted[k]!));
    return out;
  }
  return items;
}

/** Units of drawing: single items, or (row-tj) the items of one table row on one baseline. */
function units(items: TextItem[], rowTj: boolean): TextItem[][] {
  if (!rowTj) return items.map((it) => [it]);
  const out: TextItem[][] = [];
  const byRow = new Map<string, TextItem[]>();
  for (const it of items) {
    if (it.table === undefined || it.vertical) {
      out.push([it]);
      continue;
    }
    const key = `${it.table}:${Math.round(it.y * 100)}:${it.size}:${it.bold === true}`;
    const row = byRow.get(key);
    if (row) row.push(it);
    else {
      const fresh = [it];
      byRow.set(key, fresh);
      out.push(fresh);
    }
  }
  for (const row of out) row.sort((a, b) => a.x - b.x);
  return out;
}

interface PageOut {
  content: string;
  forms: { name: string; content: string; bbox: [number, number, number, number] }[];
  media: [number, number, number, number];
  crop?: [number, number, number, number];
  rotate?: number;
}

export function writeProducerPdf(doc: LayoutDoc, o: ProducerPdfOptions): Uint8Array {
  const p = o.producer;
  const latin = o.latin ?? 'cid';
  if (p.text === 'row-tj' && latin !== 'cid') throw new Error("text 'row-tj' needs latin 'cid'");
  const landscape = o.landscapePages ?? 'mediabox';
  const vertical = new Set(p.verticalCells ?? []);
  const flow = new Flow({
    latin,
    bodyPt: o.bodyPt ?? 14,
    leading: 1.75,
    margins: MARGINS,
    breaks: o.breaks ?? [],
    numbersAlign: o.numbersAlign ?? 'as-built',
    keepTablesTogether: o.keepTablesTogether,
    textMap: o.kangxi ? (s) => s.replace(/[一二]/g, (c) => KANGXI[c]!) : undefined,
    vertical: vertical.size ? (t) => vertical.has(t) : undefined,
  });
  const pages: LaidPage[] = flow.document({ ...doc, orientation: o.orientation ?? doc.orientation });
  const codes = new Set<number>();
  const writer = new Writer(o, p, latin, codes);
  const order = p.order ?? 'reading';
  let formCount = 0;

  const outs: PageOut[] = pages.map((page, i) => {
    const rotated = page.orientation === 'landscape' && landscape !== 'mediabox';
    const [mw, mh] = rotated ? [page.height, page.width] : [page.width, page.height];
    const [ox, oy] = p.mediaOrigin ?? [0, 0];
    const frameRot: M = !rotated ? I : landscape === 'rotate270' ? [0, -1, 1, 0, 0, mh] : [0, 1, -1, 0, mw, 0];
    const frame = mul(tr(ox, oy), frameRot);
    const global: M = p.ctm === 'flip' || p.text === 'wps' ? [1, 0, 0, -1, 0, mh] : p.ctm ? [p.ctm.scale, 0, 0, p.ctm.scale, 0, 0] : I;
    const pageCtx: Ctx = { cur: global, frame, H: page.height };
    const ops: string[] = [];
    if (global !== I) ops.push(`${mat(global)} cm`);
    const sheet: Ctx = { cur: global, frame: tr(ox, oy), H: mh };
    if (p.text === 'wps') ops.push(`q\n${writer.rect(sheet, 0, 0, mw, mh)} re\nW* n`);

    const texts = ordered(page.items.filter((it): it is TextItem => it.kind === 'text'), order);
    const cells = page.items.filter((it): it is CellItem => it.kind === 'cell');
    const forms: PageOut['forms'] = [];
    const rowTj = p.text === 'row-tj';

    if (p.tableForms) {
      // Each table fragment of the page in a form XObject, drawn where its first text comes.
      const tables = [...new Set([...cells.map((c) => c.table), ...texts.filter((t) => t.table !== undefined).map((t) => t.table!)])];
      const placed = new Map<number, string>();
      for (const id of tables) {
        const own = cells.filter((c) => c.table === id);
        const ownText = texts.filter((t) => t.table === id);
        const box = own.length
          ? { x0: Math.min(...own.map((c) => c.x0)), x1: Math.max(...own.map((c) => c.x1)), y0: Math.min(...own.map((c) => c.y0)), y1: Math.max(...own.map((c) => c.y1)) }
          : { x0: Math.min(...ownText.map((t) => t.x)) - 2, x1: Math.max(...ownText.map((t) => t.x + textWidth(t.text, t.size, latin))) + 2, y0: Math.min(...ownText.map((t) => t.y - t.size)) - 2, y1: Math.max(...ownText.map((t) => t.y)) + 4 };
        // The form's origin: the fragment's lower-left corner in the page's (global) space.
        const local = mul(inv(global), frame);
        const c0 = ap(local, box.x0 - 2, page.height - box.y1 - 2);
        const c1 = ap(local, box.x1 + 2, page.height - box.y0 + 2);
        const origin: M = tr(Math.min(c0[0], c1[0]), Math.min(c0[1], c1[1]));
        const formCtx: Ctx = { cur: mul(global, origin), frame, H: page.height };
        const body: string[] = [];
        if (p.rulingsFirst) body.push(writer.rulings(formCtx, own));
        for (const u of units(ownText, rowTj)) body.push(rowTj && !u[0]!.vertical ? writer.row(formCtx, u) : writer.text(formCtx, u[0]!));
        if (!p.rulingsFirst) body.push(writer.rulings(formCtx, own));
        const name = `Tb${++formCount}`;
        forms.push({ name, content: body.filter(Boolean).join('\n') + '\n', bbox: [0, 0, Math.abs(c1[0] - c0[0]), Math.abs(c1[1] - c0[1])] });
        placed.set(id, `q\n${mat(origin)} cm\n/${name} Do\nQ`);
      }
      const drawn = new Set<number>();
      for (const t of texts) {
        if (t.table === undefined) ops.push(writer.text(pageCtx, t));
        else if (!drawn.has(t.table)) {
          drawn.add(t.table);
          ops.push(placed.get(t.table)!);
        }
      }
      for (const id of tables) if (!drawn.has(id)) ops.push(placed.get(id)!);
    } else {
      if (p.rulingsFirst) ops.push(writer.rulings(pageCtx, cells));
      for (const u of units(texts, rowTj)) ops.push(rowTj && u[0]!.table !== undefined && !u[0]!.vertical ? writer.row(pageCtx, u) : writer.text(pageCtx, u[0]!));
      if (!p.rulingsFirst) ops.push(writer.rulings(pageCtx, cells));
    }

    // The page number belongs to the sheet: upright on a sideways page, in the frame otherwise.
    if (o.pageNumbers) {
      const label = `- ${i + 1} -`;
      const sideways = rotated && landscape === 'sideways';
      const w = sideways ? mw : page.width;
      const ctx: Ctx = sideways ? sheet : pageCtx;
      ops.push(writer.footer(ctx, label, (w - textWidth(label, 10.5, latin)) / 2, 40));
    }
    if (p.text === 'wps') ops.push('Q');

    let crop: PageOut['crop'];
    let media: PageOut['media'] = [ox, oy, ox + mw, oy + mh];
    if (p.cropMargin) {
      const m = p.cropMargin;
      crop = media;
      media = [ox - m, oy - m, ox + mw + m, oy + mh + m];
      // Crop marks at the corners and a slug line, all outside the CropBox.
      const L = mul(inv(global), tr(ox, oy));
      const q = (x: number, y: number) => ap(L, x, y).map(num).join(' ');
      let marks = `q\n${num(0.25 / writer.scaleOf(sheet))} w 0 0 0 RG\n`;
      for (const [cx, cy, sx, sy] of [[0, 0, -1, -1], [mw, 0, 1, -1], [0, mh, -1, 1], [mw, mh, 1, 1]] as const) {
        marks += `${q(cx + sx * 3, cy)} m ${q(cx + sx * (m - 2), cy)} l S\n${q(cx, cy + sy * 3)} m ${q(cx, cy + sy * (m - 2))} l S\n`;
      }
      ops.push(marks + 'Q');
      const slug = `${o.info?.title ?? doc.containerTitle}  ${(o.info?.date ?? '20220120090000').replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/u, '$1-$2-$3 $4:$5:$6')}  第${i + 1}页`;
      ops.push(writer.text(sheet, { kind: 'text', x: 12, y: mh + m / 2 + 3, size: 7, text: slug }));
    }
    const rotate = rotated && landscape !== 'sideways' ? (landscape === 'rotate90' ? 90 : 270) : undefined;
    return { content: ops.filter(Boolean).join('\n') + '\n', forms, media, crop, rotate };
  });

  const file = new PdfFile();
  const catalog = file.reserve();
  const pagesObj = file.reserve();
  const f1 = addCidFont(file, o.cidFont ?? 'STSong-Light', o.kangxi ? [...codes] : undefined);
  const f2 = latin === 'helvetica' ? addHelvetica(file) : undefined;
  // The vertical font: the same CIDFont under the vertical UCS-2 CMap (WMode 1). addCidFont writes
  // descriptor, CIDFont, (ToUnicode,) Type0: the CIDFont is the object before the Type0 (or two).
  const f3 = vertical.size ? file.add(`<< /Type /Font /Subtype /Type0 /BaseFont /${o.cidFont ?? 'STSong-Light'}-UniGB-UCS2-V /Encoding /UniGB-UCS2-V /DescendantFonts [${o.kangxi ? f1 - 2 : f1 - 1} 0 R] >>`) : undefined;
  const fonts = `/Font << /F1 ${f1} 0 R${f2 ? ` /F2 ${f2} 0 R` : ''}${f3 ? ` /F3 ${f3} 0 R` : ''} >>`;
  const compress = o.compress ?? true;
  const kids = outs.map((out) => {
    const xobjects = out.forms.map((f) => {
      const n = file.stream(latin1(f.content), `/Type /XObject /Subtype /Form /BBox [${f.bbox.map(num).join(' ')}] /Resources << ${fonts} /ProcSet [/PDF /Text] >>`, compress);
      return `/${f.name} ${n} 0 R`;
    });
    const stream = file.stream(latin1(out.content), '', compress);
    return file.add(
      `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [${out.media.map(num).join(' ')}]${out.crop ? ` /CropBox [${out.crop.map(num).join(' ')}]` : ''}${out.rotate ? ` /Rotate ${out.rotate}` : ''} ` +
        `/Resources << ${fonts}${xobjects.length ? ` /XObject << ${xobjects.join(' ')} >>` : ''} /ProcSet [/PDF /Text] >> /Contents ${stream} 0 R >>`,
    );
  });
  file.set(pagesObj, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  file.set(catalog, `<< /Type /Catalog /Pages ${pagesObj} 0 R${p.markedContent ? ' /MarkInfo << /Marked true >>' : ''} >>`);
  const i = o.info ?? {};
  const info = file.add(
    '<< ' +
      [
        i.title !== undefined ? `/Title ${pdfTextString(i.title)}` : '',
        i.author !== undefined ? `/Author ${pdfTextString(i.author)}` : '',
        `/Creator ${pdfTextString(i.creator ?? 'nianbao corpus')}`,
        `/Producer ${pdfTextString(i.producer ?? 'nianbao corpus/lib/pdf-producer.ts')}`,
        `/CreationDate (D:${i.date ?? '20220120090000'}+08'00')`,
      ]
        .filter(Boolean)
        .join(' ') +
      ' >>',
  );
  return file.serialize(catalog, info);
}
