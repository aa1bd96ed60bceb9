/**
 * A small hand-written PDF writer: renders an abstract document (layout.ts) as a PDF the way
 * producers that do not embed fonts write one. Text is set in the Adobe-GB1 standard font
 * STSong-Light (/Type0, /UniGB-UCS2-H: each character's code is its UCS-2 value, written as hex
 * strings with Td/Tj), ASCII optionally in the base-14 Helvetica. Layout is pdf-layout.ts; this
 * module turns its display lists into content streams, with the options real files vary in:
 *
 *  - rulings: 'stroke' (merged m/l/S lines, like LibreOffice and WPS), 'filled-rects' (every cell
 *    edge a thin filled rectangle `re f`, like Chromium), 'none' (text positions only);
 *  - landscape sections: a landscape MediaBox, a portrait MediaBox with /Rotate 90 or 270 and the
 *    content drawn so that the page reads upright once the viewer turns it, or 'sideways': the
 *    same rotated drawing on a portrait page without /Rotate (text runs bottom to top);
 *  - tables broken across pages (pdf-layout.ts), page numbers `- 2 -`, Kangxi radicals.
 */
import type { LayoutDoc } from './layout.ts';
import { Flow, type Item, type LaidPage, type TableBreak } from './pdf-layout.ts';
import { addCidFont, addHelvetica, asciiHex, isAscii, latin1, num, PdfFile, pdfTextString, textWidth, ucs2Hex } from './pdf-file.ts';

export type { TableBreak } from './pdf-layout.ts';

export interface PdfOptions {
  rulings?: 'stroke' | 'filled-rects' | 'none';
  /** Orientation of the document's last (or only) section; default the document's own. */
  orientation?: 'portrait' | 'landscape';
  /** How landscape sections are stored (default 'mediabox'). */
  landscapePages?: 'mediabox' | 'rotate90' | 'rotate270' | 'sideways';
  /** Font of ASCII text: the CID font's half-width glyphs, or Helvetica. */
  latin?: 'cid' | 'helvetica';
  /** BaseFont of the CID font (an Adobe-GB1 standard font name). */
  cidFont?: string;
  pageNumbers?: boolean;
  /** Page breaks forced inside tables. */
  breaks?: TableBreak[];
  numbersAlign?: 'as-built' | 'right';
  /** Move a table that would fit on a page to the next page rather than break it. */
  keepTablesTogether?: boolean;
  /** Write 一 and 二 as the Kangxi radicals ⼀ (U+2F00) and ⼆ (U+2F06), titles excepted. */
  kangxi?: boolean;
  /** Body text size in points (default 14). */
  bodyPt?: number;
  /** Flate-compress the content streams (default true). */
  compress?: boolean;
  info?: { title?: string; author?: string; creator?: string; producer?: string; date?: string };
}

export const MARGINS = { top: 72, bottom: 72, left: 62.35, right: 62.35 };
export const RULE_WIDTH = { stroke: 0.5, 'filled-rects': 0.75 };

export const KANGXI: Record<string, string> = { 一: '\u2F00', 二: '\u2F06' };

/** Page-space matrix that draws an upright landscape frame on a portrait sheet. */
export function frameMatrix(mode: 'rotate90' | 'rotate270' | 'sideways', sheetW: number, sheetH: number): string {
  // /Rotate 90 turns the page clockwise for display: frame (X, Y) must sit at (W − Y, X).
  if (mode === 'rotate270') return `0 -1 1 0 0 ${num(sheetH)} cm`;
  return `0 1 -1 0 ${num(sheetW)} 0 cm`;
}

