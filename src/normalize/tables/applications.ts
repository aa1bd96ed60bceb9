/**
 * T3 — 收到和处理政府信息公开申请情况 (FORMAT.md §2.4, §3.4): rows are matched by (group,
 * key words), columns by the header leaf (自然人, 商业企业, … 总计).
 */
import { LABELS, isFieldId } from '../../catalogue/index.ts';
import type { TableCell } from '../../model/document.ts';
import { assignValues, type HeaderColumn } from '../columns.ts';
import { compact, fuzzyRule, labelKey, matchRule, type MatchRule } from '../labels.ts';
import { LABEL_SEPARATOR, newMapping, type MappingContext, type TableMapping } from '../mapping.ts';
import { TableView, isBlankText } from '../table-view.ts';
import { isNumberText, looksLikeValue } from '../values.ts';

interface RowRule extends MatchRule {
  group?: string;
}

const RULES = LABELS.applications;
const ROW_RULES: readonly RowRule[] = RULES.rows;
const COLUMN_RULES: readonly MatchRule[] = RULES.columns;
const HEADER_WORDS = ['申请人情况', '法人或其他组织', '勾稽'];

function groupOf(key: string): string | undefined {
  return matchRule(key, RULES.groups)?.id;
}

/** A row whose labels already name a data row ends the header block. */
function isDataRow(view: TableView, r: number): boolean {
  const cells = view.cellsStartingIn(r);
  if (cells.some((c) => isNumberText(c.text))) return true;
  return cells.some((c) => {
    const key = labelKey(c.text);
    return ROW_RULES.some((rule) => rule.match?.some((s) => key.includes(s)));
  });
}

function isHeaderRow(view: TableView, r: number): boolean {
  return view.textsCovering(r).some((t) => {
    const key = labelKey(t);
    return HEADER_WORDS.some((w) => compact(t).includes(w)) || matchRule(key, COLUMN_RULES) !== undefined;
  });
}

/** Header columns from the header rows: each grid column is named by its lowest non-empty header cell. */
function readHeader(view: TableView, headerEnd: number): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  const seen = new Set<TableCell>();
  for (let c = 0; c < view.table.columnCount; c++) {
    const path = view.cellsInColumn(c, 0, headerEnd).filter((cell) => !isBlankText(cell.text));
    const leaf = path.at(-1);
    if (!leaf || seen.has(leaf)) continue;
    seen.add(leaf);
    const rule = matchRule(labelKey(leaf.text), COLUMN_RULES);
    if (!rule) continue;
    // The top header cell (申请人情况) spans every value column; a leaf that is that cell names nothing.
    if (columns.some((col) => col.key === rule.id)) continue;
    columns.push({ key: rule.id, start: leaf.col, end: leaf.col + leaf.colSpan, text: path.map((p) => p.text).join(LABEL_SEPARATOR) });
  }
  return columns;
}

function matchRow(key: string, group: string | undefined): { rule: RowRule; fuzzy: boolean } | undefined {
  const candidates = ROW_RULES.filter((rule) => !rule.group || rule.group === group);
  const rule = matchRule(key, candidates);
  if (rule) return { rule, fuzzy: false };
  const fuzzy = fuzzyRule(key, candidates);
  return fuzzy ? { rule: fuzzy.rule, fuzzy: true } : undefined;
}

