/**
 * Label texts of the report tables (FORMAT.md §2–§4) and the variants real reports print
 * (FORMAT.md §6–§7). Builders ask this module for every label, so one options object decides how a
 * fixture words its tables.
 */

export interface LabelVariants {
  /** `(一)` instead of `（一）` in T3 row labels. */
  halfWidthBrackets?: boolean;
  /** `第二十条第(一)项` instead of `第二十条第（一）项`. */
  halfWidthCaptions?: boolean;
  /** Numbering of T3 sub-items. */
  numbering?: '1.' | '1．' | '1、' | '（1）';
  newReceived?: '新收' | '新收到';
  /** `转结` (Lubu) instead of `结转` in rows 二 and 四. */
  carry?: '结转' | '转结';
  quotes?: 'curly' | 'straight' | 'none';
  totalCol?: '总计' | '合计';
  otherCol?: '其他' | '其他组织';
  /** Keep `（区分处理的，只计这一情形，不计其他情形）` after 部分公开 (default true). */
  partialNote?: boolean;
  /** The 勾稽 note in the T3 corner (default true; false leaves the corner blank). */
  cornerNote?: boolean;
  /** Separator inside the 2021 （六） sub-labels (template `、`, an OCR copy has `，`). */
  sixthSeparator?: '、' | '，';
  /** Header words split into two paragraphs: `本年新\n制作数量`, `结果\n维持`, `商业\n企业`. */
  splitHeaders?: boolean;
  /** Stray spaces inside narrow T4 header words: `结果维 持`, `其他结 果`. */
  strayHeaderSpaces?: boolean;
  /** Wuhan-style explanatory notes after T2 labels, referring to this report year. */
  wuhanNotes?: boolean;
  /** `统　计　指　标` with U+3000 letter-spacing in the platform table header. */
  letterSpacedHeader?: boolean;
  /** `.2.政府网站公开政府信息数`: a stray leading period. */
  strayPeriod?: boolean;
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function bracketed(n: number, v: LabelVariants): string {
  const numeral = CN_NUM[n - 1]!;
  return v.halfWidthBrackets ? `(${numeral})` : `（${numeral}）`;
}

export function subNumber(k: number, v: LabelVariants): string {
  switch (v.numbering ?? '1.') {
    case '1.':
      return `${k}.`;
    case '1．':
      return `${k}．`;
    case '1、':
      return `${k}、`;
    case '（1）':
      return `（${k}）`;
  }
}

export function caption(item: number, v: LabelVariants): string {
  const numeral = CN_NUM[item - 1]!;
  return v.halfWidthCaptions ? `第二十条第(${numeral})项` : `第二十条第（${numeral}）项`;
}

function quoted(text: string, v: LabelVariants): string {
  switch (v.quotes ?? 'curly') {
    case 'curly':
      return `“${text}”`;
    case 'straight':
      return `"${text}"`;
    case 'none':
      return text;
  }
}

/** A T3 data row: its id suffix, the group it sits in, and its label pieces. */
export interface T3RowDef {
  id: string;
  /** Set for the rows of 三、本年度办理结果. */
  inResults: boolean;
  /** Sub-group (（三）（四）（五）（六）) label for sub-item rows. */
  group?: string;
  label: string;
}

export function t3Rows(rowSet: '2019' | '2021', v: LabelVariants): T3RowDef[] {
  const newWord = v.newReceived ?? '新收';
  const carry = v.carry ?? '结转';
  const sub = (k: number, text: string) => `${subNumber(k, v)}${text}`;
  const res = (id: string, label: string, group?: string): T3RowDef => ({ id, inResults: true, label, group });
  const sep = v.sixthSeparator ?? '、';
  const partial = v.partialNote === false ? '部分公开' : '部分公开（区分处理的，只计这一情形，不计其他情形）';
  const deniedGroup = `${bracketed(3, v)}不予公开`;
  const unableGroup = `${bracketed(4, v)}无法提供`;
  const notProcessedGroup = `${bracketed(5, v)}不予处理`;
  const otherGroup = `${bracketed(6, v)}其他处理`;
  const rows: T3RowDef[] = [
    { id: 'new_received', inResults: false, label: `一、本年${newWord}政府信息公开申请数量` },
    { id: 'carried_over', inResults: false, label: `二、上年${carry}政府信息公开申请数量` },
    res('granted', `${bracketed(1, v)}予以公开`),
    res('partially_granted', `${bracketed(2, v)}${partial}`),
    res('denied.state_secret', sub(1, '属于国家秘密'), deniedGroup),
    res('denied.prohibited_by_law', sub(2, '其他法律行政法规禁止公开'), deniedGroup),
    res('denied.three_security_one_stability', sub(3, `危及${quoted('三安全一稳定', v)}`), deniedGroup),
    res('denied.third_party_rights', sub(4, '保护第三方合法权益'), deniedGroup),
    res('denied.internal_affairs', sub(5, '属于三类内部事务信息'), deniedGroup),
    res('denied.process_info', sub(6, '属于四类过程性信息'), deniedGroup),
    res('denied.enforcement_case_file', sub(7, '属于行政执法案卷'), deniedGroup),
    res('denied.administrative_query', sub(8, '属于行政查询事项'), deniedGroup),
    res('unable.not_held', sub(1, '本机关不掌握相关政府信息'), unableGroup),
    res('unable.needs_creation', sub(2, '没有现成信息需要另行制作'), unableGroup),
    res('unable.still_unclear', sub(3, '补正后申请内容仍不明确'), unableGroup),
    res('not_processed.petition_complaint', sub(1, '信访举报投诉类申请'), notProcessedGroup),
    res('not_processed.repeated', sub(2, '重复申请'), notProcessedGroup),
    res('not_processed.publication', sub(3, '要求提供公开出版物'), notProcessedGroup),
    res('not_processed.excessive_repeated', sub(4, '无正当理由大量反复申请'), notProcessedGroup),
    res('not_processed.confirm_or_reissue', sub(5, '要求行政机关确认或重新出具已获取信息'), notProcessedGroup),
  ];
  if (rowSet === '2019') {
    rows.push(res('other_handling', otherGroup));
  } else {
    rows.push(
      res('other_handling.overdue_no_correction', sub(1, `申请人无正当理由逾期不补正${sep}行政机关不再处理其政府信息公开申请`), otherGroup),
      res('other_handling.overdue_fee_unpaid', sub(2, `申请人逾期未按收费通知要求缴纳费用${sep}行政机关不再处理其政府信息公开申请`), otherGroup),
      res('other_handling.other', sub(3, '其他'), otherGroup),
    );
  }
  rows.push(res('result_total', `${bracketed(7, v)}总计`));
  rows.push({ id: 'carried_forward', inResults: false, label: `四、${carry}下年度继续办理` });
  return rows;
}

export const T3_COLUMNS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_welfare_org',
  'legal_service_org',
  'other_org',
  'total',
] as const;