export interface Seg {
  /** 'h': y fixed, from a to b along x; 'v': x fixed, from a to b along y. */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

const key = (x: number) => Math.round(x * 100) / 100;

/** The distinct cell edges of a page (shared edges once), in frame coordinates. */
export function cellEdges(items: Item[]): Seg[] {
  const seen = new Set<string>();
  const out: Seg[] = [];
  const push = (s: Seg) => {
    const k = `${s.dir}${key(s.at)}:${key(s.a)}:${key(s.b)}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  };
  for (const it of items) {
    if (it.kind !== 'cell') continue;
    push({ dir: 'h', at: it.y0, a: it.x0, b: it.x1 });
    push({ dir: 'v', at: it.x0, a: it.y0, b: it.y1 });
    push({ dir: 'v', at: it.x1, a: it.y0, b: it.y1 });
    push({ dir: 'h', at: it.y1, a: it.x0, b: it.x1 });
  }
  return out;
}

/** Collinear edges joined into the long lines LibreOffice draws. */
export function mergeEdges(edges: Seg[]): Seg[] {
  const groups = new Map<string, Seg[]>();
  for (const e of edges) {
    const k = `${e.dir}${key(e.at)}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const out: Seg[] = [];
  for (const list of groups.values()) {
    list.sort((p, q) => p.a - q.a);
    let cur = { ...list[0]! };
    for (const e of list.slice(1)) {
      if (e.a <= cur.b + 0.01) cur.b = Math.max(cur.b, e.b);
      else {
        out.push(cur);
        cur = { ...e };
      }
    }
    out.push(cur);
  }
  // Horizontal lines top to bottom, then vertical ones left to right.
  return out.sort((p, q) => (p.dir === q.dir ? p.at - q.at || p.a - q.a : p.dir === 'h' ? -1 : 1));
}

class ContentWriter {
  ops: string[] = [];
  /** Codes drawn in the CID font (for the ToUnicode map). */
  constructor(
    private latin: 'cid' | 'helvetica',
    private codes: Set<number>,
  ) {}

  /** One line of text at (x, baseline) in PDF space; ASCII runs in Helvetica if asked. */
  text(x: number, y: number, size: number, text: string, bold: boolean): void {
    const runs: { ascii: boolean; text: string }[] = [];
    for (const ch of text) {
      const ascii = this.latin === 'helvetica' && isAscii(ch);
      const last = runs[runs.length - 1];
      if (last && last.ascii === ascii) last.text += ch;
      else runs.push({ ascii, text: ch });
    }
    let op = bold ? 'q 0.3 w\nBT\n2 Tr\n' : 'BT\n';
    let dx = x;
    let dy = y;
    for (const run of runs) {
      op += `/${run.ascii ? 'F2' : 'F1'} ${num(size)} Tf\n${num(dx)} ${num(dy)} Td\n`;
      if (run.ascii) op += `${asciiHex(run.text)} Tj\n`;
      else {
        for (const ch of run.text) this.codes.add(ch.codePointAt(0)!);
        op += `${ucs2Hex(run.text)} Tj\n`;
      }
      // Td is relative to the start of the previous run.
      dx = textWidth(run.text, size, this.latin);
      dy = 0;
    }
    op += bold ? 'ET\nQ' : 'ET';
    this.ops.push(op);
  }

  rulings(items: Item[], style: 'stroke' | 'filled-rects', H: number): void {
    const edges = cellEdges(items);
    if (edges.length === 0) return;
    const t = RULE_WIDTH[style];
    if (style === 'stroke') {
      let op = `q\n${t} w 0 J 0 j 0 0 0 RG\n`;
      for (const s of mergeEdges(edges)) {
        op += s.dir === 'h' ? `${num(s.a)} ${num(H - s.at)} m ${num(s.b)} ${num(H - s.at)} l S\n` : `${num(s.at)} ${num(H - s.a)} m ${num(s.at)} ${num(H - s.b)} l S\n`;
      }
      this.ops.push(op + 'Q');
    } else {
      // Chromium paints every cell's own edges as thin rectangles, one `re f` each.
      let op = 'q\n0 0 0 rg\n';
      for (const s of edges) {
        op +=
          s.dir === 'h'
            ? `${num(s.a - t / 2)} ${num(H - s.at - t / 2)} ${num(s.b - s.a + t)} ${num(t)} re f\n`
            : `${num(s.at - t / 2)} ${num(H - s.b - t / 2)} ${num(t)} ${num(s.b - s.a + t)} re f\n`;
      }
      this.ops.push(op + 'Q');
    }
  }
}

export function writePdf(doc: LayoutDoc, o: PdfOptions = {}): Uint8Array {
  const latin = o.latin ?? 'cid';
  const rulings = o.rulings ?? 'stroke';
  const landscape = o.landscapePages ?? 'mediabox';
  const flow = new Flow({
    latin,
    bodyPt: o.bodyPt ?? 14,
    leading: 1.75,
    margins: MARGINS,
    breaks: o.breaks ?? [],
    numbersAlign: o.numbersAlign ?? 'as-built',
    keepTablesTogether: o.keepTablesTogether,
    textMap: o.kangxi ? (s) => s.replace(/[一二]/g, (c) => KANGXI[c]!) : undefined,
  });
  const pages: LaidPage[] = flow.document({ ...doc, orientation: o.orientation ?? doc.orientation });

  const file = new PdfFile();
  const catalog = file.reserve();
  const pagesObj = file.reserve();
  const codes = new Set<number>();
  const contents: { page: LaidPage; stream: number; media: [number, number]; rotate?: number }[] = [];
  pages.forEach((page, i) => {
    const w = new ContentWriter(latin, codes);
    const rotated = page.orientation === 'landscape' && landscape !== 'mediabox';
    const media: [number, number] = rotated ? [page.height, page.width] : [page.width, page.height];
    if (rotated) w.ops.push(`q\n${frameMatrix(landscape as 'rotate90' | 'rotate270' | 'sideways', media[0], media[1])}`);
    for (const it of page.items) if (it.kind === 'text') w.text(it.x, page.height - it.y, it.size, it.text, it.bold === true);
    if (rulings !== 'none') w.rulings(page.items, rulings, page.height);
    // The page number belongs to the sheet: upright on a sideways page, in the frame otherwise.
    const footer = (width: number) => {
      const label = `- ${i + 1} -`;
      w.text((width - textWidth(label, 10.5, latin)) / 2, 40, 10.5, label, false);
    };
    const sideways = rotated && landscape === 'sideways';
    if (o.pageNumbers && !sideways) footer(page.width);
    if (rotated) w.ops.push('Q');
    if (o.pageNumbers && sideways) footer(media[0]);
    const stream = file.stream(latin1(w.ops.join('\n') + '\n'), '', o.compress ?? true);
    contents.push({ page, stream, media, rotate: rotated && landscape !== 'sideways' ? (landscape === 'rotate90' ? 90 : 270) : undefined });
  });

  const f1 = addCidFont(file, o.cidFont ?? 'STSong-Light', o.kangxi ? [...codes] : undefined);
  const f2 = latin === 'helvetica' ? addHelvetica(file) : undefined;
  const fonts = `/F1 ${f1} 0 R${f2 ? ` /F2 ${f2} 0 R` : ''}`;
  const kids = contents.map(({ stream, media, rotate }) =>
    file.add(
      `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${num(media[0])} ${num(media[1])}]${rotate ? ` /Rotate ${rotate}` : ''} ` +
        `/Resources << /Font << ${fonts} >> /ProcSet [/PDF /Text] >> /Contents ${stream} 0 R >>`,
    ),
  );
  file.set(pagesObj, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  file.set(catalog, `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`);
  const i = o.info ?? {};
  const info = file.add(
    '<< ' +
      [
        i.title !== undefined ? `/Title ${pdfTextString(i.title)}` : '',
        i.author !== undefined ? `/Author ${pdfTextString(i.author)}` : '',
        `/Creator ${pdfTextString(i.creator ?? 'nianbao corpus')}`,
        `/Producer ${pdfTextString(i.producer ?? 'nianbao corpus/lib/pdf.ts')}`,
        `/CreationDate (D:${i.date ?? '20220120090000'}+08'00')`,
      ]
        .filter(Boolean)
        .join(' ') +
      ' >>',
  );
  return file.serialize(catalog, info);
}
