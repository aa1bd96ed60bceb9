/**
 * The abstract document that every fixture is built as, before it is written out as .docx or HTML.
 *
 * A table follows the HTML model: each row lists only the cells that start in it; a cell covers
 * `rowSpan` rows and `colSpan` grid columns, and the rows below a rowspan simply omit the covered
 * slots. The writers turn that into OOXML (gridSpan / vMerge) or <td rowspan colspan>. Merge styles
 * that real files use instead of clean merges (empty continuation cells, phantom grids, gridBefore)
 * are transforms of this model (merge-styles.ts), so docx and HTML fixtures share them.
 *
 * The report-table builders (T2, T3, T4, the Zhejiang platform table) live in report-tables.ts
 * and are re-exported from here.
 */

export interface Cell {
  /** Printed text; '\n' separates paragraphs inside the cell. */
  text: string;
  rowSpan?: number;
  colSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** Content placed inside the cell after its text (nested tables of a layout table). */
  blocks?: Block[];
}

export interface Row {
  cells: Cell[];
  /** Header rows are drawn bold-ish and, in a phantom grid, get their own column boundaries. */
  header?: boolean;
  /** Row group for the phantom-grid transform; defaults to 'head' or 'data' from `header`. */
  group?: string;
  /** Grid columns left empty (no cell at all) before the first cell: w:gridBefore. */
  gridBefore?: number;
  /** Grid columns left empty after the last cell: w:gridAfter. */
  gridAfter?: number;
}

export interface Table {
  rows: Row[];
  /** Relative widths of the grid columns (scaled to the page by the writers). */
  colWidths: number[];
  /** Font size in points for the table's text (default 10.5). */
  fontPt?: number;
  /** What the table is, for the generator's bookkeeping only (never written). */
  role?: 'active_disclosure' | 'applications' | 'review_litigation' | 'platform' | 'other' | 'layout';
  /** Share of the text width the table takes (default 1). */
  widthShare?: number;
  /** Draw ruling lines (default true). */
  borders?: boolean;
  /** Repeat the header rows at the top of every page the table runs onto (docx w:tblHeader). */
  repeatHeader?: boolean;
  /** Minimum row height in points (docx w:trHeight hRule="atLeast"); makes long tables break. */
  minRowHeightPt?: number;
}

export type ParagraphStyle = 'title' | 'subtitle' | 'heading' | 'subheading' | 'body' | 'signature' | 'caption';

export interface Paragraph {
  type: 'p';
  text: string;
  style: ParagraphStyle;
}

export interface TableBlock {
  type: 'table';
  table: Table;
}

/** Ends the current page section; the section that ends here has this orientation. */
export interface SectionBreak {
  type: 'section';
  orientation: 'portrait' | 'landscape';
}

export type Block = Paragraph | TableBlock | SectionBreak;

export interface LayoutDoc {
  /** The document's container title (docx core title, HTML <title>). */
  containerTitle: string;
  blocks: Block[];
  /** Orientation of the last (or only) section. */
  orientation?: 'portrait' | 'landscape';
}

export const p = (text: string, style: ParagraphStyle = 'body'): Paragraph => ({ type: 'p', text, style });
export const tableBlock = (table: Table): TableBlock => ({ type: 'table', table });

/** One slot of the expanded grid of a table. */
export interface Slot {
  /** The cell covering the slot, or undefined for a gridBefore/gridAfter gap or a short row. */
  cell?: Cell;
  /** Row and column where that cell starts. */
  originRow: number;
  originCol: number;
}

/**
 * Expands a table into a rectangular grid of slots, honouring rowspans, colspans and
 * gridBefore. Throws on overlapping cells or rows wider than the grid: builders must be exact.
 */
export function expandGrid(table: Table): Slot[][] {
  const width = table.colWidths.length;
  const grid: Slot[][] = table.rows.map(() => Array.from({ length: width }, () => ({ originRow: -1, originCol: -1 })));
  table.rows.forEach((row, r) => {
    let col = row.gridBefore ?? 0;
    for (const cell of row.cells) {
      while (col < width && grid[r]![col]!.cell) col++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      if (col + cs > width) throw new Error(`row ${r} is wider than the grid (${width}): ${JSON.stringify(row.cells.map((c) => c.text))}`);
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          const slot = grid[r + dr]?.[col + dc];
          if (!slot) throw new Error(`rowspan of "${cell.text}" runs past the table`);
          if (slot.cell) throw new Error(`cells overlap at row ${r + dr} col ${col + dc}: "${slot.cell.text}" and "${cell.text}"`);
          slot.cell = cell;
          slot.originRow = r;
          slot.originCol = col;
        }
      }
      col += cs;
    }
  });
  return grid;
}

/** Column index at which each cell of each row starts (parallel to table.rows[r].cells). */
export function cellColumns(table: Table): number[][] {
  const grid = expandGrid(table);
  return table.rows.map((row, r) =>
    row.cells.map((cell) => {
      const col = grid[r]!.findIndex((s) => s.cell === cell && s.originRow === r);
      if (col < 0) throw new Error('cell not found in grid');
      return col;
    }),
  );
}

export function cloneTable(table: Table): Table {
  return {
    ...table,
    colWidths: [...table.colWidths],
    rows: table.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c })) })),
  };
}

export * from './report-tables.ts';
