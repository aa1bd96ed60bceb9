/**
 * Renders an abstract document (layout.ts) as an HTML report page, in the markup styles that
 * government sites serve:
 *
 *  - 'word':  Word "Save as Web Page" (Word 97/2000 flavour): MsoNormal paragraphs, <span lang=EN-US>
 *             around Latin runs, <o:p></o:p>, UPPERCASE table tags and attributes (<TD COLSPAN=2>),
 *             &nbsp; in empty cells, WIDTH/VALIGN attributes, mso-cell-special placeholders for
 *             gridBefore/gridAfter and a trailing `<![if !supportMisalignedColumns]>` row.
 *  - 'cms':   a TRS/CMS site page: header and nav, breadcrumb, a metadata table (索引号 / 发布机构 /
 *             发文日期 / 主题分类), the article, a 相关文章 sidebar with other years' reports, a footer.
 *             Its article body can itself be 'word' markup (pasted from Word) or clean CMS markup.
 *  - 'plain': minimal HTML like the Shanghai 2019 page (<p align="center">, nowrap cells, <br />).
 */
import iconv from 'iconv-lite';
import { expandGrid, type Block, type Cell, type LayoutDoc, type Paragraph, type Table } from './layout.ts';

export type HtmlStyle = 'word' | 'cms' | 'plain';

