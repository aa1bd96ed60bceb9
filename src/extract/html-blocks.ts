/**
 * HTML DOM → blocks. Shared by the HTML extractor and the docx extractor (mammoth writes HTML).
 *
 * Block-level elements and <br> end a paragraph; a <table> becomes a table block with its cells
 * placed on a grid (rowspan/colspan). Tables nested in a cell become blocks of their own, listed
 * after their parent and referenced from the cell. Layout tables — a page, or a whole article, laid
 * out in a few big cells — are read as containers, so that their paragraphs and the report tables
 * inside them come out in reading order.
 */
import type { AnyNode, Element } from 'domhandler';
import type { Block, TableBlock } from '../model/document.ts';
import { placeCells, type RawCell } from '../model/grid.ts';

const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header',
  'footer', 'nav', 'aside', 'main', 'center', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'caption', 'hr',
  'form', 'fieldset', 'legend', 'body', 'html', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'iframe', 'template', 'svg', 'object', 'embed', 'select', 'option', 'button', 'input', 'textarea', 'head', 'map', 'audio', 'video', 'canvas']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** A cell with more of its own text than this is prose, not a table value. */
const LAYOUT_CELL_TEXT = 300;

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function tagOf(el: Element): string {
  return el.name.toLowerCase();
}

function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined) return true;
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s+/gu, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function isEmphasised(el: Element): boolean {
  if (HEADING_TAGS.has(tagOf(el))) return true;
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s+/gu, '');
  const align = (el.attribs.align ?? '').toLowerCase();
  return align === 'center' || style.includes('text-align:center') || style.includes('font-weight:bold');
}

function spanAttr(el: Element, name: string): number {
  const raw = el.attribs[name];
  if (raw === undefined) return 1;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** Child elements with one of the given tags, looking through thead/tbody/tfoot but not into nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (tag === 'tr') rows.push(child);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c) && (tagOf(c) === 'td' || tagOf(c) === 'th'));
}

function collapse(text: string): string {
  return text.replace(/[ \t\r\n\f]+/gu, ' ');
}

/** Own text length of an element, not counting nested tables. */
function ownTextLength(el: Element): number {
  let n = 0;
  const visit = (node: AnyNode) => {
    if (node.type === 'text') n += collapse((node as unknown as { data: string }).data).trim().length;
    else if (isElement(node) && tagOf(node) !== 'table' && !SKIP_TAGS.has(tagOf(node))) node.children.forEach(visit);
  };
  el.children.forEach(visit);
  return n;
}

function containsTable(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (tagOf(c) === 'table' || containsTable(c)));
}

/** A table used for page layout rather than data. */
function isLayoutTable(table: Element): boolean {
  const rows = rowsOf(table);
  const cells = rows.flatMap(cellsOf);
  if (cells.length === 0) return true;
  if (cells.some((c) => ownTextLength(c) > LAYOUT_CELL_TEXT)) return true;
  const maxCols = Math.max(...rows.map((r) => cellsOf(r).length));
  return cells.some(containsTable) && (rows.length < 3 || maxCols < 3);
}

/** Wrapper elements that carry nothing of their own when they hold a single element. */
const WRAPPERS = new Set(['div', 'span', 'section', 'article', 'main', 'center', 'font', 'b', 'strong', 'i', 'em', 'u', 'blockquote']);
/** Deeper than this, content is dropped: the walk is recursive and a hostile page can nest without end. */
export const MAX_DEPTH = 800;

/**
 * Makes a DOM safe to walk recursively: chains of wrappers that each hold one element and no text
 * (50 000 nested <div>s around a table) are collapsed, and whatever still lies deeper than
 * MAX_DEPTH is dropped. Iterative, so it cannot overflow the stack itself. Returns true when
 * content was dropped.
 */
export function flattenDeepNesting(root: AnyNode): boolean {
  let dropped = false;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    const parent = node as Element;
    parent.children = parent.children.map((child) => {
      let current = child;
      for (;;) {
        if (!isElement(current) || !WRAPPERS.has(tagOf(current))) break;
        const kids = current.children.filter((k) => !(k.type === 'text' && (k as unknown as { data: string }).data.trim() === ''));
        if (kids.length !== 1 || !isElement(kids[0]!)) break;
        current = kids[0]!;
      }
      if (current !== child) current.parent = parent;
      return current;
    });
    if (depth >= MAX_DEPTH) {
      if (parent.children.length > 0) dropped = true;
      parent.children = [];
      continue;
    }
    for (const child of parent.children) stack.push([child, depth + 1]);
  }
  return dropped;
}

