/**
 * How a table's merged cells are written. Real files do not always use clean merges:
 *
 *  - 'word'         vMerge + gridSpan (docx) / rowspan + colspan (HTML), as Word writes them.
 *  - 'empty-cells'  no merges at all: every covered slot is an empty cell of its own (what a table
 *                   drawn cell by cell looks like, and what a text export shows for vMerge).
 *  - 'empty-vmerge' rowspans become empty cells, colspans are kept (the Lubu text export's shape).
 *  - 'phantom-grid' a LibreOffice round-trip grid: rows of different groups put their column
 *                   boundaries at slightly different places, so the grid gains narrow columns and
 *                   most cells span 2–3 of them; header and data cells start on different columns.
 *  - 'grid-before'  rowspan continuations at the start (end) of a row are left out and the row gets
 *                   w:gridBefore (w:gridAfter) instead; the merged label becomes a one-row cell.
 *
 * Every style is a transform of the abstract table, so docx and HTML fixtures share it.
 */
import { cloneTable, expandGrid, type Cell, type Row, type Table } from './layout.ts';

export type MergeStyle = 'word' | 'empty-cells' | 'empty-vmerge' | 'phantom-grid' | 'grid-before';

export function applyMergeStyle(table: Table, style: MergeStyle): Table {
  if (table.role === 'layout') return table;
  switch (style) {
    case 'word':
      return table;
    case 'empty-cells':
      return splitMerges(table, false);
    case 'empty-vmerge':
      return splitMerges(table, true);
    case 'phantom-grid':
      return phantomGrid(table);
    case 'grid-before':
      return gridBeforeForContinuations(table);
  }
}

/** Writes every covered slot as an empty cell; with keepColSpan only rowspans are split. */
function splitMerges(table: Table, keepColSpan: boolean): Table {
  const grid = expandGrid(table);
  const rows: Row[] = table.rows.map((row, r) => {
    const cells: Cell[] = [];
    const slots = grid[r]!;
    for (let c = 0; c < slots.length; c++) {
      const slot = slots[c]!;
      if (!slot.cell) continue; // gridBefore / gridAfter gap
      const span = slot.cell.colSpan ?? 1;
      const startsHere = slot.originCol === c;
      if (slot.originRow === r && startsHere) {
        const { rowSpan: _drop, ...rest } = slot.cell;
        cells.push(keepColSpan ? rest : { ...rest, colSpan: undefined });
      } else if (slot.originRow < r && startsHere) {
        cells.push(keepColSpan && span > 1 ? { text: '', colSpan: span } : { text: '' });
      } else if (!keepColSpan) {
        cells.push({ text: '' });
      }
    }
    return { ...row, cells };
  });
  return { ...table, rows };
}

/** Row-group offsets of the column boundaries, as a share of the column to the right. */
const GROUP_SHIFT: Record<string, number> = { caption: 0, head: 0.14, data: 0.28 };

function phantomGrid(table: Table): Table {
  const n = table.colWidths.length;
  const scale = 10000 / table.colWidths.reduce((a, b) => a + b, 0);
  const bounds: number[] = [0];
  for (const w of table.colWidths) bounds.push(bounds[bounds.length - 1]! + w * scale);
  const grid = expandGrid(table);
  // x[r][b]: where row r draws logical boundary b.
  const x: number[][] = table.rows.map((row) => {
    const shift = GROUP_SHIFT[row.group ?? (row.header ? 'head' : 'data')] ?? 0;
    return bounds.map((b, i) => (i === 0 || i === n ? Math.round(b) : Math.round(b + shift * (bounds[i + 1]! - b))));
  });
  // A cell merged down keeps its own boundaries in the rows it covers.
  table.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      const rs = cell.rowSpan ?? 1;
      if (rs < 2) continue;
      const c0 = grid[r]!.findIndex((s) => s.cell === cell);
      const c1 = c0 + (cell.colSpan ?? 1);
      for (let rr = r + 1; rr < r + rs; rr++) {
        x[rr]![c0] = x[r]![c0]!;
        x[rr]![c1] = x[r]![c1]!;
      }
    }
  });
  const lines = [...new Set(x.flat())].sort((a, b) => a - b);
  const at = (pos: number) => lines.indexOf(pos);
  const out = cloneTable(table);
  out.colWidths = lines.slice(1).map((l, i) => l - lines[i]!);
  out.rows = table.rows.map((row, r) => {
    const xr = x[r]!;
    const cells = row.cells.map((cell) => {
      const c0 = grid[r]!.findIndex((s) => s.cell === cell && s.originRow === r);
      const c1 = c0 + (cell.colSpan ?? 1);
      const span = at(xr[c1]!) - at(xr[c0]!);
      return { ...cell, colSpan: span > 1 ? span : undefined };
    });
    const before = row.gridBefore ? at(xr[row.gridBefore]!) : undefined;
    const after = row.gridAfter ? lines.length - 1 - at(xr[n - row.gridAfter]!) : undefined;
    return { ...row, cells, gridBefore: before, gridAfter: after };
  });
  return out;
}

function gridBeforeForContinuations(table: Table): Table {
  const grid = expandGrid(table);
  const width = table.colWidths.length;
  const isContinuation = (r: number, c: number) => {
    const s = grid[r]![c]!;
    return s.cell !== undefined && s.originRow < r;
  };
  // Origins whose every continuation slot can become a leading or trailing gap (fixpoint).
  let detached = new Set<Cell>();
  grid.forEach((slots, r) => slots.forEach((s, c) => isContinuation(r, c) && detached.add(s.cell!)));
  const runs = (r: number) => {
    const inSet = (c: number) => isContinuation(r, c) && detached.has(grid[r]![c]!.cell!);
    let lead = 0;
    while (lead < width && inSet(lead)) lead++;
    let trail = 0;
    while (trail < width - lead && inSet(width - 1 - trail)) trail++;
    return { lead, trail };
  };
  for (let changed = true; changed; ) {
    changed = false;
    grid.forEach((slots, r) => {
      const { lead, trail } = runs(r);
      slots.forEach((s, c) => {
        if (isContinuation(r, c) && detached.has(s.cell!) && c >= lead && c < width - trail) {
          detached.delete(s.cell!);
          changed = true;
        }
      });
    });
    detached = new Set(detached);
  }
  const out = cloneTable(table);
  out.rows = table.rows.map((row, r) => {
    const { lead, trail } = runs(r);
    const cells = row.cells.map((cell) => (detached.has(cell) ? { ...cell, rowSpan: undefined } : { ...cell }));
    return {
      ...row,
      cells,
      gridBefore: lead + (row.gridBefore ?? 0) || undefined,
      gridAfter: trail + (row.gridAfter ?? 0) || undefined,
    };
  });
  return out;
}
