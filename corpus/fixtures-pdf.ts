/**
 * PDF fixtures written by the hand-written PDF writer (lib/pdf.ts): made-up agencies' reports
 * built like the .docx / HTML ones (lib/report.ts, same truth and identity code), printed the way
 * PDF producers that do not embed fonts print them. `npm run corpus` writes them to corpus/pdf/
 * with their truth JSON. (The LibreOffice and Chromium prints of the other fixtures are written
 * by print-pdf.ts and print-html-pdf.ts.)
 */
import type { Block, LayoutDoc, Table } from './lib/layout.ts';
import type { PdfOptions } from './lib/pdf.ts';
import type { ReportSpec } from './lib/report.ts';

export interface PdfFixture {
  name: string;
  /** What the fixture is there to prove. */
  covers: string;
  report: ReportSpec;
  pdf: PdfOptions;
  /** Changes to the built document before it is printed (sections, column widths). */
  adjust?: (doc: LayoutDoc) => void;
}

const tableIndex = (doc: LayoutDoc, role: Table['role']) => doc.blocks.findIndex((b) => b.type === 'table' && b.table.role === role);

/**
 * Puts the tables of these roles (and the `before` blocks in front of the first: its heading and
 * intro) into a landscape section of their own.
 */
export function landscapeSection(doc: LayoutDoc, roles: Table['role'][], before: number): void {
  const at = roles.map((r) => tableIndex(doc, r));
  if (at.some((i) => i < 0)) throw new Error(`no table of role ${roles.join('/')}`);
  const first = Math.min(...at) - before;
  const last = Math.max(...at);
  const blocks: Block[] = [
    ...doc.blocks.slice(0, first),
    { type: 'section', orientation: 'portrait' },
    ...doc.blocks.slice(first, last + 1),
    { type: 'section', orientation: 'landscape' },
    ...doc.blocks.slice(last + 1),
  ];
  doc.blocks = blocks;
}

/** Narrows a table's first column to about one character, so its labels stack one per line. */
export function narrowFirstColumn(doc: LayoutDoc, role: Table['role'], share: number): void {
  const block = doc.blocks[tableIndex(doc, role)];
  if (block?.type !== 'table') throw new Error(`no table of role ${role}`);
  const w = block.table.colWidths;
  w[2] = w[2]! + w[0]! - share;
  w[0] = share;
}

