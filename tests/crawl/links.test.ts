import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/crawl/links.ts';

const LISTING = 'http://gov.example/xxgk/gknb/index.html';

function links(body: string, kind: 'listing' | 'page' = 'listing', at = LISTING) {
  return findLinks(Buffer.from(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`), at, kind).map((l) => `${l.kind} ${l.url}`);
}

describe('links on a listing page', () => {
  it('finds report pages by a title naming a report of a year, and skips the site chrome', () => {
    const found = links(`
      <a href="/">首页</a><a href="/xxgk/">政府信息公开</a><a href="/xxgk/gknb/">政府信息公开年报</a>
      <a href="art/2022/1/20/art_1.html">某县人民政府2021年政府信息公开工作年度报告</a>
      <a href="art/2021/1/20/art_2.html" title="某县财政局二〇二〇年政府信息公开年报">某县财政局二〇二〇年…</a>
      <a href="art/notice.html">关于2021年春节放假的通知</a>`);
    expect(found).toEqual(['page http://gov.example/xxgk/gknb/art/2022/1/20/art_1.html', 'page http://gov.example/xxgk/gknb/art/2021/1/20/art_2.html']);
  });

  it('finds attachments by their URL or by the file name in the link text', () => {
    const found = links(`
      <a href="/uploads/P0202201.pdf">下载</a>
      <a href="/module/download/downfile.jsp?id=7">2021年年报.docx</a>
      <a href="/uploads/old.WPS">附件</a>`);
    expect(found).toEqual([
      'attachment http://gov.example/uploads/P0202201.pdf',
      'attachment http://gov.example/module/download/downfile.jsp?id=7',
      'attachment http://gov.example/uploads/old.WPS',
    ]);
  });

  it('follows 下一页, index_N.html beside the listing and ?page=N, but not a page parameter elsewhere', () => {
    const found = links(`
      <a href="index_1.html">2</a><a href="list?page=3">下一页</a>
      <a href="/other/list?page=2">2</a><a href="/other/index_1.html">1</a>`);
    expect(found).toEqual(['listing http://gov.example/xxgk/gknb/index_1.html', 'listing http://gov.example/xxgk/gknb/list?page=3']);
  });

  it('reads the script-drawn pagination of TRS sites', () => {
    const found = links(`<script>createPageHTML(3, 0, "index", "shtml");</script>`);
    expect(found).toEqual(['listing http://gov.example/xxgk/gknb/index_1.shtml', 'listing http://gov.example/xxgk/gknb/index_2.shtml']);
  });

  it('on a report page, follows attachments only', () => {
    const found = links(`<a href="/xxgk/gknb/art_3.html">某县2020年政府信息公开工作年度报告</a><a href="files/report.pdf">附件</a>`, 'page', 'http://gov.example/xxgk/gknb/art_2.html');
    expect(found).toEqual(['attachment http://gov.example/xxgk/gknb/files/report.pdf']);
  });

  it('ignores javascript:, mailto: and fragment links, and respects <base href>', () => {
    const found = links(`<base href="http://cdn.example/site/"><a href="javascript:void(0)">2021年年报.pdf</a><a href="#top">x</a><a href="a.pdf">附件</a>`);
    expect(found).toEqual(['attachment http://cdn.example/site/a.pdf']);
  });
});

describe('links without the usual hints', () => {
  it('a report title without a year is a report page when it leads to a document, not to a folder', () => {
    const found = links(`
      <a href="/xxgk/gknb/">政府信息公开年报</a><a href="/xxgk/gknb/index.html">政府信息公开年度报告</a>
      <li><a href="art/2022/art_9.html">区财政局政府信息公开工作年度报告</a><span>2022-01-20</span></li>`);
    expect(found).toEqual(['page http://gov.example/xxgk/gknb/art/2022/art_9.html']);
  });

  it('on a report page, a download link or a link labelled 附件 is an attachment whatever its URL says', () => {
    const found = links(
      `<p>附件：<a href="/servlet/get?id=5">某县2021年年报</a></p><a href="/module/download/downfile.jsp?classid=0&amp;id=9">下载</a>
       <a href="/xxgk/">政务公开</a><a href="/art/2021/art_8.html">某县2020年政府信息公开工作年度报告</a>`,
      'page',
      'http://gov.example/art/2022/art_9.html',
    );
    expect(found).toEqual(['attachment http://gov.example/servlet/get?id=5', 'attachment http://gov.example/module/download/downfile.jsp?classid=0&id=9']);
  });
});