/**
 * Lets a caller build the table block itself from the cells read off the HTML (the docx extractor
 * takes the grid from the OOXML). Returns null to keep the HTML grid.
 */
export type TableBuilder = (table: Element, index: number, rawRows: RawCell[][]) => TableBlock | null;

export class HtmlBlockWalker {
  readonly blocks: Block[] = [];
  private tableCount = 0;
  private buffer = '';
  private bufferEmphasis = false;

  constructor(private readonly buildTable?: TableBuilder) {}

  walk(node: AnyNode, parentTable?: number): void {
    if (node.type === 'text') {
      this.buffer += collapse((node as unknown as { data: string }).data);
      return;
    }
    if (!isElement(node) && node.type !== 'root') return;
    const children = 'children' in node ? (node.children as AnyNode[]) : [];
    if (!isElement(node)) {
      children.forEach((c) => this.walk(c, parentTable));
      return;
    }
    const tag = tagOf(node);
    if (SKIP_TAGS.has(tag) || isHidden(node)) return;
    if (tag === 'br') {
      this.flush();
      return;
    }
    if (tag === 'table' && !isLayoutTable(node)) {
      this.flush();
      this.readTable(node, parentTable);
      return;
    }
    const block = BLOCK_TAGS.has(tag) || tag === 'table';
    if (block) this.flush();
    const emphasis = isEmphasised(node);
    if (emphasis) this.bufferEmphasis = true;
    children.forEach((c) => this.walk(c, parentTable));
    if (block) this.flush();
  }

  flush(): void {
    const text = this.buffer.trim();
    if (text.length > 0) this.blocks.push(this.bufferEmphasis ? { kind: 'paragraph', text, emphasis: true } : { kind: 'paragraph', text });
    this.buffer = '';
    this.bufferEmphasis = false;
  }

  private readTable(table: Element, parent?: number): void {
    const index = this.tableCount++;
    const slot = this.blocks.length;
    this.blocks.push({ kind: 'table', index, rows: [], columnCount: 0 }); // filled below; keeps document order
    const nested: Element[][] = [];
    const rawRows: RawCell[][] = rowsOf(table).map((tr) =>
      cellsOf(tr).map((td) => {
        const inner: Element[] = [];
        const text = cellText(td, inner);
        nested.push(inner);
        const raw: RawCell = { text, rowSpan: spanAttr(td, 'rowspan'), colSpan: spanAttr(td, 'colspan') };
        if (inner.length > 0) raw.nestedTables = inner.map(() => -1);
        return raw;
      }),
    );
    // Nested tables get their indices after the parent's, in document order.
    let n = 0;
    for (const row of rawRows) {
      for (const cell of row) {
        const inner = nested[n++] ?? [];
        if (cell.nestedTables) {
          cell.nestedTables = inner.map((t) => {
            const before = this.tableCount;
            this.walk(t, index);
            return before < this.tableCount ? before : -1;
          }).filter((i) => i >= 0);
        }
      }
    }
    const built = this.buildTable?.(table, index, rawRows) ?? placeCells(rawRows, index);
    if (parent !== undefined) built.parent = parent;
    this.blocks[slot] = built;
  }
}

/** Text of a cell: paragraphs and <br> become '\n'; nested tables are collected, not read. */
function cellText(td: Element, nestedTables: Element[]): string {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    if (line.trim().length > 0) lines.push(line.trim());
    line = '';
  };
  const visit = (node: AnyNode) => {
    if (node.type === 'text') {
      line += collapse((node as unknown as { data: string }).data);
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIP_TAGS.has(tag) || isHidden(node)) return;
    if (tag === 'table') {
      endLine();
      nestedTables.push(node);
      return;
    }
    if (tag === 'br') {
      endLine();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) endLine();
    node.children.forEach(visit);
    if (block) endLine();
  };
  td.children.forEach(visit);
  endLine();
  return lines.join('\n');
}
