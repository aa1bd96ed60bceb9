import { describe, expect, it } from 'vitest';
import { flowWithContinuations, isMarginNoise, type FlowItem } from '../../src/extract/pdf/continuation.ts';
import type { PdfTable } from '../../src/extract/pdf/page-layout.ts';
import { pageLayout, pdfTable, picture, textLine } from './pdf-fixtures.ts';

// An A4 page is 842 high: the bottom margin (page numbers) starts at 842 × 0.92 ≈ 775, the top margin
// (running heads) ends at 842 × 0.08 ≈ 67.

const XS = [60, 150, 300, 420, 535];

/** Row tops for n rows of 30 pt from y. */
const rowsFrom = (y: number, n: number) => Array.from({ length: n + 1 }, (_, i) => y + 30 * i);

/** A table at the bottom of a page (ending at y 750) and one at the top of the next (from y 72). */
const bottomOf = (page: number, rows: (string | null)[][], xs = XS) => pdfTable(page, xs, rowsFrom(750 - 30 * rows.length, rows.length), rows);
const topOf = (page: number, rows: (string | null)[][], xs = XS) => pdfTable(page, xs, rowsFrom(72, rows.length), rows);

const tables = (flow: FlowItem[]) => flow.filter((i): i is Extract<FlowItem, { kind: 'table' }> => i.kind === 'table');
const texts = (flow: FlowItem[]) => flow.map((i) => (i.kind === 'line' ? i.line.text : `[table p${i.table.page}–${i.lastPage}]`));

const HEADER = ['项目', '', '自然人', '法人'];
const ROW1 = ['一、本年新收申请', '<', '10', '2'];
const ROW2 = ['二、上年结转', '<', '1', '0'];
const ROW3 = ['三、本年度办理结果', '（一）予以公开', '5', '1'];
const ROW4 = ['^', '（二）部分公开', '3', '1'];

