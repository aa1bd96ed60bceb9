/**
 * T3 (收到和处理政府信息公开申请情况) through normalize(): src/normalize/tables/applications.ts.
 */
import { describe, expect, it } from 'vitest';
import { expectedFieldIds } from '../../src/catalogue/index.ts';
import {
  APPLICANT_COLUMNS,
  NOTE,
  applicationRows,
  applicationsMerged,
  applicationsRagged,
  applicationsUnmerged,
  applicationsVMergeAsEmpty,
  cell,
  expectedApplicationFields,
  fieldsOf,
  run,
  table,
  type AppRow,
} from './fixtures.ts';

const appFields = (rec: ReturnType<typeof run>) => fieldsOf(rec.fields, 'applications.');

function withLabel(rows: AppRow[], labels: Record<string, string>): AppRow[] {
  return rows.map((r) => (labels[r.id] ? { ...r, label: labels[r.id]! } : r));
}

function withValues(rows: AppRow[], id: string, values: string[]): AppRow[] {
  return rows.map((r) => (r.id === id ? { ...r, values } : r));
}

describe('application table: layouts', () => {
  it.each(['2019', '2021'] as const)('maps every cell of the merged %s table (rowspan/colspan labels) to its id', (variant) => {
    const rows = applicationRows(variant);
    const rec = run(applicationsMerged(rows));
    expect(appFields(rec)).toEqual(expectedApplicationFields(rows));
    expect(Object.keys(appFields(rec))).toHaveLength(variant === '2019' ? 23 * 7 : 25 * 7);
    expect(rec.extra_rows).toEqual([]);
    expect(rec.warnings).toEqual([]);
  });

  it.each(['2019', '2021'] as const)('maps the %s table to the same ids when merges are written as empty cells', (variant) => {
    const rows = applicationRows(variant);
    const merged = appFields(run(applicationsMerged(rows)));
    const vmergeEmpty = run(applicationsVMergeAsEmpty(rows)); // docx: vMerge continuations as empty cells
    const unmerged = run(applicationsUnmerged(rows)); // text/PDF grid: every merge as empty 1×1 cells
    expect(appFields(vmergeEmpty)).toEqual(merged);
    expect(appFields(unmerged)).toEqual(merged);
    expect(vmergeEmpty.extra_rows).toEqual([]);
    expect(unmerged.extra_rows).toEqual([]);
  });

  it.each(['2019', '2021'] as const)('reads the %s table of a text export (ragged rows, spans dropped) in template order, with a warning', (variant) => {
    const rows = applicationRows(variant);
    const rec = run(applicationsRagged(rows));
    expect(appFields(rec)).toEqual(expectedApplicationFields(rows));
    expect(rec.warnings.map((w) => w.code)).toContain('HEADER_INCOMPLETE');
  });

  it('keeps a row of a ragged table with fewer than 7 values in extra_rows instead of guessing its columns', () => {
    const rows = applicationRows('2019');
    const t = applicationsRagged(rows);
    const granted = t.rows.findIndex((r) => r.some((c) => c.text === '（一）予以公开'));
    t.rows[granted] = t.rows[granted]!.slice(0, -1); // drop the 总计 cell
    const rec = run(t);
    expect(rec.fields['applications.granted.natural_person']).toBeNull();
    expect(rec.extra_rows.find((x) => x.label.includes('予以公开'))?.values).toHaveLength(6);
  });

  it('maps a table whose group labels stand on rows of their own, （六）其他处理 included', () => {
    const rows = applicationRows('2021');
    const out: string[][] = [
      [NOTE, '', '', '申请人情况', '', '', '', '', '', ''],
      ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
      ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
    ];
    for (const r of rows) {
      if (r.section) out.push([r.section, '', '', '', '', '', '', '', '', '']);
      if (r.group) out.push([r.group, '', '', '', '', '', '', '', '', '']);
      out.push([r.label, '', '', ...r.values]);
    }
    const rec = run(table(out));
    expect(rec.report.template).toBe('2021');
    // No 2019-only `applications.other_handling.<col>` ids (null) from the group-label row.
    expect(appFields(rec)).toEqual(expectedApplicationFields(rows));
    // No value is left over (the blank 三、本年度办理结果 heading row is currently kept as an empty extra row).
    expect(rec.extra_rows.flatMap((r) => r.values).filter((v) => v !== '')).toEqual([]);
  });

  it('continues a table split over two tables (page break) with the header and group of the first part', () => {
    const rows = applicationRows('2021');
    const cut = rows.findIndex((r) => r.id === 'denied.process_info');
    const first = applicationsMerged(rows.slice(0, cut));
    // The second part has no header; the denied group cell was cut off at the page break.
    const second = table(rows.slice(cut).map((r) => [r.section ?? '', r.group ?? '', r.label, ...r.values]));
    const rec = run(first, second);
    expect(appFields(rec)).toEqual(expectedApplicationFields(rows));
    expect(rec.warnings.map((w) => w.code)).toContain('HEADER_CONTINUED');
  });
});

