import { describe, expect, it } from 'vitest';
import { cellText, lines } from '../../src/extract/pdf/text-lines.ts';
import { stacked, word } from './pdf-fixtures.ts';

describe('lines', () => {
  it('groups glyphs into lines top to bottom, each read left to right whatever order the glyphs come in', () => {
    const glyphs = [...word('第二行', 100, 130), ...word('第一行', 100, 110)].reverse();
    const out = lines(glyphs);
    expect(out.map((l) => l.text)).toEqual(['第一行', '第二行']);
    expect(out[0]).toMatchObject({ x0: 100, x1: 136, y0: 110, y1: 122, size: 12 });
  });

  it('keeps glyphs of mixed sizes on one baseline band in one line (a 10.5 pt number in a 14 pt line)', () => {
    // 14 pt text from y 100 to 114; the 10.5 pt digits sit lower in the band, from 102 to 112.5.
    const glyphs = [...word('共收到申请', 100, 100, { size: 14 }), ...word('25', 170, 102, { size: 10.5 }), ...word('件', 180.5, 100, { size: 14 })];
    const out = lines(glyphs);
    expect(out.map((l) => l.text)).toEqual(['共收到申请25件']);
    expect(out[0]!.size).toBe(14);
  });

  it('keeps two lines apart when they are set close (line spacing 1.0)', () => {
    const out = lines([...word('上一行', 100, 100), ...word('下一行', 100, 112)]);
    expect(out.map((l) => l.text)).toEqual(['上一行', '下一行']);
  });

  it('inserts a space where the gap is wider than a third of the font size, and none for a narrower one', () => {
    // 12 pt: a 5 pt gap (0.42 em) is a space, a 2 pt gap (0.17 em, tracking) is not.
    const glyphs = [...word('项目', 100, 100), ...word('总计', 129, 100), ...word('12', 155, 100)];
    expect(lines(glyphs).map((l) => l.text)).toEqual(['项目 总计12']);
  });

  it('leaves vertical-writing glyphs out of the upright lines', () => {
    const out = lines([...word('横排', 100, 100), ...stacked('竖排', 300, 100)]);
    expect(out.map((l) => l.text)).toEqual(['横排']);
  });
});

describe('cellText', () => {
  it('joins the lines of a wrapped cell with a newline', () => {
    const glyphs = [...word('（二）部分公开（区分处理的，', 60, 100), ...word('只计这一情形）', 60, 116)];
    expect(cellText(glyphs)).toBe('（二）部分公开（区分处理的，\n只计这一情形）');
  });

  it('reads vertical-writing glyphs top to bottom', () => {
    expect(cellText(stacked('申请人情况', 60, 100).reverse())).toBe('申请人情况');
  });

  it('reads two columns of vertical writing right to left', () => {
    const glyphs = [...stacked('左列', 60, 100), ...stacked('右列', 80, 100)];
    expect(cellText(glyphs)).toBe('右列\n左列');
  });

  it('is empty for no glyphs', () => {
    expect(cellText([])).toBe('');
  });
});
