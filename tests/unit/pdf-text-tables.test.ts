import { describe, expect, it } from 'vitest';
import type { Glyph } from '../../src/extract/pdf/page-content.ts';
import { layoutPage, type PageLayout } from '../../src/extract/pdf/page-layout.ts';
import { findTextTables } from '../../src/extract/pdf/text-tables.ts';
import { centred, picture, rightAligned, word } from './pdf-fixtures.ts';

const layout = (glyphs: Glyph[]): PageLayout => layoutPage({ page: 1, width: 595, height: 842, glyphs, segments: [] });

/** The cell whose text is `text`, and the column it stands in. */
const colOf = (l: PageLayout, text: string) => l.tables[0]!.cells.find((c) => c.text === text)?.col;

describe('findTextTables (pages without rulings)', () => {
  // Labels from x 60; value columns 290–370, 370–450, 450–530 with headers centred on them and the
  // numbers right-aligned 5 pt inside their right edge.
  const HEAD = [330, 410, 490];
  const RIGHT = [365, 445, 525];
  const row = (top: number, label: string, values: string[]) => [...word(label, 60, top), ...values.flatMap((v, i) => rightAligned(v, RIGHT[i]!, top))];
  const page = [
    ...word('本机关2023年度收到和处理政府信息公开申请情况如下表所示：', 60, 100),
    ...word('项目', 60, 140),
    ...['自然人', '法人', '总计'].flatMap((h, i) => centred(h, HEAD[i]!, 140)),
    ...row(170, '一、本年新收申请', ['10', '2', '12']),
    ...row(200, '（二）部分公开（区分处理的，只计这一情', ['3', '1', '4']),
    ...word('形，不计其他情形）', 60, 215), // the label wrapped onto a line of its own
    ...row(245, '四、结转下年度继续办理', ['1', '0', '1']),
    ...word('注：上表中的数据统计时间为2023年1月1日至12月31日。', 60, 290),
  ];

  it('rebuilds the grid: values under their headers, the wrapped label one cell', () => {
    const l = layout(page);
    expect(l.tables).toHaveLength(1);
    expect(l.tables[0]!.ruled).toBe(false);
    expect(picture(l.tables[0]!)).toEqual([
      ['项目', '自然人', '法人', '总计'],
      ['一、本年新收申请', '10', '2', '12'],
      ['（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）', '3', '1', '4'],
      ['四、结转下年度继续办理', '1', '0', '1'],
    ]);
  });

  it('keeps a label wrapped round its numbers (first line wide, numbers centred between the lines) in the table', () => {
    const wrapped = [
      ...word('本机关2023年度收到和处理政府信息公开申请情况如下表所示：', 60, 100),
      ...word('项目', 60, 140),
      ...['自然人', '法人', '总计'].flatMap((h, i) => centred(h, HEAD[i]!, 140)),
      ...row(170, '一、本年新收申请', ['10', '2', '12']),
      ...word('（二）部分公开（区分处理的，只计这一情形', 60, 195), // wider than 45% of the text
      ...[['3', 0], ['1', 1], ['4', 2]].flatMap(([v, i]) => rightAligned(v as string, RIGHT[i as number]!, 202)),
      ...word('，不计其他情形）', 60, 209),
      ...row(245, '四、结转下年度继续办理', ['1', '0', '1']),
    ];
    const l = layout(wrapped);
    expect(l.tables).toHaveLength(1);
    expect(picture(l.tables[0]!)).toEqual([
      ['项目', '自然人', '法人', '总计'],
      ['一、本年新收申请', '10', '2', '12'],
      ['（二）部分公开（区分处理的，只计这一情形\n，不计其他情形）', '3', '1', '4'],
      ['四、结转下年度继续办理', '1', '0', '1'],
    ]);
  });

  it('leaves the prose above and below the table as lines', () => {
    expect(layout(page).lines.map((l) => l.text)).toEqual(['本机关2023年度收到和处理政府信息公开申请情况如下表所示：', '注：上表中的数据统计时间为2023年1月1日至12月31日。']);
  });

  it('finds no table in prose alone, even prose with numbers in it', () => {
    const prose = [
      ...word('本年度共主动公开政府信息1234条，其中规章2件，', 60, 100),
      ...word('规范性文件15件。全年共收到申请25件，均已按时答复。', 60, 120),
      ...word('二、存在的主要问题及改进情况', 60, 150),
    ];
    expect(findTextTables(prose, 1).tables).toEqual([]);
    expect(layout(prose).lines).toHaveLength(3);
  });

  it('reads a single row of 15 numbers under stacked header words as a table (the review and litigation table)', () => {
    // 15 columns 32 pt apart from x 60, set in 9 pt; the headers stacked over four lines.
    const size = 9;
    const centre = (k: number) => 76 + 32 * k;
    const sub1 = ['结果', '结果', '其他', '尚未', '总计'];
    const sub2 = ['维持', '纠正', '结果', '审结', ''];
    const glyphs = [
      ...word('五、政府信息公开行政复议、行政诉讼情况', 60, 100, { size: 12 }),
      ...centred('行政复议', centre(2), 125, { size }),
      ...centred('行政诉讼', centre(10), 125, { size }),
      ...centred('未经复议直接起诉', centre(7), 137, { size }),
      ...centred('复议后起诉', centre(12), 137, { size }),
      ...Array.from({ length: 15 }, (_, k) => centred(sub1[k % 5]!, centre(k), 149, { size })).flat(),
      ...Array.from({ length: 15 }, (_, k) => centred(sub2[k % 5]!, centre(k), 161, { size })).flat(),
      ...Array.from({ length: 15 }, (_, k) => centred(String(k + 1), centre(k), 180, { size })).flat(),
      ...word('六、存在的主要问题及改进情况', 60, 220, { size: 12 }),
    ];
    const l = layout(glyphs);
    expect(l.tables).toHaveLength(1);
    const table = l.tables[0]!;
    expect(table.xs).toHaveLength(16);
    const data = table.cells.filter((c) => /^\d+$/u.test(c.text)).sort((a, b) => a.col - b.col);
    expect(data.map((c) => [c.text, c.col])).toEqual(Array.from({ length: 15 }, (_, k) => [String(k + 1), k]));
    // Each stacked header word stands in the column of the number under it.
    const words = table.cells.filter((c) => c.text === '维持').map((c) => c.col);
    expect(words).toEqual([0, 5, 10]);
    expect(table.cells.filter((c) => c.text === '总计').map((c) => c.col)).toEqual([4, 9, 14]);
    // A group header wider than a column spans the columns its text overlaps (the middle ones of its five).
    const group = table.cells.find((c) => c.text === '未经复议直接起诉')!;
    expect([group.col, group.col + group.colSpan - 1]).toEqual([6, 8]);
    expect(l.lines.map((x) => x.text)).toEqual(['五、政府信息公开行政复议、行政诉讼情况', '六、存在的主要问题及改进情况']);
    expect(colOf(l, '15')).toBe(14);
  });
});
