import { describe, expect, it } from 'vitest';
import { tablesOf, paragraphsOf, type ExtractedDocument, type TableBlock } from '../../src/model/document.ts';
import { ExtractionError } from '../../src/extract/errors.ts';
import { extractPdf } from '../../src/extract/pdf/index.ts';
import { minimalPdf } from './pdf-fixtures.ts';

/**
 * A 2 × 2 ruled table (PDF space: x 100–300, y 640–700, rows 30 high) holding A | 1 / B | 2, with a
 * line of text above it; every operand is in the frame given (`cm` prefix turns the frame).
 */
function tablePage(opts: { top?: number; title?: string; rows?: [string, string][] } = {}): string {
  const top = opts.top ?? 700;
  const rows = opts.rows ?? [
    ['A', '1'],
    ['B', '2'],
  ];
  const bottom = top - 30 * rows.length;
  const lines = [
    '0.5 w',
    ...Array.from({ length: rows.length + 1 }, (_, i) => `100 ${top - 30 * i} m 300 ${top - 30 * i} l S`),
    ...[100, 200, 300].map((x) => `${x} ${top} m ${x} ${bottom} l S`),
    ...rows.flatMap(([a, b], i) => [`BT /F1 12 Tf 110 ${top - 30 * i - 20} Td (${a}) Tj ET`, `BT /F1 12 Tf 210 ${top - 30 * i - 20} Td (${b}) Tj ET`]),
  ];
  if (opts.title) lines.push(`BT /F1 14 Tf 100 ${top + 40} Td (${opts.title}) Tj ET`);
  return lines.join('\n');
}

const cellsOf = (t: TableBlock) => t.rows.map((row) => row.map((c) => c.text));

async function errorOf(p: Promise<unknown>): Promise<ExtractionError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractionError);
  return err as ExtractionError;
}

describe('extractPdf on hand-written PDFs', () => {
  it('reads a ruled 2 × 2 table with its text, and the line above it as a paragraph', async () => {
    const doc: ExtractedDocument = await extractPdf(minimalPdf([{ content: tablePage({ title: 'Annual report' }) }]));
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(1);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(paragraphsOf(doc)[0]).toMatchObject({ text: 'Annual report', page: 1 });
    const [table] = tablesOf(doc);
    expect(table).toMatchObject({ index: 0, columnCount: 2, page: 1 });
    expect(cellsOf(table!)).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
    expect(table!.rows[1]![1]).toMatchObject({ row: 1, col: 1, rowSpan: 1, colSpan: 1, page: 1 });
  });

  it('reads the same table on a /Rotate 90 page drawn to read upright once turned', async () => {
    // /Rotate 90 shows the page turned clockwise: frame (X, Y) is drawn at (595 − Y, X).
    const content = `0 1 -1 0 595 0 cm\n${tablePage({ top: 500, title: 'Landscape' })}`;
    const doc = await extractPdf(minimalPdf([{ content, rotate: 90 }]));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(cellsOf(tablesOf(doc)[0]!)).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
  });

  it('reads a table printed sideways on a portrait page (text running up the page) upright', async () => {
    const content = `0 1 -1 0 595 0 cm\n${tablePage({ top: 500 })}`;
    const doc = await extractPdf(minimalPdf([{ content }]));
    expect(cellsOf(tablesOf(doc)[0]!)).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
  });

  it('merges a table continued on the next page across the page number', async () => {
    const page1 = `${tablePage({ top: 130 })}\nBT /F1 10 Tf 290 30 Td (- 1 -) Tj ET`;
    const page2 = tablePage({
      top: 780,
      rows: [
        ['C', '3'],
        ['D', '4'],
      ],
    });
    const doc = await extractPdf(minimalPdf([{ content: page1 }, { content: page2 }]));
    expect(tablesOf(doc)).toHaveLength(1);
    expect(cellsOf(tablesOf(doc)[0]!)).toEqual([
      ['A', '1'],
      ['B', '2'],
      ['C', '3'],
      ['D', '4'],
    ]);
    expect(tablesOf(doc)[0]!.rows[3]![0]!.page).toBe(2);
  });

  it('does not detach or change the caller’s bytes', async () => {
    const bytes = minimalPdf([{ content: tablePage() }]);
    const copy = bytes.slice();
    await extractPdf(bytes);
    expect(bytes).toEqual(copy);
  });

  it('fails with NO_TEXT_LAYER on a PDF whose pages are images without text (a scan), naming the pages', async () => {
    const scan = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
    const err = await errorOf(extractPdf(minimalPdf([{ content: scan, image: true }, { content: scan, image: true }])));
    expect(err.code).toBe('NO_TEXT_LAYER');
    expect(err.message).toContain('page(s) 1–2 of 2');
  });

  it('fails with CORRUPT on a PDF with neither text nor images (its content is gone)', async () => {
    const onlyLines = '0.5 w 100 700 m 300 700 l S 100 700 m 100 600 l S';
    const err = await errorOf(extractPdf(minimalPdf([{ content: onlyLines }, { content: '' }])));
    expect(err.code).toBe('CORRUPT');
  });

  it('fails with CORRUPT on bytes that are not a PDF, or none', async () => {
    expect((await errorOf(extractPdf(new TextEncoder().encode('<html><body>not a pdf</body></html>')))).code).toBe('CORRUPT');
    expect((await errorOf(extractPdf(new Uint8Array(0)))).code).toBe('CORRUPT');
  });
});
