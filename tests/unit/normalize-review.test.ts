/**
 * T4 (行政复议、行政诉讼) through normalize(): src/normalize/tables/review.ts.
 */
import { describe, expect, it } from 'vitest';
import { REVIEW_IDS, cell, fieldsOf, reviewTable, run, table } from './fixtures.ts';

const reviewFields = (rec: ReturnType<typeof run>) => fieldsOf(rec.fields, 'review_litigation.');
const numbered = () => Array.from({ length: 15 }, (_, i) => String(i + 1));
const byOrder = (values: (number | null)[]) => Object.fromEntries(REVIEW_IDS.map((id, i) => [id, values[i]]));

const R5 = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

describe('review/litigation table', () => {
  it('names the 15 columns by their three header rows (rowspans and colspans)', () => {
    const rec = run(reviewTable(numbered()));
    expect(reviewFields(rec)).toEqual(byOrder(numbered().map(Number)));
    expect(rec.extra_rows).toEqual([]);
  });

  it('reads the header when rowspans are written as empty cells and words carry stray spaces', () => {
    const spaced = ['结果维 持', '结果纠 正', '其他结 果', '尚未\n审结', '总计'];
    const t = table([
      [cell('行政复议', { colSpan: 5 }), cell('行政诉讼', { colSpan: 10 })],
      [...spaced, cell('未经复议直接起诉', { colSpan: 5 }), cell('复议后起诉', { colSpan: 5 })],
      ['', '', '', '', '', ...spaced, ...spaced],
      numbered(),
    ]);
    expect(reviewFields(run(t))).toEqual(byOrder(numbered().map(Number)));
  });

  it('tells the two litigation blocks apart by their group headers, not by position alone', () => {
    // 复议后起诉 printed before 未经复议直接起诉.
    const t = table([
      [cell('行政复议', { colSpan: 5 }), cell('行政诉讼', { colSpan: 10 })],
      [...R5.map((t) => cell(t, { rowSpan: 2 })), cell('复议后起诉', { colSpan: 5 }), cell('未经复议直接起诉', { colSpan: 5 })],
      [...R5, ...R5],
      numbered(),
    ]);
    const rec = run(t);
    expect(rec.fields['review_litigation.litigation_after_review.upheld']).toBe(6);
    expect(rec.fields['review_litigation.litigation_direct.upheld']).toBe(11);
  });

  it('skips a label cell before the numbers (件数)', () => {
    const t = table([
      [cell('', { rowSpan: 3 }), cell('行政复议', { colSpan: 5 }), cell('行政诉讼', { colSpan: 10 })],
      [...R5.map((t) => cell(t, { rowSpan: 2 })), cell('未经复议直接起诉', { colSpan: 5 }), cell('复议后起诉', { colSpan: 5 })],
      [...R5, ...R5],
      ['件数', ...numbered()],
    ]);
    const rec = run(t);
    expect(reviewFields(rec)).toEqual(byOrder(numbered().map(Number)));
    expect(rec.provenance['review_litigation.review.upheld']).toMatchObject({ row: 3, col: 1, text: '1' });
  });

  it('assumes the 15 template columns in order when the header names no result column, and says so', () => {
    const t = table([[cell('行政复议', { colSpan: 5 }), cell('行政诉讼', { colSpan: 10 })], numbered()]);
    const rec = run(t);
    expect(reviewFields(rec)).toEqual(byOrder(numbered().map(Number)));
    expect(rec.warnings.map((w) => w.code)).toContain('HEADER_MISSING');
  });

  it('keeps a second data row in extra_rows', () => {
    const t = table([
      [cell('行政复议', { colSpan: 5 }), cell('行政诉讼', { colSpan: 10 })],
      [...R5.map((t) => cell(t, { rowSpan: 2 })), cell('未经复议直接起诉', { colSpan: 5 }), cell('复议后起诉', { colSpan: 5 })],
      [...R5, ...R5],
      numbered(),
      Array<string>(15).fill('9'),
    ]);
    const rec = run(t);
    expect(rec.extra_rows).toEqual([{ table: 'review_litigation', label: '', values: Array<string>(15).fill('9'), table_index: 0, row: 4 }]);
    expect(rec.fields['review_litigation.review.upheld']).toBe(1);
  });

  it('runs H4–H6 and reports a printed total that does not add up, without fixing it', () => {
    const values = ['10', '1', '0', '0', '0', ...Array<string>(10).fill('0')];
    const rec = run(reviewTable(values));
    expect(rec.fields['review_litigation.review.total']).toBe(0);
    expect(rec.checks.map((c) => [c.id, c.status])).toEqual([
      ['H4', 'fail'],
      ['H5', 'pass'],
      ['H6', 'pass'],
    ]);
    expect(rec.checks[0]).toMatchObject({ expected: 11, actual: 0 });
  });

  it('reads blanks and dashes as null, and skips a block with nothing printed', () => {
    const values = ['0', '', '-', '/', '0', ...Array<string>(5).fill('0'), ...Array<string>(5).fill('')];
    const rec = run(reviewTable(values));
    expect(rec.fields['review_litigation.review.corrected']).toBeNull();
    expect(rec.fields['review_litigation.review.other']).toBeNull();
    expect(rec.fields['review_litigation.review.pending']).toBeNull();
    expect(rec.checks.find((c) => c.id === 'H6')?.status).toBe('skip');
    expect(rec.checks.find((c) => c.id === 'H4')).toMatchObject({ status: 'pass', blank_cells: ['review_litigation.review.corrected', 'review_litigation.review.other', 'review_litigation.review.pending'] });
  });
});
