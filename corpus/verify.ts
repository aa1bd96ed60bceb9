/**
 * Checks that every generated .docx converts with mammoth (and every HTML page parses with cheerio)
 * to the tables the generator meant:
 * same rows, same cell texts, same rowspan/colspan, and the same grid column for each cell.
 * Run after `npm run corpus`:  node --import tsx corpus/verify.ts   (ALL=1 lists every difference)
 *
 * Differences are printed, not thrown: some are known mammoth losses (w:gridBefore / w:gridAfter
 * are dropped, so cells after them shift left) that the extractor must correct itself.
 */
import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from './fixtures.ts';
import { expandGrid, type Block, type Table } from './lib/layout.ts';
import { buildReport } from './lib/report.ts';
import { buildNotice } from './lib/notice.ts';

const CORPUS = dirname(fileURLToPath(import.meta.url));

interface CellShape {
  text: string;
  rowSpan: number;
  colSpan: number;
  col: number;
}

function tablesOf(blocks: Block[]): Table[] {
  const out: Table[] = [];
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    out.push(b.table);
    for (const row of b.table.rows) for (const cell of row.cells) if (cell.blocks) out.push(...tablesOf(cell.blocks));
  }
  return out;
}

function expectedShape(table: Table): CellShape[][] {
  const grid = expandGrid(table);
  return table.rows.map((row, r) =>
    grid[r]!.flatMap((s, c) =>
      s.cell && s.originRow === r && s.originCol === c ? [{ text: s.cell.blocks ? '*' : s.cell.text.replace(/\n/g, ''), rowSpan: s.cell.rowSpan ?? 1, colSpan: s.cell.colSpan ?? 1, col: c }] : [],
    ),
  );
}

/** Shapes of an HTML table's own rows (nested tables excluded), with grid columns from the spans. */
function htmlShape($: cheerio.CheerioAPI, table: ReturnType<cheerio.CheerioAPI>): CellShape[][] {
  // mammoth puts header rows marked w:tblHeader in a <thead>.
  const sections = table.children('thead, tbody');
  const rows = sections.length ? sections.children('tr') : table.children('tr');
  const taken: boolean[][] = [];
  const out: CellShape[][] = [];
  rows.each((r, tr) => {
    const shapes: CellShape[] = [];
    let col = 0;
    $(tr)
      .children('td, th')
      .each((_, td) => {
        taken[r] ??= [];
        while (taken[r]![col]) col++;
        const rs = Number($(td).attr('rowspan') ?? 1);
        const cs = Number($(td).attr('colspan') ?? 1);
        for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) ((taken[r + dr] ??= [])[col + dc] = true);
        if (($(td).attr('style') ?? '').includes('mso-cell-special:placeholder')) {
          col += cs; // Word's stand-in for gridBefore/gridAfter: keeps the columns, is no cell
          return;
        }
        const own = $(td).clone();
        own.find('table').remove();
        const text = own.find('p').map((_, p) => $(p).text()).get().join('') || own.text();
        // &nbsp; is how the HTML styles print an empty cell.
        shapes.push({ text: text.replace(/[\s\u00a0]/g, '') === '' ? '' : text.trim(), rowSpan: rs, colSpan: cs, col });
        col += cs;
      });
    out.push(shapes);
  });
  // Word's trailing <![if !supportMisalignedColumns]> row of empty width cells.
  while (out.length && rows.last().attr('height') === '0' && out[out.length - 1]!.every((c) => c.text === '')) {
    out.pop();
    break;
  }
  return out;
}

function compare(name: string, index: number, want: CellShape[][], got: CellShape[][]): string[] {
  const problems: string[] = [];
  if (want.length !== got.length) problems.push(`table ${index}: ${got.length} rows, expected ${want.length}`);
  want.forEach((row, r) => {
    const g = got[r] ?? [];
    g.forEach((c, i) => row[i]?.text === '*' && (c.text = '*')); // layout cells: text not compared
    const sig = (s: CellShape[], withCol: boolean) => s.map((c) => `${c.text}|${c.rowSpan}x${c.colSpan}${withCol ? `@${c.col}` : ''}`).join(' ');
    if (sig(row, false) !== sig(g, false)) problems.push(`table ${index} row ${r}: cells differ\n      want ${sig(row, true)}\n      got  ${sig(g, true)}`);
    else if (sig(row, true) !== sig(g, true)) problems.push(`table ${index} row ${r}: same cells, shifted columns (want @${row.map((c) => c.col).join(',')} got @${g.map((c) => c.col).join(',')})`);
  });
  return problems.map((p) => `${name}: ${p}`);
}

let failures = 0;
for (const f of FIXTURES.filter((x) => x.format === 'docx')) {
  const built = f.custom ? buildNotice() : buildReport(f.report!);
  const want = tablesOf(built.doc.blocks).map(expectedShape);
  const result = await mammoth.convertToHtml({ path: join(CORPUS, 'docx', `${f.name}.docx`) });
  const $ = cheerio.load(result.value);
  const got = $('table')
    .toArray()
    .map((t) => htmlShape($, $(t)));
  const problems = want.length !== got.length ? [`${f.name}: ${got.length} tables, expected ${want.length}`] : want.flatMap((w, i) => compare(f.name, i, w, got[i]!));
  const warnings = result.messages.map((m) => m.message);
  console.log(`${problems.length ? 'DIFF' : 'ok  '} ${f.name} (${want.length} tables)${warnings.length ? ` mammoth: ${[...new Set(warnings)].join('; ')}` : ''}`);
  for (const p of problems.slice(0, process.env.ALL ? 999 : 8)) console.log(`    ${p}`);
  if (problems.length > 8) console.log(`    … ${problems.length - 8} more`);
  failures += problems.length ? 1 : 0;
}
for (const f of FIXTURES.filter((x) => x.format === 'html')) {
  const built = buildReport(f.report!);
  const want = tablesOf(built.doc.blocks).map(expectedShape);
  const bytes = readFileSync(join(CORPUS, 'html', `${f.name}.html`));
  const gbk = f.html?.style === 'cms' && f.html.charset === 'gbk';
  const $ = cheerio.load(gbk ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8'));
  const got = $('table')
    .not('.xxgk_table')
    .toArray()
    .map((t) => htmlShape($, $(t)));
  const problems = want.length !== got.length ? [`${f.name}: ${got.length} tables, expected ${want.length}`] : want.flatMap((w, i) => compare(f.name, i, w, got[i]!));
  console.log(`${problems.length ? 'DIFF' : 'ok  '} html/${f.name} (${want.length} tables)`);
  for (const p of problems.slice(0, process.env.ALL ? 999 : 8)) console.log(`    ${p}`);
  failures += problems.length ? 1 : 0;
}
console.log(`${failures} fixture(s) with differences`);
