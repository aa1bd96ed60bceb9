/**
 * Hand-built documents for the normalizer tests: the report tables as an extractor would hand
 * them over (cells with spans placed by placeCells), in the layouts seen in real reports.
 */
import type { Block, ExtractedDocument, TableBlock } from '../../src/model/document.ts';
import { placeCells, type RawCell } from '../../src/model/grid.ts';
import { normalize } from '../../src/normalize/index.ts';

export const SOURCE = { path: 'test/report.html', sha256: '0'.repeat(64) };

export type Row = (string | RawCell)[];

export function cell(text: string, span: { rowSpan?: number; colSpan?: number; skipBefore?: number } = {}): RawCell {
  return { text, ...span };
}

export function table(rows: Row[], index = 0): TableBlock {
  return placeCells(
    rows.map((row) => row.map((c) => (typeof c === 'string' ? { text: c } : c))),
    index,
  );
}

export function doc(blocks: (Block | string)[], containerTitle?: string): ExtractedDocument {
  // Tables get their document index in order, as extractors number them.
  let tableIndex = 0;
  const out: Block[] = blocks.map((b) => {
    if (typeof b === 'string') return { kind: 'paragraph', text: b };
    if (b.kind === 'table') return { ...b, index: tableIndex++ };
    return b;
  });
  return { format: 'html', blocks: out, warnings: [], ...(containerTitle !== undefined ? { containerTitle } : {}) };
}

export function run(...blocks: (Block | string)[]) {
  return normalize(doc(blocks), SOURCE);
}

// ---------------------------------------------------------------------------------------------
// T3 — applications

export const APPLICANT_COLUMNS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_welfare_org',
  'legal_service_org',
  'other_org',
  'total',
] as const;

export const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** One data row: its printed labels (top group first) and its seven values. */
export interface AppRow {
  /** Row id (without the `applications.` prefix). */
  id: string;
  /** The section label 三、本年度办理结果 / group label （三）不予公开, when the row opens one. */
  section?: string;
  group?: string;
  label: string;
  values: string[];
}

const RESULTS = '三、本年度办理结果';

