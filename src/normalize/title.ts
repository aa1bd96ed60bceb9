/**
 * The report's title, issuing agency and covered year, read from the first paragraphs of the
 * document (or the container's title: HTML <title>, docx core properties).
 *
 * Titles come as 「平潭综合实验区2019年度政府信息公开工作年度报告」, 「2019年上海市人民政府办公厅政府
 * 信息公开工作年度报告」, or split over two lines 「余姚市陆埠镇人民政府」「2020年政府信息公开工作年度报告」.
 * The year is the year covered, never the publication date at the end of the report.
 */
import type { ExtractedDocument } from '../model/document.ts';
import { nfkc } from './labels.ts';

export interface ReportTitle {
  title: string | null;
  agency: string | null;
  year: number | null;
}

const REPORT_WORDS = /(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)|年度报告/u;
const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', '○': '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const YEAR = /((?:19|20)\d{2})\s*年(?:度)?/u;
const CN_YEAR = /([〇○零Ｏ一二三四五六七八九O]{4})\s*年(?:度)?/u;
/** Words an agency name ends with; a line that ends so can be the first half of a split title. */
const AGENCY_END = /(?:人民政府|政府|办公厅|办公室|委员会|局|厅|部|署|院|会|中心|街道办事处|办事处|管委会|管理委员会|镇|乡|街道|区|县|市|集团|公司)$/u;

function compactTitle(text: string): string {
  return nfkc(text).replace(/[\s\u3000]+/gu, '');
}

function yearIn(text: string): { year: number; index: number; length: number } | null {
  const m = YEAR.exec(text);
  if (m) return { year: Number(m[1]), index: m.index, length: m[0].length };
  const c = CN_YEAR.exec(text);
  if (c) {
    const digits = [...c[1]!].map((ch) => CN_YEAR_DIGITS[ch] ?? '').join('');
    const year = Number(digits);
    if (digits.length === 4 && year >= 1990 && year <= 2099) return { year, index: c.index, length: c[0].length };
  }
  return null;
}

/** Breadcrumbs and labels that are not agency names. */
const NOT_AGENCY = /[>›»:：/|\\]|首页|当前位置|您的位置|所在位置|栏目|来源|发布/u;

function cleanAgency(text: string): string | null {
  const cleaned = text
    .replace(/^(?:关于|有关)/u, '')
    .replace(/(?:关于|的|之)$/u, '')
    .replace(/[《》「」【】“”"]/gu, '')
    .replace(/^[(（][^)）]*[)）]/u, '')
    .trim();
  return cleaned.length >= 2 && cleaned.length <= 40 && !NOT_AGENCY.test(cleaned) ? cleaned : null;
}

/** Parse one title line; `previousLine` may hold the agency when the title is split. */
export function parseTitle(line: string, previousLine?: string): ReportTitle {
  let title = compactTitle(line);
  // Site titles: 「…年度报告_政府信息公开年报_平潭综合实验区党工委管委会」.
  const parts = title.split(/[_|｜]|--|—{2}/u).filter((p) => REPORT_WORDS.test(p));
  if (parts.length > 0) title = parts[0]!;
  const reportMatch = REPORT_WORDS.exec(title);
  const found = yearIn(title);
  const year = found && found.year >= 2000 && found.year <= 2099 ? found.year : null;
  let agency: string | null = null;
  if (found && reportMatch) {
    const before = title.slice(0, found.index);
    const between = title.slice(found.index + found.length, reportMatch.index);
    agency = cleanAgency(before) ?? cleanAgency(between);
  } else if (reportMatch) {
    agency = cleanAgency(title.slice(0, reportMatch.index));
  }
  if (!agency && previousLine) {
    const prev = compactTitle(previousLine);
    if (prev.length <= 40 && AGENCY_END.test(prev)) {
      agency = cleanAgency(prev);
      if (agency) title = prev + title;
    }
  }
  return { title, agency, year };
}

interface Candidate extends ReportTitle {
  score: number;
}

/**
 * The title among the paragraphs before the first report table: the line that names the report
 * with both an agency and a year, preferring headings and lines that agree with the container's
 * title. Site chrome (breadcrumbs naming the 政府信息公开年报 column, lists of other years'
 * reports after the article) loses to the article's own heading.
 */
export function findTitle(doc: ExtractedDocument, beforeBlock = doc.blocks.length): ReportTitle {
  const container = doc.containerTitle ? parseTitle(doc.containerTitle) : null;
  const candidates: Candidate[] = [];
  let previous: string | undefined;
  for (const block of doc.blocks.slice(0, beforeBlock)) {
    if (block.kind !== 'paragraph') continue;
    const text = block.text.trim();
    const compacted = compactTitle(text);
    if (compacted.length > 0 && compacted.length <= 80 && REPORT_WORDS.test(compacted)) {
      const parsed = parseTitle(text, previous);
      if (parsed.year !== null || parsed.agency !== null) {
        let score = (parsed.year !== null ? 2 : 0) + (parsed.agency !== null ? 2 : 0) + (block.emphasis ? 1 : 0);
        if (container?.year !== null && container?.year === parsed.year) score += 1;
        if (container?.agency && container.agency === parsed.agency) score += 1;
        candidates.push({ ...parsed, score });
      }
    }
    if (compacted.length > 0) previous = text;
  }
  const best = candidates.reduce<Candidate | undefined>((a, b) => (a === undefined || b.score > a.score ? b : a), undefined);
  const found: ReportTitle = best ?? container ?? { title: null, agency: null, year: null };
  const containerAgrees = container !== null && best !== undefined && (best.year === null || container.year === null || container.year === best.year);
  return {
    title: found.title,
    agency: found.agency ?? (containerAgrees ? container.agency : null),
    year: found.year ?? (containerAgrees ? container.year : null) ?? statisticalPeriodYear(doc),
  };
}

/** 「本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止」: the covered year, when no title gives it. */
const PERIOD = /((?:19|20)\d{2})年1月1日(?:起)?(?:至|到|-|—)(?:\1年)?12月31日/u;

function statisticalPeriodYear(doc: ExtractedDocument): number | null {
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph') continue;
    const m = PERIOD.exec(compactTitle(block.text));
    if (m) return Number(m[1]);
  }
  return null;
}
