/**
 * Rebuilds a .docx from the text export of a real report (like ../shared/corpus/real/lubu-2020.txt),
 * with the merges the original most probably had.
 *
 * Text export format: table cells are tab-indented lines, a blank line ends a row, a non-indented
 * line right after a cell line is a further paragraph of that cell; empty cells are vertical-merge
 * continuations (or genuinely empty cells); a row with fewer cells than the grid had a cell spanning
 * columns. Reconstruction rules:
 *  - an empty cell at the start of a row (or at either end of a row that itself starts empty)
 *    continues the cell above when that cell is a label or header (not a number);
 *  - known template headers get their template spans (勾稽 note 3, 申请人情况 7, 法人或其他组织 5,
 *    行政复议 5, 行政诉讼 10, the two litigation captions 5, 三、本年度办理结果 1, a group label
 *    such as （三）不予公开 followed by its sub-item 1);
 *  - whatever width is left goes to the first other label of the row, so that the value cells
 *    line up under their headers at the right.
 */
import { readFileSync } from 'node:fs';
import { writeDocx } from './docx.ts';
import { expandGrid, p, type Block, type Cell, type LayoutDoc, type Paragraph, type Row, type Table } from './layout.ts';

type RawTable = string[][];
type RawBlock = { kind: 'p'; text: string } | { kind: 'table'; rows: RawTable };

/** Splits the export into paragraphs and raw tables (rows of cell texts). */
export function parseTextExport(text: string): RawBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: RawBlock[] = [];
  let table: RawTable | undefined;
  let row: string[] | undefined;
  let blanks = 0;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      if (!table || blanks >= 2) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
        row = undefined;
      }
      if (!row || blanks > 0) {
        row = [];
        table.push(row);
      }
      row.push(line.slice(1));
      blanks = 0;
    } else if (line.trim() === '') {
      blanks++;
      if (!table && blanks === 1) blocks.push({ kind: 'p', text: '' });
    } else if (table && row && blanks === 0) {
      row[row.length - 1] += `\n${line}`; // another paragraph of the same cell
    } else {
      table = undefined;
      row = undefined;
      blanks = 0;
      blocks.push({ kind: 'p', text: line });
    }
  }
  // Blank lines that only end a table or close the file are not paragraphs of their own.
  while (blocks.length && blocks[blocks.length - 1]!.kind === 'p' && (blocks[blocks.length - 1] as { text: string }).text === '') blocks.pop();
  return blocks;
}

const isValue = (t: string) => /^[-+－]?[\d,，.．]+(元|万元)?$/.test(t.trim());

/** Spans the template gives to known header texts (see the module comment). */
function hintedSpan(text: string, next: string | undefined): number | undefined {
  const t = text.replace(/\s+/g, '');
  if (t.startsWith('（本列数据的勾稽关系') || t.startsWith('(本列数据的勾稽关系')) return 3;
  const known: Record<string, number> = { 申请人情况: 7, 法人或其他组织: 5, 行政复议: 5, 行政诉讼: 10, 未经复议直接起诉: 5, 复议后起诉: 5, '三、本年度办理结果': 1 };
  if (known[t] !== undefined) return known[t];
  if (/^[（(][三四五六][)）]/.test(t) && next !== undefined && next !== '' && !isValue(next)) return 1;
  return undefined;
}

interface Origin {
  cell: Cell;
  col: number;
}