/** Rows of the 2019 (variant '2019') or 2021 application table, with distinct values per cell. */
export function applicationRows(variant: '2019' | '2021'): AppRow[] {
  const rows: Omit<AppRow, 'values'>[] = [
    { id: 'new_received', label: '一、本年新收政府信息公开申请数量' },
    { id: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
    { id: 'granted', section: RESULTS, label: '（一）予以公开' },
    { id: 'partially_granted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
    { id: 'denied.state_secret', group: '（三）不予公开', label: '1.属于国家秘密' },
    { id: 'denied.prohibited_by_law', label: '2.其他法律行政法规禁止公开' },
    { id: 'denied.three_security_one_stability', label: '3.危及“三安全一稳定”' },
    { id: 'denied.third_party_rights', label: '4.保护第三方合法权益' },
    { id: 'denied.internal_affairs', label: '5.属于三类内部事务信息' },
    { id: 'denied.process_info', label: '6.属于四类过程性信息' },
    { id: 'denied.enforcement_case_file', label: '7.属于行政执法案卷' },
    { id: 'denied.administrative_query', label: '8.属于行政查询事项' },
    { id: 'unable.not_held', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
    { id: 'unable.needs_creation', label: '2.没有现成信息需要另行制作' },
    { id: 'unable.still_unclear', label: '3.补正后申请内容仍不明确' },
    { id: 'not_processed.petition_complaint', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
    { id: 'not_processed.repeated', label: '2.重复申请' },
    { id: 'not_processed.publication', label: '3.要求提供公开出版物' },
    { id: 'not_processed.excessive_repeated', label: '4.无正当理由大量反复申请' },
    { id: 'not_processed.confirm_or_reissue', label: '5.要求行政机关确认或重新出具已获取信息' },
    ...(variant === '2019'
      ? [{ id: 'other_handling', label: '（六）其他处理' }]
      : [
          { id: 'other_handling.overdue_no_correction', group: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
          { id: 'other_handling.overdue_fee_unpaid', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
          { id: 'other_handling.other', label: '3.其他' },
        ]),
    { id: 'result_total', label: '（七）总计' },
    { id: 'carried_forward', label: '四、结转下年度继续办理' },
  ];
  // Distinct numbers so that a shifted column or row shows: row i, column j → 100·(i+1) + j.
  return rows.map((row, i) => ({ ...row, values: APPLICANT_COLUMNS.map((_, j) => String(100 * (i + 1) + j)) }));
}

const HEADER_ROWS_MERGED: Row[] = [
  [cell(NOTE, { rowSpan: 3, colSpan: 3 }), cell('申请人情况', { colSpan: 7 })],
  [cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { colSpan: 5 }), cell('总计', { rowSpan: 2 })],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];

/** The application table as HTML or docx draw it: merged label cells (rowspan/colspan). */
export function applicationsMerged(rows: AppRow[], header: Row[] = HEADER_ROWS_MERGED): TableBlock {
  const out: Row[] = [...header];
  const resultsStart = rows.findIndex((r) => r.section);
  const resultsEnd = rows.findIndex((r) => r.id === 'result_total');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const labels: Row = [];
    if (row.section) labels.push(cell(row.section, { rowSpan: resultsEnd - resultsStart + 1 }));
    const inResults = i >= resultsStart && i <= resultsEnd;
    if (row.group) {
      const prefix = `${row.id.split('.')[0]}.`;
      let n = 1;
      while (rows[i + n]?.id.startsWith(prefix) && !rows[i + n]!.group) n++;
      labels.push(cell(row.group, { rowSpan: n }));
    }
    const grouped = row.id.includes('.');
    labels.push(cell(row.label, { colSpan: inResults ? (grouped ? 1 : 2) : 3 }));
    out.push([...labels, ...row.values]);
  }
  return table(out);
}

/**
 * The same table with every merge written out as empty cells (a text export, or a PDF grid): a
 * rectangular 10-column grid of 1×1 cells.
 */
export function applicationsUnmerged(rows: AppRow[]): TableBlock {
  const out: Row[] = [
    [NOTE, '', '', '申请人情况', '', '', '', '', '', ''],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  const resultsStart = rows.findIndex((r) => r.section);
  const resultsEnd = rows.findIndex((r) => r.id === 'result_total');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const inResults = i >= resultsStart && i <= resultsEnd;
    let labels: string[];
    if (!inResults) labels = [row.label, '', ''];
    else if (row.id.includes('.')) labels = [row.section ?? '', row.group ?? '', row.label];
    else labels = [row.section ?? '', row.label, ''];
    out.push([...labels, ...row.values]);
  }
  return table(out);
}

/** Expected fields of an application table built from `rows`: id → number. */
export function expectedApplicationFields(rows: AppRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) APPLICANT_COLUMNS.forEach((col, j) => (out[`applications.${row.id}.${col}`] = Number(row.values[j])));
  return out;
}

/** The fields of a record restricted to one table prefix. */
export function fieldsOf(fields: Record<string, number | null | undefined>, prefix: string): Record<string, number | null | undefined> {
  return Object.fromEntries(Object.entries(fields).filter(([id]) => id.startsWith(prefix)));
}

// ---------------------------------------------------------------------------------------------
// T4 — review / litigation

const RESULTS_5 = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** The three-row T4 header of the template, with its rowspans and colspans. */
export function reviewTable(values: string[], index = 0): TableBlock {
  return table(
    [
      [cell('行政复议', { colSpan: 5 }), cell('行政诉讼', { colSpan: 10 })],
      [...RESULTS_5.map((t) => cell(t, { rowSpan: 2 })), cell('未经复议直接起诉', { colSpan: 5 }), cell('复议后起诉', { colSpan: 5 })],
      [...RESULTS_5, ...RESULTS_5],
      values,
    ],
    index,
  );
}

export const REVIEW_IDS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `review_litigation.${b}.${c}`),
);

// ---------------------------------------------------------------------------------------------
// T2 — 第二十条 table

export function active2019Rows(): Row[] {
  return [
    [cell('第二十条第（一）项', { colSpan: 4 })],
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', '1', '2', '3'],
    ['规范性文件', '4', '5', '6'],
    [cell('第二十条第（五）项', { colSpan: 4 })],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政许可', '7', '-8', '9'],
    ['其他对外管理服务事项', '10', '+11', '12'],
    [cell('第二十条第（六）项', { colSpan: 4 })],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政处罚', '13', '0', '14'],
    ['行政强制', '15', '-', '16'],
    [cell('第二十条第（八）项', { colSpan: 4 })],
    ['信息内容', '上一年项目数量', cell('本年增/减', { colSpan: 2 })],
    ['行政事业性收费', '17', cell('18', { colSpan: 2 })],
    [cell('第二十条第（九）项', { colSpan: 4 })],
    ['信息内容', '采购项目数量', cell('采购总金额', { colSpan: 2 })],
    ['政府集中采购', '19', cell('251000元', { colSpan: 2 })],
  ];
}

export function active2019(): TableBlock {
  return table(active2019Rows());
}

export function active2021Rows(): Row[] {
  return [
    [cell('第二十条第（一）项', { colSpan: 4 })],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '1', '2', '3'],
    ['行政规范性文件', '4', '5', '6'],
    [cell('第二十条第（五）项', { colSpan: 4 })],
    ['信息内容', cell('本年处理决定数量', { colSpan: 3 })],
    ['行政许可', cell('7', { colSpan: 3 })],
    [cell('第二十条第（六）项', { colSpan: 4 })],
    ['信息内容', cell('本年处理决定数量', { colSpan: 3 })],
    ['行政处罚', cell('8', { colSpan: 3 })],
    ['行政强制', cell('9', { colSpan: 3 })],
    [cell('第二十条第（八）项', { colSpan: 4 })],
    ['信息内容', cell('本年收费金额（单位：万元）', { colSpan: 3 })],
    ['行政事业性收费', cell('0.35', { colSpan: 3 })],
  ];
}

