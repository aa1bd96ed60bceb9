/**
 * Tables continued on the next page become one table: the fragment at the top of page n+1 is
 * appended to the table at the bottom of page n when they have the same left and right edges.
 * Their column rulings are unified by x position (a fragment may draw fewer columns), header rows
 * the producer repeated are dropped, and a merged label cell cut by the page break is carried on
 * over the empty cells that continue it.
 */
import type { PdfCell, PdfLine, PdfTable, PageLayout } from './page-layout.ts';

/** Edges this close are the same edge. */
const EDGE = 4;
/** Lines in the top or bottom margin that do not break a continuation (page numbers, running heads). */
const MARGIN_SHARE = 0.08;
const MIN_MARGIN = 72;
/** A continued fragment repeats at most this many header rows. */
const MAX_HEADER_ROWS = 4;

/** Short lines in the top or bottom margin (page numbers, running heads) do not end a table. */
export function isMarginNoise(line: PdfLine, pageHeight: number): boolean {
  // At least an inch: on a landscape page 8% of the height is less than a footer's height.
  const margin = Math.max(pageHeight * MARGIN_SHARE, MIN_MARGIN);
  const inMargin = line.y0 < margin || line.y0 > pageHeight - margin;
  return inMargin && line.text.replace(/\s+/gu, '').length <= 12;
}

function unify(xs: number[]): number[] {
  const out: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) if (out.length === 0 || x - out.at(-1)! > EDGE) out.push(x);
  return out;
}

function nearest(xs: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
  return best;
}

/** Cells re-indexed on a unified set of column rulings. */
function regrid(cells: PdfCell[], xs: number[], rowOffset: number): PdfCell[] {
  return cells.map((c) => {
    const col = nearest(xs, c.x0);
    return { ...c, row: c.row + rowOffset, col, colSpan: Math.max(1, nearest(xs, c.x1) - col) };
  });
}

function rowTexts(cells: PdfCell[], row: number): string {
  return cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => c.text.replace(/\s+/gu, ''))
    .join('|');
}

const looksNumeric = (text: string) => /^[\s\d.,+\-—−/%]*$/u.test(text) && /\d/u.test(text);

function mergeInto(a: PdfTable, b: PdfTable): PdfTable {
  const xs = unify([...a.xs, ...b.xs]);
  const rowsA = a.ys.length - 1;
  const upper = regrid(a.cells, xs, 0);
  let lower = regrid(b.cells, xs, rowsA);

  // Header rows repeated at the top of the fragment: the same texts as the table's first rows.
  let repeated = 0;
  while (repeated < MAX_HEADER_ROWS && repeated < b.ys.length - 1) {
    const textB = rowTexts(lower, rowsA + repeated);
    if (textB.replace(/\|/gu, '') === '' || textB !== rowTexts(upper, repeated)) break;
    repeated++;
  }
  if (repeated > 0) {
    lower = lower.filter((c) => c.row >= rowsA + repeated).map((c) => ({ ...c, row: c.row - repeated }));
  }

  const lastRow = rowsA - 1;
  // A label cell cut by the page break: empty cells below it, left of the first number of their
  // row. (A header cell whose text the break cut in two — 结果维 | 持 — is read whole by normalize.)
  for (const above of upper.filter((c) => c.row + c.rowSpan - 1 === lastRow && c.text.trim() !== '' && !looksNumeric(c.text))) {
    let row = rowsA;
    for (;;) {
      const inRow = lower.filter((c) => c.row === row);
      const firstNumber = inRow.filter((c) => looksNumeric(c.text)).sort((x, y) => x.col - y.col)[0];
      if (!firstNumber || firstNumber.col <= above.col) break;
      const below = inRow.find((c) => c.col === above.col && c.colSpan === above.colSpan);
      // Chromium does not draw the continuation at all: no cell where the label's column is.
      const uncovered = !below && !lower.some((c) => c.row <= row && row < c.row + c.rowSpan && c.col < above.col + above.colSpan && above.col < c.col + c.colSpan);
      if (uncovered) {
        above.rowSpan += 1;
        row += 1;
        continue;
      }
      if (!below || below.text.trim() !== '') break;
      above.rowSpan += below.rowSpan;
      lower = lower.filter((c) => c !== below);
      row += below.rowSpan;
    }
  }
  const rows = rowsA + (b.ys.length - 1) - repeated;
  return { ...a, xs, ys: [...a.ys, ...new Array<number>(rows - rowsA).fill(a.y1)], cells: [...upper, ...lower], y1: a.y1 };
}

export type FlowItem = { kind: 'line'; line: PdfLine } | { kind: 'table'; table: PdfTable; lastPage: number };

/**
 * The pages' tables and lines as one flow, in reading order, with every table that continues on
 * the next page merged into one: a table is continued when the next thing after it (margin noise
 * aside) is a table at the top of the following page with the same edges (or the same right edge
 * and column rulings that stand on the table's).
 */
export function flowWithContinuations(layouts: PageLayout[]): FlowItem[] {
  const flow: FlowItem[] = [];
  for (const layout of layouts) {
    const items: FlowItem[] = [
      ...layout.tables.map((table) => ({ kind: 'table' as const, table, lastPage: layout.page })),
      ...layout.lines.map((line) => ({ kind: 'line' as const, line })),
    ].sort((a, b) => topOf(a) - topOf(b));
    for (const flowItem of items) {
      if (flowItem.kind === 'table') {
        const previous = lastTableBeforeOnlyNoise(flow, layouts);
        if (previous && canContinue(previous, flowItem.table)) {
          previous.table = mergeInto(previous.table, flowItem.table);
          previous.lastPage = flowItem.table.page;
          continue;
        }
      }
      flow.push(flowItem);
    }
  }
  return flow;
}

const topOf = (item: FlowItem) => (item.kind === 'table' ? item.table.y0 : item.line.y0);

/** The last table of the flow, if nothing but margin noise follows it. */
function lastTableBeforeOnlyNoise(flow: FlowItem[], layouts: PageLayout[]): Extract<FlowItem, { kind: 'table' }> | undefined {
  for (let i = flow.length - 1; i >= 0; i--) {
    const item = flow[i]!;
    if (item.kind === 'table') return item;
    const height = layouts.find((l) => l.page === item.line.page)?.height ?? Infinity;
    if (!isMarginNoise(item.line, height)) return undefined;
  }
  return undefined;
}

function canContinue(previous: Extract<FlowItem, { kind: 'table' }>, next: PdfTable): boolean {
  // Tables turned upright continue only into tables turned the same way (their frames agree).
  if (previous.table.angle !== next.angle || !previous.table.ruled || !next.ruled) return false;
  if (next.page !== previous.lastPage + 1) return false;
  const a = previous.table;
  if (Math.abs(a.x1 - next.x1) > EDGE) return false;
  const standsOn = (xs: number[], on: number[]) => xs.every((x) => on.some((o) => Math.abs(o - x) <= EDGE));
  // Same edges, and the column rulings of one stand on the other's (a fragment may draw fewer
  // columns): another table of the same width that happens to open the next page is not merged.
  if (Math.abs(a.x0 - next.x0) <= EDGE) return standsOn(next.xs, a.xs) || standsOn(a.xs, next.xs);
  // A fragment that leaves out the first columns (a merged label column not drawn on the new page).
  return next.x0 > a.x0 && standsOn(next.xs, a.xs);
}
