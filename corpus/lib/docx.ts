/**
 * Writes an abstract document (layout.ts) as a real .docx, directly as OOXML.
 *
 * The package is the minimal valid one: [Content_Types].xml, _rels/.rels, word/document.xml,
 * word/_rels/document.xml.rels, word/styles.xml, docProps/core.xml. It is zipped with a fixed
 * mtime, so the same document always gives the same bytes. Tables carry w:tblGrid widths, w:tcW,
 * w:gridSpan, w:vMerge, w:gridBefore/w:gridAfter and ruling lines, and fit an A4 page, so that
 * LibreOffice can print them to PDF.
 */
import { zipSync, strToU8 } from 'fflate';
import { expandGrid, type Block, type Cell, type LayoutDoc, type Paragraph, type ParagraphStyle, type Table } from './layout.ts';

export interface DocxOptions {
  /** dc:creator of the core properties. */
  creator?: string;
  /** ISO date-time for dcterms:created / modified. */
  created?: string;
  /** Body text size in points (default 14). */
  bodyPt?: number;
}

const A4 = { w: 11906, h: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1247, right: 1247 };
const CELL_MARGIN = 57;

/** Local-time constructor on purpose: fflate writes DOS times from local getters, so this is TZ-proof. */
const FIXED_MTIME = new Date(2021, 0, 11, 9, 0, 0);

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface RunFormat {
  sizePt: number;
  bold?: boolean;
  heiti?: boolean;
}

function runProps(f: RunFormat): string {
  const half = Math.round(f.sizePt * 2);
  const east = f.heiti ? 'SimHei' : 'SimSun';
  return (
    `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${east}" w:cs="Times New Roman" w:hint="eastAsia"/>` +
    (f.bold ? '<w:b/><w:bCs/>' : '') +
    `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr>`
  );
}

/** Text runs; `[bookmark: name]` markers (as in a text export) become real bookmarks. */
function runs(text: string, f: RunFormat, ids: { next: number }): string {
  const parts = text.split(/\[bookmark: ([^\]]+)\]/);
  let xml = '';
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const id = ids.next++;
      xml += `<w:bookmarkStart w:id="${id}" w:name="${escapeXml(part)}"/><w:bookmarkEnd w:id="${id}"/>`;
    } else if (part !== '') {
      xml += `<w:r>${runProps(f)}<w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`;
    }
  });
  return xml;
}

interface ParaFormat extends RunFormat {
  jc?: 'left' | 'center' | 'right' | 'both';
  firstLineChars?: number;
  before?: number;
  after?: number;
}

function paragraph(text: string, f: ParaFormat, ids: { next: number }): string {
  const ind = f.firstLineChars ? `<w:ind w:firstLineChars="${f.firstLineChars * 100}" w:firstLine="${Math.round(f.firstLineChars * f.sizePt * 20)}"/>` : '';
  const pPr =
    `<w:pPr><w:spacing w:before="${f.before ?? 0}" w:after="${f.after ?? 0}" w:line="240" w:lineRule="auto"/>${ind}` +
    (f.jc ? `<w:jc w:val="${f.jc}"/>` : '') +
    `${runProps(f)}</w:pPr>`;
  return `<w:p>${pPr}${runs(text, f, ids)}</w:p>`;
}

function paragraphFormat(style: ParagraphStyle, bodyPt: number): ParaFormat {
  switch (style) {
    case 'title':
      return { sizePt: 20, bold: true, jc: 'center', after: 120 };
    case 'subtitle':
      return { sizePt: 16, bold: true, jc: 'center', after: 120 };
    case 'heading':
      return { sizePt: bodyPt, heiti: true, jc: 'both', firstLineChars: 2, before: 120 };
    case 'subheading':
      return { sizePt: bodyPt, bold: true, jc: 'both', firstLineChars: 2 };
    case 'body':
      return { sizePt: bodyPt, jc: 'both', firstLineChars: 2 };
    case 'signature':
      return { sizePt: bodyPt, jc: 'right' };
    case 'caption':
      return { sizePt: 10.5, jc: 'center' };
  }
}

function sectPr(orientation: 'portrait' | 'landscape'): string {
  const [w, h] = orientation === 'landscape' ? [A4.h, A4.w] : [A4.w, A4.h];
  const orient = orientation === 'landscape' ? ' w:orient="landscape"' : '';
  return (
    `<w:sectPr><w:pgSz w:w="${w}" w:h="${h}"${orient}/>` +
    `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="851" w:footer="992" w:gutter="0"/>` +
    `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>`
  );
}

function textWidth(orientation: 'portrait' | 'landscape'): number {
  return (orientation === 'landscape' ? A4.h : A4.w) - MARGIN.left - MARGIN.right;
}

/** Integer twip widths of the grid columns, summing exactly to total. */
function gridWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.max(1, Math.floor((w * total) / sum)));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const BORDER = (name: string, on: boolean) =>
  on ? `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="000000"/>` : `<w:${name} w:val="nil"/>`;

class DocumentWriter {
  private ids = { next: 0 };
  constructor(private bodyPt: number) {}

  blocks(blocks: Block[], width: number, orientations: ('portrait' | 'landscape')[] = []): string {
    let xml = '';
    let section = 0;
    for (const block of blocks) {
      if (block.type === 'p') xml += this.paragraph(block);
      else if (block.type === 'table') xml += this.table(block.table, width);
      else {
        xml += `<w:p><w:pPr>${sectPr(block.orientation)}</w:pPr></w:p>`;
        section++;
        width = textWidth(orientations[section] ?? 'portrait');
      }
    }
    return xml;
  }

