/**
 * HTML report pages as published on government sites (TRS and Word-exported markup, inline
 * styles, &nbsp;, uppercase tags, site chrome around the article) → document model.
 *
 * The bytes are decoded by cheerio's encoding sniffer (BOM, <meta charset>, then content), so GBK
 * pages read as well as UTF-8 ones. Site chrome is not removed here: it yields paragraphs and
 * tables that normalize/ does not classify as report tables.
 */
import * as cheerio from 'cheerio';
import type { ExtractedDocument } from '../model/document.ts';
import { HtmlBlockWalker } from './html-blocks.ts';

export function extractHtml(bytes: Buffer): ExtractedDocument {
  const $ = cheerio.loadBuffer(bytes);
  const containerTitle = $('title').first().text().trim();
  const walker = new HtmlBlockWalker();
  const body = $('body')[0] ?? $.root()[0];
  if (body) walker.walk(body);
  walker.flush();
  const doc: ExtractedDocument = { format: 'html', blocks: walker.blocks, warnings: [] };
  if (containerTitle) doc.containerTitle = containerTitle;
  return doc;
}