export interface CmsPage {
  siteName: string;
  /** Page <title>: `<article title>_政府信息公开年报_<site>`. */
  pageTitle: string;
  articleTitle: string;
  publisher: string;
  publishDate: string;
  indexNo: string;
  /** Titles of other years' reports for the 相关文章 sidebar. */
  related: { title: string; date: string }[];
  /** Title as <h1> or as a centred bold paragraph. */
  titleTag: 'h1' | 'p';
  /** Markup of the article body. */
  bodyMarkup: 'word' | 'cms';
  icp: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------- Word "Save as Web Page"

const PT_PER_UNIT = 0.75; // px → pt

/** Wraps Latin runs in <span lang=EN-US>, as Word does. */
function wordRuns(text: string): string {
  return escapeHtml(text).replace(/[0-9A-Za-z.,+\-/%]+/g, (m) => `<span lang=EN-US>${m}</span>`);
}

function wordParagraph(p: Paragraph): string {
  const text = wordRuns(p.text);
  switch (p.style) {
    case 'title':
    case 'subtitle':
      return `<P class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span style='font-size:${p.style === 'title' ? 22 : 16}.0pt;font-family:宋体'>${text}<span lang=EN-US><o:p></o:p></span></span></b></P>\n`;
    case 'heading':
      return `<P class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:黑体'>${text}<span lang=EN-US><o:p></o:p></span></span></P>\n`;
    case 'signature':
      return `<P class=MsoNormal align=right style='text-align:right;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${text}<span lang=EN-US><o:p></o:p></span></span></P>\n`;
    default:
      return `<P class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${text}<span lang=EN-US><o:p></o:p></span></span></P>\n`;
  }
}

function pxWidths(table: Table, total: number): number[] {
  const sum = table.colWidths.reduce((a, b) => a + b, 0);
  return table.colWidths.map((w) => Math.max(1, Math.round((w * total) / sum)));
}

function wordCellContent(cell: Cell, fontPt: number): string {
  const lines = cell.text === '' ? [] : cell.text.split('\n');
  const align = cell.align === 'center' ? ` align=center style='text-align:center'` : '';
  let html = lines.length
    ? lines.map((l) => `<P class=MsoNormal${align}><span style='font-size:${fontPt}pt;font-family:宋体'>${wordRuns(l)}<span lang=EN-US><o:p></o:p></span></span></P>`).join('\n  ')
    : `<P class=MsoNormal${align}><span lang=EN-US style='font-size:${fontPt}pt'><o:p>&nbsp;</o:p></span></P>`;
  if (cell.blocks) html += '\n' + wordBlocks(cell.blocks);
  return html;
}

function wordTable(table: Table, totalPx = 620): string {
  const px = pxWidths(table, totalPx);
  const grid = expandGrid(table);
  const fontPt = table.fontPt ?? 10.5;
  const border = table.borders === false ? 'border:none' : 'border:solid windowtext 1.0pt';
  const span = (c: number, n: number) => px.slice(c, c + n).reduce((a, b) => a + b, 0);
  let html = `<DIV ALIGN=CENTER>\n<TABLE class=MsoNormalTable BORDER=0 CELLSPACING=0 CELLPADDING=0 WIDTH=${totalPx} STYLE='width:${(totalPx * PT_PER_UNIT).toFixed(1)}pt;border-collapse:collapse;${table.borders === false ? 'border:none' : 'mso-border-alt:solid windowtext .5pt'};mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n`;
  const placeholder = (n: number, w: number) =>
    ` <TD WIDTH=${w}${n > 1 ? ` COLSPAN=${n}` : ''} STYLE='mso-cell-special:placeholder;border:none;padding:0cm 0cm 0cm 0cm'><P class=MsoNormal>&nbsp;</P></TD>\n`;
  table.rows.forEach((row, r) => {
    html += ` <TR STYLE='mso-yfti-irow:${r};height:18.0pt'>\n`;
    if (row.gridBefore) html += placeholder(row.gridBefore, span(0, row.gridBefore));
    grid[r]!.forEach((slot, c) => {
      if (!slot.cell || slot.originRow !== r || slot.originCol !== c) return;
      const cell = slot.cell;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      const w = span(c, cs);
      html +=
        `  <TD WIDTH=${w}${cs > 1 ? ` COLSPAN=${cs}` : ''}${rs > 1 ? ` ROWSPAN=${rs}` : ''} VALIGN=${row.header ? 'CENTER' : 'TOP'} STYLE='width:${(w * PT_PER_UNIT).toFixed(1)}pt;${border};padding:0cm 5.4pt 0cm 5.4pt'>\n  ` +
        wordCellContent(cell, fontPt) +
        `\n  </TD>\n`;
    });
    if (row.gridAfter) html += placeholder(row.gridAfter, span(px.length - row.gridAfter, row.gridAfter));
    html += ' </TR>\n';
  });
  const misaligned = table.rows.some((row) => row.cells.some((c) => (c.colSpan ?? 1) > 1) || row.gridBefore || row.gridAfter);
  if (misaligned) {
    html += ` <![if !supportMisalignedColumns]>\n <TR HEIGHT=0>\n${px.map((w) => `  <TD WIDTH=${w} STYLE='border:none'></TD>\n`).join('')} </TR>\n <![endif]>\n`;
  }
  return html + '</TABLE>\n</DIV>\n';
}

function wordBlocks(blocks: Block[]): string {
  return blocks.map((b) => (b.type === 'p' ? wordParagraph(b) : b.type === 'table' ? wordTable(b.table) : '')).join('');
}

const WORD_HEAD = (title: string, charset: string) => `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=${charset}">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 9">
<meta name=Originator content="Microsoft Word 9">
<title>${escapeHtml(title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Administrator</o:Author>
  <o:Pages>5</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-parent:"";
	margin:0cm;
	margin-bottom:.0001pt;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:"Times New Roman";
	mso-fareast-font-family:宋体;}
@page Section1
	{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}
div.Section1
	{page:Section1;}
-->
</style>
</head>
`;

export function renderWordHtml(doc: LayoutDoc, charset = 'utf-8'): string {
  return `${WORD_HEAD(doc.containerTitle, charset)}<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n\n<div class=Section1 style='layout-grid:15.6pt'>\n\n${wordBlocks(doc.blocks)}\n</div>\n\n</body>\n\n</html>\n`;
}

// ---------------------------------------------------------------- clean CMS editor markup

function cmsParagraph(p: Paragraph): string {
  const text = escapeHtml(p.text);
  switch (p.style) {
    case 'title':
    case 'subtitle':
      return `<p style="text-align: center;"><strong><span style="font-size: 22px;">${text}</span></strong></p>\n`;
    case 'heading':
      return `<p style="text-indent: 2em;"><strong>${text}</strong></p>\n`;
    case 'signature':
      return `<p style="text-align: right;">${text}</p>\n`;
    default:
      return `<p style="text-indent: 2em;">${text}</p>\n`;
  }
}

function cmsTable(table: Table): string {
  const grid = expandGrid(table);
  const border = table.borders === false ? '0' : '1';
  let html = `<table border="${border}" cellspacing="0" cellpadding="0" style="border-collapse: collapse; width: 100%;"><tbody>\n`;
  table.rows.forEach((row, r) => {
    html += '<tr>';
    if (row.gridBefore) html += `<td${row.gridBefore > 1 ? ` colspan="${row.gridBefore}"` : ''} style="border: none;"></td>`;
    grid[r]!.forEach((slot, c) => {
      if (!slot.cell || slot.originRow !== r || slot.originCol !== c) return;
      const cell = slot.cell;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      const body = cell.text === '' ? '&nbsp;' : cell.text.split('\n').map(escapeHtml).join('<br/>');
      const align = cell.align === 'center' || row.header ? ' style="text-align: center;"' : '';
      const nested = cell.blocks ? cmsBlocks(cell.blocks) : '';
      html += `<td${cs > 1 ? ` colspan="${cs}"` : ''}${rs > 1 ? ` rowspan="${rs}"` : ''} valign="middle"><p${align}>${body}</p>${nested}</td>`;
    });
    html += '</tr>\n';
  });
  return html + '</tbody></table>\n';
}

function cmsBlocks(blocks: Block[]): string {
  return blocks.map((b) => (b.type === 'p' ? cmsParagraph(b) : b.type === 'table' ? cmsTable(b.table) : '')).join('');
}

export function renderCmsHtml(doc: LayoutDoc, page: CmsPage, charset = 'utf-8'): string {
  const body = doc.blocks.filter((b) => !(b.type === 'p' && (b.style === 'title' || b.style === 'subtitle')));
  const article = page.bodyMarkup === 'word' ? wordBlocks(body) : cmsBlocks(body);
  const title =
    page.titleTag === 'h1'
      ? `<h1 class="article-title">${escapeHtml(page.articleTitle)}</h1>`
      : `<p class="article-title" style="text-align:center;"><strong>${escapeHtml(page.articleTitle)}</strong></p>`;
  const nav = ['首页', '政务公开', '政务服务', '互动交流', '走进' + page.siteName.replace(/人民政府$/, '')];
  const related = page.related
    .map((r, i) => `        <li><a href="../20${21 - i}01/t20${21 - i}0120_${4411 + i * 37}.html" target="_blank" title="${escapeHtml(r.title)}">${escapeHtml(r.title)}</a><span>${r.date}</span></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="${escapeHtml(page.siteName)}">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="${escapeHtml(page.articleTitle)}">
<meta name="PubDate" content="${page.publishDate} 09:30">
<title>${escapeHtml(page.pageTitle)}</title>
<link rel="stylesheet" type="text/css" href="/images/common.css">
<script type="text/javascript" src="/images/jquery.min.js"></script>
</head>
<body>
<div class="header">
  <div class="top-bar"><span>欢迎访问${escapeHtml(page.siteName)}门户网站</span><a href="/wza/">无障碍</a><a href="/yhb/">长者模式</a></div>
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="${escapeHtml(page.siteName)}"></a></div>
  <ul class="nav">
${nav.map((n, i) => `    <li${i === 1 ? ' class="on"' : ''}><a href="${['/', '/zwgk/', '/zwfw/', '/hdjl/', '/zjgk/'][i]}">${escapeHtml(n)}</a></li>`).join('\n')}
  </ul>
</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="main clearfix">
  <div class="left-content">
    <div class="xxgk-meta">
      <table class="xxgk_table" cellspacing="0" cellpadding="0">
        <tr><th>索&nbsp;引&nbsp;号：</th><td>${escapeHtml(page.indexNo)}</td><th>发布机构：</th><td>${escapeHtml(page.publisher)}</td></tr>
        <tr><th>发文日期：</th><td>${page.publishDate}</td><th>主题分类：</th><td>政务公开</td></tr>
        <tr><th>名&nbsp;&nbsp;&nbsp;&nbsp;称：</th><td colspan="3">${escapeHtml(page.articleTitle)}</td></tr>
      </table>
    </div>
    <div class="article">
      ${title}
      <div class="article-info">发布时间：${page.publishDate}　来源：${escapeHtml(page.publisher)}　浏览次数：<span id="hits">${(page.indexNo.length * 37) % 900 + 100}</span>　【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
      <div class="article-content">
<div class="TRS_Editor">
${article}</div>
      </div>
      <div class="article-tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
    </div>
  </div>
  <div class="sidebar">
    <div class="box">
      <h3>相关文章</h3>
      <ul>
${related}
      </ul>
    </div>
  </div>
</div>
<div class="footer">
  <p>主办单位：${escapeHtml(page.siteName)}办公室　承办单位：${escapeHtml(page.siteName.replace(/人民政府$/, ''))}大数据发展中心</p>
  <p>网站标识码：${3300000000 + page.indexNo.length * 1013}　<a href="https://beian.miit.gov.cn/" target="_blank">${escapeHtml(page.icp)}</a></p>
  <p>Copyright &copy; 2024 All Rights Reserved　建议使用1920×1080分辨率浏览</p>
</div>
<script type="text/javascript">
  $(function () { $('.nav li').hover(function () { $(this).addClass('hover'); }, function () { $(this).removeClass('hover'); }); });
</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------- plain (Shanghai-like)

function plainParagraph(p: Paragraph): string {
  const text = escapeHtml(p.text);
  if (p.style === 'title') return `<p style='text-align: center;font-weight: bold;'>${text}</p>`;
  if (p.style === 'subtitle' || p.style === 'caption') return `<p style='text-align: center'>${text}</p>`;
  if (p.style === 'signature') return `<p style='text-align: right'>${text}</p>`;
  return `<p>${text}</p>`;
}

function plainTable(table: Table): string {
  const px = pxWidths(table, 560);
  const grid = expandGrid(table);
  const span = (c: number, n: number) => px.slice(c, c + n).reduce((a, b) => a + b, 0);
  let html = '<table align="center" border="1" cellspacing="1"><tbody>';
  table.rows.forEach((row, r) => {
    html += '<tr>';
    grid[r]!.forEach((slot, c) => {
      if (!slot.cell || slot.originRow !== r || slot.originCol !== c) return;
      const cell = slot.cell;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      const text = cell.text.split('\n').map(escapeHtml).join('<br />');
      const inner = cell.text === '' ? '&nbsp;' : cell.align === 'center' ? `<p align="center">${text}</p>` : `<p>${text}</p>`;
      html += `<td${cs > 1 ? ` colspan="${cs}"` : ''} nowrap="nowrap"${rs > 1 ? ` rowspan="${rs}"` : ''} style="width:${span(c, cs)}px;">${inner}${cell.blocks ? plainBlocks(cell.blocks) : ''}</td>`;
    });
    html += '</tr>\n';
  });
  return html + '</tbody></table>';
}

function plainBlocks(blocks: Block[]): string {
  return blocks.map((b) => (b.type === 'p' ? plainParagraph(b) : b.type === 'table' ? plainTable(b.table) : '')).join('');
}

export function renderPlainHtml(doc: LayoutDoc): string {
  return `<html><head><meta charset="utf-8"><title>${escapeHtml(doc.containerTitle)}</title></head><body>${plainBlocks(doc.blocks)}</body></html>`;
}

// ---------------------------------------------------------------- encoding

/** UTF-8, or GBK through iconv-lite (refusing characters GBK cannot hold). */
export function encodeHtml(html: string, charset: 'utf-8' | 'gbk'): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(html);
  const bytes = iconv.encode(html, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== html) throw new Error('page holds characters that GBK cannot encode');
  return new Uint8Array(bytes);
}
