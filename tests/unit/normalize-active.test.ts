/**
 * T2 (第二十条 table) through normalize(): src/normalize/tables/active.ts.
 */
import { describe, expect, it } from 'vitest';
import { expectedFieldIds } from '../../src/catalogue/index.ts';
import { active2019, active2019Rows, active2021, active2021Rows, cell, fieldsOf, run, table, withoutCaptions, type Row } from './fixtures.ts';

const activeFields = (rec: ReturnType<typeof run>) => fieldsOf(rec.fields, 'active.');

const FIELDS_2019 = {
  'active.art20_1.regulations.made_this_year': 1,
  'active.art20_1.regulations.published_this_year': 2,
  'active.art20_1.regulations.total_published': 3,
  'active.art20_1.normative_docs.made_this_year': 4,
  'active.art20_1.normative_docs.published_this_year': 5,
  'active.art20_1.normative_docs.total_published': 6,
  'active.art20_5.admin_license.prev_year_items': 7,
  'active.art20_5.admin_license.change_this_year': -8,
  'active.art20_5.admin_license.decisions': 9,
  'active.art20_5.other_mgmt_services.prev_year_items': 10,
  'active.art20_5.other_mgmt_services.change_this_year': 11,
  'active.art20_5.other_mgmt_services.decisions': 12,
  'active.art20_6.admin_penalty.prev_year_items': 13,
  'active.art20_6.admin_penalty.change_this_year': 0,
  'active.art20_6.admin_penalty.decisions': 14,
  'active.art20_6.admin_coercion.prev_year_items': 15,
  'active.art20_6.admin_coercion.change_this_year': null, // printed '-'
  'active.art20_6.admin_coercion.decisions': 16,
  'active.art20_8.admin_fees.prev_year_items': 17,
  'active.art20_8.admin_fees.change_this_year': 18,
  'active.art20_9.gov_procurement.project_count': 19,
  'active.art20_9.gov_procurement.total_amount': 251000,
};

const FIELDS_2021 = {
  'active.art20_1.regulations.issued': 1,
  'active.art20_1.regulations.repealed': 2,
  'active.art20_1.regulations.in_force': 3,
  'active.art20_1.normative_docs.issued': 4,
  'active.art20_1.normative_docs.repealed': 5,
  'active.art20_1.normative_docs.in_force': 6,
  'active.art20_5.admin_license.decisions': 7,
  'active.art20_6.admin_penalty.decisions': 8,
  'active.art20_6.admin_coercion.decisions': 9,
  'active.art20_8.admin_fees.amount_10k_yuan': 0.35,
};

/** Replace the cell texts of the row whose first cell is `label`. */
function editRows(rows: Row[], edits: Record<string, Row>): Row[] {
  return rows.map((row) => {
    const first = row[0];
    const text = typeof first === 'string' ? first : first?.text;
    return text !== undefined && edits[text] ? edits[text]! : row;
  });
}

