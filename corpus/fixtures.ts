/**
 * The fixture list. Each entry is a made-up agency's report (or a non-report) with the variations
 * it exercises written next to it. `npm run corpus` writes them with their truth JSON.
 */
import type { CmsPage } from './lib/html.ts';
import { buildNotice } from './lib/notice.ts';
import type { BuiltReport, ReportSpec } from './lib/report.ts';
import type { Numbers } from './lib/values.ts';

export type HtmlSpec =
  | { style: 'word' | 'plain' }
  | { style: 'cms'; charset: 'utf-8' | 'gbk'; page: Omit<CmsPage, 'articleTitle' | 'pageTitle'> };

export interface Fixture {
  name: string;
  format: 'docx' | 'html';
  /** What the fixture is there to prove. */
  covers: string;
  report?: ReportSpec;
  /** Documents that are not built from a ReportSpec (the non-report). */
  custom?: () => BuiltReport;
  html?: HtmlSpec;
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const fullWidth = (s: string) => s.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!);

const RESULT_ROWS_2019 = [
  'granted',
  'partially_granted',
  ...['state_secret', 'prohibited_by_law', 'three_security_one_stability', 'third_party_rights', 'internal_affairs', 'process_info', 'enforcement_case_file', 'administrative_query'].map((r) => `denied.${r}`),
  ...['not_held', 'needs_creation', 'still_unclear'].map((r) => `unable.${r}`),
  ...['petition_complaint', 'repeated', 'publication', 'excessive_repeated', 'confirm_or_reissue'].map((r) => `not_processed.${r}`),
];
const RESULT_ROWS_2021 = [...RESULT_ROWS_2019, 'other_handling.overdue_no_correction', 'other_handling.overdue_fee_unpaid', 'other_handling.other'];

const bump = (n: Numbers, id: string, by: number) => (n[id] = (n[id] ?? 0) + by);
const zero = (n: Numbers, ...ids: string[]) => ids.forEach((id) => (n[id] = 0));

