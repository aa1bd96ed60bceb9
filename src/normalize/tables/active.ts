/**
 * T2 — 第二十条 table (FORMAT.md §2.3, §3.3): blocks opened by a caption row 第二十条第（X）项,
 * each with a header row (信息内容 | column names) and data rows. Rows are matched by label, columns
 * by header text; the template is read off the column names.
 */
import { LABELS, isFieldId, type TableVariant } from '../../catalogue/index.ts';
import type { TableCell } from '../../model/document.ts';
import { assignValues, columnsByOrder, type HeaderColumn } from '../columns.ts';
import { chineseNumeral, compact, labelKey, matchRule } from '../labels.ts';
import { newMapping, type MappingContext, type TableMapping } from '../mapping.ts';
import { TableView, isBlankText } from '../table-view.ts';

const RULES = LABELS.active_disclosure;
type Block = (typeof RULES.blocks)[number];
type ColumnRule = (typeof RULES.columns)[number];

const CN_DIGITS = '一二三四五六七八九十';
const CAPTION = new RegExp(`第二十条第?[(]?([${CN_DIGITS}\\d]+)[)]?项|^第[(]([${CN_DIGITS}\\d]+)[)]项`, 'u');

/** The block a caption row names (第二十条第（五）项 → art20_5), if the row is a caption. */
export function captionBlock(texts: string[]): Block | undefined {
  if (texts.length !== 1) return undefined;
  const m = CAPTION.exec(compact(texts[0]!));
  if (!m) return undefined;
  const item = m[1] ?? m[2]!;
  const n = chineseNumeral(item);
  return RULES.blocks.find((b) => chineseNumeral(b.item) === n);
}

function columnRule(text: string): ColumnRule | undefined {
  return matchRule(labelKey(text), RULES.columns);
}

function rowRule(key: string, block: Block | undefined): { block: Block; rowId: string } | undefined {
  const blocks = block ? [block, ...RULES.blocks.filter((b) => b !== block)] : RULES.blocks;
  for (const b of blocks) {
    const rule = matchRule(key, b.rows);
    if (rule) return { block: b, rowId: rule.id };
  }
  return undefined;
}

/** A header row: first cell 信息内容, or every cell after the first names a known column. */
function readHeaderRow(cells: TableCell[]): HeaderColumn[] | undefined {
  if (cells.length < 2) return undefined;
  const first = labelKey(cells[0]!.text);
  const rest = cells.slice(1);
  const rules = rest.map((c) => columnRule(c.text));
  const named = rules.filter(Boolean).length;
  if (!RULES.header_first_cell.includes(first) && named !== rest.length) return undefined;
  if (named === 0) return undefined;
  return rest.flatMap((cell, i) => {
    const rule = rules[i];
    return rule ? [{ key: rule.id, start: cell.col, end: cell.col + cell.colSpan, text: cell.text }] : [];
  });
}

/** The template a set of header columns belongs to, if they tell. */
function variantOf(columns: HeaderColumn[]): TableVariant | null {
  let v2019 = 0;
  let v2021 = 0;
  for (const col of columns) {
    const rule = RULES.columns.find((r) => r.id === col.key);
    if (rule?.template === '2019') v2019++;
    if (rule?.template === '2021') v2021++;
  }
  if (v2019 === v2021) return null;
  return v2019 > v2021 ? '2019' : '2021';
}

