/**
 * normalize(doc, source): status, template, title, field listing, provenance and the record shape
 * (src/normalize/index.ts). The table mappers have their own files.
 */
import { describe, expect, it } from 'vitest';
import { FIELD_IDS, expectedFieldIds } from '../../src/catalogue/index.ts';
import type { ExtractedDocument } from '../../src/model/document.ts';
import { RecordSchema } from '../../src/model/record.ts';
import { normalize } from '../../src/normalize/index.ts';
import { SOURCE, active2019, active2021, applicationRows, applicationsMerged, doc, reviewTable, run, table } from './fixtures.ts';

const metadataTable = () =>
  table([
    ['索引号', '000014349/2021-00012', '分类', '政府信息公开年报'],
    ['发布机构', 'XX区人民政府办公室', '发文日期', '2021-01-11'],
    ['标题', 'XX区人民政府2020年政府信息公开工作年度报告', '文号', ''],
  ]);

const fullReport2021 = () =>
  run(
    'XX区人民政府2021年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    active2021(),
    '三、收到和处理政府信息公开申请情况',
    applicationsMerged(applicationRows('2021')),
    '四、政府信息公开行政复议、行政诉讼情况',
    reviewTable(Array<string>(15).fill('0')),
    '2022年1月20日',
  );

describe('normalize: status', () => {
  it('is not_a_report when the only table is a page-metadata table (索引号/发布机构/发文日期)', () => {
    const rec = run('XX区人民政府2020年政府信息公开工作年度报告', metadataTable(), '一、总体情况');
    expect(rec.status).toBe('not_a_report');
    expect(rec.report.template).toBe('unknown');
    expect(rec.fields).toEqual({});
    expect(rec.checks).toEqual([]);
    expect(rec.extra_rows).toEqual([]);
  });

  it('is not_a_report for a document without tables', () => {
    expect(run('XX区人民政府2020年政府信息公开工作年度报告', '正文').status).toBe('not_a_report');
  });

  it('is ok when report tables follow a metadata table, which is ignored', () => {
    const rec = run(metadataTable(), applicationsMerged(applicationRows('2019')));
    expect(rec.status).toBe('ok');
    expect(rec.extra_rows).toEqual([]);
    // Table indices count every table of the document, the metadata table included.
    expect(rec.provenance['applications.new_received.natural_person']?.table).toBe(1);
  });
});

describe('normalize: template', () => {
  it('reads the template from the 第二十条 table when there is one', () => {
    expect(run(active2019()).report.template).toBe('2019');
    expect(fullReport2021().report.template).toBe('2021');
  });

  it('reads the template from the application table alone when there is no 第二十条 table', () => {
    expect(run(applicationsMerged(applicationRows('2021'))).report.template).toBe('2021');
    expect(run(applicationsMerged(applicationRows('2019'))).report.template).toBe('2019');
  });

  it('leaves the template unknown when only the review table is present (it is the same in both)', () => {
    const rec = run(reviewTable(Array<string>(15).fill('0')));
    expect(rec.status).toBe('ok');
    expect(rec.report.template).toBe('unknown');
  });
});

describe('normalize: the record', () => {
  it('is a valid record: the schema accepts it', () => {
    expect(() => RecordSchema.parse(fullReport2021())).not.toThrow();
  });

  it('copies the source and the document format', () => {
    const d: ExtractedDocument = { ...doc([active2021()]), format: 'pdf', pages: 6 };
    expect(normalize(d, SOURCE).source).toEqual({ path: SOURCE.path, sha256: SOURCE.sha256, format: 'pdf', pages: 6 });
  });

  it('reads agency and year from the title, not from the closing date line', () => {
    expect(fullReport2021().report).toMatchObject({ agency: 'XX区人民政府', year: 2021 });
  });

  it('lists every id of every table found, in fields.tsv order, and nothing else', () => {
    const rec = fullReport2021();
    const expected = [
      ...expectedFieldIds('active_disclosure', '2021'),
      ...expectedFieldIds('applications', '2021'),
      ...expectedFieldIds('review_litigation', '2021'),
    ];
    expect(Object.keys(rec.fields).sort()).toEqual([...expected].sort());
    expect(Object.keys(rec.fields)).toEqual(FIELD_IDS.filter((id) => id in rec.fields));
    expect(Object.keys(rec.provenance)).toEqual(FIELD_IDS.filter((id) => id in rec.provenance));
  });

  it('keeps derived sums out of fields', () => {
    const rec = fullReport2021();
    expect(Object.keys(rec.derived).length).toBeGreaterThan(0);
    for (const id of Object.keys(rec.derived)) expect(rec.fields).not.toHaveProperty(id);
  });

  it('passes the extractor warnings through', () => {
    const d = doc([applicationsMerged(applicationRows('2019'))]);
    d.warnings.push({ code: 'NESTED_TABLE', message: 'a table inside a cell' });
    expect(normalize(d, SOURCE).warnings).toContainEqual({ code: 'NESTED_TABLE', message: 'a table inside a cell' });
  });
});

describe('normalize: provenance', () => {
  it('records page, table, row, grid column, printed text and label of a value', () => {
    const t = { ...active2021(), page: 3 };
    const rec = run('正文', t);
    expect(rec.provenance['active.art20_1.normative_docs.repealed']).toEqual({ page: 3, table: 0, row: 3, col: 2, text: '5', label: '行政规范性文件' });
  });

  it('prefers the page of the cell over the page of the table (a table across pages)', () => {
    const t = active2021();
    const last = t.rows.at(-1)!;
    last[1] = { ...last[1]!, page: 4 };
    const rec = run({ ...t, page: 3 });
    expect(rec.provenance['active.art20_8.admin_fees.amount_10k_yuan']?.page).toBe(4);
    expect(rec.provenance['active.art20_1.regulations.issued']?.page).toBe(3);
  });

  it('keeps the first of two different printings of one field, with a DUPLICATE_FIELD warning', () => {
    const second = active2021();
    second.rows[2]![1] = { ...second.rows[2]![1]!, text: '99' };
    const rec = run(active2021(), second);
    expect(rec.fields['active.art20_1.regulations.issued']).toBe(1);
    expect(rec.provenance['active.art20_1.regulations.issued']?.table).toBe(0);
    expect(rec.warnings).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_FIELD', field: 'active.art20_1.regulations.issued' }));
  });

  it('does not warn when a table is printed twice with the same values', () => {
    const rec = run(active2021(), active2021());
    expect(rec.warnings.map((w) => w.code)).not.toContain('DUPLICATE_FIELD');
  });
});