export function t3HeaderLabels(v: LabelVariants) {
  const split = (a: string, b: string) => (v.splitHeaders ? `${a}\n${b}` : a + b);
  return {
    corner: v.cornerNote === false ? '' : '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    applicants: '申请人情况',
    natural: '自然人',
    legal: '法人或其他组织',
    total: v.totalCol ?? '总计',
    orgs: [split('商业', '企业'), split('科研', '机构'), '社会公益组织', '法律服务机构', v.otherCol ?? '其他'],
    results: '三、本年度办理结果',
  };
}

/** T4 headers: the five result words, with the variants of narrow cells. */
export function t4ResultWords(v: LabelVariants, block: 0 | 1 | 2): string[] {
  const words = ['结果维持', '结果纠正', '其他结果', '尚未审结', v.totalCol ?? '总计'];
  return words.map((w, i) => {
    if (v.splitHeaders && block === 0 && i < 4) return `${w.slice(0, 2)}\n${w.slice(2)}`;
    // Lubu 2020 prints `其他结 果` in the first litigation block and `结果维 持` `结果纠 正` in the second.
    if (v.strayHeaderSpaces && block === 1 && i === 2) return '其他结 果';
    if (v.strayHeaderSpaces && block === 2 && i < 2) return `${w.slice(0, 3)} ${w.slice(3)}`;
    return w;
  });
}
