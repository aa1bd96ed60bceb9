/**
 * Table classification: which report table (if any) a table of the document is. Each kind has
 * marker words; a table is the kind whose markers it shows most, with at least two of them.
 * Only short cells count, so that a layout table holding the whole article as text is not taken
 * for a report table.
 */
import { LABELS, type TableKind } from '../catalogue/index.ts';
import { labelKey } from './labels.ts';
import type { TableView } from './table-view.ts';

export type TableClass = TableKind | 'pre2019';

const MARKERS: Record<TableClass, string[]> = {
  applications: [
    ...LABELS.applications.markers,
    '商业企业', '科研机构', '上年结转', '不予公开', '无法提供', '不予处理', '国家秘密', '另行制作', '信访', '结转下年度', '其他处理', '三安全一稳定', '出版物',
  ],
  active_disclosure: [
    '第二十条', '信息内容', '规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购',
    '本年新制作数量', '本年制发件数', '处理决定数量', '上一年项目数量', '本年收费金额', '对外管理服务事项',
  ],
  review_litigation: ['行政复议', '行政诉讼', '结果维持', '结果纠正', '尚未审结', '复议后起诉', '直接起诉', '其他结果'],
  platform: [
    ...LABELS.platform.markers,
    '政府公报公开政府信息数', '政府网站公开政府信息数', '政务微博公开政府信息数', '政务微信公开政府信息数', '回应公众关注热点', '新闻发布会', '在线访谈', '政策解读稿件',
  ],
  pre2019: LABELS.pre2019.markers,
};

const ORDER: TableClass[] = ['applications', 'active_disclosure', 'review_litigation', 'platform', 'pre2019'];
const MAX_CELL_LENGTH = 80;

export function markerScores(view: TableView): Record<TableClass, number> {
  const keys = view.table.rows
    .flat()
    .map((c) => labelKey(c.text))
    .filter((k) => k.length > 0 && k.length <= MAX_CELL_LENGTH);
  const scores = {} as Record<TableClass, number>;
  for (const kind of ORDER) scores[kind] = MARKERS[kind].filter((m) => keys.some((k) => k.includes(m))).length;
  return scores;
}

export function classifyTable(view: TableView): TableClass | null {
  const scores = markerScores(view);
  let best: TableClass | null = null;
  for (const kind of ORDER) if (scores[kind] >= 2 && (best === null || scores[kind] > scores[best])) best = kind;
  // The national pre-2019 statistics table shares its first rows with the Zhejiang platform table
  // and has 行政复议/行政诉讼 rows; its 依申请 rows tell it apart.
  if ((best === 'platform' || best === 'review_litigation') && scores.pre2019 >= 2) return 'pre2019';
  return best;
}
