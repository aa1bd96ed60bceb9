/**
 * Header-driven column mapping. Header cells give each value column a key and a span of grid
 * columns; the value cells of a data row are then matched to those columns.
 *
 * Published tables are not always drawn on one grid: in the Shanghai 2019 page the header of
 * 第（五）项 is laid out [1][1][colspan 2][1] while its data rows are [1][colspan 2][1][1]
 * (FORMAT.md §6.5, "colspan drift"). Matching by overlap alone would shift every number, matching by
 * position alone would break on rows with missing cells; `assignValues` uses overlap where it is
 * unambiguous and falls back to order where the counts agree.
 */
import type { TableCell } from '../model/document.ts';
import { labelKey, matchRule, type MatchRule } from './labels.ts';

export interface HeaderColumn {
  /** Column id part, e.g. `natural_person`, `review.upheld`. */
  key: string;
  /** First grid column (inclusive). */
  start: number;
  /** Last grid column + 1. */
  end: number;
  /** Header text as printed (joined path). */
  text: string;
}

export interface Assignment {
  column: HeaderColumn;
  cell: TableCell;
}

export interface AssignResult {
  assignments: Assignment[];
  /** 'overlap' | 'order' | 'best-overlap': how the cells were matched, for warnings. */
  method: 'overlap' | 'order' | 'best-overlap';
  /** Value cells that found no column. */
  unassigned: TableCell[];
}

function overlap(cell: TableCell, column: HeaderColumn): number {
  const a = Math.max(cell.col, column.start);
  const b = Math.min(cell.col + cell.colSpan, column.end);
  return Math.max(0, b - a);
}

export function assignValues(cells: TableCell[], columns: HeaderColumn[]): AssignResult {
  const byOverlap = cells.map((cell) => columns.filter((col) => overlap(cell, col) > 0));
  const oneToOne =
    byOverlap.every((cols) => cols.length === 1) && new Set(byOverlap.map((cols) => cols[0]!.key)).size === cells.length;
  if (oneToOne && cells.length > 0) {
    return {
      assignments: cells.map((cell, i) => ({ cell, column: byOverlap[i]![0]! })),
      method: 'overlap',
      unassigned: [],
    };
  }
  if (cells.length === columns.length) {
    return { assignments: cells.map((cell, i) => ({ cell, column: columns[i]! })), method: 'order', unassigned: [] };
  }
  // Counts disagree and spans are ambiguous: each column takes the cell that covers most of it,
  // preferring a non-empty one; what is left over is reported.
  const assignments: Assignment[] = [];
  const used = new Set<TableCell>();
  for (const column of columns) {
    const candidates = cells
      .filter((cell) => !used.has(cell) && overlap(cell, column) > 0)
      .sort((a, b) => overlap(b, column) - overlap(a, column) || Number(b.text.trim() !== '') - Number(a.text.trim() !== ''));
    const best = candidates[0];
    if (best) {
      used.add(best);
      assignments.push({ column, cell: best });
    }
  }
  return { assignments, method: 'best-overlap', unassigned: cells.filter((c) => !used.has(c)) };
}

/** Columns laid out by order when a table part has no header of its own (continuations). */
export function columnsByOrder(keys: readonly string[], cells: TableCell[]): HeaderColumn[] {
  return keys.map((key, i) => {
    const cell = cells[i];
    return { key, start: cell?.col ?? -1, end: cell ? cell.col + cell.colSpan : -1, text: '' };
  });
}

/**
 * The column a header path names, read from its lowest cells: the lowest cell alone, else the
 * lowest two joined, and so on. A header word split over stacked cells — 结果维 | 持 where a page
 * break cut the cell, or 结 | 果 | 维 | 持 where a PDF's stacked header was read line by line — is
 * read whole. Returns the rule and the cells above the ones it used.
 */
export function matchHeaderLeaf<T extends MatchRule>(path: TableCell[], rules: readonly T[]): { rule: T; above: TableCell[] } | undefined {
  for (let k = 1; k <= Math.min(path.length, 4); k++) {
    const rule = matchRule(labelKey(path.slice(-k).map((c) => c.text).join('')), rules);
    if (rule) return { rule, above: path.slice(0, -k) };
  }
  return undefined;
}
