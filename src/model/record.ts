/**
 * The record (spec/OUTPUT.md): one per input file, the only thing that passes from normalize/ to
 * export/. The zod schema is the single source of truth: the TypeScript types are inferred from
 * it and schema/record.schema.json is generated from it (npm run schema).
 */
import { z } from 'zod';
import { FIELD_IDS } from '../catalogue/index.ts';

export const STATUSES = ['ok', 'partial', 'not_a_report', 'failed'] as const;
export const TEMPLATES = ['2021', '2019', 'pre2019', 'unknown'] as const;
export const ERROR_CODES = [
  'ENCRYPTED',
  'CORRUPT',
  'EMPTY',
  'UNSUPPORTED_FORMAT',
  'NO_TEXT_LAYER',
  'TOO_LARGE',
  'TIMEOUT',
  'UNREADABLE',
  'INTERNAL',
] as const;

const FieldIdSchema = z.enum(FIELD_IDS as [string, ...string[]]);

export const ProvenanceSchema = z
  .object({
    page: z.number().int().positive().nullable().describe('1-based page, where the format has pages'),
    table: z.number().int().nonnegative().describe('0-based index of the table in the document'),
    row: z.number().int().nonnegative().describe('0-based row of the table'),
    col: z.number().int().nonnegative().describe('0-based grid column of the table'),
    text: z.string().describe('the cell text as printed'),
    unit: z.string().optional().describe('a unit printed in the cell, e.g. 元'),
    label: z.string().optional().describe('the row label as printed'),
  })
  .strict();

export const CheckSchema = z
  .object({
    id: z.enum(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']),
    scope: z.string().describe('what the identity was evaluated on: a column, a row or a block'),
    status: z.enum(['pass', 'fail', 'skip']).describe('skip: every cell involved is blank'),
    expected: z.number().nullable().describe('the sum of the parts'),
    actual: z.number().nullable().describe('the total as printed'),
    cells: z.array(FieldIdSchema).describe('every field the identity involves, total first'),
    blank_cells: z.array(FieldIdSchema).optional().describe('blank cells counted as 0'),
  })
  .strict();

export const ExtraRowSchema = z
  .object({
    table: z.string(),
    label: z.string(),
    values: z.array(z.string()),
    table_index: z.number().int().nonnegative().optional(),
    row: z.number().int().nonnegative().optional(),
  })
  .strict();

export const WarningSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  })
  .strict();

export const RecordSchema = z
  .object({
    source: z
      .object({
        path: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/u),
        format: z.enum(['pdf', 'docx', 'doc', 'html', 'txt', 'unknown']),
        pages: z.number().int().nonnegative().optional(),
      })
      .strict(),
    status: z.enum(STATUSES),
    report: z
      .object({
        agency: z.string().nullable(),
        year: z.number().int().nullable(),
        template: z.enum(TEMPLATES),
        title: z.string().nullable().optional(),
      })
      .strict(),
    fields: z.partialRecord(FieldIdSchema, z.number().nullable()),
    derived: z.record(z.string(), z.number()),
    checks: z.array(CheckSchema),
    provenance: z.partialRecord(FieldIdSchema, ProvenanceSchema),
    extra_rows: z.array(ExtraRowSchema),
    warnings: z.array(WarningSchema),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).strict().nullable(),
    extractor: z.object({ name: z.literal('nianbao'), version: z.string() }).strict(),
  })
  .strict();

export type ReportRecord = z.infer<typeof RecordSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type ExtraRow = z.infer<typeof ExtraRowSchema>;
export type RecordWarning = z.infer<typeof WarningSchema>;
export type RecordStatus = (typeof STATUSES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];
export type Template = (typeof TEMPLATES)[number];
