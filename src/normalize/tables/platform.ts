/**
 * The Zhejiang platform table (FORMAT.md §4.4, 公开平台建设和信息发布情况) — 统计指标 | 单位 | 统计数 —
 * and the pre-2019 indicator tables, whose rows have no field id and are kept in extra_rows.
 */
import { LABELS, isFieldId } from '../../catalogue/index.ts';
import { assignValues, type HeaderColumn } from '../columns.ts';
import { compact, labelKey, matchRule } from '../labels.ts';
import { newMapping, type TableMapping } from '../mapping.ts';
import { TableView, isBlankText } from '../table-view.ts';
import { looksLikeValue } from '../values.ts';

const RULES = LABELS.platform;

/** The unit and value columns, from a header row if there is one (统计指标 | 单位 | 统计数). */
function findHeader(view: TableView): { headerRow: number; columns: HeaderColumn[] } {
  for (let r = 0; r < Math.min(view.rowCount, 3); r++) {
    const columns: HeaderColumn[] = view.cellsStartingIn(r).flatMap((c) => {
      const key = RULES.unit_column.includes(compact(c.text)) ? 'unit' : RULES.value_column.includes(compact(c.text)) ? 'value' : null;
      return key ? [{ key, start: c.col, end: c.col + c.colSpan, text: c.text }] : [];
    });
    if (columns.some((c) => c.key === 'value')) return { headerRow: r, columns };
  }
  return { headerRow: -1, columns: [] };
}

export function mapPlatform(view: TableView): TableMapping {
  const mapping = newMapping('platform', view.table);
  const { headerRow, columns } = findHeader(view);
  for (let r = headerRow + 1; r < view.rowCount; r++) {
    const [labelCell, ...rest] = view.cellsCovering(r);
    if (!labelCell || isBlankText(labelCell.text) || rest.length === 0) continue;
    // Without a header the value is the last cell; with one, cells are matched to 单位/统计数 by span.
    const assigned = columns.length > 0 ? assignValues(rest, columns).assignments : [{ column: { key: 'value' }, cell: rest.at(-1)! }];
    const valueCell = assigned.find((a) => a.column.key === 'value')?.cell;
    const unitCell = assigned.find((a) => a.column.key === 'unit')?.cell;
    if (!valueCell) continue;
    const label = labelCell.text.replace(/\s+/gu, '');
    const rule = matchRule(labelKey(labelCell.text), RULES.rows);
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
