/**
 * The document model: the only thing that passes from extract/ to normalize/.
 *
 * Every extractor (docx, html, later pdf) turns its input into an ordered list of blocks.
 * Nothing downstream ever sees mammoth's, cheerio's or pdf.js's objects.
 *
 * A table is kept as authored: rows of cells, each cell with its rowSpan/colSpan and the grid
 * column it starts in. `expandGrid` (grid.ts) turns that into a rectangular grid of slots, so that
 * a merged cell is seen from every position it covers.
 */

export type InputFormat = 'pdf' | 'docx' | 'doc' | 'html' | 'txt';

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** 1-based page number where the format has pages. */
  page?: number;
  /** A hint from the source that this paragraph is a heading or title (bold, centred, <h1>...). */
  emphasis?: boolean;
}

export interface TableCell {
  /** Text of the cell: paragraphs joined with '\n', whitespace inside a paragraph kept as printed. */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** 0-based row of the table in which the cell starts. */
  row: number;
  /** 0-based grid column in which the cell starts (after earlier rowspans and colspans). */
  col: number;
  page?: number;
  /** Indices (into the document's tables) of tables nested inside this cell. */
  nestedTables?: number[];
}

export interface TableBlock {
  kind: 'table';
  /** 0-based index among all tables of the document, in document order (nested ones included). */
  index: number;
  /** Cells as authored, row by row. */
  rows: TableCell[][];
  /** Number of grid columns. */
  columnCount: number;
  page?: number;
  /** Index of the table this one is nested in, if any. */
  parent?: number;
}

export type Block = ParagraphBlock | TableBlock;

export interface ExtractedDocument {
  format: InputFormat;
  /** Page count where the format has pages. */
  pages?: number;
  /** A title given by the container (HTML <title>, docx core properties), if any. */
  containerTitle?: string;
  blocks: Block[];
  /** Problems the extractor noticed but recovered from. */
  warnings: { code: string; message: string }[];
  /** Set when part of the file could not be read (a truncated PDF): what is missing. */
  incomplete?: string;
}

export function tablesOf(doc: ExtractedDocument): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

export function paragraphsOf(doc: ExtractedDocument): ParagraphBlock[] {
  return doc.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
}
