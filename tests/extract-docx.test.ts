/**
 * The docx extractor's grid: a wrong span shifts every number of a row, so each OOXML merge
 * construct is checked slot by slot, including the ones mammoth gets wrong on its own
 * (w:gridBefore/w:gridAfter, w:hMerge, a vMerge continuation wider than the cell it continues).
 */
import { describe, expect, it } from 'vitest';
import { packageDocx } from '../corpus/lib/docx.ts';
import { extractDocx } from '../src/extract/docx.ts';
import { ExtractionError } from '../src/extract/errors.ts';
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

  it('refuses a zip without word/document.xml as not a Word document, and a damaged zip as CORRUPT', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({ 'hello.txt': strToU8('hi') });
    await expect(extractDocx(Buffer.from(zip))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    await expect(extractDocx(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toMatchObject({ code: 'CORRUPT' });
    await expect(extractDocx(Buffer.from(zip.subarray(0, zip.length - 10)))).rejects.toBeInstanceOf(ExtractionError);
  });

  it('refuses a zip bomb (a part inflating past its declared size) at once, as TOO_LARGE', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const docx = Buffer.from(packageDocx(p('x')));
    // Swap word/document.xml's data for 200 MiB of zeros while its headers still declare the real size.
    const bomb = deflateRawSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    const tampered = replaceEntryData(docx, 'word/document.xml', bomb);
    const started = Date.now();
    await expect(extractDocx(tampered)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses XML that declares entities (a billion-laughs bomb) as CORRUPT', async () => {
    const laughs = '<!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const docx = Buffer.from(packageDocx(p('&b;')));
    const { unzipSync, zipSync } = await import('fflate');
    const files = unzipSync(new Uint8Array(docx));
    files['word/document.xml'] = new TextEncoder().encode(new TextDecoder().decode(files['word/document.xml']).replace('?>', `?>${laughs}`));
    await expect(extractDocx(Buffer.from(zipSync(files)))).rejects.toMatchObject({ code: 'CORRUPT' });
  });
});

/** A copy of a zip whose entry `name` holds `data` (deflated) while every header keeps the old sizes. */
function replaceEntryData(zip: Buffer, name: string, data: Buffer): Buffer {
  const local = zip.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04])]), 0);
  let at = local;
  while (at >= 0) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) === name) {
      const start = at + 30 + nameLength + extra;
      const oldSize = zip.readUInt32LE(at + 18);
      const before = Buffer.from(zip.subarray(0, start));
      const after = zip.subarray(start + oldSize);
      const out = Buffer.concat([before, data, after]);
      const shift = data.length - oldSize;
      // Compressed sizes follow the data; the central directory moved by `shift`.
      out.writeUInt32LE(data.length, at + 18);
      const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      const cdOffset = out.readUInt32LE(eocd + 16) + shift;
      out.writeUInt32LE(cdOffset, eocd + 16);
      let c = cdOffset;
      for (let k = 0; k < out.readUInt16LE(eocd + 10); k++) {
        const n = out.readUInt16LE(c + 28);
        const entryName = out.toString('utf8', c + 46, c + 46 + n);
        const offset = out.readUInt32LE(c + 42);
        if (entryName === name) out.writeUInt32LE(data.length, c + 20);
        if (offset > at) out.writeUInt32LE(offset + shift, c + 42);
        c += 46 + n + out.readUInt16LE(c + 30) + out.readUInt16LE(c + 32);
      }
      return out;
    }
    at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4);
  }
  throw new Error(`no entry ${name}`);
}
