/**
 * Word (.docx) → document model: mammoth → HTML → cheerio → blocks, with each table's grid taken
 * from the OOXML itself (ooxml-tables.ts says why) and the cell texts from mammoth.
 */
import * as cheerio from 'cheerio';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import type { ExtractedDocument } from '../model/document.ts';
import { HtmlBlockWalker, type TableBuilder } from './html-blocks.ts';
import { ooxmlToTable, readOoxmlTables, visibleCellCounts, type OoxmlTable } from './ooxml-tables.ts';

export class DocxError extends Error {
  constructor(
    readonly code: 'CORRUPT' | 'TOO_LARGE',
    message: string,
  ) {
    super(message);
  }
}

/** Parts larger than this once inflated are refused before they are inflated (zip bombs). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

function readParts(bytes: Uint8Array, names: string[]): Map<string, string> {
  let tooLarge: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!names.includes(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) {
          tooLarge = file.name;
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    throw new DocxError('CORRUPT', `not a readable .docx (zip) file: ${(err as Error).message}`);
  }
  if (tooLarge) throw new DocxError('TOO_LARGE', `${tooLarge} inflates to more than ${MAX_PART_BYTES / 1024 / 1024} MiB`);
  return new Map(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

function coreTitle(coreXml: string | undefined): string | undefined {
  if (!coreXml) return undefined;
  const $ = cheerio.load(coreXml, { xml: true });
  const title = $('dc\\:title').first().text().trim();
  return title.length > 0 ? title : undefined;
}

export async function extractDocx(bytes: Buffer): Promise<ExtractedDocument> {
  const parts = readParts(bytes, ['word/document.xml', 'docProps/core.xml']);
  const documentXml = parts.get('word/document.xml');
  if (documentXml === undefined) throw new DocxError('CORRUPT', 'the zip holds no word/document.xml: not a Word document');
  const ooxmlTables = readOoxmlTables(documentXml);

  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (err) {
    throw new DocxError('CORRUPT', `mammoth could not read the document: ${(err as Error).message}`);
  }
  const $ = cheerio.load(html);
  const htmlTables = $('table').toArray();
  const warnings: ExtractedDocument['warnings'] = [];
  const ordinals = new Map(htmlTables.map((el, i) => [el, i]));
  const aligned = htmlTables.length === ooxmlTables.length;
  if (!aligned) {
    warnings.push({ code: 'DOCX_TABLES_UNALIGNED', message: `mammoth wrote ${htmlTables.length} tables, the document has ${ooxmlTables.length}: spans are taken from mammoth` });
  }

  const buildTable: TableBuilder = (el, index, rawRows) => {
    const ordinal = ordinals.get(el);
    const source: OoxmlTable | undefined = aligned && ordinal !== undefined ? ooxmlTables[ordinal] : undefined;
    if (!source) return null;
    const counts = visibleCellCounts(source);
    const textsAgree = counts.length === rawRows.length && counts.every((n, r) => rawRows[r]!.length === n);
    if (!textsAgree) {
      warnings.push({ code: 'DOCX_TEXT_FROM_XML', message: `table ${index}: mammoth's cells do not line up with the document's; cell texts read from the XML` });
    }
    return ooxmlToTable(source, index, textsAgree ? rawRows : undefined);
  };

  const walker = new HtmlBlockWalker(buildTable);
  for (const node of $.root().children().toArray()) walker.walk(node);
  walker.flush();
  const doc: ExtractedDocument = { format: 'docx', blocks: walker.blocks, warnings };
  const title = coreTitle(parts.get('docProps/core.xml'));
  if (title) doc.containerTitle = title;
  return doc;
}
