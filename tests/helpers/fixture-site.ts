/**
 * A small government web site for the crawler tests: a real HTTP server (node:http) on 127.0.0.1,
 * port 0, serving a 政府信息公开年报 column built from the repo's corpus (the bytes of the corpus
 * files are read at startup), plus a second server on 127.0.0.2 — "another host" — that the crawl
 * must not visit unless --allow-host names it.
 *
 * Main site (青山县人民政府), `site.base` = http://127.0.0.1:PORT
 *
 *   /robots.txt                         User-agent: * / Disallow: /private/
 *   /xxgk/gknb/index.html               listing page 1 (site chrome: nav, breadcrumb, left menu, footer)
 *     翠屏区教育局2021年…年度报告             → /art/2022/1/20/art_1201_1001.html   HTML report (cuiping)
 *     青山县人民政府2021年…年度报告           → /art/2022/1/25/art_1201_1002.html   wrapper page
 *                                              附件 → /uploads/2022/01/P020220125389456123.pdf (qingshan pdf;
 *                                              the attachment a test can change: `site.change()`)
 *     松溪县人民政府2020年…年度报告           → /art/2021/1/28/art_1201_0903.html   HTML report, GBK bytes (songxi)
 *     关于开展2022年防汛工作的通知            → /art/2022/5/1/art_1202_2001.html    a notice: not a report link
 *     2021年政府信息公开工作年度报告（内部稿） → /private/art_1201_0999.html        robots.txt disallows it
 *     青山市人民政府2021年…年度报告           → http://127.0.0.2:PORT/art/2022/2/1/art_9_1.html   another host
 *     下一页                                → index_1.html
 *   /xxgk/gknb/index_1.html             listing page 2
 *     骊山区人民政府2022年…年度报告           → /art/2023/1/30/art_1201_1101.html   HTML report (lishan)
 *     云溪区人民政府办公室2022年…年度报告     → /art/old/2023/yunxi-2022.html  301 → /art/2023/1/18/art_1201_1102.html
 *                                              wrapper, 附件 → /uploads/2023/01/P020230118552301847.docx (yunxi docx)
 *     临江市交通运输局2019年…年度报告.pdf     → /uploads/2020/01/P020200115604417032.pdf   an attachment listed
 *                                              directly (linjiang pdf); answers 500 to its first request, then 200
 *     桃溪县人民政府2020年…年度报告           → /art/2021/1/15/art_1201_0901.html   404 (faults only)
 *     青山县财政局2020年…年度报告（已迁移）    → /art/old/2021/czj-2020.html  302 → the other host
 *     上一页 → index.html, 下一页 → list?page=2
 *   /xxgk/gknb/list?page=2              listing page 3, the last
 *     白水镇人民政府2020年…年度报告           → /art/2021/1/20/art_1201_0902.html   wrapper,
 *                                              附件 → /module/download/downfile.jsp?classid=0&filename=2101201030456.docx
 *                                              (baishui docx; the file name is in the link text only)
 *     石门县林业局2020年…年度报告             → /art/2021/2/1/art_1201_0904.html    wrapper,
 *                                              附件 → /uploads/2021/02/P020210201771254006.pdf (shimen pdf;
 *                                              with faults: answers only after 4 s)
 *     首页 → index.html, 上一页 → index_1.html
 *   anything else                       404 (the chrome links /, /jggk/, /zcwj/ …, the 相关阅读 links of
 *                                       the corpus pages: a crawler that follows them gets 404s)
 *
 * Other host (`site.other.base` = http://127.0.0.2:PORT)
 *   /robots.txt                         allows everything
 *   /art/2022/2/1/art_9_1.html          HTML report (taiping)
 *   /art/2021/3/1/art_9_2.html          HTML report (donghai)
 *
 * Every page and file has an ETag and a Last-Modified and answers 304 to a matching
 * If-None-Match (or, without one, to an If-Modified-Since not older than Last-Modified).
 * Every request is logged (method, path with query, the conditional headers, status, times).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Truth } from '../../scripts/lib/truth.ts';
import { REPO_ROOT } from '../../scripts/lib/truth.ts';

export interface RequestLogEntry {
  method: string;
  /** Path with query string, as requested. */
  path: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  userAgent: string | null;
  /** Status answered; null while pending, or when the client gave up before an answer. */
  status: number | null;
  /** Milliseconds (performance.now()) when the request arrived and when its answer ended. */
  start: number;
  end: number | null;
}

