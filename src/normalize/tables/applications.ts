/**
 * T3 — 收到和处理政府信息公开申请情况 (FORMAT.md §2.4, §3.4): rows are matched by (group,
 * key words), columns by the header leaf (自然人, 商业企业, … 总计).
 */
import { LABELS, isFieldId, officialRowLabel } from '../../catalogue/index.ts';
import type { TableCell } from '../../model/document.ts';
import { assignValues, columnsByOrder, matchHeaderLeaf, type HeaderColumn } from '../columns.ts';
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
const DEFAULT_COLUMNS: readonly string[] = RULES.default_columns;

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
    const rule = matchHeaderLeaf(path, COLUMN_RULES)?.rule;
    if (!rule) continue;
    // The top header cell (申请人情况) spans every value column; a leaf that is that cell names nothing.
    if (columns.some((col) => col.key === rule.id)) continue;
    columns.push({ key: rule.id, start: leaf.col, end: leaf.col + leaf.colSpan, text: path.map((p) => p.text).join(LABEL_SEPARATOR) });
  }
  return columns;
}

/** The 7 columns, each found once, left to right in template order. */
function headerIsComplete(columns: HeaderColumn[]): boolean {
  if (columns.length !== DEFAULT_COLUMNS.length) return false;
  const ordered = [...columns].sort((a, b) => a.start - b.start).map((c) => c.key);
  return ordered.every((key, i) => key === DEFAULT_COLUMNS[i]);
}

/** The value-like cells at the end of a row (numbers, blanks, markers), at most 7. */
function trailingValues(cells: TableCell[]): TableCell[] {
  const out: TableCell[] = [];
  for (let i = cells.length - 1; i >= 0 && out.length < DEFAULT_COLUMNS.length; i--) {
    if (!looksLikeValue(cells[i]!.text)) break;
    out.unshift(cells[i]!);
  }
  return out;
}

/** For typos: each rule with the row's official label added to what it is compared with. */
const FUZZY_RULES: readonly RowRule[] = ROW_RULES.map((rule) => {
  const official = officialRowLabel(rule.id);
  return official ? { ...rule, match: [...(rule.match ?? []), labelKey(official)] } : rule;
});

function matchRow(key: string, group: string | undefined): { rule: RowRule; fuzzy: boolean } | undefined {
  const inGroup = (rule: RowRule) => !rule.group || rule.group === group;
  const rule = matchRule(key, ROW_RULES.filter(inGroup));
  if (rule) return { rule, fuzzy: false };
  const fuzzy = fuzzyRule(key, FUZZY_RULES.filter(inGroup));
  return fuzzy ? { rule: ROW_RULES.find((r) => r.id === fuzzy.rule.id)!, fuzzy: true } : undefined;
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
  // A header whose cells do not give the 7 columns in template order has lost its geometry (merged
  // cells written as empty cells in ragged rows): its words name the template's columns, and each
  // data row is read as a label followed by exactly 7 values.
  const byRows = !headerIsComplete(columns);
  if (columns.length > 0 && byRows) {
    const missing = DEFAULT_COLUMNS.filter((id) => !columns.some((col) => col.key === id));
    mapping.warnings.push({
      code: 'HEADER_INCOMPLETE',
      message: `application table ${view.table.index}: the header does not line up${missing.length ? ` (no column for ${missing.join(', ')})` : ''}; rows with exactly 7 values are read in template order`,
    });
  }
  const firstDataCol = byRows ? null : Math.min(...columns.map((c) => c.start));

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
      const trailing = trailingValues(starting);
      valueCells = trailing.length === DEFAULT_COLUMNS.length ? trailing : [];
      labelCells = view.cellsCovering(r, 0, valueCells[0]?.col ?? view.table.columnCount);
      rowColumns = columnsByOrder(DEFAULT_COLUMNS, valueCells);
      if (valueCells.length === 0 && trailing.some((c) => !isBlankText(c.text))) {
        // Not 7 values: which column each belongs to cannot be told. Kept, not guessed.
        const label = view.cellsCovering(r, 0, trailing[0]!.col).map((c) => c.text.replace(/\s+/gu, '')).filter(Boolean).join(LABEL_SEPARATOR);
        mapping.extraRows.push({ table: 'applications', label, values: trailing.map((c) => c.text.trim()), table_index: view.table.index, row: r });
        mapping.warnings.push({ code: 'COLUMN_ALIGNMENT', message: `row "${label}": ${trailing.length} values for 7 columns; kept in extra_rows` });
        continue;
      }
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
      if (valueCells.every((c) => isBlankText(c.text))) continue; // a heading row: nothing to keep
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
  if (mapping.variant === '2021') {
    // A blank （六）其他处理 row in a 2021 table is the group label of the three sub-rows, on a row of its own
    // (PDF and text layouts), not the 2019 single row: its empty cells name no field.
    const single = mapping.values.filter((v) => v.fieldId.startsWith('applications.other_handling.') && v.fieldId.split('.').length === 3);
    if (single.every((v) => isBlankText(v.cell.text))) mapping.values = mapping.values.filter((v) => !single.includes(v));
  }
  ctx.applicationsGroup = group;
  return mapping;
}
