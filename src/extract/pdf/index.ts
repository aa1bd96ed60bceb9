/**
 * PDF → document model, in three layers (after pdf.js's own display/core split):
 *   page-content  pdf.js text items and operator lists → glyph boxes and ruling segments
 *   page-layout   one page's geometry → ruled tables with cell texts, and lines of running text
 *   continuation  the pages as one flow, tables continued across page breaks merged
 * This module turns that flow into blocks, the same model the .docx and HTML extractors produce.
 */
import type { Block, ExtractedDocument, TableBlock, TableCell } from '../../model/document.ts';
import { flowWithContinuations } from './continuation.ts';
import { ExtractionError } from '../errors.ts';
import { openPdf } from './load.ts';
import { fontPrograms } from './pdfjs.ts';
import { readPage } from './page-content.ts';
import { layoutPage, type PageLayout, type PdfLine, type PdfTable } from './page-layout.ts';

export interface PdfOptions {
  password?: string;
}

function toTableBlock(table: PdfTable, index: number): TableBlock {
  const rowCount = Math.max(0, ...table.cells.map((c) => c.row + c.rowSpan));
  const rows: TableCell[][] = Array.from({ length: rowCount }, () => []);
  for (const c of [...table.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    rows[c.row]!.push({ text: c.text, row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, page: c.page });
  }
  return { kind: 'table', index, rows, columnCount: table.xs.length - 1, page: table.page };
}

/**
 * Lines that wrap onto the next one become one paragraph: a line that runs to the right edge of the
 * text, followed closely by a line in the same font size that starts at the margin or is centred
 * on the same axis (a long title wrapping: 「…关于2022年度政府信息公开工」「作的年度报告」).
 */
function joinWrappedLines(lines: PdfLine[]): PdfLine[] {
  const right = Math.max(...lines.map((l) => l.x1));
  const out: PdfLine[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    const joins =
      prev !== undefined &&
      Math.abs(prev.size - line.size) < 0.5 &&
      line.y0 - prev.y1 < 0.9 * line.size &&
      line.y0 > prev.y0 &&
      prev.x1 >= right - 1.5 * line.size &&
      (line.x0 <= prev.x0 + 2.5 * line.size || Math.abs((line.x0 + line.x1) / 2 - (prev.x0 + prev.x1) / 2) < line.size);
    if (joins) {
      const ascii = /[A-Za-z0-9]$/u.test(prev.text) && /^[A-Za-z0-9]/u.test(line.text);
      out[out.length - 1] = { ...prev, text: prev.text + (ascii ? ' ' : '') + line.text, x0: Math.min(prev.x0, line.x0), x1: Math.max(prev.x1, line.x1), y1: line.y1 };
    } else out.push(line);
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** 「3, 5–7」: page numbers as a person reads them. */
function pageList(pages: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return ranges.join(', ');
}

/**
 * Text that a font without a ToUnicode map gives when its program is left out: glyph ids read as
 * code points. Subset fonts number glyphs from 1, so control characters show up; and a report's
 * text is mostly Chinese, so little Chinese means the ideographs were lost.
 */
function garbled(layouts: PageLayout[]): boolean {
  let all = 0;
  let chinese = 0;
  for (const layout of layouts) {
    for (const text of [...layout.lines.map((l) => l.text), ...layout.tables.flatMap((t) => t.cells.map((c) => c.text))]) {
      for (const ch of text) {
        if (/\s/u.test(ch)) continue;
        const cp = ch.codePointAt(0)!;
        if (cp < 0x20 || (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd) return true;
        all++;
        if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0x2e80 && cp <= 0x2fdf)) chinese++;
      }
    }
  }
  return all > 0 && chinese / all < 0.1;
}

/**
 * Whether the file holds images at all. Image XObjects are streams, and a stream's dictionary is
 * never inside a compressed object stream, so it can be found in the bytes as they are.
 */
function holdsImages(bytes: Uint8Array): boolean {
  return /\/Subtype\s*\/Image\b/u.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

/**
 * Producers known to write a ToUnicode map for every embedded font (WPS, Word's own PDF export,
 * LibreOffice, Chromium): for their files the TrueType font programs are left out (pdfjs.ts says
 * why). Anything else keeps them.
 */
const WRITES_TO_UNICODE = /WPS|Kingsoft|金山|Microsoft.? Word|LibreOffice|OpenOffice|Skia|Chrome/iu;

export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ExtractedDocument> {
  const fast = await readPdf(bytes, options, true);
  if (fast.skippedFonts === 0 || !garbled(fast.layouts)) return fast.doc;
  // A font maps glyphs to text only through its program after all: read again, with the programs.
  return (await readPdf(bytes, options, false)).doc;
}

async function readPdf(bytes: Uint8Array, options: PdfOptions, mayLeaveOutFonts: boolean): Promise<{ doc: ExtractedDocument; layouts: PageLayout[]; skippedFonts: number }> {
  const pdf = await openPdf(bytes, options.password);
  try {
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown; Creator?: unknown; Producer?: unknown } | undefined;
    fontPrograms.skip = mayLeaveOutFonts && WRITES_TO_UNICODE.test(`${String(info?.Creator ?? '')} ${String(info?.Producer ?? '')}`);
    fontPrograms.skipped = 0;
    const layouts: PageLayout[] = [];
    const unreadable: number[] = [];
    const withoutText: number[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      try {
        const content = await readPage(pdf, p);
        if (content.glyphs.length === 0) withoutText.push(p);
        layouts.push(layoutPage(content));
      } catch {
        // A damaged or missing page (a truncated file): the others are still read.
        unreadable.push(p);
      }
    }
    if (unreadable.length === pdf.numPages) throw new ExtractionError('CORRUPT', `none of the ${pdf.numPages} page(s) can be read: the PDF is damaged or truncated`);
    if (withoutText.length + unreadable.length === pdf.numPages) {
      // Pages that paint images are scanned; pages that paint nothing are damaged (or blank).
      if (!holdsImages(bytes)) {
        throw new ExtractionError('CORRUPT', `no text and no images on page(s) ${pageList(withoutText)} of ${pdf.numPages}: the page content is empty or damaged`);
      }
      throw new ExtractionError('NO_TEXT_LAYER', `no text layer on page(s) ${pageList(withoutText)} of ${pdf.numPages}: a scanned PDF needs OCR first`);
    }
    const warnings: ExtractedDocument['warnings'] = [];
    if (withoutText.length > 0) warnings.push({ code: 'NO_TEXT_ON_PAGES', message: `page(s) ${pageList(withoutText)} have no text layer (scanned?); their content is not read` });

    for (const layout of layouts) layout.lines = joinWrappedLines(layout.lines);
    const bodySize = median(layouts.flatMap((l) => l.lines.map((line) => line.size)));
    const blocks: Block[] = [];
    let tableIndex = 0;
    for (const item of flowWithContinuations(layouts)) {
      if (item.kind === 'table') blocks.push(toTableBlock(item.table, tableIndex++));
      else {
        const emphasis = item.line.size >= bodySize * 1.2;
        blocks.push({ kind: 'paragraph', text: item.line.text, page: item.line.page, ...(emphasis ? { emphasis } : {}) });
      }
    }
    const doc: ExtractedDocument = { format: 'pdf', pages: pdf.numPages, blocks, warnings };
    if (unreadable.length > 0) doc.incomplete = `page(s) ${pageList(unreadable)} of ${pdf.numPages} could not be read (the file is truncated or damaged)`;
    if (typeof info?.Title === 'string' && info.Title.trim()) doc.containerTitle = info.Title.trim();
    return { doc, layouts, skippedFonts: fontPrograms.skipped };
  } finally {
    fontPrograms.skip = false;
    await pdf.destroy();
  }
}
