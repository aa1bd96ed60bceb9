/**
 * Bad inputs: files a batch meets in the wild (and a few hostile ones), each with the record it
 * must give (expected.json). Run from the repo root:
 *
 *   node --import tsx corpus/bad/generate.ts            writes the pure-JS files and expected.json
 *   node --import tsx corpus/bad/generate.ts --tools    also (re)makes the files made with qpdf,
 *                                                       LibreOffice and pdftoppm (committed; see README)
 *   node --import tsx corpus/bad/generate.ts --bombs    also writes the zip bombs here (git-ignored:
 *                                                       the tests build them in a temporary folder)
 *
 * The pure-JS files are byte-for-byte deterministic (seeded PRNG, fflate with a fixed mtime).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, zlibSync } from 'fflate';
import { ZIP_BOMBS } from './bombs.ts';
import { dictOf, pageOrder, randomBytes, readPdfObjects, readZip, refsOf, writePdfObjects, type Expectation } from './lib.ts';

const BAD = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(BAD, '..');
const FIXED_MTIME = new Date(2021, 0, 11, 9, 0, 0);

const expected: Record<string, Expectation> = {};

function write(name: string, bytes: Uint8Array | string, expectation: Expectation): void {
  writeFileSync(join(BAD, name), bytes);
  expected[name] = expectation;
}

function corpusFile(rel: string): Buffer {
  return readFileSync(join(CORPUS, rel));
}

/** A .docx with some parts replaced, zipped by fflate with the corpus's fixed mtime. */
function rezip(docx: Uint8Array, edit: (name: string, data: Uint8Array) => Uint8Array): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of readZip(docx)) files[name] = edit(name, data);
  return zipSync(files, { level: 6, mtime: FIXED_MTIME });
}

// ---------------------------------------------------------------------------------------------
// Not a document at all

write('empty.pdf', new Uint8Array(), { status: 'failed', code: 'EMPTY', format: 'unknown', made: 'generate.ts', note: '0 bytes' });

write('random-bytes.pdf', randomBytes(20240501, 4096), {
  status: 'failed',
  code: 'UNSUPPORTED_FORMAT',
  format: 'unknown',
  made: 'generate.ts',
  note: '4 KiB from a seeded PRNG',
});

// ---------------------------------------------------------------------------------------------
// Truncated PDFs

const libreofficePdf = corpusFile('pdf/qingshan-county-2021.pdf');
write('truncated-05.pdf', libreofficePdf.subarray(0, Math.floor(libreofficePdf.length * 0.05)), {
  status: 'failed',
  code: 'CORRUPT',
  format: 'pdf',
  made: 'generate.ts',
  note: 'pdf/qingshan-county-2021.pdf (LibreOffice) cut to 5% of its bytes: fonts only, no page',
});

write('truncated-60.pdf', libreofficePdf.subarray(0, Math.floor(libreofficePdf.length * 0.6)), {
  status: 'failed',
  code: 'CORRUPT',
  format: 'pdf',
  made: 'generate.ts',
  note:
    'pdf/qingshan-county-2021.pdf (LibreOffice) cut to 60%: LibreOffice writes the page dictionaries, the page tree, the ' +
    'catalog and the trailer at the very end, so nothing of the document structure is left (pdf.js: Invalid PDF structure)',
});

