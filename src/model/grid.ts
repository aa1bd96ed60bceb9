/**
 * Span arithmetic shared by every extractor: placing authored cells on a grid (the HTML table
 * algorithm), and expanding a table into a rectangular grid of slots.
 */
import type { TableBlock, TableCell } from './document.ts';

/** A cell as an extractor reads it, before it is placed on the grid. */
export interface RawCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Grid columns left empty before this cell (docx w:gridBefore on the first cell of a row). */
  skipBefore?: number;
  page?: number;
  nestedTables?: number[];
}

const MAX_SPAN = 1000; // guards against absurd spans in hostile markup

function clampSpan(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value) || value < 1) return 1;
  return Math.min(Math.floor(value), MAX_SPAN);
}

/**
 * Place raw rows on a grid: each cell starts in the first free column of its row, skipping columns
 * taken by rowspans from above. A rowspan that runs past the last row is cut at the table's end.
 */
export function placeCells(rawRows: RawCell[][], index: number, extra: Partial<TableBlock> = {}): TableBlock {
  const occupied: boolean[][] = [];
  const taken = (r: number, c: number) => occupied[r]?.[c] === true;
  const take = (r: number, c: number) => {
    (occupied[r] ??= [])[c] = true;
  };
  const rows: TableCell[][] = [];
  let columnCount = 0;
  rawRows.forEach((rawRow, r) => {
    const out: TableCell[] = [];
    let c = 0;
    for (const raw of rawRow) {
      c += Math.max(0, Math.floor(raw.skipBefore ?? 0));
      while (taken(r, c)) c++;
      const rowSpan = Math.min(clampSpan(raw.rowSpan), rawRows.length - r);
      const colSpan = clampSpan(raw.colSpan);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) take(r + dr, c + dc);
      const cell: TableCell = { text: raw.text, rowSpan, colSpan, row: r, col: c };
      if (raw.page !== undefined) cell.page = raw.page;
      if (raw.nestedTables?.length) cell.nestedTables = raw.nestedTables;
      out.push(cell);
      c += colSpan;
    }
    columnCount = Math.max(columnCount, c, occupied[r]?.length ?? 0);
    rows.push(out);
  });
  return { kind: 'table', index, rows, columnCount, ...extra };
}

/** One position of the expanded grid. */
export interface Slot {
  cell: TableCell;
  /** True at the cell's top-left position, false where the slot is covered by a span. */
  origin: boolean;
}

/**
 * Expand a table into rows × columnCount slots. Positions no cell covers (short rows) are null.
 */
export function expandGrid(table: TableBlock): (Slot | null)[][] {
  const grid: (Slot | null)[][] = table.rows.map(() => new Array<Slot | null>(table.columnCount).fill(null));
  for (const row of table.rows) {
    for (const cell of row) {
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        const target = grid[cell.row + dr];
        if (!target) continue;
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const c = cell.col + dc;
          if (c < target.length) target[c] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
    }
  }
  return grid;
}