export const FIXTURES: Fixture[] = [
  // ------------------------------------------------------------------ docx
  {
    name: 'qingshan-county-2021',
    format: 'docx',
    covers: '2021 template, Word merges (vMerge + gridSpan), title 「XX县人民政府2021年…」, decimal fees, date line 2022年…',
    report: {
      seed: 101,
      agency: '青山县人民政府',
      year: 2021,
      titleLines: ['青山县人民政府2021年政府信息公开工作年度报告'],
      self: '我县',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: {},
      overrides: { 'active.art20_8.admin_fees.amount_10k_yuan': '12.5' },
    },
  },
  {
    name: 'linjiang-transport-2019',
    format: 'docx',
    covers: '2019 template, title 「2019年XX市XX局…」, signed deltas (+12, -8), 采购总金额 with unit 元, Art. 50 style section headings',
    report: {
      seed: 102,
      agency: '临江市交通运输局',
      year: 2019,
      titleLines: ['2019年临江市交通运输局政府信息公开工作年度报告'],
      self: '我局',
      scale: 'county',
      t2: { template: '2019' },
      t3: { rowSet: '2019' },
      t4: {},
      print: { plusSign: true, procurementUnit: '元' },
      overrides: { 'active.art20_5.admin_license.change_this_year': '+12', 'active.art20_6.admin_penalty.change_this_year': '-8' },
      headings: 'art50',
      signature: ['临江市交通运输局', '2020年1月15日'],
    },
  },
  {
    name: 'baishui-town-2020',
    format: 'docx',
    covers:
      'Lubu-like: rowspans written as empty cells (colspans kept), title over two paragraphs, 新收到 / 转结, Zhejiang platform table (统　计　指　标, .2.), 结果\\n维持 and 结果维 持 headers, sections renumbered, date line 2021年1月11日',
    report: {
      seed: 103,
      agency: '白水镇人民政府',
      year: 2020,
      titleLines: ['白水镇人民政府', '2020年政府信息公开工作年度报告'],
      self: '我镇',
      scale: 'town',
      t2: { template: '2019', shortRowLayout: 'label-span' },
      t3: { rowSet: '2019' },
      t4: {},
      platform: true,
      labels: { newReceived: '新收到', carry: '转结', splitHeaders: true, strayHeaderSpaces: true, letterSpacedHeader: true, strayPeriod: true },
      mergeStyle: 'empty-vmerge',
      signature: ['白水镇人民政府', '2021年1月11日'],
    },
  },
  {
    name: 'shimen-forestry-2020',
    format: 'docx',
    covers: 'phantom grid (LibreOffice round trip: cells span 2–3 narrow grid columns), Chinese-numeral year 二〇二〇年, half-width (一) and 第二十条第(一)项, numbering 1、, straight quotes',
    report: {
      seed: 104,
      agency: '石门县林业局',
      year: 2020,
      titleLines: ['石门县林业局二〇二〇年政府信息公开工作年度报告'],
      self: '我局',
      scale: 'county',
      t2: { template: '2019' },
      t3: { rowSet: '2019' },
      t4: {},
      labels: { halfWidthBrackets: true, halfWidthCaptions: true, numbering: '1、', quotes: 'straight' },
      mergeStyle: 'phantom-grid',
      signature: ['石门县林业局', '2021年1月28日'],
    },
  },
  {
    name: 'yunxi-office-2022',
    format: 'docx',
    covers: 'gridBefore/gridAfter instead of vMerge continuations, title 「XX关于2022年度…的年度报告」, numbering 1．, 合计 for 总计, 其他组织 for 其他',
    report: {
      seed: 105,
      agency: '云溪区人民政府办公室',
      year: 2022,
      titleLines: ['云溪区人民政府办公室关于2022年度政府信息公开工作的年度报告'],
      self: '本机关',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: {},
      labels: { numbering: '1．', totalCol: '合计', otherCol: '其他组织' },
      mergeStyle: 'grid-before',
    },
  },
  {
    name: 'nanping-market-2021-hybrid',
    format: 'docx',
    covers: 'hybrid: 2021 T2 with a 2019-style single （六）其他处理 row; T2 split into four tables; thousands separators; stale dc:title 「附件2」; title 「2021年度XX局…」',
    report: {
      seed: 106,
      agency: '南屏市市场监督管理局',
      year: 2021,
      titleLines: ['2021年度南屏市市场监督管理局政府信息公开工作年度报告'],
      self: '我局',
      scale: 'city',
      t2: { template: '2021', split: true },
      t3: { rowSet: '2019' },
      t4: {},
      print: { thousands: true },
      containerTitle: '附件2',
    },
  },
  {
    name: 'hexi-district-2021-nested',
    format: 'docx',
    covers: 'report body nested in a one-cell layout table; 2021 T2 labelled 规范性文件; T3 zeros printed blank; not-applicable markers — / 无 (truth null)',
    report: {
      seed: 107,
      agency: '河西区人民政府',
      year: 2021,
      titleLines: ['河西区人民政府2021年政府信息公开工作年度报告'],
      self: '我区',
      scale: 'county',
      t2: { template: '2021', normativeLabel: '规范性文件' },
      t3: { rowSet: '2021' },
      t4: {},
      nested: true,
      print: { zeroAs: '', zeroWhere: (id) => id.startsWith('applications.') && !id.endsWith('.total') },
      tweak: (n) =>
        zero(
          n,
          'active.art20_1.regulations.issued',
          'active.art20_1.regulations.repealed',
          'active.art20_1.regulations.in_force',
          'active.art20_6.admin_coercion.decisions',
          ...['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `review_litigation.litigation_after_review.${c}`),
        ),
      overrides: {
        'active.art20_1.regulations.issued': '—',
        'active.art20_1.regulations.repealed': '—',
        'active.art20_1.regulations.in_force': '—',
        'active.art20_6.admin_coercion.decisions': '/',
        ...Object.fromEntries(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => [`review_litigation.litigation_after_review.${c}`, '无'])),
      },
    },
  },
  {
    name: 'jiangcheng-ecology-2020-wuhan',
    format: 'docx',
    covers: 'Wuhan-style notes after T2 labels and headers (incl. 如-8), extra non-template row 其他主动公开文件, - for 行政强制, empty 行政事业性收费 row, signed deltas',
    report: {
      seed: 108,
      agency: '江城市生态环境局',
      year: 2020,
      titleLines: ['江城市生态环境局2020年政府信息公开工作年度报告'],
      self: '我局',
      scale: 'city',
      t2: { template: '2019', extraRow: { label: '其他主动公开文件（指规章、规范性文件以外的其他文件）', values: ['56', '56', '312'] } },
      t3: { rowSet: '2019' },
      t4: {},
      labels: { wuhanNotes: true },
      print: { plusSign: true },
      overrides: {
        'active.art20_6.admin_coercion.prev_year_items': '-',
        'active.art20_6.admin_coercion.change_this_year': '-',
        'active.art20_6.admin_coercion.decisions': '-',
        'active.art20_8.admin_fees.prev_year_items': '',
        'active.art20_8.admin_fees.change_this_year': '',
      },
    },
  },
  {
    name: 'dongpo-county-2019-identity',
    format: 'docx',
    covers: 'identities broken on purpose: H1 (natural_person, total), H2 (commercial_enterprise, total), H3 (partially_granted), H4',
    report: {
      seed: 109,
      agency: '东坡县人民政府',
      year: 2019,
      titleLines: ['东坡县人民政府2019年政府信息公开工作年度报告'],
      self: '我县',
      scale: 'county',
      t2: { template: '2019' },
      t3: { rowSet: '2019' },
      t4: {},
      tweak: (n) => {
        bump(n, 'applications.new_received.natural_person', 2); // H1 natural_person
        bump(n, 'applications.new_received.total', 2); //          and H1 total; H3 still holds
        bump(n, 'applications.granted.commercial_enterprise', 1); // H2 commercial_enterprise, H3 granted
        bump(n, 'applications.partially_granted.total', 1); //     H3 partially_granted, H2 total
        bump(n, 'review_litigation.review.total', 1); //             H4
      },
    },
  },
  {
    name: 'xiangjiang-city-2021-missing-row',
    format: 'docx',
    covers: 'a T3 row left out (8.属于行政查询事项: its 7 ids null), city-size numbers with 1,234, full-width digits, fees 0.00, H5 broken',
    report: {
      seed: 110,
      agency: '湘江市人民政府',
      year: 2021,
      titleLines: ['湘江市人民政府2021年政府信息公开工作年度报告'],
      self: '我市',
      scale: 'city',
      t2: { template: '2021' },
      t3: { rowSet: '2021', omitRows: ['denied.administrative_query'] },
      t4: {},
      print: { thousands: true, feesFixed2: true },
      tweak: (n) => {
        n['active.art20_8.admin_fees.amount_10k_yuan'] = 0;
        bump(n, 'review_litigation.litigation_direct.total', 1);
      },
      postPrint: (v) => {
        for (const id of ['applications.new_received.natural_person', 'applications.granted.natural_person', 'active.art20_6.admin_penalty.decisions']) {
          v[id] = fullWidth(v[id]!);
        }
      },
    },
  },
  {
    name: 'longmen-town-2021-landscape',
    format: 'docx',
    covers: 'T4 in a landscape section, （六） sub-labels with ， instead of 、, 部分公开 without its note, blank T3 corner, zero review counts with narrative',
    report: {
      seed: 111,
      agency: '龙门镇人民政府',
      year: 2021,
      titleLines: ['龙门镇人民政府2021年度政府信息公开工作年度报告'],
      self: '我镇',
      scale: 'town',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: { landscape: true, fontPt: 10.5 },
      labels: { sixthSeparator: '，', partialNote: false, cornerNote: false },
      print: { feesFixed2: true },
      tweak: (n) => zero(n, ...['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `review_litigation.${b}.${c}`))),
    },
  },
  {
    name: 'qinghe-audit-2020-drift',
    format: 'docx',
    covers: 'Shanghai colspan drift in T2 (5-column grid, header [1][1][2][1] vs data [1][2][1][1]), header words over two paragraphs (本年新\\n制作数量, 商业\\n企业), 第（九）项 block missing (ids null), lost heading numeral, stale dc:title naming 2019',
    report: {
      seed: 112,
      agency: '清河区审计局',
      year: 2020,
      titleLines: ['清河区审计局2020年政府信息公开工作年度报告'],
      self: '我局',
      scale: 'county',
      t2: { template: '2019', drift: true, omitProcurement: true },
      t3: { rowSet: '2019' },
      t4: {},
      labels: { splitHeaders: true },
      headings: 'lost-numeral',
      containerTitle: '2019年政府信息公开工作年度报告模板',
    },
  },
  {
    name: 'fengxi-health-2022-empty-cells',
    format: 'docx',
    covers: 'no merges at all (every covered slot an empty cell, no gridSpan/vMerge), 2021 T2 with the label spanning 3 columns, small town numbers, fees 0.00',
    report: {
      seed: 113,
      agency: '凤溪县卫生健康局',
      year: 2022,
      titleLines: ['凤溪县卫生健康局2022年政府信息公开工作年度报告'],
      self: '我局',
      scale: 'town',
      t2: { template: '2021', singleValueLayout: 'label-span3' },
      t3: { rowSet: '2021' },
      t4: {},
      mergeStyle: 'empty-cells',
      print: { feesFixed2: true },
      tweak: (n) => (n['active.art20_8.admin_fees.amount_10k_yuan'] = 0),
    },
  },
  {
    name: 'jiahe-transport-2021-platform',
    format: 'docx',
    covers: 'Zhejiang platform table in a 2021 report, phantom grid, curly quotes, numbering （1）',
    report: {
      seed: 114,
      agency: '嘉禾县交通运输局',
      year: 2021,
      titleLines: ['嘉禾县交通运输局2021年政府信息公开工作年度报告'],
      self: '我局',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: {},
      platform: true,
      labels: { numbering: '（1）' },
      mergeStyle: 'phantom-grid',
    },
  },
  {
    name: 'taoxi-county-2020-repeat-header',
    format: 'docx',
    covers: 'tall T3 rows (12 pt text, rows at least 42 pt high) so that LibreOffice breaks it over 3 pages, header rows marked w:tblHeader (repeated on every page), 2019 template',
    report: {
      seed: 115,
      agency: '桃溪县人民政府',
      year: 2020,
      titleLines: ['桃溪县人民政府2020年政府信息公开工作年度报告'],
      self: '我县',
      scale: 'county',
      t2: { template: '2019' },
      t3: { rowSet: '2019', fontPt: 12, minRowHeightPt: 42, repeatHeader: true },
      t4: {},
      signature: ['桃溪县人民政府', '2021年1月25日'],
    },
  },
  {
    name: 'qingshan-notice-not-a-report',
    format: 'docx',
    covers: 'not a report: a notice about compiling the 2021 reports, with a small schedule table',
    custom: buildNotice,
  },

  // ------------------------------------------------------------------ html
  {
    name: 'taiping-district-2021-word',
    format: 'html',
    covers: 'Word "Save as Web Page" markup (MsoNormal, lang=EN-US spans, <o:p>, uppercase TD COLSPAN/ROWSPAN, supportMisalignedColumns row), 2021 template',
    html: { style: 'word' },
    report: {
      seed: 201,
      agency: '太平区人民政府',
      year: 2021,
      titleLines: ['太平区人民政府2021年政府信息公开工作年度报告'],
      self: '我区',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: {},
    },
  },
  {
    name: 'jinshui-water-2019-word-gridbefore',
    format: 'html',
    covers: 'Word HTML with mso-cell-special placeholder cells (gridBefore/gridAfter), 2019 template, unit 元, signed deltas',
    html: { style: 'word' },
    report: {
      seed: 202,
      agency: '金水市水利局',
      year: 2019,
      titleLines: ['2019年金水市水利局政府信息公开工作年度报告'],
      self: '我局',
      scale: 'county',
      t2: { template: '2019', shortRowLayout: 'grid-after' },
      t3: { rowSet: '2019' },
      t4: {},
      print: { plusSign: true, procurementUnit: '元' },
      mergeStyle: 'grid-before',
    },
  },
  {
    name: 'cuiping-education-2021-cms',
    format: 'html',
    covers: 'TRS/CMS page: nav, breadcrumb, metadata table, <h1> title, 相关文章 sidebar with other years, <title> with site suffix naming the district government; agency is the bureau',
    html: {
      style: 'cms',
      charset: 'utf-8',
      page: {
        siteName: '翠屏区人民政府',
        publisher: '翠屏区教育局',
        publishDate: '2022-01-24',
        indexNo: '11511502MB1234567X/2022-00031',
        related: [
          { title: '翠屏区教育局2020年政府信息公开工作年度报告', date: '2021-01-22' },
          { title: '翠屏区教育局2019年政府信息公开工作年度报告', date: '2020-01-20' },
          { title: '翠屏区人民政府2021年政府信息公开工作年度报告', date: '2022-03-25' },
        ],
        titleTag: 'h1',
        bodyMarkup: 'cms',
        icp: '蜀ICP备05001234号-1',
      },
    },
    report: {
      seed: 203,
      agency: '翠屏区教育局',
      year: 2021,
      titleLines: ['翠屏区教育局2021年政府信息公开工作年度报告'],
      self: '我局',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: {},
    },
  },
  {
    name: 'songxi-county-2020-cms-gbk',
    format: 'html',
    covers: 'CMS page encoded as GBK (<meta charset="gbk">), title as a centred bold <p>, article body pasted from Word, 2019 template in a 2020 report',
    html: {
      style: 'cms',
      charset: 'gbk',
      page: {
        siteName: '松溪县人民政府',
        publisher: '松溪县人民政府办公室',
        publishDate: '2021-03-26',
        indexNo: '003591234/2021-00458',
        related: [
          { title: '松溪县人民政府2019年政府信息公开工作年度报告', date: '2020-03-27' },
          { title: '松溪县人民政府2018年政府信息公开工作年度报告', date: '2019-03-28' },
        ],
        titleTag: 'p',
        bodyMarkup: 'word',
        icp: '闽ICP备10012345号',
      },
    },
    report: {
      seed: 204,
      agency: '松溪县人民政府',
      year: 2020,
      titleLines: ['松溪县人民政府2020年政府信息公开工作年度报告'],
      self: '我县',
      scale: 'county',
      t2: { template: '2019' },
      t3: { rowSet: '2019' },
      t4: {},
      print: { plusSign: true },
    },
  },
  {
    name: 'lishan-district-2022-cms-nested',
    format: 'html',
    covers: 'CMS page with the body in a layout table and T2 split into four tables; Shanghai-style blanks: zeros blank and result-row totals left empty (H2 total and H3 failures)',
    html: {
      style: 'cms',
      charset: 'utf-8',
      page: {
        siteName: '骊山区人民政府',
        publisher: '骊山区人民政府',
        publishDate: '2023-01-18',
        indexNo: 'LSQ-2023-000127',
        related: [
          { title: '骊山区人民政府2021年政府信息公开工作年度报告', date: '2022-01-19' },
          { title: '骊山区人民政府2020年政府信息公开工作年度报告', date: '2021-01-20' },
          { title: '骊山区人民政府2019年政府信息公开工作年度报告', date: '2020-01-21' },
        ],
        titleTag: 'h1',
        bodyMarkup: 'cms',
        icp: '陕ICP备11002233号-2',
      },
    },
    report: {
      seed: 205,
      agency: '骊山区人民政府',
      year: 2022,
      titleLines: ['骊山区人民政府2022年政府信息公开工作年度报告'],
      self: '我区',
      scale: 'county',
      t2: { template: '2021', split: true },
      t3: { rowSet: '2021' },
      t4: {},
      nested: true,
      print: { zeroAs: '', zeroWhere: (id) => id.startsWith('applications.') },
      postPrint: (v) => {
        for (const row of RESULT_ROWS_2021) v[`applications.${row}.total`] = '';
      },
    },
  },
  {
    name: 'donghai-office-2019-plain-drift',
    format: 'html',
    covers: 'plain minimal HTML like the Shanghai 2019 page: colspan drift in 第（五）（六）项, 采购总金额 251000元-style, &nbsp; for zeros in sub-rows, <br /> in headers',
    html: { style: 'plain' },
    report: {
      seed: 206,
      agency: '东海市人民政府办公厅',
      year: 2019,
      titleLines: ['2019年东海市人民政府办公厅政府信息公开工作年度报告'],
      self: '市政府办公厅',
      scale: 'city',
      t2: { template: '2019', drift: true },
      t3: { rowSet: '2019' },
      t4: {},
      labels: { splitHeaders: true },
      print: { procurementUnit: '元', zeroAs: '', zeroWhere: (id) => id.startsWith('applications.') && !/\.(new_received|carried_over|result_total|carried_forward)\./.test(id) },
    },
  },
  {
    name: 'yuquan-town-2020-plain-platform',
    format: 'html',
    covers: 'plain HTML of a LibreOffice-style phantom grid (colspans 2–3), Zhejiang platform table, title over two paragraphs, 新收到 / 转结',
    html: { style: 'plain' },
    report: {
      seed: 207,
      agency: '玉泉镇人民政府',
      year: 2020,
      titleLines: ['玉泉镇人民政府', '2020年政府信息公开工作年度报告'],
      self: '我镇',
      scale: 'town',
      t2: { template: '2019' },
      t3: { rowSet: '2019' },
      t4: {},
      platform: true,
      labels: { newReceived: '新收到', carry: '转结', letterSpacedHeader: true },
      mergeStyle: 'phantom-grid',
      signature: ['玉泉镇人民政府', '2021年1月11日'],
    },
  },
  {
    name: 'xinan-county-2021-word-empty',
    format: 'html',
    covers: 'Word HTML with no merges (empty cells), Chinese-numeral year 二〇二一年, numbering （1）, no quotes around 三安全一稳定, full-width digits',
    html: { style: 'word' },
    report: {
      seed: 208,
      agency: '新安县人民政府',
      year: 2021,
      titleLines: ['新安县人民政府二〇二一年政府信息公开工作年度报告'],
      self: '我县',
      scale: 'county',
      t2: { template: '2021' },
      t3: { rowSet: '2021' },
      t4: {},
      labels: { numbering: '（1）', quotes: 'none' },
      mergeStyle: 'empty-cells',
      postPrint: (v) => {
        for (const id of ['applications.new_received.natural_person', 'applications.granted.natural_person', 'review_litigation.review.upheld']) v[id] = fullWidth(v[id]!);
      },
    },
  },
];

