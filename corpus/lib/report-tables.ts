/**
 * Builders of the report tables of FORMAT.md: T2 (第二十条), T3 (applications), T4 (review and
 * litigation) and the Zhejiang platform table (§4.4). Each takes the printed values (full field id →
 * text; a missing id prints as a blank cell) and the fixture's variation options, and returns
 * abstract tables (layout.ts) laid out like the official templates.
 */
import type { Block, Cell, Row, Table } from './layout.ts';
import { caption, t3HeaderLabels, t3Rows, T3_COLUMNS, t4ResultWords, type LabelVariants } from './labels.ts';

export type PrintedValues = Record<string, string>;

const val = (values: PrintedValues, id: string): Cell => ({ text: values[id] ?? '', align: 'center' });
const label = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
const head = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, align: 'center', ...extra });

// ---------------------------------------------------------------- T2 第二十条

interface T2Block {
  item: number;
  columns: { header: string; key: string }[];
  rows: { key: string; label: string }[];
}

export interface T2Options {
  template: '2019' | '2021';
  labels?: LabelVariants;
  /** Report year, for the Wuhan-style notes (labels.wuhanNotes). */
  year?: number;
  /** Row label of the second 第（一）项 row, e.g. `规范性文件` in a 2021 table. */
  normativeLabel?: string;
  /** A non-template row under 第（一）项 (not in the truth). */
  extraRow?: { label: string; values: string[] };
  /** 2019 blocks with two value columns: which cell absorbs the fourth grid column. */
  shortRowLayout?: 'last-span' | 'label-span' | 'grid-after';
  /** 2021 single-value blocks: value cell spans 3 (template) or the label does. */
  singleValueLayout?: 'span3' | 'label-span3';
  /** Shanghai 2019 colspan drift: 5 grid columns, header [1][1][2][1], data [1][2][1][1] in （五）（六）. */
  drift?: boolean;
  /** Leave the 第（九）项 block out (its ids stay in the truth as null). */
  omitProcurement?: boolean;
  /** One table per block instead of one table. */
  split?: boolean;
  fontPt?: number;
}

function t2Blocks(o: T2Options): T2Block[] {
  const v = o.labels ?? {};
  const split = (a: string, b: string) => (v.splitHeaders ? `${a}\n${b}` : a + b);
  const y = o.year ?? 2020;
  const notes = v.wuhanNotes === true;
  if (o.template === '2021') {
    return [
      {
        item: 1,
        columns: [
          { header: split('本年', '制发件数'), key: 'issued' },
          { header: split('本年', '废止件数'), key: 'repealed' },
          { header: split('现行', '有效件数'), key: 'in_force' },
        ],
        rows: [
          { key: 'regulations', label: '规章' },
          { key: 'normative_docs', label: o.normativeLabel ?? '行政规范性文件' },
        ],
      },
      { item: 5, columns: [{ header: '本年处理决定数量', key: 'decisions' }], rows: [{ key: 'admin_license', label: '行政许可' }] },
      {
        item: 6,
        columns: [{ header: '本年处理决定数量', key: 'decisions' }],
        rows: [
          { key: 'admin_penalty', label: '行政处罚' },
          { key: 'admin_coercion', label: '行政强制' },
        ],
      },
      { item: 8, columns: [{ header: '本年收费金额（单位：万元）', key: 'amount_10k_yuan' }], rows: [{ key: 'admin_fees', label: '行政事业性收费' }] },
    ];
  }
  const itemCols = [
    { header: notes ? `上一年项目数量（指${y - 1}年事项数）` : '上一年项目数量', key: 'prev_year_items' },
    { header: notes ? `本年增/减（指${y}年增加或减少的事项数，减用负值表示，如-8）` : '本年增/减', key: 'change_this_year' },
    { header: notes ? `处理决定数量（指${y}年办件量）` : '处理决定数量', key: 'decisions' },
  ];
  const blocks: T2Block[] = [
    {
      item: 1,
      columns: [
        { header: split('本年新', '制作数量'), key: 'made_this_year' },
        { header: split('本年新', '公开数量'), key: 'published_this_year' },
        { header: split('对外公开', '总数量'), key: 'total_published' },
      ],
      rows: [
        { key: 'regulations', label: notes ? '规章（设区的市、自治州人民政府应提供相关数据）' : '规章' },
        { key: 'normative_docs', label: o.normativeLabel ?? '规范性文件' },
      ],
    },
    {
      item: 5,
      columns: itemCols,
      rows: [
        { key: 'admin_license', label: '行政许可' },
        {
          key: 'other_mgmt_services',
          label: notes
            ? '其他对外管理服务事项（指行政许可、行政处罚、行政强制以外的政务服务事项，含行政确认、行政奖励、行政裁决、行政给付以及公共服务事项）'
            : '其他对外管理服务事项',
        },
      ],
    },
    {
      item: 6,
      columns: itemCols,
      rows: [
        { key: 'admin_penalty', label: '行政处罚' },
        { key: 'admin_coercion', label: '行政强制' },
      ],
    },
    { item: 8, columns: itemCols.slice(0, 2), rows: [{ key: 'admin_fees', label: '行政事业性收费' }] },
    {
      item: 9,
      columns: [
        { header: '采购项目数量', key: 'project_count' },
        { header: '采购总金额', key: 'total_amount' },
      ],
      rows: [{ key: 'gov_procurement', label: '政府集中采购' }],
    },
  ];
  return o.omitProcurement ? blocks.filter((b) => b.item !== 9) : blocks;
}

