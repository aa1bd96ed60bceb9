/**
 * Word (.docx) → document model: mammoth → HTML → cheerio → blocks, with each table's grid taken
 * from the OOXML itself (ooxml-tables.ts says why) and the cell texts from mammoth.
 */
import * as cheerio from 'cheerio';
import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import type { ExtractedDocument } from '../model/document.ts';
import { ExtractionError } from './errors.ts';
import { HtmlBlockWalker, type TableBuilder } from './html-blocks.ts';
import { ooxmlToTable, readOoxmlTables, visibleCellCounts, type OoxmlTable } from './ooxml-tables.ts';
import { readEntry, zipEntries } from './zip.ts';

/** Limits on what a .docx may inflate to: far above any report, far below a zip bomb. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** XML parts (and relationships) are all that is read; images and embedded files never are. */
const XML_PART = /\.(xml|rels)$/iu;

/**
 * The XML parts of the archive, each inflated under a hard limit, and checked for DTDs: OOXML
 * never declares entities, and a billion-laughs entity bomb must not reach an XML parser.
 */
function readParts(bytes: Buffer): Map<string, Buffer> {
  const entries = zipEntries(bytes).filter((e) => XML_PART.test(e.name));
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_TOTAL_BYTES) throw new ExtractionError('TOO_LARGE', `the document's XML inflates to ${Math.round(total / 1_048_576)} MiB, more than the ${MAX_TOTAL_BYTES / 1_048_576} MiB allowed`);
  const parts = new Map<string, Buffer>();
  let inflated = 0;
  for (const entry of entries) {
    const data = readEntry(bytes, entry, MAX_PART_BYTES);
    inflated += data.length;
    if (inflated > MAX_TOTAL_BYTES) throw new ExtractionError('TOO_LARGE', `the document's XML inflates to more than ${MAX_TOTAL_BYTES / 1_048_576} MiB`);
    if (/<!(?:DOCTYPE|ENTITY)/iu.test(data.toString('latin1', 0, Math.min(data.length, 65_536)))) {
      throw new ExtractionError('CORRUPT', `${entry.name} declares a DTD or entities, which Word never writes (an entity-expansion bomb?)`);
    }
    parts.set(entry.name, data);
  }
  if (!parts.has('word/document.xml')) throw new ExtractionError('UNSUPPORTED_FORMAT', 'a zip archive without word/document.xml: not a Word (.docx) document');
  return parts;
}

function coreTitle(coreXml: string | undefined): string | undefined {
  if (!coreXml) return undefined;
  const $ = cheerio.load(coreXml, { xml: true });
  const title = $('dc\\:title').first().text().trim();
  return title.length > 0 ? title : undefined;
}

export async function extractDocx(bytes: Buffer): Promise<ExtractedDocument> {
  const parts = readParts(bytes);
  const ooxmlTables = readOoxmlTables(parts.get('word/document.xml')!.toString('utf8'));

  // mammoth reads a copy holding only the checked parts, and never an image's bytes.
  const checked = zipSync(Object.fromEntries([...parts].map(([name, data]) => [name, new Uint8Array(data)])), { level: 0 });
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(checked) }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })).value;
  } catch (err) {
    throw new ExtractionError('CORRUPT', `mammoth could not read the document: ${(err as Error).message}`);
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
  const title = coreTitle(parts.get('docProps/core.xml')?.toString('utf8'));
  if (title) doc.containerTitle = title;
  return doc;
}
