import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/model/document.ts';
import { expandGrid, placeCells, type RawCell } from '../../src/model/grid.ts';

const c = (text: string, extra: Partial<RawCell> = {}): RawCell => ({ text, ...extra });

/** The grid as text: the cell text at each slot, '*' marking the cell's origin, '.' for no cell. */
function picture(t: TableBlock): string[] {
  return expandGrid(t).map((row) => row.map((s) => (s ? s.cell.text + (s.origin ? '*' : '') : '.')).join(' '));
}

describe('placeCells', () => {
  it('places each cell in the first column not taken by a rowspan from above', () => {
    const t = placeCells([[c('a', { rowSpan: 2 }), c('b', { colSpan: 2 })], [c('c'), c('d')]], 3);
    expect(t.index).toBe(3);
    expect(t.columnCount).toBe(3);
    expect(t.rows[1]!.map((x) => [x.text, x.row, x.col])).toEqual([
      ['c', 1, 1],
      ['d', 1, 2],
    ]);
    expect(t.rows[0]![1]).toMatchObject({ text: 'b', row: 0, col: 1, colSpan: 2, rowSpan: 1 });
  });

  it('lays out the T3 header block: note rowspan 3 × colspan 3, 自然人 and 总计 rowspan 2', () => {
    const t = placeCells(
      [
        [c('note', { rowSpan: 3, colSpan: 3 }), c('申请人情况', { colSpan: 7 })],
        [c('自然人', { rowSpan: 2 }), c('法人或其他组织', { colSpan: 5 }), c('总计', { rowSpan: 2 })],
        [c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
      ],
      0,
    );
    expect(t.columnCount).toBe(10);
    expect(t.rows[2]!.map((x) => x.col)).toEqual([4, 5, 6, 7, 8]);
    expect(t.rows[1]!.map((x) => x.col)).toEqual([3, 4, 9]);
  });

  it('skips grid columns given by skipBefore (docx gridBefore)', () => {
    const t = placeCells([[c('a'), c('b'), c('c')], [c('x', { skipBefore: 2 })]], 0);
    expect(t.rows[1]![0]).toMatchObject({ text: 'x', col: 2 });
  });

  it('cuts a rowspan that runs past the last row', () => {
    const t = placeCells([[c('a', { rowSpan: 5 })], [c('b')]], 0);
    expect(t.rows[0]![0]!.rowSpan).toBe(2);
    expect(t.rows[1]![0]!.col).toBe(1);
  });

  it('reads missing, zero, negative, fractional and absurd spans safely', () => {
    const t = placeCells([[c('a', { colSpan: 0 }), c('b', { colSpan: Number.NaN }), c('c', { colSpan: 2.7, rowSpan: -1 }), c('d', { colSpan: 1e9 })]], 0);
    expect(t.rows[0]!.map((x) => [x.col, x.colSpan, x.rowSpan])).toEqual([
      [0, 1, 1],
      [1, 1, 1],
      [2, 2, 1],
      [4, 1000, 1],
    ]);
  });

  it('keeps page and nested-table references of a cell', () => {
    const t = placeCells([[c('a', { page: 4, nestedTables: [2] }), c('b', { nestedTables: [] })]], 0);
    expect(t.rows[0]![0]).toMatchObject({ page: 4, nestedTables: [2] });
    expect(t.rows[0]![1]).not.toHaveProperty('nestedTables');
    expect(t.rows[0]![1]).not.toHaveProperty('page');
  });

  it('passes extra table properties through', () => {
    expect(placeCells([[c('a')]], 0, { page: 2 }).page).toBe(2);
  });
});

describe('expandGrid', () => {
  it('shows a merged cell at every slot it covers, marking its origin', () => {
    const t = placeCells([[c('a', { rowSpan: 2 }), c('b', { colSpan: 2 })], [c('c'), c('d')]], 0);
    expect(picture(t)).toEqual(['a* b* b', 'a c* d*']);
  });

  it('leaves slots of short rows empty (null)', () => {
    const t = placeCells([[c('a'), c('b')], [c('c')]], 0);
    expect(picture(t)).toEqual(['a* b*', 'c* .']);
    expect(expandGrid(t)[1]![1]).toBeNull();
  });

  it('leaves the columns skipped by skipBefore empty', () => {
    const t = placeCells([[c('a'), c('b'), c('c')], [c('x', { skipBefore: 1 }), c('y')]], 0);
    expect(picture(t)).toEqual(['a* b* c*', '. x* y*']);
  });
});