export const PDF_FIXTURES: PdfFixture[] = [
  {
    name: 'pingyuan-county-2021-stroke',
    covers:
      'stroked rulings (collinear edges merged into long m/l/S lines, like LibreOffice), Helvetica for ASCII, T3 broken across 2 pages inside its merged labels (三、本年度办理结果 and （三）不予公开 printed on the first page only, empty continuations below the break), T4 header rows at the foot of one page and its data row on the next, page numbers - n -',
    report: {
      seed: 301,
      agency: '平原县人民政府',
      year: 2021,
      titleLines: ['平原县人民政府2021年政府信息公开工作年度报告'],
      self: '我县',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: {},
      signature: ['平原县人民政府', '2022年1月26日'],
    },
    pdf: {
      rulings: 'stroke',
      latin: 'helvetica',
      pageNumbers: true,
      breaks: [
        { role: 'applications', before: '属于三类内部事务信息' },
        { role: 'review_litigation', before: 3 },
      ],
      info: { title: '平原县人民政府2021年政府信息公开工作年度报告', creator: 'Writer', date: '20220126100000' },
    },
  },
  {
    name: 'heshan-district-2019-filled-rects',
    covers:
      'rulings as thin filled rectangles (`re f` per cell edge, like Chromium), ASCII in the CID font, title over two lines (agency / year line), Zhejiang platform table, 2019 template, closing date line',
    report: {
      seed: 302,
      agency: '鹤山区人民政府',
      year: 2019,
      titleLines: ['鹤山区人民政府', '2019年政府信息公开工作年度报告'],
      self: '我区',
      scale: 'county',
      t2: { template: '2019' },
      t3: { rowSet: '2019' },
      t4: {},
      platform: true,
      print: { plusSign: true },
      signature: ['鹤山区人民政府', '2020年1月17日'],
    },
    pdf: { rulings: 'filled-rects', pageNumbers: true, info: { date: '20200117150000' } },
  },
  {
    name: 'lanxi-water-2020-rotate90',
    covers:
      'T4 with its heading in a landscape section stored as a portrait MediaBox with /Rotate 90 (content drawn turned so the page reads upright when displayed), 2019 template in a 2020 report, stroked rulings, no page numbers',
    report: {
      seed: 303,
      agency: '兰溪市水利局',
      year: 2020,
      titleLines: ['兰溪市水利局2020年政府信息公开工作年度报告'],
      self: '我局',
      scale: 'county',
      t2: { template: '2019' },
      t3: { rowSet: '2019' },
      t4: { fontPt: 10.5 },
      signature: ['兰溪市水利局', '2021年1月20日'],
    },
    pdf: { rulings: 'stroke', landscapePages: 'rotate90', info: { title: '兰溪市水利局2020年政府信息公开工作年度报告', date: '20210120090000' } },
    adjust: (doc) => landscapeSection(doc, ['review_litigation'], 2),
  },
  {
    name: 'yunshan-office-2022-sideways',
    covers:
      'T4 alone drawn sideways on a portrait page without /Rotate (text runs bottom to top, page number upright), title long enough to wrap over two lines, filled-rect rulings, 2021 template',
    report: {
      seed: 304,
      agency: '云山区人民政府办公室',
      year: 2022,
      titleLines: ['云山区人民政府办公室关于2022年度政府信息公开工作的年度报告'],
      self: '本机关',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: { fontPt: 10.5 },
      signature: ['云山区人民政府办公室', '2023年1月18日'],
    },
    pdf: { rulings: 'filled-rects', landscapePages: 'sideways', pageNumbers: true, latin: 'helvetica', info: { date: '20230118090000' } },
    adjust: (doc) => landscapeSection(doc, ['review_litigation'], 0),
  },
  {
    name: 'songling-county-2021-repeat-header',
    covers: 'T3 in 12 pt with rows at least 40 pt high, continued over 3 pages with its three header rows repeated at the top of each, stroked rulings, 2021 template',
    report: {
      seed: 305,
      agency: '松岭县人民政府',
      year: 2021,
      titleLines: ['松岭县人民政府2021年政府信息公开工作年度报告'],
      self: '我县',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021', fontPt: 12, minRowHeightPt: 40, repeatHeader: true },
      t4: {},
      signature: ['松岭县人民政府', '2022年1月28日'],
    },
    pdf: { rulings: 'stroke', pageNumbers: true, info: { date: '20220128090000' } },
  },
  {
    name: 'meilin-town-2020-no-rulings',
    covers:
      'no rulings at all: tables laid out by text positions only (labels left, numbers right-aligned in their columns under centred headers), every table on one page, 2019 template, 新收到 / 转结',
    report: {
      seed: 326,
      agency: '梅林镇人民政府',
      year: 2020,
      titleLines: ['梅林镇人民政府2020年政府信息公开工作年度报告'],
      self: '我镇',
      scale: 'town',
      t2: { template: '2019' },
      t3: { rowSet: '2019' },
      t4: {},
      labels: { newReceived: '新收到', carry: '转结' },
      signature: ['梅林镇人民政府', '2021年1月12日'],
    },
    pdf: { rulings: 'none', numbersAlign: 'right', keepTablesTogether: true, pageNumbers: true, info: { date: '20210112090000' } },
  },
  {
    name: 'shuangfeng-county-2021-stacked-kangxi',
    covers:
      'stacked label: T3 first column one character wide (三、本年度办理结果 one character per line), Kangxi radicals ⼀ (U+2F00) and ⼆ (U+2F06) for 一 and 二 in prose and labels (ToUnicode CMap), 2021 template',
    report: {
      seed: 307,
      agency: '双峰县人民政府',
      year: 2021,
      titleLines: ['双峰县人民政府2021年政府信息公开工作年度报告'],
      self: '我县',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: {},
      signature: ['双峰县人民政府', '2022年1月24日'],
    },
    pdf: { rulings: 'stroke', kangxi: true, keepTablesTogether: true, pageNumbers: true, info: { date: '20220124090000' } },
    adjust: (doc) => narrowFirstColumn(doc, 'applications', 3.6),
  },
  {
    name: 'jinping-audit-2019-rotate270',
    covers:
      'T3 and T4 in a landscape section stored as portrait MediaBoxes with /Rotate 270, T3 continued onto a second rotated page, filled-rect rulings, Helvetica for ASCII, date line in Chinese numerals 二〇二〇年一月十五日',
    report: {
      seed: 308,
      agency: '金坪县审计局',
      year: 2019,
      titleLines: ['金坪县审计局2019年政府信息公开工作年度报告'],
      self: '我局',
      scale: 'county',
      t2: { template: '2019' },
      t3: { rowSet: '2019', fontPt: 10.5 },
      t4: { fontPt: 10.5 },
      signature: ['金坪县审计局', '二〇二〇年一月十五日'],
    },
    pdf: { rulings: 'filled-rects', landscapePages: 'rotate270', latin: 'helvetica', pageNumbers: true, info: { date: '20200115090000' } },
    adjust: (doc) => landscapeSection(doc, ['applications', 'review_litigation'], 2),
  },
];
