/**
 * The docx extractor's grid: a wrong span shifts every number of a row, so each OOXML merge
 * construct is checked slot by slot, including the ones mammoth gets wrong on its own
 * (w:gridBefore/w:gridAfter, w:hMerge, a vMerge continuation wider than the cell it continues).
 */
import { describe, expect, it } from 'vitest';
import { packageDocx } from '../corpus/lib/docx.ts';
import { extractDocx, DocxError } from '../src/extract/docx.ts';
import { tablesOf, paragraphsOf, type TableBlock } from '../src/model/document.ts';
import { expandGrid } from '../src/model/grid.ts';

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${text === '' ? '<w:p/>' : text.split('\n').map(p).join('')}</w:tc>`;
const tr = (cells: string[], rowProps = '') => `<w:tr>${rowProps ? `<w:trPr>${rowProps}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
const tbl = (gridColumns: number, rows: string[]) => `<w:tbl><w:tblGrid>${'<w:gridCol w:w="900"/>'.repeat(gridColumns)}</w:tblGrid>${rows.join('')}</w:tbl>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const RESTART = '<w:vMerge w:val="restart"/>';
const CONTINUE = '<w:vMerge/>';

async function grid(body: string): Promise<string[][]> {
  const doc = await extractDocx(Buffer.from(packageDocx(body)));
  return gridOf(tablesOf(doc)[0]!);
}

function gridOf(table: TableBlock): string[][] {
  return expandGrid(table).map((row) => row.map((slot) => slot?.cell.text ?? '∅'));
}

describe('docx extractor: table grid', () => {
  it('places cells after w:gridBefore and leaves w:gridAfter columns empty', async () => {
    const body = tbl(3, [tr([tc('a'), tc('b'), tc('c')]), tr([tc('y'), tc('z')], '<w:gridBefore w:val="1"/>'), tr([tc('p'), tc('q')], '<w:gridAfter w:val="1"/>')]);
    expect(await grid(body)).toEqual([
      ['a', 'b', 'c'],
      ['∅', 'y', 'z'],
      ['p', 'q', '∅'],
    ]);
  });

  it('merges horizontally with w:gridSpan and with the old w:hMerge', async () => {
    const body = tbl(4, [
      tr([tc('两列', span(2)), tc('c'), tc('d')]),
      tr([tc('横并', '<w:hMerge w:val="restart"/>'), tc('', '<w:hMerge/>'), tc('3'), tc('4')]),
      tr([tc('1'), tc('2'), tc('3'), tc('4')]),
    ]);
    expect(await grid(body)).toEqual([
      ['两列', '两列', 'c', 'd'],
      ['横并', '横并', '3', '4'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('merges vertically three rows deep, also a cell that spans columns', async () => {
    const body = tbl(4, [
      tr([tc('三、本年度办理结果', RESTART), tc('（三）不予公开', RESTART), tc('1.属于国家秘密'), tc('0')]),
      tr([tc('', CONTINUE), tc('', CONTINUE), tc('2.其他法律行政法规禁止公开'), tc('1')]),
      tr([tc('', CONTINUE), tc('（七）总计', span(2)), tc('9')]),
      tr([tc('四、结转下年度继续办理', span(3)), tc('2')]),
    ]);
    expect(await grid(body)).toEqual([
      ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0'],
      ['三、本年度办理结果', '（三）不予公开', '2.其他法律行政法规禁止公开', '1'],
      ['三、本年度办理结果', '（七）总计', '（七）总计', '9'],
      ['四、结转下年度继续办理', '四、结转下年度继续办理', '四、结转下年度继续办理', '2'],
    ]);
  });

  it('keeps the next cell in its column when a vMerge continuation is wider than the cell above', async () => {
    const body = tbl(3, [tr([tc('A', RESTART), tc('b'), tc('c')]), tr([tc('', CONTINUE + span(2)), tc('d')])]);
    const rows = await grid(body);
    expect(rows[1]![2]).toBe('d');
    expect(rows[1]![0]).toBe('A');
  });

  it('does not merge a vMerge restart into the next row when that row starts after gridBefore', async () => {
    const body = tbl(3, [tr([tc('L', RESTART), tc('b'), tc('c')]), tr([tc('z')], '<w:gridBefore w:val="2"/>')]);
    expect(await grid(body)).toEqual([
      ['L', 'b', 'c'],
      ['∅', '∅', 'z'],
    ]);
  });

  it('keeps empty cells as empty text and joins the paragraphs of a cell with a line break', async () => {
    const body = tbl(3, [tr([tc('结果\n维持'), tc(''), tc('0')])]);
    expect(await grid(body)).toEqual([['结果\n维持', '', '0']]);
  });

  it('reads a table nested in a one-cell layout table as a table of its own', async () => {
    const inner = tbl(2, [tr([tc('信息内容'), tc('本年制发件数')]), tr([tc('规章'), tc('3')])]);
    const body = tbl(1, [`<w:tr><w:tc><w:tcPr/>${p('二、主动公开政府信息情况')}${inner}<w:p/></w:tc></w:tr>`]);
    const doc = await extractDocx(Buffer.from(packageDocx(body)));
    expect(tablesOf(doc).map(gridOf)).toEqual([
      [
        ['信息内容', '本年制发件数'],
        ['规章', '3'],
      ],
    ]);
    expect(paragraphsOf(doc).map((x) => x.text)).toContain('二、主动公开政府信息情况');
  });

  it('keeps paragraphs and tables in document order', async () => {
    const body = p('标题') + tbl(1, [tr([tc('x')]), tr([tc('y')]), tr([tc('z')])]) + p('结尾');
    const doc = await extractDocx(Buffer.from(packageDocx(body)));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  });

  it('refuses a zip without word/document.xml as CORRUPT', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({ 'hello.txt': strToU8('hi') });
    await expect(extractDocx(Buffer.from(zip))).rejects.toMatchObject({ code: 'CORRUPT' });
    await expect(extractDocx(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toBeInstanceOf(DocxError);
  });
});