{
  // The same report laid out page by page (catalog and page tree first, then each page with its
  // resources and content), with a first-page trailer near the start as a linearized file has:
  // cut after page 3, T2 and T3 are whole and T4 (page 4) is lost.
  const source = readPdfObjects(corpusFile('pdf/lanxi-water-2020-rotate90.pdf'));
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/u.exec(source.trailer)![1]);
  const pagesRoot = Number(/\/Pages\s+(\d+)\s+0\s+R/u.exec(dictOf(source.objects.get(root)!))![1]);
  const order = [root, pagesRoot];
  const seen = new Set(order);
  const visit = (num: number) => {
    if (seen.has(num)) return;
    seen.add(num);
    order.push(num);
    for (const ref of refsOf(dictOf(source.objects.get(num)!).replace(/\/Parent\s+\d+\s+0\s+R/u, ''))) visit(ref);
  };
  const lastObjectOfPage: number[] = [];
  for (const page of pageOrder(source)) {
    visit(page);
    lastObjectOfPage.push(order.at(-1)!);
  }
  for (const num of [...source.objects.keys()].sort((a, b) => a - b)) visit(num);
  const whole = writePdfObjects(source.header, order, source.objects, source.trailer, pagesRoot);
  const cut = whole.ends.get(lastObjectOfPage[2]!)!;
  write('truncated-after-page-3.pdf', whole.bytes.subarray(0, cut), {
    status: 'partial',
    code: null,
    format: 'pdf',
    partialOf: { truth: 'pdf/lanxi-water-2020-rotate90.truth.json', lost: ['review_litigation.'] },
    made: 'generate.ts',
    note:
      `pdf/lanxi-water-2020-rotate90.pdf rewritten page by page with a first-page trailer (as in a linearized file), cut after ` +
      `page 3 (${cut} of ${whole.bytes.length} bytes, ${Math.round((100 * cut) / whole.bytes.length)}%): pages 1-3 (T2, T3) read, pages 4-5 (T4) lost`,
  });
}

// ---------------------------------------------------------------------------------------------
// Broken PDF structure

{
  const lanxi = readPdfObjects(corpusFile('pdf/lanxi-water-2020-rotate90.pdf'));
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/u.exec(lanxi.trailer)![1]);
  const pagesRoot = Number(/\/Pages\s+(\d+)\s+0\s+R/u.exec(dictOf(lanxi.objects.get(root)!))![1]);
  const order = [...lanxi.objects.keys()].sort((a, b) => a - b);
  const withPages = (dict: string, extra: [number, string][] = []) => {
    const objects = new Map(lanxi.objects);
    objects.set(pagesRoot, Buffer.from(dict, 'latin1'));
    for (const [num, body] of extra) objects.set(num, Buffer.from(body, 'latin1'));
    return writePdfObjects(lanxi.header, [...order, ...extra.map(([n]) => n)], objects, lanxi.trailer.replace(/\/Size\s+\d+/u, `/Size ${Math.max(...objects.keys()) + 1}`)).bytes;
  };
  const pagesDict = dictOf(lanxi.objects.get(pagesRoot)!);
  const kids = /\/Kids\s*\[([^\]]*)\]/u.exec(pagesDict)![1]!.trim();

  write('page-tree-self-kid.pdf', withPages(`<< /Type /Pages /Kids [${pagesRoot} 0 R ${kids}] /Count 6 >>`), {
    status: ['failed', 'partial', 'ok'],
    code: ['CORRUPT', null],
    format: 'pdf',
    made: 'generate.ts',
    note: 'pdf/lanxi-water-2020-rotate90.pdf with the page tree root listing itself as its first kid (/Count 6); must not hang',
  });

  const loop = Math.max(...lanxi.objects.keys()) + 1;
  write(
    'page-tree-cycle.pdf',
    withPages(`<< /Type /Pages /Kids [${kids} ${loop} 0 R] /Count 6 >>`, [[loop, `<< /Type /Pages /Parent ${pagesRoot} 0 R /Kids [${pagesRoot} 0 R] /Count 1 >>`]]),
    {
      status: ['failed', 'partial', 'ok'],
      code: ['CORRUPT', null],
      format: 'pdf',
      made: 'generate.ts',
      note: 'pdf/lanxi-water-2020-rotate90.pdf with a last kid that is a /Pages node whose only kid is the root again; must not hang',
    },
  );

  write('page-count-lie.pdf', withPages(`<< /Type /Pages /Kids [${kids}] /Count 2000000000 >>`), {
    status: ['ok', 'partial', 'failed'],
    code: [null, 'CORRUPT'],
    format: 'pdf',
    made: 'generate.ts',
    note: 'pdf/lanxi-water-2020-rotate90.pdf whose page tree claims 2 000 000 000 pages (it has 5): must not loop over the claimed count',
  });
}

// ---------------------------------------------------------------------------------------------
// Found by tests/fuzz.test.ts (NIANBAO_FUZZ_ROUNDS=10): damaged PDFs after which pdf.js rejects a
// promise nobody awaits, once the file's own record is made. In a worker thread an unhandled
// rejection kills the worker, and the record lost is the NEXT file's (INTERNAL, "the extraction
// worker crashed"). tests/bad-inputs.test.ts runs each before a good file with --jobs 1.

