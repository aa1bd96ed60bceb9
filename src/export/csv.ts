/**
 * `--format csv` (spec/OUTPUT.md §CSV), for spreadsheets first: RFC 4180 quoting, CRLF line
 * endings and a UTF-8 BOM by default, so that Excel opens Chinese text correctly.
 *
 * wide (default): one row per record. Columns: source_path, sha256, status, agency, year,
 *   template, checks_failed, then every field id of fields.tsv (always all of them, so columns are
 *   stable across runs and batches), then checks_failed_list.
 *   - checks_failed: the number of checks with status 'fail'; blank when no check ran at all
 *     (failed / not_a_report records), so that 0 always means "checked, and it adds up".
 *   - checks_failed_list: the failed identities, `H3 granted: 272 != 0; H4 review: 11 != 0`
 *     (expected = sum of the parts, actual = total as printed), so a reader sees at a glance
 *     which table does not add up without opening the JSON.
 * long: one row per value: source_path, sha256, agency, year, field, value, page, raw_text.
 *   Every id present in the record's `fields` gets a row, null values included (value blank), so
 *   a blank cell in the report stays visible; ids of tables the report does not contain get no
 *   row. A record without fields (failed, not_a_report) writes no rows: use wide or json for
 *   statuses. The field column holds the id whatever the header option.
 *
 * `header: 'zh'` only changes the header row (Chinese label paths from fields.tsv), never data.
 *
 * The CLI can stream: write csvHeader(options) once (it carries the BOM), then csvRows(record,
 * options) per record. toCsv() is the same thing for an array.
 */
import { FIELD_IDS, chineseHeader } from '../catalogue/index.ts';
import type { ReportRecord } from '../model/record.ts';
import { describeCheck } from '../model/describe-check.ts';

export type CsvLayout = 'wide' | 'long';
export type CsvHeader = 'id' | 'zh';

export interface CsvOptions {
  layout?: CsvLayout;
  header?: CsvHeader;
  /** Prefix the header with a UTF-8 byte order mark (default true). */
  bom?: boolean;
}

const BOM = '\uFEFF';
const EOL = '\r\n';

type Cell = string | number | null | undefined;

const WIDE_LEAD = ['source_path', 'sha256', 'status', 'agency', 'year', 'template', 'checks_failed'];
const WIDE_LEAD_ZH = ['来源文件', 'SHA256', '状态', '机关', '年度', '模板', '未通过校验数'];
const WIDE_TAIL = ['checks_failed_list'];
const WIDE_TAIL_ZH = ['未通过校验明细'];
const LONG_COLUMNS = ['source_path', 'sha256', 'agency', 'year', 'field', 'value', 'page', 'raw_text'];
const LONG_COLUMNS_ZH = ['来源文件', 'SHA256', '机关', '年度', '字段', '数值', '页码', '原文'];

/** The header line (with the BOM unless `bom: false`). */
export function csvHeader(options: CsvOptions = {}): string {
  const { layout = 'wide', header = 'id', bom = true } = options;
  const zh = header === 'zh';
  const columns = layout === 'long' ? (zh ? LONG_COLUMNS_ZH : LONG_COLUMNS) : wideColumns(zh);
  return (bom ? BOM : '') + line(columns);
}

function wideColumns(zh: boolean): string[] {
  if (zh) return [...WIDE_LEAD_ZH, ...FIELD_IDS.map(chineseHeader), ...WIDE_TAIL_ZH];
  return [...WIDE_LEAD, ...FIELD_IDS, ...WIDE_TAIL];
}

/** The data line(s) of one record: exactly one in wide layout, one per field in long layout. */
export function csvRows(record: ReportRecord, options: CsvOptions = {}): string {
  return options.layout === 'long' ? longRows(record) : wideRow(record);
}

export function toCsv(records: readonly ReportRecord[], options: CsvOptions = {}): string {
  return csvHeader(options) + records.map((r) => csvRows(r, options)).join('');
}

function wideRow(record: ReportRecord): string {
  const failed = record.checks.filter((c) => c.status === 'fail');
  return line([
    record.source.path,
    record.source.sha256,
    record.status,
    record.report.agency,
    record.report.year,
    record.report.template,
    record.checks.length > 0 ? failed.length : null,
    ...FIELD_IDS.map((id) => record.fields[id]),
    failed.map(describeCheck).join('; '),
  ]);
}

function longRows(record: ReportRecord): string {
  const { source, report, fields, provenance } = record;
  return FIELD_IDS.filter((id) => Object.hasOwn(fields, id))
    .map((id) => {
      const p = provenance[id];
      return line([source.path, source.sha256, report.agency, report.year, id, fields[id], p?.page, p?.text]);
    })
    .join('');
}

function line(cells: readonly Cell[]): string {
  return cells.map(formatCell).join(',') + EOL;
}

function formatCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatNumber(cell); // never quoted, never escaped: -8 stays -8
  return quote(defuseFormula(cell));
}

/**
 * OWASP CSV injection: a text cell starting with = + - @ TAB or CR could run as a formula in a
 * spreadsheet; a leading ' makes it plain text. Only text goes through here, never numbers.
 */
function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a cell holding a comma, a quote, CR or LF, and double its quotes. */
function quote(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Plain decimal notation: String() switches to 1e+21 / 1e-7 style, which spreadsheets misread. */
export function formatNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '';
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/u.exec(text);
  if (!match) return text;
  const [, sign, lead, frac = '', exp] = match;
  const digits = `${lead}${frac}`;
  const point = 1 + Number(exp); // position of the decimal point within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
