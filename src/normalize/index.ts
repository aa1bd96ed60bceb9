/**
 * normalize: document model → record. Classifies each table, maps it onto field ids, parses the
 * values, detects the template, runs the identity checks and keeps provenance for every value.
 */
import { FIELD_IDS, expectedFieldIds, fieldDef, type TableKind, type TableVariant } from '../catalogue/index.ts';
import { tablesOf, type ExtractedDocument } from '../model/document.ts';
import type { Check, ExtraRow, Provenance, RecordWarning, ReportRecord, Template } from '../model/record.ts';
import { EXTRACTOR } from '../version.ts';
import { applicationChecks, derivedSums, reviewChecks } from './checks.ts';
import { classifyTable } from './classify.ts';
import type { MappedValue, MappingContext, TableMapping } from './mapping.ts';
import { TableView } from './table-view.ts';
import { mapActiveDisclosure } from './tables/active.ts';
import { mapApplications } from './tables/applications.ts';
import { mapPlatform, mapPre2019 } from './tables/platform.ts';
import { mapReviewLitigation } from './tables/review.ts';
import { findTitle } from './title.ts';
import { parseValue } from './values.ts';

export interface SourceInfo {
  path: string;
  sha256: string;
}

function mapTable(view: TableView, ctx: MappingContext): TableMapping | null {
  switch (classifyTable(view)) {
    case 'applications':
      return mapApplications(view, ctx);
    case 'active_disclosure':
      return mapActiveDisclosure(view, ctx);
    case 'review_litigation':
      return mapReviewLitigation(view, ctx);
    case 'platform':
      return mapPlatform(view);
    case 'pre2019':
      return mapPre2019(view);
    default:
      return null;
  }
}

/** One variant per table kind: any table of the kind that tells decides; 2021 signals win. */
function variantsByKind(mappings: TableMapping[]): Map<TableKind | 'pre2019', TableVariant | null> {
  const out = new Map<TableKind | 'pre2019', TableVariant | null>();
  for (const m of mappings) {
    const current = out.get(m.kind) ?? null;
    out.set(m.kind, current === '2021' ? current : (m.variant ?? current));
  }
  return out;
}

function detectTemplate(variants: Map<TableKind | 'pre2019', TableVariant | null>): Template {
  const active = variants.get('active_disclosure');
  if (active) return active;
  const applications = variants.get('applications');
  if (applications) return applications;
  if (variants.has('pre2019') && !variants.has('applications') && !variants.has('active_disclosure')) return 'pre2019';
  return 'unknown';
}

function provenanceOf(value: MappedValue, unit: string | undefined): Provenance {
  const prov: Provenance = {
    page: value.cell.page ?? value.table.page ?? null,
    table: value.table.index,
    row: value.cell.row,
    col: value.cell.col,
    text: value.cell.text,
    label: value.label,
  };
  if (unit) prov.unit = unit;
  return prov;
}

/** Sanity warnings on a parsed value: the number stays as printed. */
function valueWarnings(fieldId: string, value: number, unit: string | undefined): RecordWarning[] {
  const kind = fieldDef(fieldId)?.kind ?? '';
  const out: RecordWarning[] = [];
  if (value < 0 && !kind.startsWith('signed')) {
    out.push({ code: 'NEGATIVE_VALUE', message: `${fieldId} is negative (${value}) in a count column`, field: fieldId });
  }
  if (!Number.isInteger(value) && kind.includes('count')) {
    out.push({ code: 'DECIMAL_IN_COUNT', message: `${fieldId} is a count but reads ${value}`, field: fieldId });
  }
  if (unit === '元' && fieldId.endsWith('amount_10k_yuan')) {
    out.push({ code: 'UNIT_MISMATCH', message: `${fieldId} is in 万元 but the cell says 元; the number is kept as printed`, field: fieldId });
  }
  return out;
}