const LATE_REJECTION: Expectation = {
  status: ['failed', 'partial', 'ok', 'not_a_report'],
  code: ['CORRUPT', 'NO_TEXT_LAYER', null],
  format: 'pdf',
  made: 'generate.ts',
  note: '',
};
{
  const songling = corpusFile('pdf/songling-county-2021-repeat-header.pdf');
  const flipped = Buffer.from(songling);
  for (const [at, mask] of [[8048, 0x40], [8096, 0x10], [8108, 0x08], [8289, 0x10], [8774, 0x40], [8832, 0x08], [9066, 0x80]] as const) flipped[at] = flipped[at]! ^ mask;
  write('pdfjs-late-rejection-1.pdf', flipped, {
    ...LATE_REJECTION,
    note: 'pdf/songling-county-2021-repeat-header.pdf with 7 bits flipped in its font dictionaries and xref (fuzz mutant 135): pdf.js then rejects "ParserEOFException: End of file inside dictionary" after the record',
  });
  const zeroed = (rel: string, from: number, to: number) => {
    const b = Buffer.from(corpusFile(rel));
    b.fill(0, from, to);
    return b;
  };
  write('pdfjs-late-rejection-2.pdf', zeroed('pdf/heshan-district-2019-filled-rects.pdf', 8607, 11029), {
    ...LATE_REJECTION,
    note: 'pdf/heshan-district-2019-filled-rects.pdf with bytes 8607-11028 (page dictionaries, start of the xref) zeroed (fuzz mutant 492): late "FormatError: Illegal character: 41"',
  });
  write('pdfjs-late-rejection-3.pdf', zeroed('pdf/songling-county-2021-repeat-header.pdf', 7368, 8965), {
    ...LATE_REJECTION,
    note: 'pdf/songling-county-2021-repeat-header.pdf with bytes 7368-8964 (fonts, page dictionaries) zeroed (fuzz mutant 497): late "XRefEntryException: Bad (uncompressed) XRef entry"',
  });
}

// ---------------------------------------------------------------------------------------------
// Broken and hostile zips

{
  const docx = corpusFile('docx/qingshan-county-2021.docx');
  const eocd = docx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdStart = docx.readUInt32LE(eocd + 16);
  const damaged = Buffer.from(docx);
  randomBytes(77, eocd + 22 - cdStart).copy(damaged, cdStart);
  // Its bytes still name word/document.xml: what the bytes are is a (damaged) .docx.
  write('zip-central-directory-damaged.docx', damaged, {
    status: 'failed',
    code: 'CORRUPT',
    format: 'docx',
    made: 'generate.ts',
    note: 'docx/qingshan-county-2021.docx with its central directory and end record overwritten by PRNG bytes (the local headers, which still name word/document.xml, are intact)',
  });

  write('zip-pk-garbage.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(78, 6000)]), {
    status: 'failed',
    code: 'CORRUPT',
    format: 'unknown',
    made: 'generate.ts',
    note: 'the 4-byte zip local-header signature followed by 6000 PRNG bytes',
  });

  const laughs =
    '<!DOCTYPE w:document [\n  <!ENTITY lol "lol">\n' +
    Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">\n`).join('') +
    ']>\n';
  write(
    'entity-bomb.docx',
    rezip(docx, (name, data) => {
      if (name !== 'word/document.xml') return data;
      const xml = Buffer.from(data).toString('utf8');
      const declEnd = xml.indexOf('?>') + 2;
      const withDtd = xml.slice(0, declEnd) + '\n' + laughs + xml.slice(declEnd);
      // The 10^9 "lol"s are asked for in the first run of text.
      return strToU8(withDtd.replace(/<w:t(\s[^>]*)?>/u, (m) => `${m}&lol9;`));
    }),
    {
      status: 'failed',
      code: 'CORRUPT',
      format: 'docx',
      made: 'generate.ts',
      note: 'docx/qingshan-county-2021.docx with a billion-laughs DTD in word/document.xml and &lol9; in the first w:t (OOXML allows no DTD)',
    },
  );
}

// The zip bombs (~2 MB each) are built at test time by tests/bad-inputs.test.ts with bombs.ts;
// written here only with --bombs (git-ignored).
for (const [name, bomb] of Object.entries(ZIP_BOMBS)) expected[name] = bomb.expectation;

