/**
 * T4 — 行政复议、行政诉讼 (FORMAT.md §2.5): a three-row header naming 15 columns, then one row of
 * numbers without a label. Each column is named by its header path (行政诉讼 › 复议后起诉 › 结果维持).
 */
import { LABELS, isFieldId } from '../../catalogue/index.ts';
import type { TableCell } from '../../model/document.ts';
import { assignValues, columnsByOrder, matchHeaderLeaf, type HeaderColumn } from '../columns.ts';
import { labelKey, matchRule } from '../labels.ts';
import { LABEL_SEPARATOR, newMapping, type MappingContext, type TableMapping } from '../mapping.ts';
import { TableView, isBlankText } from '../table-view.ts';
import { isNumberText, looksLikeValue } from '../values.ts';

const RULES = LABELS.review_litigation;
const BLOCK_ORDER = ['review', 'litigation_direct', 'litigation_after_review'];

function isHeaderRow(view: TableView, r: number): boolean {
  const cells = view.cellsStartingIn(r);
  if (cells.some((c) => isNumberText(c.text))) return false;
  const keys = view.textsCovering(r).map(labelKey);
  return keys.some((k) => matchRule(k, RULES.columns) || matchRule(k, RULES.blocks));
}

function readHeader(view: TableView, headerEnd: number): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  const seen = new Set<TableCell>();
  const occurrences = new Map<string, number>();
  for (let c = 0; c < view.table.columnCount; c++) {
    const path = view.cellsInColumn(c, 0, headerEnd).filter((cell) => !isBlankText(cell.text));
    const leaf = path.at(-1);
    if (!leaf || seen.has(leaf)) continue;
    seen.add(leaf);
    const found = matchHeaderLeaf(path, RULES.columns);
    if (!found) continue;
    const col = found.rule;
    const keys = found.above.map((p) => labelKey(p.text));
    let block = keys.map((k) => matchRule(k, RULES.blocks)?.id).filter(Boolean).at(-1);
    if (!block) {
      // No group header above the leaf: the n-th 结果维持 belongs to the n-th block.
      const n = occurrences.get(col.id) ?? 0;
      block = BLOCK_ORDER[n];
    }
    occurrences.set(col.id, (occurrences.get(col.id) ?? 0) + 1);
    if (!block) continue;
    const key = `${block}.${col.id}`;
    if (columns.some((h) => h.key === key)) continue;
    columns.push({ key, start: leaf.col, end: leaf.col + leaf.colSpan, text: path.map((p) => p.text.replace(/\s+/gu, '')).join(LABEL_SEPARATOR) });
  }
  return columns;
}

export function mapReviewLitigation(view: TableView, ctx: MappingContext): TableMapping {
  const mapping = newMapping('review_litigation', view.table);
  // The header is every row above the first number (a PDF may give a header word's lines rows of
  // their own: 结果维 | 持); a table without numbers (a blank template) ends it at the first row
  // without header words.
  const firstNumbers = [...Array(view.rowCount).keys()].find((r) => view.cellsStartingIn(r).some((c) => isNumberText(c.text)));
  let headerEnd = 0;
  if (firstNumbers !== undefined && [...Array(firstNumbers).keys()].some((r) => isHeaderRow(view, r))) headerEnd = firstNumbers;
  else while (headerEnd < view.rowCount && isHeaderRow(view, headerEnd)) headerEnd++;

  let columns = headerEnd > 0 ? readHeader(view, headerEnd) : [];
  if (columns.length > 0) ctx.reviewColumns = columns;
  else if (ctx.reviewColumns) columns = ctx.reviewColumns;
  if (columns.length > 0 && columns.length < RULES.default_columns.length) {
    const missing = RULES.default_columns.filter((k) => !columns.some((c) => c.key === k));
    mapping.warnings.push({ code: 'COLUMN_MISSING', message: `review/litigation table ${view.table.index}: no column for ${missing.join(', ')}` });
  }
  const firstDataCol = columns.length > 0 ? Math.min(...columns.map((c) => c.start)) : 0;

  let mapped = false;
  for (let r = headerEnd; r < view.rowCount; r++) {
    let cells = view.cellsStartingIn(r).filter((c) => c.col >= firstDataCol);
    if (cells.length === 0) continue;
    // A label cell before the numbers ("件数", "数量") is not a value.
    const label = cells[0] && !looksLikeValue(cells[0].text) ? cells.shift()!.text.trim() : '';
    if (cells.every((c) => isBlankText(c.text)) && (mapped || r < view.rowCount - 1)) continue;
    if (mapped) {
      mapping.extraRows.push({ table: 'review_litigation', label, values: cells.map((c) => c.text.trim()), table_index: view.table.index, row: r });
      continue;
    }
    let rowColumns = columns;
    if (rowColumns.length === 0) {
      if (cells.length !== RULES.default_columns.length) {
        mapping.extraRows.push({ table: 'review_litigation', label, values: cells.map((c) => c.text.trim()), table_index: view.table.index, row: r });
        continue;
      }
      rowColumns = columnsByOrder(RULES.default_columns, cells);
      mapping.warnings.push({ code: 'HEADER_MISSING', message: 'review/litigation table without a readable header: the 15 template columns are assumed in order' });
    }
    const { assignments, method, unassigned } = assignValues(cells, rowColumns);
    if (method !== 'overlap') {
      mapping.warnings.push({ code: 'COLUMN_ALIGNMENT', message: `review/litigation values matched to columns by ${method}` });
    }
    if (unassigned.some((c) => !isBlankText(c.text))) {
      mapping.extraRows.push({ table: 'review_litigation', label, values: unassigned.map((c) => c.text.trim()), table_index: view.table.index, row: r });
    }
    for (const { column, cell } of assignments) {
      const fieldId = `review_litigation.${column.key}`;
      if (isFieldId(fieldId)) mapping.values.push({ fieldId, cell, table: view.table, label: column.text });
    }
    mapped = true;
  }
  return mapping;
}