  paragraph(p: Paragraph): string {
    return paragraph(p.text, paragraphFormat(p.style, this.bodyPt), this.ids);
  }

  table(table: Table, available: number): string {
    const total = Math.round(available * (table.widthShare ?? 1));
    const widths = gridWidths(table.colWidths, total);
    const borders = table.borders !== false;
    const fontPt = table.fontPt ?? 10.5;
    const grid = expandGrid(table);
    let xml =
      `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>` +
      `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => BORDER(b, borders)).join('')}</w:tblBorders>` +
      `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>` +
      `<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
    const span = (from: number, n: number) => widths.slice(from, from + n).reduce((a, b) => a + b, 0);
    table.rows.forEach((row, r) => {
      let trPr = '';
      if (row.gridBefore) trPr += `<w:gridBefore w:val="${row.gridBefore}"/>`;
      if (row.gridAfter) trPr += `<w:gridAfter w:val="${row.gridAfter}"/>`;
      if (row.gridBefore) trPr += `<w:wBefore w:w="${span(0, row.gridBefore)}" w:type="dxa"/>`;
      if (row.gridAfter) trPr += `<w:wAfter w:w="${span(widths.length - row.gridAfter, row.gridAfter)}" w:type="dxa"/>`;
      if (row.header) trPr += '<w:cantSplit/>';
      if (table.minRowHeightPt) trPr += `<w:trHeight w:val="${Math.round(table.minRowHeightPt * 20)}" w:hRule="atLeast"/>`;
      if (row.header && table.repeatHeader) trPr += '<w:tblHeader/>';
      trPr += '<w:jc w:val="center"/>';
      xml += `<w:tr><w:trPr>${trPr}</w:trPr>`;
      const slots = grid[r]!;
      for (let c = 0; c < slots.length; ) {
        const slot = slots[c]!;
        if (!slot.cell) {
          c++;
          continue;
        }
        const cs = slot.cell.colSpan ?? 1;
        const continuation = slot.originRow < r;
        const restart = !continuation && (slot.cell.rowSpan ?? 1) > 1;
        xml += this.cell(slot.cell, span(c, cs), cs, continuation ? 'continue' : restart ? 'restart' : undefined, fontPt, row.header === true);
        c += cs;
      }
      xml += '</w:tr>';
    });
    return xml + '</w:tbl>';
  }

  cell(cell: Cell, width: number, gridSpan: number, vMerge: 'restart' | 'continue' | undefined, fontPt: number, header: boolean): string {
    let tcPr = `<w:tcW w:w="${width}" w:type="dxa"/>`;
    if (gridSpan > 1) tcPr += `<w:gridSpan w:val="${gridSpan}"/>`;
    if (vMerge === 'restart') tcPr += '<w:vMerge w:val="restart"/>';
    if (vMerge === 'continue') tcPr += '<w:vMerge/>';
    tcPr += '<w:vAlign w:val="center"/>';
    let body = '';
    if (vMerge !== 'continue') {
      const f: ParaFormat = { sizePt: fontPt, bold: cell.bold, jc: cell.align === 'center' || header ? 'center' : cell.align === 'right' ? 'right' : 'left' };
      body = cell.text === '' && cell.blocks ? '' : cell.text.split('\n').map((line) => paragraph(line, f, this.ids)).join('');
      if (cell.blocks) body += this.blocks(cell.blocks, width - 2 * CELL_MARGIN) + '<w:p/>';
    }
    if (body === '') body = `<w:p><w:pPr><w:jc w:val="center"/>${runProps({ sizePt: fontPt })}</w:pPr></w:p>`;
    return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${body}</w:tc>`;
  }
}

/** Orientation of each section, in order (the last one is the document's own). */
function sectionOrientations(doc: LayoutDoc): ('portrait' | 'landscape')[] {
  const list = doc.blocks.filter((b) => b.type === 'section').map((b) => (b as { orientation: 'portrait' | 'landscape' }).orientation);
  return [...list, doc.orientation ?? 'portrait'];
}

function documentXml(doc: LayoutDoc, o: DocxOptions): string {
  const orientations = sectionOrientations(doc);
  const writer = new DocumentWriter(o.bodyPt ?? 14);
  const body = writer.blocks(doc.blocks, textWidth(orientations[0]!), orientations);
  return wrapBody(body + sectPr(doc.orientation ?? 'portrait'));
}

function wrapBody(bodyXml: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${bodyXml}</w:body></w:document>`
  );
}

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `</Types>`;

const PACKAGE_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `</Relationships>`;

const DOCUMENT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `</Relationships>`;

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<w:styles xmlns:w="${W_NS}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman"/>` +
  `<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
  `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
  `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
  `</w:styles>`;

function coreXml(title: string, o: DocxOptions): string {
  const when = o.created ?? '2021-01-11T09:00:00Z';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(o.creator ?? 'Administrator')}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

export function writeDocx(doc: LayoutDoc, o: DocxOptions = {}): Uint8Array {
  return zipPackage(documentXml(doc, o), coreXml(doc.containerTitle, o));
}

/**
 * A .docx around a hand-written w:body (tests of OOXML constructs the layout model does not
 * produce, such as w:hMerge or a vMerge continuation wider than the cell it continues).
 */
export function packageDocx(bodyXml: string, title = ''): Uint8Array {
  return zipPackage(wrapBody(bodyXml), coreXml(title, {}));
}

function zipPackage(documentXml: string, coreXml: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS),
    'word/document.xml': strToU8(documentXml),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    'word/styles.xml': strToU8(STYLES),
    'docProps/core.xml': strToU8(coreXml),
  };
  return zipSync(files, { level: 6, mtime: FIXED_MTIME });
}