// ---------------------------------------------------------------------------------------------
// HTML where a report was expected

const SITE_HEAD = (title: string) => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${title}</title>
<link rel="stylesheet" href="/images/css/common.css">
<script src="/images/js/jquery.min.js"></script>
</head>
<body>
<div class="top"><div class="w1200"><span>今天是：<script>document.write(new Date().toLocaleDateString())</script></span><a href="/">无障碍浏览</a> | <a href="/">长者模式</a></div></div>
<div class="header"><div class="w1200"><a href="/" class="logo"><img src="/images/logo.png" alt="青山县人民政府"></a></div></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/col/col101/">政务动态</a></li><li><a href="/col/col102/">政府信息公开</a></li>
<li><a href="/col/col103/">政府信息公开年报</a></li><li><a href="/col/col104/">政务服务</a></li><li><a href="/col/col105/">互动交流</a></li>
</ul></div>
`;
const SITE_FOOT = `<div class="footer"><div class="w1200">
<p>主办：青山县人民政府办公室　承办：青山县大数据发展中心</p>
<p>网站标识码：3300000001　<a href="https://beian.miit.gov.cn/">浙ICP备05000001号-1</a>　浙公网安备 33000002000001号</p>
<p>联系电话：0571-80000000　地址：青山县人民路1号</p>
</div></div>
</body>
</html>
`;

write(
  'html-404.pdf',
  SITE_HEAD('404 页面不存在 - 青山县人民政府') +
    `<div class="error-page w1200">
<img src="/images/404.png" alt="404">
<h2>抱歉，您访问的页面不存在或已被删除！</h2>
<p>您要查看的《青山县人民政府2021年政府信息公开工作年度报告》附件可能已被移动、删除或网址输入有误。</p>
<p>可能原因：</p>
<ul><li>网址输入错误；</li><li>该页面已被删除或移动；</li><li>网络连接超时。</li></ul>
<p><span id="sec">5</span> 秒后自动返回 <a href="/">网站首页</a>，或 <a href="javascript:history.back()">返回上一页</a></p>
</div>
<script>var s=5;setInterval(function(){s--;document.getElementById('sec').innerHTML=s;if(s<=0)location.href='/';},1000);</script>
` +
    SITE_FOOT,
  {
    status: 'not_a_report',
    code: null,
    format: 'html',
    made: 'generate.ts',
    note: "a government site's 404 page (UTF-8 HTML, naming the report it could not find) saved under a .pdf name",
  },
);

{
  const agencies = ['青山县人民政府', '青山县人民政府办公室', '青山县发展和改革局', '青山县教育局', '青山县公安局', '青山县财政局', '青山县自然资源和规划局', '青山县交通运输局', '青山县卫生健康局', '青山县市场监督管理局'];
  const items: string[] = [];
  let id = 7301;
  for (const year of [2022, 2021, 2020]) {
    for (const agency of agencies.slice(0, year === 2020 ? 5 : agencies.length)) {
      const title = `${agency}${year}年政府信息公开工作年度报告`;
      const date = `${year + 1}-01-${String(10 + (id % 18)).padStart(2, '0')}`;
      items.push(`<li><a href="/art/${year + 1}/1/${10 + (id % 18)}/art_1229_${id}.html" title="${title}" target="_blank">${title}</a><span class="date">${date}</span></li>`);
      id++;
    }
  }
  const table = `<table class="xxgk-list" width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><th width="10%">序号</th><th width="60%">标题</th><th width="15%">发布机构</th><th width="15%">发布日期</th></tr>
${agencies
  .slice(0, 6)
  .map((a, i) => `<tr><td>${i + 1}</td><td><a href="/art/2022/1/20/art_1229_${7301 + i}.html">${a}2021年政府信息公开工作年度报告</a></td><td>${a}</td><td>2022-01-${String(20 + i).padStart(2, '0')}</td></tr>`)
  .join('\n')}
</table>`;
  write(
    'listing-page.html',
    SITE_HEAD('政府信息公开年报 - 青山县人民政府') +
      `<div class="crumb w1200">当前位置：<a href="/">首页</a> &gt; <a href="/col/col102/">政府信息公开</a> &gt; <span>政府信息公开年报</span></div>