interface FileResource {
  type: 'file';
  bytes: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
  headers?: Record<string, string>;
}
type Resource = FileResource | { type: 'redirect'; status: 301 | 302; location: string };

/** A report the crawl should store and extract: its URL (the record's source.path) and its truth. */
export interface ExpectedReport {
  name: string;
  url: string;
  /** Path (with query) on its server. */
  path: string;
  /** What the crawl should call it: an HTML report page, or an attachment. */
  kind: 'page' | 'attachment';
  truth: Truth;
  /** The bytes the site serves at `url` now. */
  sha256: string;
}

export interface FixtureServer {
  base: string;
  /** host:port, as in a URL */
  host: string;
  log: RequestLogEntry[];
  clearLog(): void;
  /** Requests for one path (with query). */
  requests(path: string): RequestLogEntry[];
  close(): Promise<void>;
}

export interface FixtureSite extends FixtureServer {
  other: FixtureServer & { reports: ExpectedReport[] };
  /** Reports stored and extracted by a crawl of the main site without --allow-host. */
  reports(): ExpectedReport[];
  /** Reports on the other host, reached through the off-host link and redirect with --allow-host. */
  offHostReports(): ExpectedReport[];
  /** Notable paths (on the main site unless said otherwise), and full URLs where useful. */
  paths: typeof PATHS;
  url(path: string): string;
  /** The off-host link and the target of the off-host redirect (full URLs on the other host). */
  offHost: { link: string; redirectTarget: string };
  /** Every main-site path a well-behaved crawl may request (robots.txt, listings, report pages, attachments, redirects). */
  requestable(): Set<string>;
  /** Replaces the bytes of a file (new ETag, later Last-Modified); `truth` is what the new bytes hold. */
  change(path: string, bytes: Buffer, truthName: string, truth: Truth): void;
  /** Delays the answer to a path (before any header) by `ms`; 0 removes the delay. */
  setSlow(path: string, ms: number): void;
  /** Delays every answer of the main site by `ms`. */
  setLatency(ms: number): void;
  /** Makes a path answer 500 to its next `n` requests. */
  failNext(path: string, n: number): void;
  /** Holds every request for a path unanswered until the returned function is called. */
  hold(path: string): () => void;
}

export const PATHS = {
  robots: '/robots.txt',
  listing1: '/xxgk/gknb/index.html',
  listing2: '/xxgk/gknb/index_1.html',
  listing3: '/xxgk/gknb/list?page=2',
  cuiping: '/art/2022/1/20/art_1201_1001.html',
  qingshanPage: '/art/2022/1/25/art_1201_1002.html',
  qingshanPdf: '/uploads/2022/01/P020220125389456123.pdf',
  songxi: '/art/2021/1/28/art_1201_0903.html',
  notice: '/art/2022/5/1/art_1202_2001.html',
  private: '/private/art_1201_0999.html',
  lishan: '/art/2023/1/30/art_1201_1101.html',
  yunxiOld: '/art/old/2023/yunxi-2022.html',
  yunxiPage: '/art/2023/1/18/art_1201_1102.html',
  yunxiDocx: '/uploads/2023/01/P020230118552301847.docx',
  linjiangPdf: '/uploads/2020/01/P020200115604417032.pdf',
  notFound: '/art/2021/1/15/art_1201_0901.html',
  offHostRedirect: '/art/old/2021/czj-2020.html',
  baishuiPage: '/art/2021/1/20/art_1201_0902.html',
  baishuiDocx: '/module/download/downfile.jsp?classid=0&filename=2101201030456.docx',
  shimenPage: '/art/2021/2/1/art_1201_0904.html',
  shimenPdf: '/uploads/2021/02/P020210201771254006.pdf',
  // on the other host
  otherTaiping: '/art/2022/2/1/art_9_1.html',
  otherDonghai: '/art/2021/3/1/art_9_2.html',
} as const;