describe('application table: （六）其他处理 and the template', () => {
  it('reads the single （六）其他处理 row as the 2019 variant', () => {
    const rec = run(applicationsMerged(applicationRows('2019')));
    expect(rec.report.template).toBe('2019');
    expect(rec.fields['applications.other_handling.natural_person']).toBe(2100);
    expect(rec.fields).not.toHaveProperty('applications.other_handling.other.natural_person');
    expect(Object.keys(appFields(rec)).sort()).toEqual(expectedFieldIds('applications', '2019').sort());
  });

  it('reads three （六） sub-rows as the 2021 variant, with 3.其他 as a row, not the 其他 column', () => {
    const rec = run(applicationsMerged(applicationRows('2021')));
    expect(rec.report.template).toBe('2021');
    expect(rec.fields['applications.other_handling.overdue_no_correction.natural_person']).toBe(2100);
    expect(rec.fields['applications.other_handling.overdue_fee_unpaid.other_org']).toBe(2205);
    expect(rec.fields['applications.other_handling.other.total']).toBe(2306);
    expect(rec.fields).not.toHaveProperty('applications.other_handling.natural_person');
    expect(Object.keys(appFields(rec)).sort()).toEqual(expectedFieldIds('applications', '2021').sort());
    // The sum of the three sub-rows goes to derived, never to fields.
    expect(rec.derived['applications.other_handling.natural_person']).toBe(2100 + 2200 + 2300);
  });

  it('runs H1–H3 over the rows of the detected variant', () => {
    const r2019 = run(applicationsMerged(applicationRows('2019')));
    const r2021 = run(applicationsMerged(applicationRows('2021')));
    expect(r2019.checks.filter((c) => c.id === 'H3')).toHaveLength(23);
    expect(r2021.checks.filter((c) => c.id === 'H3')).toHaveLength(25);
    const h2 = r2021.checks.find((c) => c.id === 'H2' && c.scope === 'applications.*.total')!;
    expect(h2.cells).toContain('applications.other_handling.other.total');
  });
});

describe('application table: label variants', () => {
  it('maps printed variants of the labels to the template ids', () => {
    const rows = withLabel(applicationRows('2021'), {
      new_received: '一、本年新收到政府信息公开申请数量',
      carried_over: '二、上年转结政府信息公开申请数量',
      carried_forward: '四、转结下年度继续办理',
      partially_granted: '（二）部分公开',
      'denied.state_secret': '1、属于国家秘密',
      'denied.prohibited_by_law': '2、其他法律行政法规禁止公开（注：含……）',
      'denied.three_security_one_stability': '3.危及"三安全一稳定"',
      'unable.not_held': '（1）本机关不掌握 相关政府信息',
      'not_processed.petition_complaint': '1．信访举报投诉类申请',
      'other_handling.overdue_no_correction': '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
      'other_handling.other': '3、其他',
      result_total: '(七)合计',
    });
    const header = [
      [cell('', { rowSpan: 3, colSpan: 3 }), cell('申请人情况', { colSpan: 7 })], // corner note missing
      [cell('自 然 人', { rowSpan: 2 }), cell('法人或其他组织', { colSpan: 5 }), cell('合计', { rowSpan: 2 })],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他组织'],
    ];
    const rec = run(applicationsMerged(rows, header));
    expect(appFields(rec)).toEqual(expectedApplicationFields(rows));
    expect(rec.extra_rows).toEqual([]);
    expect(rec.warnings).toEqual([]);
  });

  it('matches a label with a typo fuzzily and says so in a warning', () => {
    const rows = withLabel(applicationRows('2019'), { 'denied.enforcement_case_file': '7.属于行政执法案件' });
    const rec = run(applicationsMerged(rows));
    expect(rec.fields['applications.denied.enforcement_case_file.natural_person']).toBe(1100);
    expect(rec.warnings).toContainEqual(expect.objectContaining({ code: 'LABEL_FUZZY_MATCH', field: 'applications.denied.enforcement_case_file' }));
  });

  it('catches typos in long labels by comparing with the official label', () => {
    const rows = withLabel(applicationRows('2019'), {
      'not_processed.confirm_or_reissue': '5.要求行政机关确认或重新出据已获取信息',
      'unable.needs_creation': '2.没有现成信息需要另外制作',
    });
    const rec = run(applicationsMerged(rows));
    expect(appFields(rec)).toEqual(expectedApplicationFields(rows));
    const fuzzy = rec.warnings.filter((w) => w.code === 'LABEL_FUZZY_MATCH').map((w) => w.field);
    expect(fuzzy.sort()).toEqual(['applications.not_processed.confirm_or_reissue', 'applications.unable.needs_creation']);
  });
});