<div class="main w1200">
<div class="left-menu"><h3>政府信息公开</h3><ul><li><a href="/col/col106/">政府信息公开指南</a></li><li><a href="/col/col107/">政府信息公开制度</a></li><li class="on"><a href="/col/col103/">政府信息公开年报</a></li></ul></div>
<div class="right-list">
<h2 class="col-title">政府信息公开年报</h2>
<ul class="list">
${items.join('\n')}
</ul>
<h3>最新发布</h3>
${table}
<div class="page">共 3 页 25 条　<a href="#">首页</a> <a href="#">上一页</a> <span class="cur">1</span> <a href="?page=2">2</a> <a href="?page=3">3</a> <a href="?page=2">下一页</a> <a href="?page=3">尾页</a></div>
</div>
</div>
` +
      SITE_FOOT,
    {
      status: 'not_a_report',
      code: null,
      format: 'html',
      made: 'generate.ts',
      note: "a column page listing 25 reports (links, dates) and a 序号/标题/发布机构/发布日期 table of the newest: a site's list, not a report",
    },
  );
}

{
  // A real report with its body wrapped in 50 000 <div>s, and in 50 000 alternating
  // <div>/<section>/<span> (which a collapse of identical tags does not undo).
  const page = corpusFile('html/donghai-office-2019-plain-drift.html').toString('utf8');
  const open = page.indexOf('>', page.search(/<body[\s>]/iu)) + 1;
  const close = page.search(/<\/body>/iu);
  const wrap = (openTags: string, closeTags: string) => page.slice(0, open) + openTags + page.slice(open, close) + closeTags + page.slice(close);
  const depth = 50_000;
  write('deep-nesting-divs.html', wrap('<div>'.repeat(depth), '</div>'.repeat(depth)), {
    status: ['ok', 'not_a_report'],
    code: null,
    format: 'html',
    made: 'generate.ts',
    note: 'html/donghai-office-2019-plain-drift.html with its body inside 50 000 nested <div>s: never INTERNAL, never a crash',
  });
  const tags = ['div', 'section', 'span'];
  const opens = Array.from({ length: depth }, (_, i) => `<${tags[i % 3]}>`).join('');
  const closes = Array.from({ length: depth }, (_, i) => `</${tags[(depth - 1 - i) % 3]}>`).join('');
  write('deep-nesting-mixed.html', wrap(opens, closes), {
    status: ['ok', 'not_a_report'],
    code: null,
    format: 'html',
    made: 'generate.ts',
    note: 'the same report inside 50 000 nested elements alternating <div>, <section>, <span>: never INTERNAL, never a crash, bounded time',
  });
}

// ---------------------------------------------------------------------------------------------
// Files made once with outside tools (committed; --tools remakes them)

const TOOLS = process.argv.includes('--tools');

function tool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function made(name: string, bin: string, make: (out: string) => void): void {
  const out = join(BAD, name);
  if (existsSync(out) && !TOOLS) return;
  if (!tool(bin)) {
    console.warn(`${name}: ${bin} not found, ${existsSync(out) ? 'kept the committed file' : 'NOT WRITTEN'}`);
    return;
  }
  make(out);
  console.log(`${name}: made with ${bin}`);
}

const ENCRYPT_SOURCE = 'pdf/pingyuan-county-2021-stroke.pdf';
made('encrypted.pdf', 'qpdf', (out) => execFileSync('qpdf', ['--static-id', '--static-aes-iv', '--encrypt', 'secret', 'secret', '256', '--', join(CORPUS, ENCRYPT_SOURCE), out]));
expected['encrypted.pdf'] = {
  status: 'failed',
  code: 'ENCRYPTED',
  format: 'pdf',
  made: 'qpdf',
  note: `${ENCRYPT_SOURCE} encrypted with AES-256, user and owner password "secret"; with --password secret it gives the original's truth`,
};
made('owner-password-only.pdf', 'qpdf', (out) =>
  execFileSync('qpdf', ['--static-id', '--static-aes-iv', '--encrypt', '', 'owner-only', '256', '--print=none', '--modify=none', '--extract=n', '--', join(CORPUS, ENCRYPT_SOURCE), out]),
);
expected['owner-password-only.pdf'] = {
  status: 'ok',
  code: null,
  format: 'pdf',
  truth: ENCRYPT_SOURCE.replace(/\.pdf$/u, '.truth.json'),
  made: 'qpdf',
  note: `${ENCRYPT_SOURCE} encrypted with an empty user password (opens without one) and copying/printing forbidden, as many published PDFs are: read as usual`,
};

