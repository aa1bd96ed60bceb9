/**
 * Table geometry read straight from word/document.xml.
 *
 * mammoth turns w:gridSpan into colspan and w:vMerge into rowspan, but it ignores w:gridBefore and
 * w:gridAfter (a row that starts after an omitted grid cell comes out shifted left), and it drops a
 * vMerge continuation whose gridSpan differs from the cell it continues, which shifts the rest of
 * that row. Either shifts every number of a row into the wrong column, so the docx extractor takes
 * the grid from here and only the cell texts from mammoth.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { TableBlock, TableCell } from '../model/document.ts';
import type { RawCell } from '../model/grid.ts';

export interface OoxmlCell {
  span: number;
  vMerge: 'restart' | 'continue' | null;
  hMerge: 'restart' | 'continue' | null;
  /** Text read from the XML: paragraphs joined with '\n'. */
  text: string;
}

export interface OoxmlRow {
  gridBefore: number;
  cells: OoxmlCell[];
}

export interface OoxmlTable {
  gridColumns: number;
  rows: OoxmlRow[];
}

/** Elements that wrap rows, cells or runs without meaning anything for the grid. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtcontent', 'w:customxml', 'w:smarttag', 'w:hyperlink', 'w:ins', 'w:fldsimple', 'w:moveto']);
/** Content that does not print: deleted text, alternate renderings, drawings. */
const SKIP = new Set(['w:del', 'w:movefrom', 'mc:fallback', 'w:drawing', 'w:pict', 'w:object', 'w:instrtext', 'w:tcpr', 'w:trpr', 'w:tblpr', 'w:ppr', 'w:rpr']);

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag';
}

function name(el: Element): string {
  return el.name.toLowerCase();
}

/** Direct children with the given name, looking through wrapper elements. */
function childrenNamed(el: Element, wanted: string): Element[] {
  const out: Element[] = [];
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (name(child) === wanted) out.push(child);
    else if (WRAPPERS.has(name(child))) out.push(...childrenNamed(child, wanted));
  }
  return out;
}

function firstChild(el: Element | undefined, wanted: string): Element | undefined {
  return el?.children.find((c): c is Element => isElement(c) && name(c) === wanted);
}

function intVal(el: Element | undefined, fallback: number): number {
  const raw = el?.attribs['w:val'];
  const n = raw === undefined ? Number.NaN : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function mergeVal(el: Element | undefined): 'restart' | 'continue' | null {
  if (!el) return null;
  return el.attribs['w:val'] === 'restart' ? 'restart' : 'continue';
}

/** Printed text of a cell: w:t, tabs and breaks, paragraph by paragraph, nested tables left out. */
function cellText(tc: Element): string {
  const paragraphs: string[] = [];
  const visitParagraph = (node: AnyNode, out: string[]) => {
    if (!isElement(node)) return;
    const n = name(node);
    if (SKIP.has(n) || n === 'w:tbl') return;
    if (n === 'w:t') out.push(node.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join(''));
    else if (n === 'w:tab') out.push('\t');
    else if (n === 'w:br' || n === 'w:cr') out.push('\n');
    else node.children.forEach((c) => visitParagraph(c, out));
  };
  const visit = (node: AnyNode) => {
    if (!isElement(node)) return;
    const n = name(node);
    if (n === 'w:tbl' || SKIP.has(n)) return;
    if (n === 'w:p') {
      const out: string[] = [];
      node.children.forEach((c) => visitParagraph(c, out));
      paragraphs.push(out.join(''));
      return;
    }
    node.children.forEach(visit);
  };
  tc.children.forEach(visit);
  return paragraphs.map((p) => p.trim()).filter((p) => p.length > 0).join('\n');
}

function readTable(tbl: Element): OoxmlTable {
  const grid = firstChild(tbl, 'w:tblgrid');
  const gridColumns = grid ? grid.children.filter((c) => isElement(c) && name(c) === 'w:gridcol').length : 0;
  const rows = childrenNamed(tbl, 'w:tr').map((tr) => {
    const trPr = firstChild(tr, 'w:trpr');
    const cells = childrenNamed(tr, 'w:tc').map((tc) => {
      const tcPr = firstChild(tc, 'w:tcpr');
      return {
        span: Math.max(1, intVal(firstChild(tcPr, 'w:gridspan'), 1)),
        vMerge: mergeVal(firstChild(tcPr, 'w:vmerge')),
        hMerge: mergeVal(firstChild(tcPr, 'w:hmerge')),
        text: cellText(tc),
      };
    });
    return { gridBefore: intVal(firstChild(trPr, 'w:gridbefore'), 0), cells };
  });
  return { gridColumns, rows };
}

/** Every w:tbl of the document body, in document order (a nested table right after its parent's start). */
export function readOoxmlTables(documentXml: string): OoxmlTable[] {
  const $ = cheerio.load(documentXml, { xml: { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: false } });
  return $('w\\:tbl')
    .toArray()
    .map((el) => readTable(el));
}

/**
 * Place OOXML cells on the grid. A vMerge continuation extends the open cell that starts in the
 * same grid column; an hMerge continuation widens the cell to its left.
 * `visible`, when given, holds the cells as mammoth wrote them (one per cell that is not a vMerge
 * continuation, row by row): their text and nested tables replace what the XML says.
 */
export function ooxmlToTable(source: OoxmlTable, index: number, visible?: RawCell[][]): TableBlock {
  const rows: TableCell[][] = [];
  const open = new Map<number, TableCell>(); // grid column → cell still open downwards
  let columnCount = source.gridColumns;
  source.rows.forEach((row, r) => {
    const placed: TableCell[] = [];
    const continued = new Set<number>();
    let col = row.gridBefore;
    let textIndex = 0;
    for (const cell of row.cells) {
      const above = cell.vMerge === 'continue' ? open.get(col) : undefined;
      if (above) {
        above.rowSpan = r - above.row + 1;
        continued.add(col);
      } else if (cell.hMerge === 'continue' && placed.length > 0) {
        placed.at(-1)!.colSpan += cell.span;
        textIndex++; // mammoth writes the continuation as an empty cell of its own
      } else {
        const seen = visible?.[r]?.[textIndex++];
        const created: TableCell = { text: seen?.text ?? cell.text, rowSpan: 1, colSpan: cell.span, row: r, col };
        if (seen?.nestedTables?.length) created.nestedTables = seen.nestedTables;
        placed.push(created);
        if (cell.vMerge === 'restart') {
          open.set(col, created);
          continued.add(col);
        }
      }
      col += cell.span;
    }
    columnCount = Math.max(columnCount, col);
    for (const key of [...open.keys()]) if (!continued.has(key)) open.delete(key);
    rows.push(placed);
  });
  // hMerge continuations widened their cell after it was opened; keep spans inside the grid.
  for (const cell of rows.flat()) cell.colSpan = Math.min(cell.colSpan, Math.max(1, columnCount - cell.col));
  return { kind: 'table', index, rows, columnCount };
}

/** How many cells mammoth writes for each row: every cell but the vMerge continuations it folds in. */
export function visibleCellCounts(source: OoxmlTable): number[] {
  const counts: number[] = [];
  const openCols = new Set<number>();
  for (const row of source.rows) {
    let col = row.gridBefore;
    let n = 0;
    const still = new Set<number>();
    for (const cell of row.cells) {
      if (cell.vMerge === 'continue' && openCols.has(col)) still.add(col);
      else {
        n++;
        if (cell.vMerge === 'restart') still.add(col);
      }
      col += cell.span;
    }
    openCols.clear();
    still.forEach((c) => openCols.add(c));
    counts.push(n);
  }
  return counts;
}