const CORPUS = join(REPO_ROOT, 'corpus');
const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

export function corpusBytes(relative: string): Buffer {
  return readFileSync(join(CORPUS, relative));
}

export function corpusTruth(relative: string): Truth {
  return JSON.parse(readFileSync(join(CORPUS, relative.replace(/\.[a-z]+$/u, '.truth.json')), 'utf8')) as Truth;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const etagOf = (bytes: Buffer) => `"${sha256(bytes).slice(0, 20)}"`;

function file(bytes: Buffer, contentType: string, lastModified: string, headers?: Record<string, string>): FileResource {
  return { type: 'file', bytes, contentType, etag: etagOf(bytes), lastModified: new Date(lastModified), headers };
}

const html = (text: string, lastModified: string) => file(Buffer.from(text, 'utf8'), CONTENT_TYPES.html!, lastModified);

// ---------------------------------------------------------------------------------------------
// Pages of a typical county government site

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function chrome(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="青山县人民政府">
<meta name="ColumnName" content="政府信息公开年报">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/images/common.css">
<script src="/images/jquery.min.js"></script>
</head>
<body>
<div class="topbar"><div class="w1200"><span>欢迎访问青山县人民政府门户网站</span>
  <a href="/wza/">无障碍</a> | <a href="/yhb/">长者模式</a> | <a href="/en/">English</a></div></div>
<div class="header"><a href="/"><img src="/images/logo.png" alt="青山县人民政府"></a>
  <form action="/search/" method="get"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li>
  <li><a href="/jggk/">机构概况</a></li>
  <li><a href="/zcwj/">政策文件</a></li>
  <li><a href="/xxgk/">政务公开</a></li>
  <li><a href="/zwfw/">政务服务</a></li>
  <li><a href="/hdjl/">互动交流</a></li>
</ul></div>
${body}
<div class="footer">
  <p><a href="/about/">关于我们</a> | <a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a></p>
  <p>主办：青山县人民政府办公室　承办：青山县大数据中心　地址：青山县人民路1号　电话：0000-1234567</p>
  <p><a href="https://beian.miit.gov.cn/" target="_blank">青ICP备12000001号-1</a>　政府网站标识码：0000000001
  　<a href="http://www.beian.gov.cn/">公网安备 00000002000001号</a></p>
</div>
</body>
</html>
`;
}

interface ListItem {
  href: string;
  title: string;
  date: string;
}

function listingPage(page: number, items: ListItem[], pager: string): string {
  const list = items
    .map((i) => `    <li><a href="${esc(i.href)}" title="${esc(i.title)}" target="_blank">${esc(i.title)}</a><span class="date">${i.date}</span></li>`)
    .join('\n');
  return chrome(
    `政府信息公开年报_青山县人民政府`,
    `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政务公开</a> &gt; <a href="/xxgk/gknb/index.html">政府信息公开年报</a></div>
<div class="main">
  <div class="left"><h3>政府信息公开</h3><ul>
    <li><a href="/xxgk/zn/">政府信息公开指南</a></li>
    <li><a href="/xxgk/zd/">政府信息公开制度</a></li>
    <li><a href="/xxgk/fdzdgk/">法定主动公开内容</a></li>
    <li class="on"><a href="/xxgk/gknb/index.html">政府信息公开年报</a></li>
    <li><a href="/xxgk/ysqgk/">依申请公开</a></li>
  </ul></div>
  <div class="right"><h2>政府信息公开年报</h2>
  <ul class="list">
${list}
  </ul>
  <div class="pager">${pager}　<span>第${page}页 共3页</span></div>
  </div>
</div>`,
  );
}

function wrapperPage(title: string, date: string, attachments: { href: string; text: string }[]): string {
  const links = attachments.map((a) => `<p>附件：<a href="${esc(a.href)}" target="_blank">${esc(a.text)}</a></p>`).join('\n');
  return chrome(
    `${title}_政府信息公开年报_青山县人民政府`,
    `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政务公开</a> &gt; <a href="/xxgk/gknb/index.html">政府信息公开年报</a></div>
<div class="article">
  <h1 class="title">${esc(title)}</h1>
  <div class="info">发布时间：${date}　来源：县政府办公室　浏览次数：<span id="hits">1024</span>
    字号：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a></div>
  <div class="content">
<p>根据《中华人民共和国政府信息公开条例》的规定，现将${esc(title)}予以公布。本报告电子版可在本网站下载。如对本报告有疑问，请与县政府办公室联系。</p>
${links}
  </div>
  <div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>`,
  );
}

const NOTICE = chrome(
  '关于开展2022年防汛工作的通知_青山县人民政府',
  `<div class="article"><h1 class="title">关于开展2022年防汛工作的通知</h1>
<div class="content"><p>各乡镇人民政府、县直各单位：为切实做好2022年防汛工作，现就有关事项通知如下。</p></div></div>`,
);

// ---------------------------------------------------------------------------------------------
// Servers

interface Server_ {
  server: Server;
  base: string;
  host: string;
  log: RequestLogEntry[];
  routes: Map<string, Resource>;
}

function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const weak = (t: string) => t.trim().replace(/^W\//u, '');
  return header.split(',').some((t) => weak(t) === weak(etag));
}

function notModified(req: IncomingMessage, res: FileResource): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return matchesEtag(inm, res.etag);
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(res.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

async function listen(hostname: string, handler: (req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry) => void): Promise<Server_> {
  const log: RequestLogEntry[] = [];
  const routes = new Map<string, Resource>();
  const server = createServer((req, res) => {
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null,
      ifModifiedSince: (req.headers['if-modified-since'] as string | undefined) ?? null,
      userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
      status: null,
      start: performance.now(),
      end: null,
    };
    log.push(entry);
    res.on('close', () => {
      entry.end = performance.now();
    });
    handler(req, res, entry);
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, hostname, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return { server, base: `http://${hostname}:${port}`, host: `${hostname}:${port}`, log, routes };
}

/** Answers from the route table; `delayMs` before any header. */
function serve(s: Server_, req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, delayMs: number, forceStatus?: number): void {
  const answer = () => {
    if (res.destroyed || req.destroyed) return;
    const send = (status: number, headers: Record<string, string | number>, body?: Buffer) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (forceStatus !== undefined) {
      const body = Buffer.from('<html><body><h1>500 服务器内部错误</h1></body></html>', 'utf8');
      send(forceStatus, { 'content-type': CONTENT_TYPES.html!, 'content-length': body.length }, body);
      return;
    }
    const route = s.routes.get(entry.path);
    if (!route) {
      const body = Buffer.from('<html><head><meta charset="utf-8"><title>404</title></head><body><p>404 页面不存在</p></body></html>', 'utf8');
      send(404, { 'content-type': CONTENT_TYPES.html!, 'content-length': body.length }, body);
      return;
    }
    if (route.type === 'redirect') {
      send(route.status, { location: route.location, 'content-length': 0 });
      return;
    }
    const validators = { etag: route.etag, 'last-modified': route.lastModified.toUTCString() };
    if (notModified(req, route)) {
      send(304, validators);
      return;
    }
    send(200, { 'content-type': route.contentType, 'content-length': route.bytes.length, ...validators, ...(route.headers ?? {}) }, route.bytes);
  };
  if (delayMs <= 0) {
    answer();
    return;
  }
  const timer = setTimeout(answer, delayMs);
  res.on('close', () => clearTimeout(timer));
}

function publicServer(s: Server_): FixtureServer {
  return {
    base: s.base,
    host: s.host,
    log: s.log,
    clearLog: () => void s.log.splice(0),
    requests: (path) => s.log.filter((e) => e.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        s.server.closeAllConnections();
        s.server.close(() => resolve());
      }),
  };
}