describe('第二十条 table: the two templates', () => {
  it('maps the 22 cells of the 2019 table and detects the 2019 template from its columns', () => {
    const rec = run(active2019());
    expect(rec.report.template).toBe('2019');
    expect(activeFields(rec)).toEqual(FIELDS_2019);
    expect(Object.keys(activeFields(rec)).sort()).toEqual(expectedFieldIds('active_disclosure', '2019').sort());
    expect(rec.extra_rows).toEqual([]);
    expect(rec.warnings).toEqual([]);
  });

  it('maps the 10 cells of the 2021 table, single values drawn over three columns', () => {
    const rec = run(active2021());
    expect(rec.report.template).toBe('2021');
    expect(activeFields(rec)).toEqual(FIELDS_2021);
    expect(rec.extra_rows).toEqual([]);
    expect(rec.warnings).toEqual([]);
  });

  it('keeps the unit printed in a cell in provenance (251000元) and the number in fields', () => {
    const rec = run(active2019());
    expect(rec.provenance['active.art20_9.gov_procurement.total_amount']).toMatchObject({ text: '251000元', unit: '元', label: '政府集中采购', row: 17, col: 2 });
  });

  it('decides the template by the column names, not by the row label 规范性文件 / 行政规范性文件', () => {
    const r2021 = run(table(editRows(active2021Rows(), { 行政规范性文件: ['规范性文件', '4', '5', '6'] })));
    expect(r2021.report.template).toBe('2021');
    expect(r2021.fields['active.art20_1.normative_docs.issued']).toBe(4);

    const r2019 = run(table(editRows(active2019Rows(), { 规范性文件: ['行政规范性文件', '4', '5', '6'] })));
    expect(r2019.report.template).toBe('2019');
    expect(r2019.fields['active.art20_1.normative_docs.made_this_year']).toBe(4);
  });

  it('never merges the 2019 and 2021 column ids: issued ≠ made_this_year, in_force ≠ total_published', () => {
    const r2021 = run(active2021());
    expect(r2021.fields).not.toHaveProperty('active.art20_1.regulations.made_this_year');
    expect(r2021.fields).not.toHaveProperty('active.art20_1.regulations.total_published');
    const r2019 = run(active2019());
    expect(r2019.fields).not.toHaveProperty('active.art20_1.regulations.issued');
    expect(r2019.fields).not.toHaveProperty('active.art20_8.admin_fees.amount_10k_yuan');
  });
});

describe('第二十条 table: caption rows', () => {
  it.each([
    ['2019', active2019Rows, FIELDS_2019],
    ['2021', active2021Rows, FIELDS_2021],
  ] as const)('maps the %s table without its 第二十条第（X）项 caption rows to the same ids', (template, rows, expected) => {
    const rec = run(table(withoutCaptions(rows())));
    expect(rec.report.template).toBe(template);
    expect(activeFields(rec)).toEqual(expected);
    expect(rec.extra_rows).toEqual([]);
  });

  it('without captions, uses the header row just above a block, even when its value cells are not merged', () => {
    const rows = withoutCaptions(active2021Rows()).map((row) =>
      // 本年处理决定数量 / 本年收费金额 written as one cell and two empty ones instead of a colspan 3.
      row.length === 2 ? [row[0]!, typeof row[1] === 'string' ? row[1] : row[1]!.text, '', ''] : row,
    );
    const rec = run(table(rows));
    expect(activeFields(rec)).toEqual(FIELDS_2021);
    expect(rec.extra_rows).toEqual([]);
  });

  it('reads captions with half-width brackets or without brackets', () => {
    const rows = active2021Rows().map((row) => {
      const first = row[0];
      if (row.length !== 1 || typeof first === 'string' || !first) return row;
      return [cell(first.text.replace('（五）', '(五)').replace('（六）', '六'), { colSpan: 4 })];
    });
    const rec = run(table(rows));
    expect(activeFields(rec)).toEqual(FIELDS_2021);
    expect(rec.warnings.map((w) => w.code)).not.toContain('BLOCK_MISMATCH');
  });
});