export function active2021(): TableBlock {
  return table(active2021Rows());
}

/** The rows without their 第二十条第（X）项 caption rows. */
export function withoutCaptions(rows: Row[]): Row[] {
  return rows.filter((row) => !(row.length === 1 && /第二十条/u.test(typeof row[0] === 'string' ? row[0] : row[0]!.text)));
}

/**
 * The table as OOXML stores it when vertical merges are not resolved: a vMerge continuation is an
 * empty cell of its own, horizontal merges keep their gridSpan.
 */
export function applicationsVMergeAsEmpty(rows: AppRow[]): TableBlock {
  const out: Row[] = [
    [cell(NOTE, { colSpan: 3 }), cell('申请人情况', { colSpan: 7 })],
    [cell('', { colSpan: 3 }), '自然人', cell('法人或其他组织', { colSpan: 5 }), '总计'],
    [cell('', { colSpan: 3 }), '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  const resultsStart = rows.findIndex((r) => r.section);
  const resultsEnd = rows.findIndex((r) => r.id === 'result_total');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const inResults = i >= resultsStart && i <= resultsEnd;
    let labels: Row;
    if (!inResults) labels = [cell(row.label, { colSpan: 3 })];
    else if (row.id.includes('.')) labels = [row.section ?? '', row.group ?? '', row.label];
    else labels = [row.section ?? '', cell(row.label, { colSpan: 2 })];
    out.push([...labels, ...row.values]);
  }
  return table(out);
}

/**
 * The table as a text export shows it (lubu-2020.txt): merged cells written as empty cells and
 * horizontal spans dropped, so rows are ragged and header words sit over the wrong grid columns.
 */
export function applicationsRagged(rows: AppRow[]): TableBlock {
  const out: Row[] = [
    [NOTE, '申请人情况'],
    ['', '自然人', '法人或其他组织', '总计'],
    ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  const resultsStart = rows.findIndex((r) => r.section);
  const resultsEnd = rows.findIndex((r) => r.id === 'result_total');
  rows.forEach((row, i) => {
    const inResults = i >= resultsStart && i <= resultsEnd;
    const labels = !inResults ? [row.label] : row.id.includes('.') ? [row.section ?? '', row.group ?? '', row.label] : [row.section ?? '', row.label];
    out.push([...labels, ...row.values]);
  });
  return table(out);
}
