/**
 * PDF → document model, in three layers (after pdf.js's own display/core split):
 *   page-content  pdf.js text items and operator lists → glyph boxes and ruling segments
 *   page-layout   one page's geometry → ruled tables with cell texts, and lines of running text
 *   continuation  the pages as one flow, tables continued across page breaks merged
 * This module turns that flow into blocks, the same model the .docx and HTML extractors produce.
 */
import type { Block, ExtractedDocument, TableBlock, TableCell } from '../../model/document.ts';
import { flowWithContinuations } from './continuation.ts';
import { PdfError, openPdf } from './load.ts';
import { readPage } from './page-content.ts';
import { layoutPage, type PageLayout, type PdfTable } from './page-layout.ts';

export { PdfError } from './load.ts';

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ExtractedDocument> {
  const pdf = await openPdf(bytes, options.password);
  try {
    const layouts: PageLayout[] = [];
    let glyphCount = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      const content = await readPage(pdf, p);
      glyphCount += content.glyphs.length;
      layouts.push(layoutPage(content));
    }
    if (glyphCount === 0) {
      throw new PdfError('NO_TEXT_LAYER', `none of the ${pdf.numPages} page(s) has a text layer: a scanned PDF needs OCR first`);
    }
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
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const doc: ExtractedDocument = { format: 'pdf', pages: pdf.numPages, blocks, warnings: [] };
    if (typeof info?.Title === 'string' && info.Title.trim()) doc.containerTitle = info.Title.trim();
    return doc;
  } finally {
    await pdf.destroy();
  }
}
