/**
 * Read-only helpers over one table of the document model: the expanded grid, the cells that start
 * in a row, and label paths read across merged cells.
 */
import type { TableBlock, TableCell } from '../model/document.ts';
import { expandGrid, type Slot } from '../model/grid.ts';
import { compact } from './labels.ts';

export class TableView {
  readonly grid: (Slot | null)[][];

  constructor(readonly table: TableBlock) {
    this.grid = expandGrid(table);
  }

  get rowCount(): number {
    return this.table.rows.length;
  }

  /** Cells that start in row r, left to right. */
  cellsStartingIn(r: number): TableCell[] {
    return this.table.rows[r] ?? [];
  }

  /** Distinct cells covering row r in grid columns [from, to), left to right. */
  cellsCovering(r: number, from = 0, to = this.table.columnCount): TableCell[] {
    const out: TableCell[] = [];
    const row = this.grid[r] ?? [];
    for (let c = Math.max(0, from); c < Math.min(to, row.length); c++) {
      const cell = row[c]?.cell;
      if (cell && !out.includes(cell)) out.push(cell);
    }
    return out;
  }

  /** Non-empty texts of the distinct cells covering row r in columns [from, to). */
  textsCovering(r: number, from = 0, to = this.table.columnCount): string[] {
    return this.cellsCovering(r, from, to)
      .map((c) => c.text)
      .filter((t) => compact(t).length > 0);
  }

  /** Every non-empty cell text of the table, compacted (for classification). */
  allTexts(): string[] {
    return this.table.rows.flat().map((c) => compact(c.text)).filter((t) => t.length > 0);
  }

  /** Distinct cells covering grid column c in rows [from, to), top to bottom. */
  cellsInColumn(c: number, from: number, to: number): TableCell[] {
    const out: TableCell[] = [];
    for (let r = from; r < to; r++) {
      const cell = this.grid[r]?.[c]?.cell;
      if (cell && !out.includes(cell)) out.push(cell);
    }
    return out;
  }
}

export function isBlankText(text: string): boolean {
  return compact(text).length === 0;
}