/** Spans of [label, ...value cells] for a row of a block with n value columns. */
function t2Spans(n: number, o: T2Options, isHeader: boolean): { spans: number[]; gridAfter?: number } {
  if (o.drift) {
    // 5 grid columns; column 2 is a sliver that the drifting cells swallow.
    if (n === 3) return { spans: isHeader ? [1, 1, 2, 1] : [1, 2, 1, 1] };
    if (n === 2) return { spans: [1, 2, 2] };
    return { spans: [1, 4] };
  }
  if (n === 3) return { spans: [1, 1, 1, 1] };
  if (n === 2) {
    switch (o.shortRowLayout ?? 'last-span') {
      case 'last-span':
        return { spans: [1, 1, 2] };
      case 'label-span':
        return { spans: [2, 1, 1] };
      case 'grid-after':
        return { spans: [1, 1, 1], gridAfter: 1 };
    }
  }
  return { spans: o.singleValueLayout === 'label-span3' ? [3, 1] : [1, 3] };
}

export function buildT2(values: PrintedValues, o: T2Options): Table[] {
  const width = o.drift ? 5 : 4;
  const colWidths = o.drift ? [220, 150, 4, 100, 90] : [30, 23, 23, 24];
  const tables: Table[] = [];
  let rows: Row[] = [];
  const flush = () => {
    if (rows.length) tables.push({ rows, colWidths: [...colWidths], fontPt: o.fontPt ?? 10.5, role: 'active_disclosure' });
    rows = [];
  };
  const rowFrom = (cells: string[] | Cell[], isHeader: boolean): Row => {
    const { spans, gridAfter } = t2Spans(cells.length - 1, o, isHeader);
    const built = cells.map((c, i) => {
      const cell: Cell = typeof c === 'string' ? (i === 0 && !isHeader ? label(c) : head(c)) : c;
      return spans[i]! > 1 ? { ...cell, colSpan: spans[i] } : cell;
    });
    return { cells: built, header: isHeader, gridAfter };
  };
  for (const block of t2Blocks(o)) {
    rows.push({ cells: [head(caption(block.item, o.labels ?? {}), { colSpan: width, bold: true })], header: true, group: 'caption' });
    rows.push(rowFrom(['信息内容', ...block.columns.map((c) => c.header)], true));
    for (const r of block.rows) {
      const ids = block.columns.map((c) => `active.art20_${block.item}.${r.key}.${c.key}`);
      rows.push(rowFrom([label(r.label), ...ids.map((id) => val(values, id))], false));
    }
    if (block.item === 1 && o.extraRow) {
      rows.push(rowFrom([label(o.extraRow.label), ...o.extraRow.values.map((t) => ({ text: t, align: 'center' as const }))], false));
    }
    if (o.split) flush();
  }
  flush();
  return tables;
}

// ---------------------------------------------------------------- T3 applications

export interface T3Options {
  rowSet: '2019' | '2021';
  labels?: LabelVariants;
  /** Row ids (e.g. 'denied.administrative_query') left out of the table. */
  omitRows?: string[];
  fontPt?: number;
}

export function buildT3(values: PrintedValues, o: T3Options): Table {
  const v = o.labels ?? {};
  const h = t3HeaderLabels(v);
  const rows: Row[] = [
    {
      header: true,
      cells: [head(h.corner, { colSpan: 3, rowSpan: 3 }), head(h.applicants, { colSpan: 7 })],
    },
    {
      header: true,
      cells: [head(h.natural, { rowSpan: 2 }), head(h.legal, { colSpan: 5 }), head(h.total, { rowSpan: 2 })],
    },
    { header: true, cells: h.orgs.map((t) => head(t)) },
  ];
  const defs = t3Rows(o.rowSet, v).filter((d) => !(o.omitRows ?? []).includes(d.id));
  const resultCount = defs.filter((d) => d.inResults).length;
  let resultsStarted = false;
  const groupsStarted = new Set<string>();
  for (const def of defs) {
    const cells: Cell[] = [];
    if (!def.inResults) {
      cells.push(label(def.label, { colSpan: 3 }));
    } else {
      if (!resultsStarted) {
        cells.push(head(h.results, { rowSpan: resultCount }));
        resultsStarted = true;
      }
      if (def.group) {
        if (!groupsStarted.has(def.group)) {
          groupsStarted.add(def.group);
          const size = defs.filter((d) => d.group === def.group).length;
          cells.push(label(def.group, size > 1 ? { rowSpan: size } : {}));
        }
        cells.push(label(def.label));
      } else {
        cells.push(label(def.label, { colSpan: 2 }));
      }
    }
    for (const col of T3_COLUMNS) cells.push(val(values, `applications.${def.id}.${col}`));
    rows.push({ cells });
  }
  return { rows, colWidths: [7, 9, 30, 7.7, 7.7, 7.7, 7.7, 7.7, 7.7, 7.8], fontPt: o.fontPt ?? 9, role: 'applications' };
}

