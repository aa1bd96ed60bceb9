/**
 * Links worth following on a listing page of a 政府信息公开年报 column, or on a report page:
 *   - pagination of the listing: 下一页 / next links, index_1.html … and ?page=N on the same path,
 *     and the script-drawn pagination of TRS sites (`createPageHTML(pages, current, "index", "html")`),
 *     which has no links at all in the HTML;
 *   - report pages: links whose text (or title) names a report of a year (「…2021年政府信息公开工作
 *     年度报告」), or names a 年度报告/年报 without a year (the date in a column beside it) and
 *     leads to a document rather than a folder — a link naming the column (「政府信息公开年报」)
 *     leads to its folder or index page and is not one;
 *   - attachments: .pdf .doc .docx .wps files (by URL, or by the file name in the link's text); on a
 *     report page also a download link (downfile.jsp?…, /attachment/…) or a link labelled 附件,
 *     whose format is told by its bytes when it arrives.
 */
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';

export type LinkKind = 'listing' | 'page' | 'attachment';

export interface FoundLink {
  url: string;
  kind: LinkKind;
  text: string;
}

const ATTACHMENT = /\.(pdf|docx?|wps)$/iu;
const REPORT_WORDS = /年度报告|年报|信息公开工作|政务公开工作/u;
const REPORT_TITLE = /年度报告|年报/u;
const DOWNLOAD_URL = /down(?:load)?(?:file)?|attach|getfile|fujian/iu;
const ATTACHMENT_LABEL = /^附件|附件[:：]?$/u;
const WEB_PAGE = /\.s?html?$/iu;
/** A folder or its index page: where site chrome and column links lead. */
const FOLDER = /(?:^|\/)(?:index(?:_\d+)?\.s?html?|default\.s?html?|index\.jsp)?$/iu;
const YEAR = /(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}年/u;
const NEXT = /^(?:下一页|下页|后页|next|next\s*page|›|»|>)$/iu;
const PAGINATED_NAME = /^index_\d+\.s?html?$/iu;
const PAGE_PARAM = /^(?:page|pageno|pageindex|pagenum|curpage|p)$/iu;

function resolve(href: string, base: string): URL | null {
  const trimmed = href.trim();
  if (!trimmed || /^(?:javascript|mailto|tel|data):/iu.test(trimmed) || trimmed.startsWith('#')) return null;
  try {
    const url = new URL(trimmed, base);
    url.hash = '';
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function directory(pathname: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1);
}

/** A link to another page of the same listing. */
function isPagination(url: URL, text: string, page: URL): boolean {
  if (NEXT.test(text)) return true;
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  if (directory(url.pathname) === directory(page.pathname) && PAGINATED_NAME.test(name)) return true;
  const pageParam = [...url.searchParams.keys()].some((k) => PAGE_PARAM.test(k) && /^\d+$/u.test(url.searchParams.get(k) ?? ''));
  return pageParam && (url.pathname === page.pathname || directory(url.pathname) === directory(page.pathname));
}

/** The text in the link's parent before it: 「附件：」 in 「附件：<a>…</a>」. */
function textBefore(a: cheerio.Cheerio<AnyNode>): string {
  let text = '';
  for (const node of a.parent().contents().toArray()) {
    if (node === a[0]) break;
    text += node.type === 'text' ? node.data : '';
  }
  return text.replace(/\s+/gu, '').trim();
}

function isReportLink(url: URL, label: string): boolean {
  if (REPORT_WORDS.test(label) && YEAR.test(label)) return true;
  return REPORT_TITLE.test(label) && !FOLDER.test(url.pathname);
}

/** On a report page: a link to a download that does not say its format (it is sniffed on arrival). */
function isDownload(url: URL, text: string, before: string): boolean {
  if (FOLDER.test(url.pathname) || WEB_PAGE.test(url.pathname)) return false;
  return DOWNLOAD_URL.test(url.pathname + url.search) || ATTACHMENT_LABEL.test(text) || ATTACHMENT_LABEL.test(before);
}

/** `createPageHTML(5, 0, "index", "html")`: page i (from 1) is index_i.html. */
const SCRIPTED_PAGINATION = /createPageHTML\(\s*["']?(\d+)["']?\s*,\s*["']?\d+["']?\s*,\s*["']([\w-]+)["']\s*,\s*["'](s?html?)["']/gu;
const MAX_SCRIPTED_PAGES = 1000;

function scriptedPagination(scripts: string, page: URL): FoundLink[] {
  const found: FoundLink[] = [];
  for (const [, count, name, extension] of scripts.matchAll(SCRIPTED_PAGINATION)) {
    const pages = Math.min(Number(count), MAX_SCRIPTED_PAGES);
    // Page 0 is the first page, the one a crawl starts from (often as the bare directory URL).
    for (let i = 1; i < pages; i++) {
      const url = new URL(`${name}_${i}.${extension}`, page);
      found.push({ url: url.href, kind: 'listing', text: `${i + 1}` });
    }
  }
  return found;
}

export function findLinks(html: Buffer, pageUrl: string, pageKind: 'listing' | 'page'): FoundLink[] {
  const $ = cheerio.loadBuffer(html);
  // Links resolve against <base href> where the page has one.
  const base = resolve($('base[href]').attr('href') ?? pageUrl, pageUrl)?.href ?? pageUrl;
  const page = new URL(pageUrl);
  const found = new Map<string, FoundLink>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    const url = resolve(a.attr('href') ?? '', base);
    if (!url) return;
    const text = a.text().replace(/\s+/gu, ' ').trim();
    const title = (a.attr('title') ?? '').trim();
    const label = `${text} ${title}`;
    let kind: LinkKind | null = null;
    if (ATTACHMENT.test(url.pathname) || ATTACHMENT.test(text) || ATTACHMENT.test(title)) kind = 'attachment';
    else if (pageKind === 'page' && isDownload(url, text, textBefore(a))) kind = 'attachment';
    else if (pageKind === 'listing' && isPagination(url, text, page)) kind = 'listing';
    else if (pageKind === 'listing' && isReportLink(url, label)) kind = 'page';
    if (!kind || url.href === page.href) return;
    if (!found.has(url.href)) found.set(url.href, { url: url.href, kind, text: text || title });
  });
  if (pageKind === 'listing') {
    const scripts = $('script').map((_, el) => $(el).text()).get().join('\n');
    for (const link of scriptedPagination(scripts, page)) {
      if (link.url !== page.href && !found.has(link.url)) found.set(link.url, link);
    }
  }
  return [...found.values()];
}
