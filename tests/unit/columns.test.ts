import { describe, expect, it } from 'vitest';
import type { TableCell } from '../../src/model/document.ts';
import { assignValues, columnsByOrder, type HeaderColumn } from '../../src/normalize/columns.ts';
import { cell, table } from './fixtures.ts';

/** Header columns from the cells of a header row, keyed in order. */
function headerColumns(cells: TableCell[], keys: string[]): HeaderColumn[] {
  return cells.map((c, i) => ({ key: keys[i]!, start: c.col, end: c.col + c.colSpan, text: c.text }));
}

const pairs = (r: ReturnType<typeof assignValues>) => r.assignments.map((a) => [a.column.key, a.cell.text]);

describe('assignValues', () => {
  it('matches by overlap when every cell sits under exactly one column', () => {
    const t = table([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '2', '3'],
    ]);
    const columns = headerColumns(t.rows[0]!.slice(1), ['issued', 'repealed', 'in_force']);
    const r = assignValues(t.rows[1]!.slice(1), columns);
    expect(r.method).toBe('overlap');
    expect(pairs(r)).toEqual([
      ['issued', '1'],
      ['repealed', '2'],
      ['in_force', '3'],
    ]);
    expect(r.unassigned).toEqual([]);
  });

  it('matches by overlap when a row lacks a cell, leaving that column without a value (no shift)', () => {
    const t = table([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', cell('3', { skipBefore: 1 })],
    ]);
    const columns = headerColumns(t.rows[0]!.slice(1), ['issued', 'repealed', 'in_force']);
    const r = assignValues(t.rows[1]!.slice(1), columns);
    expect(r.method).toBe('overlap');
    expect(pairs(r)).toEqual([
      ['issued', '1'],
      ['in_force', '3'],
    ]);
  });

  it('maps the Shanghai colspan drift in order: header [1][1][colspan 2][1] vs data [1][colspan 2][1][1]', () => {
    const t = table([
      ['信息内容', '上一年项目数量', cell('本年增/减', { colSpan: 2 }), '处理决定数量'],
      ['行政许可', cell('3', { colSpan: 2 }), '0', '108'],
    ]);
    const columns = headerColumns(t.rows[0]!.slice(1), ['prev_year_items', 'change_this_year', 'decisions']);
    const r = assignValues(t.rows[1]!.slice(1), columns);
    expect(r.method).toBe('order');
    expect(pairs(r)).toEqual([
      ['prev_year_items', '3'],
      ['change_this_year', '0'],
      ['decisions', '108'],
    ]);
  });

  it('falls back to best overlap when counts disagree and spans are ambiguous, reporting leftovers', () => {
    // One value cell spanning the whole value area (a single-value block) next to two stray cells.
    const columns: HeaderColumn[] = [
      { key: 'a', start: 1, end: 2, text: 'A' },
      { key: 'b', start: 2, end: 4, text: 'B' },
    ];
    const t = table([['label', cell('5', { colSpan: 2 }), '7', '9']]);
    const r = assignValues(t.rows[0]!.slice(1), columns);
    expect(r.method).toBe('best-overlap');
    expect(pairs(r)).toEqual([
      ['a', '5'],
      ['b', '7'],
    ]);
    expect(r.unassigned.map((c) => c.text)).toEqual(['9']);
  });

  it('in best overlap, a column prefers a non-empty cell among equally overlapping ones', () => {
    // 本年处理决定数量 drawn over three grid columns, the value in the middle one.
    const columns: HeaderColumn[] = [{ key: 'decisions', start: 1, end: 4, text: '本年处理决定数量' }];
    const t = table([['行政许可', '', '7', '']]);
    const r = assignValues(t.rows[0]!.slice(1), columns);
    expect(r.method).toBe('best-overlap');
    expect(pairs(r)).toEqual([['decisions', '7']]);
    expect(r.unassigned.map((c) => c.text)).toEqual(['', '']);
  });

  it('assigns nothing for a row without value cells', () => {
    const r = assignValues([], [{ key: 'a', start: 1, end: 2, text: 'A' }]);
    expect(r.assignments).toEqual([]);
  });
});

describe('columnsByOrder', () => {
  it('gives the i-th key the span of the i-th cell', () => {
    const t = table([['行政许可', cell('7', { colSpan: 3 })]]);
    expect(columnsByOrder(['decisions'], t.rows[0]!.slice(1))).toEqual([{ key: 'decisions', start: 1, end: 4, text: '' }]);
  });

  it('gives keys without a cell an empty span that overlaps nothing', () => {
    const t = table([['规章', '1']]);
    const columns = columnsByOrder(['issued', 'repealed'], t.rows[0]!.slice(1));
    expect(columns[1]).toEqual({ key: 'repealed', start: -1, end: -1, text: '' });
    expect(assignValues(t.rows[0]!.slice(1), columns).assignments.map((a) => a.column.key)).toEqual(['issued']);
  });
});