// ---------------------------------------------------------------- T4 review and litigation

export interface T4Options {
  labels?: LabelVariants;
  fontPt?: number;
}

export const T4_BLOCKS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export function buildT4(values: PrintedValues, o: T4Options = {}): Table {
  const v = o.labels ?? {};
  const rows: Row[] = [
    { header: true, cells: [head('行政复议', { colSpan: 5 }), head('行政诉讼', { colSpan: 10 })] },
    {
      header: true,
      cells: [
        ...t4ResultWords(v, 0).map((t) => head(t, { rowSpan: 2 })),
        head('未经复议直接起诉', { colSpan: 5 }),
        head('复议后起诉', { colSpan: 5 }),
      ],
    },
    { header: true, cells: [...t4ResultWords(v, 1), ...t4ResultWords(v, 2)].map((t) => head(t)) },
    { cells: T4_BLOCKS.flatMap((b) => T4_COLUMNS.map((c) => val(values, `review_litigation.${b}.${c}`))) },
  ];
  return { rows, colWidths: Array.from({ length: 15 }, () => 1), fontPt: o.fontPt ?? 8, role: 'review_litigation' };
}

// ---------------------------------------------------------------- Zhejiang platform table (§4.4)

export interface PlatformOptions {
  labels?: LabelVariants;
  fontPt?: number;
}

export function buildPlatform(values: PrintedValues, o: PlatformOptions = {}): Table {
  const v = o.labels ?? {};
  const line = (text: string, unit: string, id?: string): Row => ({
    cells: [label(text), head(unit), id ? val(values, `platform.${id}`) : head('')],
  });
  const rows: Row[] = [
    { header: true, cells: [head(v.letterSpacedHeader ? '统　计　指　标' : '统计指标'), head('单位'), head('统计数')] },
    line('（一）主动公开政府信息数\n（不同渠道和方式公开相同信息计1条）', '条', 'proactive_total'),
    line('（二）通过不同渠道和方式公开政府信息的情况', '——'),
    line('1.政府公报公开政府信息数', '条', 'channel.gazette'),
    line(`${v.strayPeriod ? '.' : ''}2.政府网站公开政府信息数`, '条', 'channel.website'),
    line('3.政务微博公开政府信息数', '条', 'channel.weibo'),
    line('4.政务微信公开政府信息数', '条', 'channel.wechat'),
    line('（三）回应公众关注热点或重大舆情数\n（不同方式回应同一热点或舆情计1次）', '次', 'hotspot_responses'),
    line('（四）通过不同渠道和方式回应解读的情况', '——'),
    line('1.参加或举办新闻发布会总次数', '次', 'press_conferences'),
    line('其中：主要负责同志参加新闻发布会次数', '次', 'press_conferences_principal'),
    line('2.政府网站在线访谈次数', '次', 'online_interviews'),
    line('其中：主要负责同志参加政府网站在线访谈次数', '次', 'online_interviews_principal'),
    line('3.政策解读稿件发布数', '篇', 'policy_interpretations'),
    line('4.微博微信回应事件数', '次', 'weibo_wechat_responses'),
  ];
  return { rows, colWidths: [62, 14, 24], fontPt: o.fontPt ?? 10.5, role: 'platform' };
}

// ---------------------------------------------------------------- other tables

/** A plain table with one header row (e.g. the work schedule of a notice). */
export function simpleTable(header: string[], body: string[][], colWidths: number[]): Table {
  return {
    rows: [{ header: true, cells: header.map((t) => head(t, { bold: true })) }, ...body.map((r) => ({ cells: r.map((t) => label(t)) }))],
    colWidths,
    fontPt: 10.5,
    role: 'other',
  };
}

/** A borderless one-cell table holding the given blocks (report tables nested inside it). */
export function layoutTable(blocks: Block[]): Table {
  return { rows: [{ cells: [{ text: '', blocks }] }], colWidths: [1], role: 'layout', borders: false };
}
