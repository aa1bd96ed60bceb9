import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/document.ts';
import { findTitle, parseTitle } from '../../src/normalize/title.ts';
import { doc, table } from './fixtures.ts';

describe('parseTitle', () => {
  it('reads agency before the year: 平潭综合实验区2019年度…', () => {
    expect(parseTitle('平潭综合实验区2019年度政府信息公开工作年度报告')).toEqual({
      title: '平潭综合实验区2019年度政府信息公开工作年度报告',
      agency: '平潭综合实验区',
      year: 2019,
    });
  });

  it('reads agency after the year: 2019年上海市人民政府办公厅…', () => {
    expect(parseTitle('2019年上海市人民政府办公厅政府信息公开工作年度报告')).toMatchObject({ agency: '上海市人民政府办公厅', year: 2019 });
  });

  it('takes the agency from the previous line when the title is split over two paragraphs', () => {
    expect(parseTitle('2020年政府信息公开工作年度报告', '余姚市陆埠镇人民政府')).toEqual({
      title: '余姚市陆埠镇人民政府2020年政府信息公开工作年度报告',
      agency: '余姚市陆埠镇人民政府',
      year: 2020,
    });
  });

  it('does not take a previous line that is not an agency name', () => {
    expect(parseTitle('2020年政府信息公开工作年度报告', '本报告根据条例编制。')).toMatchObject({ agency: null, year: 2020 });
  });

  it('reads site titles with a column/site suffix: …_政府信息公开年报_XX区人民政府', () => {
    expect(parseTitle('XX区人民政府2020年政府信息公开工作年度报告_政府信息公开年报_XX区人民政府')).toEqual({
      title: 'XX区人民政府2020年政府信息公开工作年度报告',
      agency: 'XX区人民政府',
      year: 2020,
    });
    expect(parseTitle('宁波市交通运输局2020年度政府信息公开工作年度报告--宁波市人民政府')).toMatchObject({ agency: '宁波市交通运输局', year: 2020 });
  });

  it('does not read a breadcrumb as an agency', () => {
    expect(parseTitle('当前位置：首页 > 政府信息公开 > 政府信息公开年报')).toMatchObject({ agency: null, year: null });
  });

  it('reads years written in Chinese numerals: 二〇二〇年, and with ○ (U+25CB) for zero', () => {
    expect(parseTitle('杭州市西湖区人民政府二〇二〇年政府信息公开工作年度报告')).toMatchObject({ agency: '杭州市西湖区人民政府', year: 2020 });
    expect(parseTitle('杭州市西湖区人民政府二○二○年度政府信息公开工作年度报告')).toMatchObject({ agency: '杭州市西湖区人民政府', year: 2020 });
  });

  it('ignores spaces, book-title marks and a leading 关于', () => {
    expect(parseTitle('上海市人民政府办公厅 2019 年 政府信息公开 工作年度报告')).toMatchObject({ agency: '上海市人民政府办公厅', year: 2019 });
    expect(parseTitle('《上海市人民政府办公厅2019年政府信息公开工作年度报告》')).toMatchObject({ agency: '上海市人民政府办公厅', year: 2019 });
    expect(parseTitle('宁波市交通运输局关于2020年度政府信息公开工作年度报告')).toMatchObject({ agency: '宁波市交通运输局', year: 2020 });
    expect(parseTitle('关于2019年度政府信息公开工作年度报告')).toMatchObject({ agency: null, year: 2019 });
  });
});

describe('findTitle', () => {
  it('reads a title split over two paragraphs and ignores the closing date line', () => {
    const d = doc(['余姚市陆埠镇人民政府', '2020年政府信息公开工作年度报告', '2020年，陆埠镇积极执行……', '2021年1月11日']);
    expect(findTitle(d)).toMatchObject({ agency: '余姚市陆埠镇人民政府', year: 2020 });
  });

  it('never takes the year of the closing date line: a title without a year gives year null', () => {
    const d = doc(['XX区人民政府政府信息公开工作年度报告', '正文……', 'XX区人民政府', '2021年1月11日']);
    expect(findTitle(d)).toMatchObject({ agency: 'XX区人民政府', year: null });
  });

  it('skips a breadcrumb that names the 政府信息公开年报 column and takes the heading after it', () => {
    const d = doc(['当前位置：首页 > 政府信息公开 > 政府信息公开年报', '平潭综合实验区2019年度政府信息公开工作年度报告', '正文']);
    expect(findTitle(d)).toMatchObject({ agency: '平潭综合实验区', year: 2019 });
  });

  it('falls back on the container title (HTML <title>) when the body has no title line', () => {
    const d = doc(['政府信息公开年报', '本报告…', '2021年1月11日'], '平潭综合实验区2019年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会');
    expect(findTitle(d)).toMatchObject({ agency: '平潭综合实验区', year: 2019 });
  });

  it('completes a body title that lacks the year from an agreeing container title', () => {
    const d = doc(['XX区人民政府政府信息公开工作年度报告'], 'XX区人民政府2020年政府信息公开工作年度报告');
    expect(findTitle(d)).toMatchObject({ agency: 'XX区人民政府', year: 2020 });
  });

  it('prefers the body title over a container title that disagrees', () => {
    const d = doc(['XX区人民政府2020年政府信息公开工作年度报告'], 'XX区人民政府2019年政府信息公开工作年度报告');
    expect(findTitle(d)).toMatchObject({ year: 2020 });
  });

  it('reads the covered year from the statistics period when nothing else gives it', () => {
    const d = doc(['XX区人民政府政府信息公开工作年度报告', '本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。', '2021年1月11日']);
    expect(findTitle(d)).toMatchObject({ agency: 'XX区人民政府', year: 2020 });
  });

  it('does not read titles after the block it is told to stop at (lists of other reports after the tables)', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '正文' },
      table([['a']]),
      { kind: 'paragraph', text: 'YY局2018年政府信息公开工作年度报告' },
    ];
    expect(findTitle(doc(blocks), 1)).toEqual({ title: null, agency: null, year: null });
  });

  it('returns nulls for a document with no title at all', () => {
    expect(findTitle(doc(['本报告根据《条例》编制。', '2021年1月11日']))).toEqual({ title: null, agency: null, year: null });
  });
});