export function rebuildTable(raw: RawTable): Table {
  const width = Math.max(...raw.map((r) => r.length));
  let above: (Origin | undefined)[] = Array.from({ length: width }, () => undefined);
  const rows: Row[] = [];
  const firstDataRow = raw.findIndex((r) => r.some((t) => isValue(t)));
  raw.forEach((texts, r) => {
    const slots: (Origin | undefined)[] = Array.from({ length: width }, () => undefined);
    const continues = (text: string, col: number): Origin | undefined => {
      const o = above[col];
      if (text !== '' || !o || o.col !== col || o.cell.text === '' || isValue(o.cell.text)) return undefined;
      return o;
    };
    // Leading continuations, left to right.
    let lo = 0;
    let col = 0;
    for (; lo < texts.length; lo++) {
      const o = continues(texts[lo]!, col);
      if (!o) break;
      o.cell.rowSpan = (o.cell.rowSpan ?? 1) + 1;
      for (let c = col; c < col + (o.cell.colSpan ?? 1); c++) slots[c] = o;
      col += o.cell.colSpan ?? 1;
    }
    // Trailing continuations, right to left, in rows that start with an empty cell.
    let hi = texts.length;
    let end = width;
    if (texts[0] === '') {
      while (hi > lo) {
        const span = above[end - 1] ? (above[end - 1]!.cell.colSpan ?? 1) : 1;
        const o = continues(texts[hi - 1]!, end - span);
        if (!o || o.col + (o.cell.colSpan ?? 1) !== end) break;
        o.cell.rowSpan = (o.cell.rowSpan ?? 1) + 1;
        for (let c = o.col; c < end; c++) slots[c] = o;
        end = o.col;
        hi--;
      }
    }
    // The cells in between: hinted spans, the rest width 1, leftover width to the first label.
    const middle = texts.slice(lo, hi);
    const spans = middle.map((t, i) => hintedSpan(t, middle[i + 1]));
    const fixed = spans.reduce<number>((s, v) => s + (v ?? 1), 0);
    const extra = end - col - fixed;
    if (extra < 0) throw new Error(`row ${r} does not fit a grid of ${width}: ${JSON.stringify(texts)}`);
    let absorber = spans.findIndex((s, i) => s === undefined && middle[i] !== '' && !isValue(middle[i]!));
    if (absorber < 0) absorber = middle.length - 1;
    const cells: Cell[] = [];
    middle.forEach((text, i) => {
      const span = (spans[i] ?? 1) + (i === absorber ? extra : 0);
      const cell: Cell = { text, align: isValue(text) || r < firstDataRow ? 'center' : undefined };
      if (span > 1) cell.colSpan = span;
      cells.push(cell);
      for (let c = col; c < col + span; c++) slots[c] = { cell, col };
      col += span;
    });
    rows.push({ cells, header: r < firstDataRow });
    above = slots;
  });
  return { rows, colWidths: columnWeights(rows, width), fontPt: width >= 10 ? 8 : width >= 7 ? 9 : 10.5 };
}

function columnWeights(rows: Row[], width: number): number[] {
  const weights = Array.from({ length: width }, () => 2);
  // The longest line of the one-column cells of each column decides its weight.
  const grid = expandGrid({ rows, colWidths: weights });
  grid.forEach((slots, r) =>
    slots.forEach((s, c) => {
      if (s.cell && s.originRow === r && s.originCol === c && (s.cell.colSpan ?? 1) === 1) {
        const len = Math.max(...s.cell.text.split('\n').map((l) => l.length));
        weights[c] = Math.min(16, Math.max(weights[c]!, len));
      }
    }),
  );
  return weights;
}

function paragraphFor(text: string, index: number, titleLines: number): Paragraph {
  if (index < titleLines) return p(text, 'title');
  if (/^\s{8,}\S/.test(text)) return p(text.trim(), 'signature');
  const t = text.trim();
  if (t.length <= 40 && /^[一二三四五六七八九十]+、/.test(t)) return p(t, 'heading');
  if (t.length <= 40 && /^（[一二三四五六七八九十]+）/.test(t)) return p(t, 'subheading');
  return p(t, 'body');
}

export function layoutFromText(text: string): LayoutDoc {
  const raw = parseTextExport(text);
  const firstBlank = raw.findIndex((b) => b.kind === 'p' && b.text === '');
  const titleLines = firstBlank < 0 ? 1 : firstBlank;
  const blocks: Block[] = raw.map((b, i) => (b.kind === 'p' ? paragraphFor(b.text, i, titleLines) : { type: 'table', table: rebuildTable(b.rows) }));
  const title = raw
    .slice(0, titleLines)
    .map((b) => (b.kind === 'p' ? b.text : ''))
    .join('');
  return { containerTitle: title, blocks };
}

export function buildDocxFromText(txtPath: string): Uint8Array {
  return writeDocx(layoutFromText(readFileSync(txtPath, 'utf8')), { created: '2021-01-11T08:00:00Z' });
}
