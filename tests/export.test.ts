import { describe, expect, it } from 'vitest';
import { FIELD_IDS, chineseHeader } from '../src/catalogue/index.ts';
import { csvHeader, csvRows, formatNumber, toCsv } from '../src/export/csv.ts';
import { toJson } from '../src/export/json.ts';
import { toJsonLine } from '../src/export/jsonl.ts';
import { RecordSchema, type ReportRecord } from '../src/model/record.ts';
import { parseCsv as parseStrictCsv } from './helpers/cli.ts';

const NP = 'applications.new_received.natural_person';
const FEES = 'active.art20_8.admin_fees.amount_10k_yuan';
const FEES_CHANGE = 'active.art20_8.admin_fees.change_this_year';
const RESEARCH = 'applications.new_received.research_institution';
const REVIEW_TOTAL = 'review_litigation.review.total';
const LEAD = ['source_path', 'sha256', 'status', 'agency', 'year', 'template', 'checks_failed'];

function record(overrides: Record<string, unknown> = {}): ReportRecord {
  return RecordSchema.parse({
    source: { path: 'reports/huaian-2024.pdf', sha256: 'a'.repeat(64), format: 'pdf', pages: 6 },
    status: 'ok',
    report: { agency: '淮安市人民政府', year: 2024, template: '2021' },
    fields: { [NP]: 3001, [FEES]: 75394432.52, [FEES_CHANGE]: -8, [RESEARCH]: null, [REVIEW_TOTAL]: 0 },
    derived: {},
    checks: [
      { id: 'H4', scope: 'review_litigation.review', status: 'fail', expected: 11, actual: 0, cells: [REVIEW_TOTAL] },
      { id: 'H3', scope: 'applications.granted', status: 'fail', expected: 272, actual: 0, cells: ['applications.granted.total'] },
      { id: 'H3', scope: 'applications.new_received', status: 'pass', expected: 3001, actual: 3001, cells: [NP] },
    ],
    provenance: {
      [NP]: { page: 4, table: 2, row: 3, col: 3, text: '3001' },
      [FEES]: { page: null, table: 1, row: 9, col: 4, text: '75394432.52' },
      [FEES_CHANGE]: { page: 3, table: 1, row: 8, col: 3, text: '-8' },
      [RESEARCH]: { page: 4, table: 2, row: 3, col: 5, text: '/' },
    },
    extra_rows: [{ table: 'active_disclosure', label: '其他主动公开文件', values: ['3', '3', '12'] }],
    warnings: [{ code: 'LABEL_FUZZY_MATCH', message: 'fuzzy "行政复议"', field: REVIEW_TOTAL }],
    error: null,
    extractor: { name: 'nianbao', version: '0.1.0' },
    ...overrides,
  });
}

const failedRecord = (): ReportRecord =>
  record({
    source: { path: 'reports/locked.pdf', sha256: 'b'.repeat(64), format: 'pdf' },
    status: 'failed',
    report: { agency: null, year: null, template: 'unknown' },
    fields: {},
    checks: [],
    provenance: {},
    extra_rows: [],
    warnings: [],
    error: { code: 'ENCRYPTED', message: 'password protected' },
  });

/** What we write, read back cell for cell by a strict RFC 4180 reader (CRLF line ends only). */
const parseCsv = (text: string) => parseStrictCsv(text, { crlfOnly: true });