export interface SiteOptions {
  /** With faults (default): a 404 report link, and the shimen attachment answering after 4 s. */
  faults?: boolean;
  /** Delay of every answer of the main site, ms (default 0). */
  latencyMs?: number;
}

interface ReportEntry {
  name: string;
  host: 'main' | 'other';
  path: string;
  truth: Truth;
}

export async function startFixtureSite(options: SiteOptions = {}): Promise<FixtureSite> {
  const faults = options.faults ?? true;
  let latency = options.latencyMs ?? 0;
  const slow = new Map<string, number>();
  const failing = new Map<string, number>();
  const held = new Map<string, Promise<void>>();

  const other = await listen('127.0.0.2', (req, res, entry) => serve(other, req, res, entry, 0));
  const main = await listen('127.0.0.1', (req, res, entry) => {
    const fails = failing.get(entry.path) ?? 0;
    if (fails > 0) failing.set(entry.path, fails - 1);
    const go = () => serve(main, req, res, entry, Math.max(latency, slow.get(entry.path) ?? 0), fails > 0 ? 500 : undefined);
    const hold = held.get(entry.path);
    if (hold) void hold.then(go);
    else go();
  });

  const offHostLink = `${other.base}${PATHS.otherTaiping}`;
  const offHostRedirectTarget = `${other.base}${PATHS.otherDonghai}`;

  // --- other host
  other.routes.set('/robots.txt', file(Buffer.from('User-agent: *\nDisallow:\n'), 'text/plain; charset=utf-8', '2021-01-01T00:00:00Z'));
  other.routes.set(PATHS.otherTaiping, file(corpusBytes('html/taiping-district-2021-word.html'), CONTENT_TYPES.html!, '2022-02-01T01:00:00Z'));
  other.routes.set(PATHS.otherDonghai, file(corpusBytes('html/donghai-office-2019-plain-drift.html'), CONTENT_TYPES.html!, '2021-03-01T01:00:00Z'));

  // --- main site
  const r = main.routes;
  r.set(PATHS.robots, file(Buffer.from('# 青山县人民政府\nUser-agent: *\nDisallow: /private/\n\nSitemap: /sitemap.xml\n'), 'text/plain; charset=utf-8', '2021-01-01T00:00:00Z'));

  const year = (y: number) => `${y}年政府信息公开工作年度报告`;
  const page1: ListItem[] = [
    { href: PATHS.cuiping, title: `翠屏区教育局${year(2021)}`, date: '2022-01-20' },
    { href: PATHS.qingshanPage, title: `青山县人民政府${year(2021)}`, date: '2022-01-25' },
    { href: PATHS.songxi, title: `松溪县人民政府${year(2020)}`, date: '2021-01-28' },
    { href: PATHS.notice, title: '关于开展2022年防汛工作的通知', date: '2021-01-27' },
    { href: PATHS.private, title: `${year(2021)}（内部稿）`, date: '2021-01-26' },
    { href: offHostLink, title: `青山市人民政府${year(2021)}`, date: '2022-02-01' },
  ];
  const page2: ListItem[] = [
    { href: PATHS.lishan, title: `骊山区人民政府${year(2022)}`, date: '2023-01-30' },
    { href: PATHS.yunxiOld, title: `云溪区人民政府办公室${year(2022)}`, date: '2023-01-18' },
    { href: PATHS.linjiangPdf, title: `临江市交通运输局${year(2019)}.pdf`, date: '2020-01-15' },
    ...(faults ? [{ href: PATHS.notFound, title: `桃溪县人民政府${year(2020)}`, date: '2021-01-15' }] : []),
    { href: PATHS.offHostRedirect, title: `青山县财政局${year(2020)}（已迁移）`, date: '2021-01-10' },
  ];
  const page3: ListItem[] = [
    { href: PATHS.baishuiPage, title: `白水镇人民政府${year(2020)}`, date: '2021-01-20' },
    { href: PATHS.shimenPage, title: `石门县林业局${year(2020)}`, date: '2021-02-01' },
  ];
  r.set(PATHS.listing1, html(listingPage(1, page1, `<a href="index.html">首页</a> <span>上一页</span> <a href="index_1.html">下一页</a>`), '2023-01-30T02:00:00Z'));
  r.set(PATHS.listing2, html(listingPage(2, page2, `<a href="index.html">首页</a> <a href="index.html">上一页</a> <a href="list?page=2">下一页</a>`), '2023-01-30T02:00:00Z'));
  r.set(PATHS.listing3, html(listingPage(3, page3, `<a href="index.html">首页</a> <a href="index_1.html">上一页</a> <span>下一页</span>`), '2023-01-30T02:00:00Z'));

  r.set(PATHS.cuiping, file(corpusBytes('html/cuiping-education-2021-cms.html'), CONTENT_TYPES.html!, '2022-01-20T01:30:00Z'));
  r.set(PATHS.songxi, file(corpusBytes('html/songxi-county-2020-cms-gbk.html'), 'text/html; charset=GBK', '2021-01-28T01:30:00Z'));
  r.set(PATHS.lishan, file(corpusBytes('html/lishan-district-2022-cms-nested.html'), CONTENT_TYPES.html!, '2023-01-30T01:30:00Z'));
  r.set(PATHS.notice, html(NOTICE, '2021-01-27T01:30:00Z'));
  r.set(PATHS.private, html(wrapperPage(`${year(2021)}（内部稿）`, '2021-01-26', []), '2021-01-26T01:30:00Z'));

  r.set(PATHS.qingshanPage, html(wrapperPage(`青山县人民政府${year(2021)}`, '2022-01-25', [{ href: PATHS.qingshanPdf, text: `青山县人民政府${year(2021)}.pdf` }]), '2022-01-25T01:30:00Z'));
  r.set(PATHS.qingshanPdf, file(corpusBytes('pdf/qingshan-county-2021.pdf'), CONTENT_TYPES.pdf!, '2022-01-25T01:20:00Z'));

  r.set(PATHS.yunxiOld, { type: 'redirect', status: 301, location: PATHS.yunxiPage });
  r.set(PATHS.yunxiPage, html(wrapperPage(`云溪区人民政府办公室${year(2022)}`, '2023-01-18', [{ href: PATHS.yunxiDocx, text: `云溪区人民政府办公室${year(2022)}.docx` }]), '2023-01-18T01:30:00Z'));
  r.set(PATHS.yunxiDocx, file(corpusBytes('docx/yunxi-office-2022.docx'), CONTENT_TYPES.docx!, '2023-01-18T01:20:00Z'));

  r.set(PATHS.linjiangPdf, file(corpusBytes('pdf/linjiang-transport-2019.pdf'), CONTENT_TYPES.pdf!, '2020-01-15T01:20:00Z'));
  failing.set(PATHS.linjiangPdf, 1);

  r.set(PATHS.offHostRedirect, { type: 'redirect', status: 302, location: offHostRedirectTarget });

  r.set(PATHS.baishuiPage, html(wrapperPage(`白水镇人民政府${year(2020)}`, '2021-01-20', [{ href: PATHS.baishuiDocx, text: `白水镇人民政府${year(2020)}.docx` }]), '2021-01-20T01:30:00Z'));
  r.set(
    PATHS.baishuiDocx,
    file(corpusBytes('docx/baishui-town-2020.docx'), CONTENT_TYPES.docx!, '2021-01-20T01:20:00Z', {
      'content-disposition': `attachment; filename="2101201030456.docx"; filename*=UTF-8''${encodeURIComponent(`白水镇人民政府${year(2020)}.docx`)}`,
    }),
  );

  r.set(PATHS.shimenPage, html(wrapperPage(`石门县林业局${year(2020)}`, '2021-02-01', [{ href: PATHS.shimenPdf, text: `石门县林业局${year(2020)}.pdf` }]), '2021-02-01T01:30:00Z'));
  r.set(PATHS.shimenPdf, file(corpusBytes('pdf/shimen-forestry-2020.pdf'), CONTENT_TYPES.pdf!, '2021-02-01T01:20:00Z'));
  if (faults) slow.set(PATHS.shimenPdf, 4000);

  // --- what a crawl should come back with
  const entries: ReportEntry[] = [
    { name: 'cuiping-education-2021-cms', host: 'main', path: PATHS.cuiping, truth: corpusTruth('html/cuiping-education-2021-cms.html') },
    { name: 'qingshan-county-2021', host: 'main', path: PATHS.qingshanPdf, truth: corpusTruth('pdf/qingshan-county-2021.pdf') },
    { name: 'songxi-county-2020-cms-gbk', host: 'main', path: PATHS.songxi, truth: corpusTruth('html/songxi-county-2020-cms-gbk.html') },
    { name: 'lishan-district-2022-cms-nested', host: 'main', path: PATHS.lishan, truth: corpusTruth('html/lishan-district-2022-cms-nested.html') },
    { name: 'yunxi-office-2022', host: 'main', path: PATHS.yunxiDocx, truth: corpusTruth('docx/yunxi-office-2022.docx') },
    { name: 'linjiang-transport-2019', host: 'main', path: PATHS.linjiangPdf, truth: corpusTruth('pdf/linjiang-transport-2019.pdf') },
    { name: 'baishui-town-2020', host: 'main', path: PATHS.baishuiDocx, truth: corpusTruth('docx/baishui-town-2020.docx') },
    ...(faults ? [] : [{ name: 'shimen-forestry-2020', host: 'main' as const, path: PATHS.shimenPdf, truth: corpusTruth('pdf/shimen-forestry-2020.pdf') }]),
    { name: 'taiping-district-2021-word', host: 'other', path: PATHS.otherTaiping, truth: corpusTruth('html/taiping-district-2021-word.html') },
    { name: 'donghai-office-2019-plain-drift', host: 'other', path: PATHS.otherDonghai, truth: corpusTruth('html/donghai-office-2019-plain-drift.html') },
  ];
  const expected = (e: ReportEntry): ExpectedReport => {
    const s = e.host === 'main' ? main : other;
    const route = s.routes.get(e.path) as FileResource;
    const kind = route.contentType.startsWith('text/html') ? 'page' : 'attachment';
    return { name: e.name, url: `${s.base}${e.path}`, path: e.path, kind, truth: e.truth, sha256: sha256(route.bytes) };
  };

  const otherPublic = publicServer(other);
  return {
    ...publicServer(main),
    other: {
      ...otherPublic,
      get reports() {
        return entries.filter((e) => e.host === 'other').map(expected);
      },
    },
    reports: () => entries.filter((e) => e.host === 'main').map(expected),
    offHostReports: () => entries.filter((e) => e.host === 'other').map(expected),
    paths: PATHS,
    url: (path) => `${main.base}${path}`,
    offHost: { link: offHostLink, redirectTarget: offHostRedirectTarget },
    requestable: () => new Set([...main.routes.keys()].filter((p) => p !== PATHS.notice && p !== PATHS.private).concat(faults ? [PATHS.notFound] : [])),
    change(path, bytes, truthName, truth) {
      const old = main.routes.get(path);
      if (!old || old.type !== 'file') throw new Error(`no file at ${path}`);
      const lastModified = new Date(Math.max(Date.now(), old.lastModified.getTime() + 86_400_000));
      main.routes.set(path, { ...old, bytes, etag: etagOf(bytes), lastModified });
      const entry = entries.find((e) => e.host === 'main' && e.path === path);
      if (entry) Object.assign(entry, { name: truthName, truth });
    },
    setSlow: (path, ms) => void (ms > 0 ? slow.set(path, ms) : slow.delete(path)),
    setLatency: (ms) => void (latency = ms),
    failNext: (path, n) => void failing.set(path, n),
    hold(path) {
      let release!: () => void;
      held.set(path, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        held.delete(path);
        release();
      };
    },
    close: async () => {
      await Promise.all([publicServer(main).close(), otherPublic.close()]);
    },
  };
}
