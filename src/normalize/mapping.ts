/**
 * What a table mapper produces from one table: values located by field id, rows that map to no id,
 * and the variant signals that decide the template.
 */
import type { TableKind, TableVariant } from '../catalogue/index.ts';
import type { TableBlock, TableCell } from '../model/document.ts';
import type { ExtraRow, RecordWarning } from '../model/record.ts';
import type { HeaderColumn } from './columns.ts';

export interface MappedValue {
  fieldId: string;
  cell: TableCell;
  table: TableBlock;
  /** The row label as printed (merged label cells joined with ›). */
  label: string;
}

export interface TableMapping {
  kind: TableKind | 'pre2019';
  table: TableBlock;
  /** Which template the table is drawn in, where the table itself tells. */
  variant: TableVariant | null;
  values: MappedValue[];
  extraRows: ExtraRow[];
  warnings: RecordWarning[];
}

/**
 * State carried from one table to the next of the same kind, so that a table continued in a
 * second table (a page break in the source, a table split by the author) keeps its header.
 */
export interface MappingContext {
  applicationsColumns?: HeaderColumn[];
  applicationsGroup?: string;
  reviewColumns?: HeaderColumn[];
  activeBlock?: string;
  activeColumns?: HeaderColumn[];
  activeVariant?: TableVariant;
}

export function newMapping(kind: TableMapping['kind'], table: TableBlock): TableMapping {
  return { kind, table, variant: null, values: [], extraRows: [], warnings: [] };
}

export const LABEL_SEPARATOR = '›';