/** The wide table as objects keyed by the id header (BOM stripped). */
function wideTable(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/u, ''));
  return rows.map((r) => {
    expect(r).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}

describe('csv: encoding and framing', () => {
  it('starts with a UTF-8 BOM by default and not with bom: false', () => {
    expect(toCsv([record()]).startsWith('\uFEFFsource_path,')).toBe(true);
    expect(toCsv([record()], { bom: false }).startsWith('source_path,')).toBe(true);
    expect(Buffer.from(toCsv([record()]), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('ends every line with CRLF and has no bare LF', () => {
    const csv = toCsv([record(), failedRecord()], { bom: false });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4); // header, 2 rows, '' after the last CRLF
    expect(/[^\r]\n/u.test(csv)).toBe(false);
  });

  it('streams: csvHeader + csvRows per record equals toCsv', () => {
    const records = [record(), failedRecord()];
    for (const layout of ['wide', 'long'] as const) {
      const opts = { layout, header: 'zh' as const };
      expect(csvHeader(opts) + records.map((r) => csvRows(r, opts)).join('')).toBe(toCsv(records, opts));
    }
  });
});

describe('csv wide', () => {
  it('has the 7 leading columns, every field id in fields.tsv order, then checks_failed_list', () => {
    const [header] = parseCsv(csvHeader({ bom: false }));
    expect(header).toEqual([...LEAD, ...FIELD_IDS, 'checks_failed_list']);
    expect(FIELD_IDS.length).toBeGreaterThan(200); // all ids, not only those of this record
  });

  it('writes Chinese label paths with header zh', () => {
    const [header] = parseCsv(csvHeader({ header: 'zh', bom: false }));
    expect(header!.slice(0, 7)).toEqual(['来源文件', 'SHA256', '状态', '机关', '年度', '模板', '未通过校验数']);
    expect(header!.slice(7, -1)).toEqual(FIELD_IDS.map(chineseHeader));
    expect(header![7 + FIELD_IDS.indexOf(NP)]).toBe('一、本年新收政府信息公开申请数量 × 申请人情况›自然人');
    expect(header).toHaveLength(FIELD_IDS.length + 8);
    // data rows do not change with the header language
    expect(toCsv([record()], { header: 'zh' }).split('\r\n')[1]).toBe(toCsv([record()]).split('\r\n')[1]);
  });

  it('writes one row with values, blanks for null and absent ids, and the failed checks', () => {
    const [row] = wideTable(toCsv([record()]));
    expect(row).toMatchObject({
      source_path: 'reports/huaian-2024.pdf',
      status: 'ok',
      agency: '淮安市人民政府',
      year: '2024',
      template: '2021',
      checks_failed: '2',
      checks_failed_list: 'H4 review: 11 != 0; H3 granted: 272 != 0',
      [NP]: '3001',
      [FEES]: '75394432.52',
      [REVIEW_TOTAL]: '0',
      [RESEARCH]: '',
      'applications.granted.total': '',
    });
  });

  it('writes 0 failed checks as 0 and an empty list', () => {
    const unchecked = record({ checks: [] });
    const passing = record({ checks: [record().checks[2]] });
    expect(wideTable(toCsv([passing]))[0]).toMatchObject({ checks_failed: '0', checks_failed_list: '' });
    // no check ran at all: blank rather than a reassuring 0
    expect(wideTable(toCsv([unchecked]))[0]!.checks_failed).toBe('');
  });

  it('gives a failed record (no fields) a full-width row of empty cells', () => {
    const csv = toCsv([failedRecord()], { bom: false });
    const rows = parseCsv(csv);
    expect(rows[1]).toHaveLength(7 + FIELD_IDS.length + 1);
    expect(rows[1]!.slice(0, 7)).toEqual(['reports/locked.pdf', 'b'.repeat(64), 'failed', '', '', 'unknown', '']);
    expect(rows[1]!.slice(7).every((c) => c === '')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(`reports/locked.pdf,${'b'.repeat(64)},failed,,,unknown,${','.repeat(FIELD_IDS.length + 1)}`);
  });

  it('quotes commas, quotes and newlines (RFC 4180) and reads them back', () => {
    const tricky = record({
      source: { path: 'reports/a,b "c"\nd.pdf', sha256: 'c'.repeat(64), format: 'pdf' },
      report: { agency: '某市"数据"局,办公室\r\n二科', year: 2023, template: '2019' },
    });
    const csv = toCsv([tricky], { bom: false });
    expect(csv).toContain('"reports/a,b ""c""\nd.pdf"');
    expect(csv).toContain('"某市""数据""局,办公室\r\n二科"');
    const [row] = wideTable(csv);
    expect(row!.source_path).toBe('reports/a,b "c"\nd.pdf');
    expect(row!.agency).toBe('某市"数据"局,办公室\r\n二科');
 
    for (const agency of ['多行\n机关', '多行\r机关', '只有"引号', '只有,逗号']) {
      const r = record({ report: { agency, year: 2024, template: '2021' } });
      const out = toCsv([r], { bom: false });
      expect(out).toContain(`,"${agency.replace(/"/gu, '""')}",`);
      expect(wideTable(out)[0]!.agency).toBe(agency);
    }
  });

  it('escapes formula-like text cells but never numbers', () => {
    const evil = record({
      source: { path: '-reports/x.pdf', sha256: 'd'.repeat(64), format: 'pdf' },
      report: { agency: '=HYPERLINK("http://evil.example","click")', year: 2024, template: '2021' },
    });
    const csv = toCsv([evil], { bom: false });
    const line = csv.split('\r\n')[1]!;
    expect(line.startsWith(`'-reports/x.pdf,`)).toBe(true);
    expect(line).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    const [row] = wideTable(csv);
    expect(row![FEES_CHANGE]).toBe('-8'); // a negative value stays a number
    expect(line).toContain(',-8,');
    expect(line).not.toContain(`'-8`);
    for (const text of ['+1', '@SUM(A1)', '\tx', '\rx']) {
      const r = record({ report: { agency: text, year: 2024, template: '2021' } });
      expect(wideTable(toCsv([r]))[0]!.agency).toBe(`'${text}`);
    }
  });

  it('writes numbers plainly, never quoted, never in exponent form', () => {
    const big = record({ fields: { [FEES]: 1.5e21, [NP]: 1e-7, [FEES_CHANGE]: -8 } });
    const line = toCsv([big], { bom: false }).split('\r\n')[1]!;
    expect(line).toContain(',1500000000000000000000,');
    expect(line).toContain(',0.0000001,');
    expect(line).not.toMatch(/\de[+-]?\d/u);
    expect(formatNumber(75394432.52)).toBe('75394432.52');
    expect(formatNumber(-1.2345e25)).toBe('-12345000000000000000000000');
    expect(formatNumber(-2.5e-10)).toBe('-0.00000000025');
    for (const n of [1e21, 1.5e-7, 123456789.123, -0.5, 96171.6]) expect(Number(formatNumber(n))).toBe(n);
  });
});

describe('csv long', () => {
  it('has its own header, with and without zh', () => {
    expect(parseCsv(csvHeader({ layout: 'long', bom: false }))[0]).toEqual([
      'source_path', 'sha256', 'agency', 'year', 'field', 'value', 'page', 'raw_text',
    ]);
    expect(parseCsv(csvHeader({ layout: 'long', header: 'zh', bom: false }))[0]).toEqual([
      '来源文件', 'SHA256', '机关', '年度', '字段', '数值', '页码', '原文',
    ]);
  });

  it('writes one row per field present, null values included, in fields.tsv order', () => {
    const rows = parseCsv(toCsv([record()], { layout: 'long', bom: false })).slice(1);
    const present = FIELD_IDS.filter((id) => id in record().fields);
    expect(rows.map((r) => r[4])).toEqual(present);
    const byField = Object.fromEntries(rows.map((r) => [r[4], r]));
    const h = 'a'.repeat(64);
    expect(byField[NP]).toEqual(['reports/huaian-2024.pdf', h, '淮安市人民政府', '2024', NP, '3001', '4', '3001']);
    expect(byField[RESEARCH]).toEqual(['reports/huaian-2024.pdf', h, '淮安市人民政府', '2024', RESEARCH, '', '4', '/']);
    expect(byField[FEES]!.slice(5)).toEqual(['75394432.52', '', '75394432.52']); // page null: blank
    expect(byField[REVIEW_TOTAL]!.slice(5)).toEqual(['0', '', '']); // no provenance
    // the value -8 stays a number; the printed text "-8" is text and is escaped
    expect(byField[FEES_CHANGE]!.slice(5)).toEqual(['-8', '3', `'-8`]);
  });

  it('writes no rows for a record without fields', () => {
    expect(toCsv([failedRecord()], { layout: 'long', bom: false }).split('\r\n')).toHaveLength(2);
  });
});

describe('json and jsonl', () => {
  it('json: a pretty array that parses back to the records', () => {
    const records = [record(), failedRecord()];
    const text = toJson(records);
    expect(text.endsWith(']\n')).toBe(true);
    expect(text).toContain('\n  {\n    "source": {');
    expect(JSON.parse(text)).toEqual(records);
    expect(RecordSchema.array().parse(JSON.parse(text))).toEqual(records);
    expect(toJson([])).toBe('[]\n');
  });

  it('jsonl: one line per record, round-tripping', () => {
    const tricky = record({ report: { agency: '多行\n机关', year: 2024, template: '2021' } });
    const lines = [record(), tricky, failedRecord()].map(toJsonLine);
    for (const l of lines) {
      expect(l.endsWith('\n')).toBe(true);
      expect(l.slice(0, -1)).not.toContain('\n');
    }
    const back = lines.join('').trimEnd().split('\n').map((l) => RecordSchema.parse(JSON.parse(l)));
    expect(back).toEqual([record(), tricky, failedRecord()]);
  });
});
