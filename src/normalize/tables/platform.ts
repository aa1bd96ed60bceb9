/**
 * The Zhejiang platform table (FORMAT.md §4.4, 公开平台建设和信息发布情况) — 统计指标 | 单位 | 统计数 —
 * and the pre-2019 indicator tables, whose rows have no field id and are kept in extra_rows.
 */
import { LABELS, isFieldId } from '../../catalogue/index.ts';
import type { TableCell } from '../../model/document.ts';
import { compact, labelKey, matchRule } from '../labels.ts';
import { newMapping, type TableMapping } from '../mapping.ts';
import { TableView, isBlankText } from '../table-view.ts';
import { looksLikeValue } from '../values.ts';

const RULES = LABELS.platform;

/** Column positions of the unit and value columns, from a header row if there is one. */
function findColumns(view: TableView): { headerRow: number; unitCol: number | null; valueCol: number | null } {
  for (let r = 0; r < Math.min(view.rowCount, 3); r++) {
    const cells = view.cellsStartingIn(r);
    const unit = cells.find((c) => RULES.unit_column.includes(compact(c.text)));
    const value = cells.find((c) => RULES.value_column.includes(compact(c.text)));
    if (unit || value) return { headerRow: r, unitCol: unit?.col ?? null, valueCol: value?.col ?? null };
  }
  return { headerRow: -1, unitCol: null, valueCol: null };
}

/** The cell holding a row's value: under the value header, else the last cell of the row. */
function valueCellOf(cells: TableCell[], valueCol: number | null): TableCell | undefined {
  if (valueCol !== null) return cells.find((c) => c.col <= valueCol && valueCol < c.col + c.colSpan);
  return cells.length > 1 ? cells.at(-1) : undefined;
}

export function mapPlatform(view: TableView): TableMapping {
  const mapping = newMapping('platform', view.table);
  const { headerRow, unitCol, valueCol } = findColumns(view);
  for (let r = headerRow + 1; r < view.rowCount; r++) {
    const cells = view.cellsCovering(r);
    const labelCell = cells[0];
    if (!labelCell || isBlankText(labelCell.text)) continue;
    const valueCell = valueCellOf(cells, valueCol);
    if (!valueCell || valueCell === labelCell) continue;
    const label = labelCell.text.replace(/\s+/gu, '');
    const rule = matchRule(labelKey(labelCell.text), RULES.rows);
    const unitCell = unitCol !== null ? cells.find((c) => c.col === unitCol) : undefined;
    if (!rule) {
      // Sub-headings such as （二）通过不同渠道和方式公开政府信息的情况 carry no value.
      if (!isBlankText(valueCell.text)) {
        mapping.extraRows.push({ table: 'platform', label, values: [valueCell.text.trim()], table_index: view.table.index, row: r });
      }
      continue;
    }
    const fieldId = `platform.${rule.id}`;
    if (isFieldId(fieldId)) mapping.values.push({ fieldId, cell: valueCell, table: view.table, label: unitCell ? `${label}（${unitCell.text.trim()}）` : label });
  }
  return mapping;
}

/** Pre-2019 indicator tables: every row with a value is kept as printed. */
export function mapPre2019(view: TableView): TableMapping {
  const mapping = newMapping('pre2019', view.table);
  for (let r = 0; r < view.rowCount; r++) {
    const cells = view.cellsStartingIn(r);
    const labelCell = cells[0];
    const values = cells.slice(1);
    if (!labelCell || isBlankText(labelCell.text) || values.length === 0) continue;
    if (!values.some((c) => looksLikeValue(c.text) && !isBlankText(c.text))) continue;
    mapping.extraRows.push({ table: 'pre2019', label: labelCell.text.replace(/\s+/gu, ''), values: values.map((c) => c.text.trim()), table_index: view.table.index, row: r });
  }
  return mapping;
}