export function normalize(doc: ExtractedDocument, source: SourceInfo): ReportRecord {
  const ctx: MappingContext = {};
  const mappings: TableMapping[] = [];
  for (const table of tablesOf(doc)) {
    const mapping = mapTable(new TableView(table), ctx);
    if (mapping) mappings.push(mapping);
  }
  const variants = variantsByKind(mappings);
  const template = detectTemplate(variants);
  // The title is read before the first report table: what follows is the report body or site chrome.
  const firstReportTable = mappings[0]?.table;
  const title = findTitle(doc, firstReportTable ? doc.blocks.indexOf(firstReportTable) : doc.blocks.length);

  const warnings: RecordWarning[] = [...doc.warnings, ...mappings.flatMap((m) => m.warnings)];
  if (doc.incomplete) warnings.unshift({ code: 'INCOMPLETE_SOURCE', message: doc.incomplete });
  const extraRows: ExtraRow[] = mappings.flatMap((m) => m.extraRows);
  const fields: Record<string, number | null> = {};
  const provenance: Record<string, Provenance> = {};

  // Every id of every table found is listed, null until a cell fills it.
  const kinds = [...variants.keys()].filter((k): k is TableKind => k !== 'pre2019');
  const variantOf = (kind: TableKind): TableVariant => variants.get(kind) ?? (template === '2021' ? '2021' : '2019');
  const expected = new Set(kinds.flatMap((kind) => expectedFieldIds(kind, variantOf(kind))));
  for (const id of expected) fields[id] = null;

  for (const value of mappings.flatMap((m) => m.values)) {
    const parsed = parseValue(value.cell.text);
    if (value.fieldId in provenance) {
      const first = provenance[value.fieldId]!;
      if (fields[value.fieldId] !== parsed.value) {
        warnings.push({ code: 'DUPLICATE_FIELD', message: `${value.fieldId} printed twice ("${first.text.trim()}" in table ${first.table}, "${value.cell.text.trim()}" in table ${value.table.index}); the first is kept`, field: value.fieldId });
      }
      continue;
    }
    fields[value.fieldId] = parsed.value;
    provenance[value.fieldId] = provenanceOf(value, parsed.unit);
    if (parsed.kind === 'unparseable') {
      warnings.push({ code: 'VALUE_UNPARSEABLE', message: `${value.fieldId}: "${value.cell.text.trim()}" is not a number`, field: value.fieldId });
    } else if (parsed.value !== null) {
      warnings.push(...valueWarnings(value.fieldId, parsed.value, parsed.unit));
    }
  }

  const missing = [...expected].filter((id) => !(id in provenance));
  if (missing.length > 0) {
    const rows = [...new Set(missing.map((id) => id.split('.').slice(0, -1).join('.')))];
    warnings.push({ code: 'ROW_MISSING', message: `no cell found for ${missing.length} field(s), left null: ${rows.join(', ')}` });
  }

  const checks: Check[] = [];
  let derived: Record<string, number> = {};
  if (variants.has('applications')) {
    checks.push(...applicationChecks(fields, variantOf('applications')));
    derived = derivedSums(fields, variantOf('applications'));
  }
  if (variants.has('review_litigation')) checks.push(...reviewChecks(fields));

  const isReport = kinds.length > 0 || variants.has('pre2019');
  const orderedFields = Object.fromEntries(FIELD_IDS.filter((id) => id in fields).map((id) => [id, fields[id]!]));
  const orderedProvenance = Object.fromEntries(FIELD_IDS.filter((id) => id in provenance).map((id) => [id, provenance[id]!]));
  return {
    source: { path: source.path, sha256: source.sha256, format: doc.format, ...(doc.pages !== undefined ? { pages: doc.pages } : {}) },
    status: isReport ? (doc.incomplete ? 'partial' : 'ok') : 'not_a_report',
    // A file without report tables names no report: its title line (if any) is kept for the reader.
    report: isReport ? { agency: title.agency, year: title.year, template, title: title.title } : { agency: null, year: null, template, title: title.title },
    fields: orderedFields,
    derived,
    checks,
    provenance: orderedProvenance,
    extra_rows: extraRows,
    warnings,
    error: null,
    extractor: EXTRACTOR,
  };
}