export function mapApplications(view: TableView, ctx: MappingContext): TableMapping {
  const mapping = newMapping('applications', view.table);
  let headerEnd = 0;
  while (headerEnd < view.rowCount && !isDataRow(view, headerEnd) && (isHeaderRow(view, headerEnd) || headerEnd === 0)) {
    headerEnd++;
  }
  // A first row that is neither header nor data (a caption row inside the table) is not a header.
  if (headerEnd === 1 && !isHeaderRow(view, 0)) headerEnd = 0;

  let columns = headerEnd > 0 ? readHeader(view, headerEnd) : [];
  if (columns.length > 0) {
    ctx.applicationsColumns = columns;
  } else if (ctx.applicationsColumns) {
    columns = ctx.applicationsColumns;
    mapping.warnings.push({ code: 'HEADER_CONTINUED', message: `application table ${view.table.index}: no header of its own; the header of the previous part is used` });
  }
  if (columns.length > 0 && columns.length < RULES.columns.length) {
    const missing = RULES.columns.map((c) => c.id).filter((id) => !columns.some((col) => col.key === id));
    mapping.warnings.push({ code: 'COLUMN_MISSING', message: `application table ${view.table.index}: no column for ${missing.join(', ')}` });
  }
  const firstDataCol = columns.length > 0 ? Math.min(...columns.map((c) => c.start)) : null;

  let group = ctx.applicationsGroup;
  for (let r = headerEnd; r < view.rowCount; r++) {
    const starting = view.cellsStartingIn(r);
    let labelCells: TableCell[];
    let valueCells: TableCell[];
    let rowColumns = columns;
    if (firstDataCol !== null) {
      labelCells = view.cellsCovering(r, 0, firstDataCol);
      valueCells = starting.filter((c) => c.col >= firstDataCol);
    } else {
      // No header anywhere: the trailing value-like cells are the 7 template columns in order.
      const trailing: TableCell[] = [];
      for (let i = starting.length - 1; i >= 0 && trailing.length < RULES.default_columns.length; i--) {
        if (!looksLikeValue(starting[i]!.text)) break;
        trailing.unshift(starting[i]!);
      }
      valueCells = trailing;
      labelCells = view.cellsCovering(r, 0, trailing[0]?.col ?? view.table.columnCount);
      const keys = RULES.default_columns.slice(RULES.default_columns.length - trailing.length);
      rowColumns = trailing.map((cell, i) => ({ key: keys[i]!, start: cell.col, end: cell.col + cell.colSpan, text: '' }));
    }
    const labels = labelCells.map((c) => c.text).filter((t) => !isBlankText(t));
    if (labels.length === 0 && valueCells.every((c) => isBlankText(c.text))) continue;
    const keys = labels.map(labelKey);
    const leaf = keys.at(-1) ?? '';
    for (const key of keys.slice(0, -1)) group = groupOf(key) ?? group;
    const printedLabel = labels.map((t) => t.replace(/\s+/gu, '')).join(LABEL_SEPARATOR);
    const matched = leaf ? matchRow(leaf, group) : undefined;
    if (!matched) {
      const leafGroup = groupOf(leaf);
      if (leafGroup && valueCells.every((c) => isBlankText(c.text))) {
        group = leafGroup; // a group label on a row of its own
        continue;
      }
      mapping.extraRows.push({ table: 'applications', label: printedLabel, values: valueCells.map((c) => c.text.trim()), table_index: view.table.index, row: r });
      continue;
    }
    const rowId = matched.rule.id;
    if (matched.fuzzy) {
      mapping.warnings.push({ code: 'LABEL_FUZZY_MATCH', message: `row label "${printedLabel}" read as ${rowId}`, field: `applications.${rowId}` });
    }
    group = rowId.includes('.') ? rowId.split('.')[0] : rowId === 'other_handling' ? 'other_handling' : undefined;
    if (rowId.startsWith('other_handling')) mapping.variant = rowId === 'other_handling' ? (mapping.variant ?? '2019') : '2021';

    const { assignments, method, unassigned } = assignValues(valueCells, rowColumns);
    if (method !== 'overlap') {
      mapping.warnings.push({ code: 'COLUMN_ALIGNMENT', message: `row "${printedLabel}": value cells matched to columns by ${method}` });
    }
    if (unassigned.some((c) => !isBlankText(c.text))) {
      mapping.extraRows.push({ table: 'applications', label: printedLabel, values: unassigned.map((c) => c.text.trim()), table_index: view.table.index, row: r });
    }
    for (const { column, cell } of assignments) {
      const fieldId = `applications.${rowId}.${column.key}`;
      if (isFieldId(fieldId)) mapping.values.push({ fieldId, cell, table: view.table, label: printedLabel });
    }
  }
  ctx.applicationsGroup = group;
  return mapping;
}
