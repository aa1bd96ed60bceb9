import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../src/extract/html.ts';
import { paragraphsOf, tablesOf, type TableBlock } from '../src/model/document.ts';
import { expandGrid } from '../src/model/grid.ts';

const html = (body: string, head = '<meta charset="utf-8"><title>页面</title>') => Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);

/** The expanded grid as text, merged cells repeated where they cover a slot. */
function gridText(table: TableBlock): string[][] {
  return expandGrid(table).map((row) => row.map((slot) => slot?.cell.text ?? '∅'));
}

describe('HTML extractor', () => {
  it('places rowspan and colspan cells on the grid, also with uppercase markup', () => {
    const doc = extractHtml(
      html(`<TABLE BORDER=1><TR><TD ROWSPAN=2>三、本年度办理结果</TD><TD COLSPAN=2>（一）予以公开</TD><TD>5</TD></TR>
        <TR><TD>（三）不予公开</TD><TD>1.属于国家秘密</TD><TD>0</TD></TR></TABLE>`),
    );
    const [table] = tablesOf(doc);
    expect(gridText(table!)).toEqual([
      ['三、本年度办理结果', '（一）予以公开', '（一）予以公开', '5'],
      ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0'],
    ]);
    expect(table!.rows[1]![0]!.col).toBe(1);
  });

  it('reads &nbsp; cells as empty and joins the paragraphs of a cell with a line break', () => {
    const doc = extractHtml(html('<table><tr><td><p>结果</p><p>维持</p></td><td><p>&nbsp;</p></td><td>本年新<br />制作数量</td></tr></table>'));
    const cells = tablesOf(doc)[0]!.rows[0]!;
    expect(cells.map((c) => c.text)).toEqual(['结果\n维持', '', '本年新\n制作数量']);
  });

  it('reads a layout table as a container and keeps the data table inside it', () => {
    const doc = extractHtml(
      html(`<table width="100%"><tr><td>
        <p>平潭综合实验区2019年度政府信息公开工作年度报告</p>
        <table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td></tr><tr><td>规章</td><td>1</td><td>2</td></tr></table>
      </td></tr></table>`),
    );
    const tables = tablesOf(doc);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows[1]!.map((c) => c.text)).toEqual(['规章', '1', '2']);
    expect(paragraphsOf(doc).map((p) => p.text)).toContain('平潭综合实验区2019年度政府信息公开工作年度报告');
    // Document order: the title paragraph comes before the table.
    expect(doc.blocks.findIndex((b) => b.kind === 'paragraph' && b.text.includes('年度报告'))).toBeLessThan(doc.blocks.findIndex((b) => b.kind === 'table'));
  });

  it('keeps a table nested in a data cell as a table of its own, referenced from the cell', () => {
    const doc = extractHtml(
      html(`<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td><td>f</td></tr>
        <tr><td>g</td><td>h<table><tr><td>x</td><td>y</td></tr></table></td><td>i</td></tr></table>`),
    );
    const [outer, inner] = tablesOf(doc);
    expect(outer!.rows[2]![1]!.text).toBe('h');
    expect(outer!.rows[2]![1]!.nestedTables).toEqual([inner!.index]);
    expect(inner!.parent).toBe(outer!.index);
    expect(inner!.rows[0]!.map((c) => c.text)).toEqual(['x', 'y']);
  });

  it('skips scripts, styles and hidden elements', () => {
    const doc = extractHtml(html('<script>var a = "2018年度报告";</script><div style="display: none">隐藏</div><p>可见</p><style>p{}</style>'));
    expect(paragraphsOf(doc).map((p) => p.text)).toEqual(['可见']);
  });

  it('decodes a GBK page by its meta charset', () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>青山县人民政府2021年政府信息公开工作年度报告</title></head><body><p>二、主动公开政府信息情况</p></body></html>`;
    const doc = extractHtml(iconv.encode(page, 'gbk'));
    expect(doc.containerTitle).toBe('青山县人民政府2021年政府信息公开工作年度报告');
    expect(paragraphsOf(doc)[0]!.text).toBe('二、主动公开政府信息情况');
  });

  it('survives a rowspan that runs past the end of the table and absurd spans', () => {
    const doc = extractHtml(html('<table><tr><td rowspan="9">a</td><td colspan="0">b</td></tr><tr><td>c</td></tr></table>'));
    const table = tablesOf(doc)[0]!;
    expect(table.rows[0]![0]!.rowSpan).toBe(2);
    expect(table.rows[0]![1]!.colSpan).toBe(1);
    expect(gridText(table)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });

  it('reads a table wrapped in 50 000 nested <div>s, quickly', () => {
    const started = Date.now();
    const doc = extractHtml(html(`${'<div>'.repeat(50_000)}<table><tr><td>规章</td><td>3</td></tr></table>${'</div>'.repeat(50_000)}`));
    expect(tablesOf(doc)[0]!.rows[0]!.map((c) => c.text)).toEqual(['规章', '3']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('survives nesting too deep to walk: deep wrappers are taken out, their text stays', () => {
    // Alternating tags: no run of identical tags to collapse, no wrapper chain to fold.
    const open = Array.from({ length: 3000 }, (_, i) => (i % 2 ? '<li>' : '<ul>')).join('');
    const started = Date.now();
    const doc = extractHtml(html(`<p>前言</p>${open}深处的文字`));
    expect(paragraphsOf(doc).map((p) => p.text)).toEqual(['前言', '深处的文字']);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