describe('application table: rows outside the template', () => {
  it('keeps an extra non-template row in extra_rows with its label path and values, and maps the rest', () => {
    const rows = applicationRows('2019');
    const at = rows.findIndex((r) => r.id === 'result_total');
    const extra: AppRow = { id: 'extra', label: '（八）其中：网上申请', values: ['1', '0', '0', '0', '0', '0', '1'] };
    const rec = run(applicationsMerged([...rows.slice(0, at), extra, ...rows.slice(at)]));
    expect(rec.extra_rows).toEqual([
      { table: 'applications', label: '三、本年度办理结果›（八）其中：网上申请', values: ['1', '0', '0', '0', '0', '0', '1'], table_index: 0, row: 3 + at },
    ]);
    expect(appFields(rec)).toEqual(expectedApplicationFields(rows));
  });

  it('keeps a row it cannot read in extra_rows and lists its ids as null with a ROW_MISSING warning', () => {
    const rows = withLabel(applicationRows('2019'), { 'unable.needs_creation': '2.电话咨询转办' });
    const rec = run(applicationsMerged(rows));
    const lost = rec.extra_rows.find((r) => r.label.includes('电话咨询转办'));
    expect(lost?.values).toEqual(rows.find((r) => r.id === 'unable.needs_creation')!.values);
    expect(rec.fields['applications.unable.needs_creation.natural_person']).toBeNull();
    expect(rec.warnings.find((w) => w.code === 'ROW_MISSING')?.message).toContain('applications.unable.needs_creation');
  });
});

describe('application table: values', () => {
  it('reads blank and / as null and 0 as 0, keeping the printed text in provenance', () => {
    const rows = withValues(applicationRows('2019'), 'granted', ['258', '12', '', '/', '0', '—', '']);
    const rec = run(applicationsMerged(rows));
    expect(fieldsOf(rec.fields, 'applications.granted.')).toEqual({
      'applications.granted.natural_person': 258,
      'applications.granted.commercial_enterprise': 12,
      'applications.granted.research_institution': null,
      'applications.granted.public_welfare_org': null,
      'applications.granted.legal_service_org': 0,
      'applications.granted.other_org': null,
      'applications.granted.total': null,
    });
    expect(rec.provenance['applications.granted.research_institution']?.text).toBe('');
    expect(rec.provenance['applications.granted.public_welfare_org']?.text).toBe('/');
    expect(rec.provenance['applications.granted.legal_service_org']?.text).toBe('0');
    // The blank total next to non-zero parts fails H3 (blank counts as 0) and is listed as blank.
    const h3 = rec.checks.find((c) => c.id === 'H3' && c.scope === 'applications.granted')!;
    expect(h3).toMatchObject({ status: 'fail', expected: 270, actual: 0 });
    expect(h3.blank_cells).toContain('applications.granted.total');
  });

  it('keeps null for text that is not a number and quotes it in a warning', () => {
    const rows = withValues(applicationRows('2019'), 'granted', ['约3', '0', '0', '0', '0', '0', '3']);
    const rec = run(applicationsMerged(rows));
    expect(rec.fields['applications.granted.natural_person']).toBeNull();
    expect(rec.warnings).toContainEqual(expect.objectContaining({ code: 'VALUE_UNPARSEABLE', field: 'applications.granted.natural_person' }));
    expect(rec.warnings.find((w) => w.code === 'VALUE_UNPARSEABLE')!.message).toContain('约3');
  });

  it('warns about a negative or decimal count but keeps the number as printed', () => {
    const rows = withValues(applicationRows('2019'), 'granted', ['-1', '0.5', '0', '0', '0', '0', '0']);
    const rec = run(applicationsMerged(rows));
    expect(rec.fields['applications.granted.natural_person']).toBe(-1);
    expect(rec.fields['applications.granted.commercial_enterprise']).toBe(0.5);
    const codes = rec.warnings.map((w) => w.code);
    expect(codes).toContain('NEGATIVE_VALUE');
    expect(codes).toContain('DECIMAL_IN_COUNT');
  });

  it('records where each value came from: table, row, grid column, printed text and label path', () => {
    const rows = applicationRows('2019');
    const rec = run('一、总体情况', applicationsMerged(rows));
    const row = 3 + rows.findIndex((r) => r.id === 'denied.state_secret');
    expect(rec.provenance['applications.denied.state_secret.research_institution']).toEqual({
      page: null,
      table: 0,
      row,
      col: 3 + APPLICANT_COLUMNS.indexOf('research_institution'),
      text: '502',
      label: '三、本年度办理结果›（三）不予公开›1.属于国家秘密',
    });
  });
});