const LEGACY_SOURCE = 'docx/qingshan-county-2021.docx';
made('legacy-word.docx', 'soffice', (out) => {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bad-'));
  try {
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'doc', '--outdir', work, join(CORPUS, LEGACY_SOURCE)], { stdio: 'ignore', timeout: 120_000 });
    writeFileSync(out, readFileSync(join(work, 'qingshan-county-2021.doc')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
expected['legacy-word.docx'] = {
  status: 'ok',
  code: null,
  format: 'doc',
  truth: LEGACY_SOURCE.replace(/\.docx$/u, '.truth.json'),
  made: 'soffice',
  note: `${LEGACY_SOURCE} saved by LibreOffice as Word 97-2003 (.doc, OLE2) and named .docx`,
  withoutSoffice: { status: 'failed', code: 'UNSUPPORTED_FORMAT', format: 'doc', message: 'LibreOffice' },
};

const SCAN_SOURCE = 'pdf/lanxi-water-2020-rotate90.pdf';
made('scanned.pdf', 'pdftoppm', (out) => {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bad-'));
  try {
    execFileSync('pdftoppm', ['-f', '1', '-l', '3', '-r', '100', '-mono', join(CORPUS, SCAN_SOURCE), join(work, 'page')]);
    const pages = [1, 2, 3].map((p) => readFileSync(join(work, `page-${p}.pbm`)));
    writeFileSync(out, imagePdf(pages));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
expected['scanned.pdf'] = {
  status: 'failed',
  code: 'NO_TEXT_LAYER',
  format: 'pdf',
  message: '1\\s*[–-]\\s*3|1\\D+2\\D+3',
  made: 'pdftoppm',
  note: `pages 1-3 of ${SCAN_SOURCE} rendered at 100 dpi, 1 bit (pdftoppm -mono), each page only an /Image XObject: the message must name pages 1-3`,
};

/** A PDF of 1-bit images, one per A4 page, from binary PBM (P4) files. */
function imagePdf(pbms: Buffer[]): Buffer {
  const objects = new Map<number, Buffer>();
  const kids: string[] = [];
  let next = 3;
  for (const pbm of pbms) {
    const m = /^P4\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s/u.exec(pbm.toString('latin1', 0, 64))!;
    const [width, height] = [Number(m[1]), Number(m[2])];
    const data = zlibSync(pbm.subarray(m[0].length), { level: 9 });
    const [image, content, page] = [next, next + 1, next + 2];
    next += 3;
    // PBM: 1 is black; DeviceGray 1-bit: 1 is white, hence /Decode [1 0].
    objects.set(image, Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'), Buffer.from(data), Buffer.from('\nendstream', 'latin1')]));
    const ops = Buffer.from('q 595.28 0 0 841.89 0 0 cm /Im0 Do Q\n', 'latin1');
    objects.set(content, Buffer.concat([Buffer.from(`<< /Length ${ops.length} >>\nstream\n`, 'latin1'), ops, Buffer.from('\nendstream', 'latin1')]));
    objects.set(page, Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`, 'latin1'));
    kids.push(`${page} 0 R`);
  }
  objects.set(1, Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'));
  objects.set(2, Buffer.from(`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`, 'latin1'));
  const order = [...objects.keys()].sort((a, b) => a - b);
  return writePdfObjects('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', order, objects, `<< /Size ${next} /Root 1 0 R >>`).bytes;
}

// ---------------------------------------------------------------------------------------------

if (process.argv.includes('--bombs')) {
  for (const [name, bomb] of Object.entries(ZIP_BOMBS)) {
    writeFileSync(join(BAD, name), bomb.build());
    console.log(`${name}: written (git-ignored)`);
  }
}

const sorted = Object.fromEntries(Object.entries(expected).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(join(BAD, 'expected.json'), JSON.stringify(sorted, null, 2) + '\n');
console.log(`corpus/bad: ${Object.keys(sorted).length} inputs in expected.json`);