export function mapActiveDisclosure(view: TableView, ctx: MappingContext): TableMapping {
  const mapping = newMapping('active_disclosure', view.table);
  const votes = { '2019': 0, '2021': 0 };
  let block = RULES.blocks.find((b) => b.id === ctx.activeBlock);
  let columns: HeaderColumn[] | undefined = ctx.activeColumns;
  // A header row read since the last data row: it heads the next row, whatever block that row is in.
  let headerFresh = false;
  let blockFromCaption = false;

  for (let r = 0; r < view.rowCount; r++) {
    const cells = view.cellsStartingIn(r).filter((c) => !isBlankText(c.text) || c.col > 0);
    const texts = view.textsCovering(r);
    if (texts.length === 0) continue;
    const caption = captionBlock(texts);
    if (caption) {
      block = caption;
      blockFromCaption = true;
      columns = undefined;
      if (caption.id === 'art20_9') votes['2019'] += 2;
      continue;
    }
    const header = readHeaderRow(cells);
    if (header) {
      columns = header;
      headerFresh = true;
      const v = variantOf(header);
      if (v) votes[v] += header.length;
      continue;
    }
    const labelCell = view.cellsCovering(r, 0, 1)[0];
    if (!labelCell) continue;
    const key = labelKey(labelCell.text);
    const found = rowRule(key, block);
    const valueCells = view.cellsStartingIn(r).filter((c) => c.col >= labelCell.col + labelCell.colSpan);
    if (!found) {
      if (valueCells.length > 0 && !valueCells.every((c) => isBlankText(c.text))) {
        mapping.extraRows.push({ table: 'active_disclosure', label: labelCell.text.trim(), values: valueCells.map((c) => c.text.trim()), table_index: view.table.index, row: r });
      }
      continue;
    }
    if (block && found.block !== block && blockFromCaption) {
      mapping.warnings.push({ code: 'BLOCK_MISMATCH', message: `row "${labelCell.text.trim()}" stands under ${block.id} but belongs to ${found.block.id}` });
      if (!headerFresh) columns = undefined;
    }
    headerFresh = false;
    if (found.block !== block) blockFromCaption = false;
    block = found.block;
    let rowColumns = columns;
    if (!rowColumns) {
      const variant = ctx.activeVariant ?? (votes['2019'] === votes['2021'] ? null : votes['2019'] > votes['2021'] ? '2019' : '2021');
      const defaults = variant ? (RULES.default_columns[variant] as Record<string, string[]>)[block.id] : undefined;
      if (!defaults || defaults.length !== valueCells.length) {
        mapping.extraRows.push({ table: 'active_disclosure', label: labelCell.text.trim(), values: valueCells.map((c) => c.text.trim()), table_index: view.table.index, row: r });
        mapping.warnings.push({ code: 'HEADER_MISSING', message: `row "${labelCell.text.trim()}" has no column header; its values are kept in extra_rows` });
        continue;
      }
      rowColumns = columnsByOrder(defaults, valueCells);
      mapping.warnings.push({ code: 'HEADER_MISSING', message: `row "${labelCell.text.trim()}": no column header, the ${variant} template's columns are assumed` });
    }
    const { assignments, method, unassigned } = assignValues(valueCells, rowColumns);
    if (method === 'best-overlap') {
      mapping.warnings.push({ code: 'COLUMN_ALIGNMENT', message: `row "${labelCell.text.trim()}": value cells matched to columns by overlap with leftovers` });
    }
    if (unassigned.some((c) => !isBlankText(c.text))) {
      mapping.extraRows.push({ table: 'active_disclosure', label: labelCell.text.trim(), values: unassigned.map((c) => c.text.trim()), table_index: view.table.index, row: r });
    }
    for (const { column, cell } of assignments) {
      const fieldId = `active.${block.id}.${found.rowId}.${column.key}`;
      if (isFieldId(fieldId)) {
        mapping.values.push({ fieldId, cell, table: view.table, label: labelCell.text.trim() });
      } else {
        mapping.warnings.push({ code: 'FIELD_NOT_IN_TEMPLATE', message: `"${labelCell.text.trim()}" × "${column.text.trim()}" is not a field of either template; value "${cell.text.trim()}" kept in extra_rows` });
        mapping.extraRows.push({ table: 'active_disclosure', label: `${labelCell.text.trim()}›${column.text.trim()}`, values: [cell.text.trim()], table_index: view.table.index, row: r });
      }
    }
  }
  mapping.variant = votes['2019'] === votes['2021'] ? (ctx.activeVariant ?? null) : votes['2019'] > votes['2021'] ? '2019' : '2021';
  if (mapping.variant) ctx.activeVariant = mapping.variant;
  ctx.activeBlock = block?.id;
  ctx.activeColumns = columns;
  return mapping;
}
