import { describe, expect, it } from 'vitest';
import { rulingsOf, type Segment } from '../../src/extract/pdf/page-content.ts';
import { findRuledTables, type RuledTable } from '../../src/extract/pdf/ruled-tables.ts';
import { A4_VIEWPORT, OpList, gridSegments, hSeg, path, picture, vSeg } from './pdf-fixtures.ts';

/** A grid's cells in picture notation, each cell's origin marked 'x'. */
const shape = (table: RuledTable) => picture({ cells: table.cells.map((c) => ({ ...c, text: 'x' })) });

const XS = [50, 150, 250, 350];
const YS = [100, 130, 160, 190];

/** The full 3 × 3 grid's rulings, less those `drop` picks. */
const gridWithout = (drop: (s: Segment) => boolean) => gridSegments(XS, YS).filter((s) => !drop(s));

describe('findRuledTables', () => {
  it('reads a 3 × 3 grid: its rulings, box and nine single cells', () => {
    const [table, ...rest] = findRuledTables(gridSegments(XS, YS));
    expect(rest).toEqual([]);
    expect(table!.xs).toEqual(XS);
    expect(table!.ys).toEqual(YS);
    expect([table!.x0, table!.y0, table!.x1, table!.y1]).toEqual([50, 100, 350, 190]);
    expect(shape(table!)).toEqual([
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
    expect(table!.cells.find((c) => c.row === 1 && c.col === 2)).toMatchObject({ x0: 250, x1: 350, y0: 130, y1: 160 });
  });

  it('reads the same grid whatever order and pieces its rulings come in (one ruling per cell edge)', () => {
    const pieces: Segment[] = [];
    for (const y of YS) for (let c = 0; c < 3; c++) pieces.push(hSeg(y, XS[c]!, XS[c + 1]!));
    for (const x of XS) for (let r = 0; r < 3; r++) pieces.push(vSeg(x, YS[r]!, YS[r + 1]!));
    const [table] = findRuledTables(pieces.reverse());
    expect(table!.xs).toEqual(XS);
    expect(table!.ys).toEqual(YS);
    expect(table!.cells).toHaveLength(9);
  });

  it('merges two columns where the inner vertical ruling is missing in a row (colSpan 2)', () => {
    const segments = [...gridWithout((s) => s.x0 === 250 && s.x1 === 250), vSeg(250, 130, 190)];
    const [table] = findRuledTables(segments);
    expect(table!.xs).toEqual(XS);
    expect(shape(table!)).toEqual([
      ['x', 'x', '<'],
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
    expect(table!.cells.find((c) => c.row === 0 && c.col === 1)).toMatchObject({ colSpan: 2, x0: 150, x1: 350 });
  });

  it('merges two rows where the inner horizontal ruling is missing in a column (rowSpan 2)', () => {
    const segments = [...gridWithout((s) => s.y0 === 130 && s.y1 === 130), hSeg(130, 150, 350)];
    const [table] = findRuledTables(segments);
    expect(table!.ys).toEqual(YS);
    expect(shape(table!)).toEqual([
      ['x', 'x', 'x'],
      ['^', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
    expect(table!.cells.find((c) => c.row === 0 && c.col === 0)).toMatchObject({ rowSpan: 2, y0: 100, y1: 160 });
  });

  it('keeps two tables on one page apart', () => {
    const tables = findRuledTables([...gridSegments([50, 300, 545], [400, 430, 460]), ...gridSegments(XS, YS)]);
    expect(tables.map((t) => [t.x0, t.y0, t.x1, t.y1])).toEqual([
      [50, 100, 350, 190],
      [50, 400, 545, 460],
    ]);
  });

  it('keeps two tables apart when their outer verticals are collinear (one above the other, a caption between)', () => {
    const lower = [50, 200, 350];
    const tables = findRuledTables([...gridSegments(XS, YS), ...gridSegments(lower, [215, 245, 275])]);
    expect(tables).toHaveLength(2);
    expect(tables[0]!.xs).toEqual(XS);
    expect(tables[0]!.ys).toEqual(YS);
    expect(tables[1]!.xs).toEqual(lower);
    expect(tables[1]!.ys).toEqual([215, 245, 275]);
  });

  it('keeps two tables apart when only 5 pt separate them', () => {
    const tables = findRuledTables([...gridSegments(XS, YS), ...gridSegments(XS, [195, 225])]);
    expect(tables.map((t) => t.ys)).toEqual([YS, [195, 225]]);
  });

  it('adds a row below the last horizontal ruling when the verticals run on (a table cut by a page break)', () => {
    const segments = [...[100, 130, 160].map((y) => hSeg(y, 50, 350)), ...XS.map((x) => vSeg(x, 100, 180))];
    const [table] = findRuledTables(segments);
    expect(table!.ys).toEqual([100, 130, 160, 180]);
    expect(shape(table!)).toEqual([
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
  });

  it('adds a row above the first horizontal ruling when the verticals start higher (the fragment on the next page)', () => {
    const segments = [...[80, 110].map((y) => hSeg(y, 50, 350)), ...XS.map((x) => vSeg(x, 60, 110))];
    const [table] = findRuledTables(segments);
    expect(table!.ys).toEqual([60, 80, 110]);
    expect(table!.cells).toHaveLength(6);
  });

  it('takes the outer columns from the ends of the horizontals when the table has no side borders', () => {
    const segments = [...YS.map((y) => hSeg(y, 50, 350)), vSeg(150, 100, 190), vSeg(250, 100, 190)];
    const [table] = findRuledTables(segments);
    expect(table!.xs).toEqual(XS);
    expect(table!.cells).toHaveLength(9);
  });

  it('reads a double border (two rulings 1 pt apart) as one line', () => {
    const segments = [...gridSegments(XS, YS), hSeg(101, 50, 350), hSeg(189, 50, 350), vSeg(51, 100, 190), vSeg(349, 100, 190)];
    const [table] = findRuledTables(segments);
    expect(table!.xs).toHaveLength(4);
    expect(table!.ys).toHaveLength(4);
    expect(table!.cells).toHaveLength(9);
    for (const v of [table!.xs[0]!, table!.ys[0]! - 50]) {
      expect(v).toBeGreaterThanOrEqual(50);
      expect(v).toBeLessThanOrEqual(51);
    }
  });

  it('does not take a stroke shorter than 3 pt touching a ruling for a grid line (rulingsOf drops it)', () => {
    // A 2 pt mark on the middle vertical, between two rulings (a glyph detail, a stray stroke), drawn
    // with the grid; findRuledTables trusts its input, the short stroke never reaches it.
    const ops = new OpList();
    for (const s of gridSegments(XS, YS)) ops.stroke(path.line(s.x0, 842 - s.y0, s.x1, 842 - s.y1));
    ops.stroke(path.line(149, 842 - 115, 151, 842 - 115));
    const [table] = findRuledTables(rulingsOf(ops.fnArray, ops.argsArray, A4_VIEWPORT));
    expect(table!.ys).toEqual(YS);
    expect(shape(table!)).toEqual([
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
  });

  it('finds no table in a box too small to be one (a check box) or in lone lines', () => {
    expect(findRuledTables(gridSegments([100, 110], [100, 110]))).toEqual([]);
    expect(findRuledTables([hSeg(100, 50, 500), hSeg(120, 50, 500)])).toEqual([]);
    expect(findRuledTables([])).toEqual([]);
  });
});