describe('第二十条 table: layout and label variations', () => {
  it('maps the Shanghai colspan drift of 第（五）项 in order: header [1][1][2][1], data [1][2][1][1]', () => {
    const rows = editRows(active2019Rows(), {
      行政许可: ['行政许可', cell('7', { colSpan: 2 }), '-8', '9'],
      其他对外管理服务事项: ['其他对外管理服务事项', cell('10', { colSpan: 2 }), '+11', '12'],
    }).map((row, i, all) =>
      // The header row after the （五） caption: 上一年项目数量 | 本年增/减 (colspan 2) | 处理决定数量, in 5 grid columns.
      i > 0 && /（五）/u.test(JSON.stringify(all[i - 1])) ? ['信息内容', '上一年项目数量', cell('本年增/减', { colSpan: 2 }), '处理决定数量'] : row,
    );
    const rec = run(table(rows));
    expect(activeFields(rec)).toMatchObject({
      'active.art20_5.admin_license.prev_year_items': 7,
      'active.art20_5.admin_license.change_this_year': -8,
      'active.art20_5.admin_license.decisions': 9,
      'active.art20_5.other_mgmt_services.prev_year_items': 10,
      'active.art20_5.other_mgmt_services.change_this_year': 11,
      'active.art20_5.other_mgmt_services.decisions': 12,
    });
  });

  it('reads labels and headers with notes in brackets and line breaks (Wuhan, Shanghai)', () => {
    const rows = editRows(active2019Rows(), {
      规章: ['规章（设区的市、自治州人民政府应提供相关数据）', '1', '2', '3'],
      其他对外管理服务事项: ['其他对外管理服务事项（指行政许可、行政处罚、行政强制以外的政务服务事项）', '10', '+11', '12'],
    }).map((row) =>
      row[0] === '信息内容' && row[1] === '本年新制作数量'
        ? ['信息内容', '本年新\n制作数量', '本年新 公开数量', '对外公开总数量']
        : row[0] === '信息内容' && row.length === 4 && row[1] === '上一年项目数量'
          ? ['信息内容', '上一年项目数量（指2019年事项数）', '本年增/减（指2020年增加或减少的事项数，减用负值表示，如-8）', '处理决定数量（指2020年办件量）']
          : row,
    );
    const rec = run(table(rows));
    expect(activeFields(rec)).toEqual(FIELDS_2019);
    expect(rec.extra_rows).toEqual([]);
  });

  it('keeps an extra non-template row in extra_rows, never dropping it', () => {
    const rows = active2019Rows();
    const at = rows.findIndex((r) => r[0] === '规范性文件') + 1;
    rows.splice(at, 0, ['其他主动公开文件（指……）', '3', '3', '12']);
    const rec = run(table(rows));
    expect(rec.extra_rows).toEqual([{ table: 'active_disclosure', label: '其他主动公开文件（指……）', values: ['3', '3', '12'], table_index: 0, row: at }]);
    expect(activeFields(rec)).toEqual(FIELDS_2019);
  });

  it('reads an empty value row as nulls, listed in fields, without an extra row', () => {
    const rec = run(table(editRows(active2019Rows(), { 行政事业性收费: ['行政事业性收费', '', cell('', { colSpan: 2 })] })));
    expect(rec.fields['active.art20_8.admin_fees.prev_year_items']).toBeNull();
    expect(rec.fields['active.art20_8.admin_fees.change_this_year']).toBeNull();
    expect(rec.extra_rows).toEqual([]);
  });

  it('keeps a fee printed in 元 as printed in the 万元 field, with a UNIT_MISMATCH warning', () => {
    const rec = run(table(editRows(active2021Rows(), { 行政事业性收费: ['行政事业性收费', cell('3500元', { colSpan: 3 })] })));
    expect(rec.fields['active.art20_8.admin_fees.amount_10k_yuan']).toBe(3500);
    expect(rec.provenance['active.art20_8.admin_fees.amount_10k_yuan']?.unit).toBe('元');
    expect(rec.warnings).toContainEqual(expect.objectContaining({ code: 'UNIT_MISMATCH', field: 'active.art20_8.admin_fees.amount_10k_yuan' }));
  });

  it('lists every id of the table, null where a whole block is missing, with a ROW_MISSING warning', () => {
    const rows = active2019Rows();
    const rec = run(table(rows.slice(0, rows.findIndex((r) => JSON.stringify(r).includes('（九）')))));
    expect(rec.fields['active.art20_9.gov_procurement.project_count']).toBeNull();
    expect(rec.fields['active.art20_9.gov_procurement.total_amount']).toBeNull();
    expect(rec.warnings.find((w) => w.code === 'ROW_MISSING')?.message).toContain('active.art20_9.gov_procurement');
  });
});