describe('flowWithContinuations', () => {
  it('merges a table ending page 1 with the table starting page 2 when their edges match', () => {
    const flow = flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW1])], [textLine(1, '（一）收到和处理政府信息公开申请情况', 640)]), pageLayout(2, [topOf(2, [ROW2])])]);
    expect(texts(flow)).toEqual(['（一）收到和处理政府信息公开申请情况', '[table p1–2]']);
    expect(picture(tables(flow)[0]!.table)).toEqual([HEADER, ROW1, ROW2]);
    // Cells remember the page they were printed on.
    expect(tables(flow)[0]!.table.cells.filter((c) => c.row === 2).every((c) => c.page === 2)).toBe(true);
  });

  it('merges across a page number at the bottom and a running head at the top', () => {
    const flow = flowWithContinuations([
      pageLayout(1, [bottomOf(1, [HEADER, ROW1])], [textLine(1, '- 1 -', 800, 280)]),
      pageLayout(2, [topOf(2, [ROW2])], [textLine(2, '某某区人民政府', 40, 250)]),
    ]);
    expect(tables(flow)).toHaveLength(1);
    expect(picture(tables(flow)[0]!.table)).toEqual([HEADER, ROW1, ROW2]);
    expect(texts(flow)).toEqual(['[table p1–2]', '- 1 -', '某某区人民政府']);
  });

  it('does not merge across a paragraph at the top of the next page', () => {
    const flow = flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW1])]), pageLayout(2, [pdfTable(2, XS, rowsFrom(110, 1), [ROW2])], [textLine(2, '（二）其他情况说明', 80)])]);
    expect(texts(flow)).toEqual(['[table p1–1]', '（二）其他情况说明', '[table p2–2]']);
  });

  it('does not merge across a paragraph below the table on the first page', () => {
    const flow = flowWithContinuations([pageLayout(1, [pdfTable(1, XS, rowsFrom(600, 2), [HEADER, ROW1])], [textLine(1, '注：本表数据截至12月31日。', 700)]), pageLayout(2, [topOf(2, [ROW2])])]);
    expect(tables(flow)).toHaveLength(2);
  });

  it('does not merge tables whose edges differ', () => {
    const otherLeft = [80, 150, 300, 420, 535];
    const otherRight = [60, 150, 300, 420, 500];
    for (const xs of [otherLeft, otherRight]) {
      const flow = flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW1])]), pageLayout(2, [topOf(2, [ROW2], xs)])]);
      expect(tables(flow)).toHaveLength(2);
    }
  });

  it('does not merge a table with one two pages on, nor tables read from text positions, nor an upright table with a turned one', () => {
    const skip = flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW1])]), pageLayout(2, []), pageLayout(3, [topOf(3, [ROW2])])]);
    expect(tables(skip)).toHaveLength(2);
    const unruled: PdfTable = { ...topOf(2, [ROW2]), ruled: false };
    expect(tables(flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW1])]), pageLayout(2, [unruled])]))).toHaveLength(2);
    const turned: PdfTable = { ...topOf(2, [ROW2]), angle: 90 };
    expect(tables(flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW1])]), pageLayout(2, [turned])]))).toHaveLength(2);
  });

  it('merges tables turned upright the same way on consecutive pages (a sideways table continued)', () => {
    const first: PdfTable = { ...bottomOf(1, [HEADER, ROW1]), angle: 270 };
    const second: PdfTable = { ...topOf(2, [ROW2]), angle: 270 };
    expect(tables(flowWithContinuations([pageLayout(1, [first]), pageLayout(2, [second])]))).toHaveLength(1);
  });

  it('drops the header rows the producer repeated at the top of the next page', () => {
    const header = [
      ['项目', '<', '申请人情况', '<'],
      ['^', '^', '自然人', '法人'],
    ];
    const flow = flowWithContinuations([pageLayout(1, [bottomOf(1, [...header, ROW1])]), pageLayout(2, [topOf(2, [...header, ROW2])])]);
    expect(tables(flow)).toHaveLength(1);
    expect(picture(tables(flow)[0]!.table)).toEqual([...header, ROW1, ROW2]);
  });

  it('keeps a first row of the next page that only looks like the header in part', () => {
    const flow = flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW1])]), pageLayout(2, [topOf(2, [['项目', '', '自然人', '3']])])]);
    expect(picture(tables(flow)[0]!.table)).toEqual([HEADER, ROW1, ['项目', '', '自然人', '3']]);
  });

  it('carries a label cell cut by the break over the empty cell that continues it', () => {
    const flow = flowWithContinuations([
      pageLayout(1, [bottomOf(1, [HEADER, ROW3, ROW4])]),
      pageLayout(2, [
        topOf(2, [
          ['', '（三）不予公开', '0', '1'],
          ['^', '（四）无法提供', '2', '0'],
          ['四、结转下年度继续办理', '<', '1', '0'],
        ]),
      ]),
    ]);
    expect(picture(tables(flow)[0]!.table)).toEqual([
      HEADER,
      ROW3,
      ROW4,
      ['^', '（三）不予公开', '0', '1'],
      ['^', '（四）无法提供', '2', '0'],
      ['四、结转下年度继续办理', '<', '1', '0'],
    ]);
  });

  it('carries a label over empty cells drawn one per row on the next page', () => {
    const flow = flowWithContinuations([
      pageLayout(1, [bottomOf(1, [HEADER, ROW3])]),
      pageLayout(2, [
        topOf(2, [
          ['', '（二）部分公开', '3', '1'],
          ['', '（三）不予公开', '0', '1'],
          ['四、结转下年度继续办理', '<', '1', '0'],
        ]),
      ]),
    ]);
    expect(picture(tables(flow)[0]!.table)).toEqual([HEADER, ROW3, ROW4, ['^', '（三）不予公开', '0', '1'], ['四、结转下年度继续办理', '<', '1', '0']]);
  });

  it('does not carry a label over a cell that has text of its own', () => {
    const flow = flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW3])]), pageLayout(2, [topOf(2, [['四、结转下年度继续办理', '<', '1', '0']])])]);
    expect(picture(tables(flow)[0]!.table)).toEqual([HEADER, ROW3, ['四、结转下年度继续办理', '<', '1', '0']]);
  });

  it('merges a fragment drawn without the first column (Chromium), the label covering the slots left uncovered', () => {
    const flow = flowWithContinuations([
      pageLayout(1, [bottomOf(1, [HEADER, ROW3, ROW4])]),
      pageLayout(2, [
        topOf(
          2,
          [
            ['（三）不予公开', '0', '1'],
            ['（四）无法提供', '2', '0'],
          ],
          XS.slice(1),
        ),
      ]),
    ]);
    const [merged] = tables(flow);
    expect(tables(flow)).toHaveLength(1);
    expect(merged!.table.xs).toEqual(XS);
    expect(picture(merged!.table)).toEqual([HEADER, ROW3, ROW4, ['^', '（三）不予公开', '0', '1'], ['^', '（四）无法提供', '2', '0']]);
  });

  it('does not take a narrower table whose rulings do not stand on the table’s for a continuation', () => {
    const flow = flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW3])]), pageLayout(2, [topOf(2, [['a', 'b', 'c']], [200, 300, 420, 535])])]);
    expect(tables(flow)).toHaveLength(2);
  });

  it('unifies the column rulings when the fragment draws fewer columns (a merged cell)', () => {
    const flow = flowWithContinuations([pageLayout(1, [bottomOf(1, [HEADER, ROW1])]), pageLayout(2, [topOf(2, [['合计', '11']], [60, 300, 535])])]);
    expect(picture(tables(flow)[0]!.table)).toEqual([HEADER, ROW1, ['合计', '<', '11', '<']]);
  });

  it('chains a table over three pages into one', () => {
    const middle = pdfTable(2, XS, rowsFrom(72, 22), Array.from({ length: 22 }, (_, i) => [`行${i}`, '<', String(i), '0']));
    const flow = flowWithContinuations([
      pageLayout(1, [bottomOf(1, [HEADER, ROW1])], [textLine(1, '- 1 -', 800, 280)]),
      pageLayout(2, [middle], [textLine(2, '- 2 -', 800, 280)]),
      pageLayout(3, [topOf(3, [ROW2])], [textLine(3, '- 3 -', 800, 280), textLine(3, '五、存在的主要问题及改进情况', 140)]),
    ]);
    expect(texts(flow)).toEqual(['[table p1–3]', '- 1 -', '- 2 -', '五、存在的主要问题及改进情况', '- 3 -']);
    const table = tables(flow)[0]!.table;
    expect(picture(table)).toHaveLength(2 + 22 + 1);
    expect(picture(table).at(-1)).toEqual(ROW2);
    expect(picture(table).flat()).not.toContain('!!');
  });
});

describe('isMarginNoise', () => {
  it('takes short lines in the top or bottom 8 % of the page for noise, not body text or long lines there', () => {
    expect(isMarginNoise(textLine(1, '- 12 -', 800), 842)).toBe(true);
    expect(isMarginNoise(textLine(1, '第 3 页 共 10 页', 30), 842)).toBe(true);
    expect(isMarginNoise(textLine(1, '- 12 -', 400), 842)).toBe(false);
    expect(isMarginNoise(textLine(1, '本表中的数据均为本年度一月一日至十二月三十一日', 800), 842)).toBe(false);
  });
});
