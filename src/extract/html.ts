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
import { HtmlBlockWalker, MAX_DEPTH, flattenDeepNesting } from './html-blocks.ts';

/** A run of this many identical tags in a row is nesting no page needs (a hostile page). */
const RUN = 200;
const OPEN_RUN = new RegExp(`(<(div|span|font|section|center|b|i|em|strong|p)\\b[^>]*>\\s*)(?:<\\2\\b[^>]*>\\s*){${RUN},}`, 'giu');
const CLOSE_RUN = new RegExp(`(</(div|span|font|section|center|b|i|em|strong|p)\\s*>\\s*)(?:</\\2\\s*>\\s*){${RUN},}`, 'giu');

/**
 * Long runs of identical opening (and closing) tags collapsed to one: the HTML parser takes time
 * quadratic in the nesting depth (measured: 15 s for 50 000 nested <div>s). Tags are ASCII, so the
 * bytes are edited as latin1 and every other byte stays as it was.
 */
function collapseTagRuns(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  OPEN_RUN.lastIndex = 0;
  if (!OPEN_RUN.test(text)) return bytes;
  return Buffer.from(text.replace(OPEN_RUN, '$1').replace(CLOSE_RUN, '$1'), 'latin1');
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype']);
const TABLE_TAGS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup']);
/** Nesting the parser is given at most; deeper wrappers are dropped (their text stays). */
const MAX_PARSE_DEPTH = 600;
const TAG = /<(\/?)([a-zA-Z!][a-zA-Z0-9:-]*)[^>]*?(\/?)>/gu;

/**
 * Tags nested deeper than MAX_PARSE_DEPTH are taken out, except those that make a table, so that
 * the parser (quadratic in depth) and the walker (recursive) get a bounded tree. Their text stays
 * where it was. Only pages that nest that deep are rewritten.
 */
function limitNesting(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(TAG)) {
    if (VOID.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    max = Math.max(max, depth);
  }
  if (max <= MAX_PARSE_DEPTH) return bytes;
  const dropped: boolean[] = [];
  depth = 0;
  const out = text.replace(TAG, (tag, closing: string, name: string, selfClosing: string) => {
    const lower = name.toLowerCase();
    if (VOID.has(lower) || selfClosing) return tag;
    if (closing) {
      depth = Math.max(0, depth - 1);
      return dropped.pop() ? '' : tag;
    }
    depth++;
    const drop = depth > MAX_PARSE_DEPTH && !TABLE_TAGS.has(lower);
    dropped.push(drop);
    return drop ? '' : tag;
  });
  return Buffer.from(out, 'latin1');
}

export function extractHtml(bytes: Buffer): ExtractedDocument {
  const $ = cheerio.loadBuffer(limitNesting(collapseTagRuns(bytes)));
  const containerTitle = $('title').first().text().trim();
  const walker = new HtmlBlockWalker();
  const body = $('body')[0] ?? $.root()[0];
  const warnings: ExtractedDocument['warnings'] = [];
  if (body && flattenDeepNesting(body)) {
    warnings.push({ code: 'HTML_TOO_DEEP', message: `elements nested more than ${MAX_DEPTH} deep were left out` });
  }
  if (body) walker.walk(body);
  walker.flush();
  const doc: ExtractedDocument = { format: 'html', blocks: walker.blocks, warnings };
  if (containerTitle) doc.containerTitle = containerTitle;
  return doc;
}
