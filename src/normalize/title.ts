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
const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const YEAR = /((?:19|20)\d{2})\s*年(?:度)?/u;
const CN_YEAR = /([〇零Ｏ一二三四五六七八九O]{4})\s*年(?:度)?/u;
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

function cleanAgency(text: string): string | null {
  const cleaned = text
    .replace(/^(?:关于|有关)/u, '')
    .replace(/(?:关于|的|之)$/u, '')
    .replace(/[《》「」【】“”"]/gu, '')
    .replace(/^[(（][^)）]*[)）]/u, '')
    .trim();
  return cleaned.length >= 2 ? cleaned : null;
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

/** Title lines are short and name the report; the first one among the opening paragraphs wins. */
export function findTitle(doc: ExtractedDocument): ReportTitle {
  const paragraphs: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'table') break;
    const text = block.text.trim();
    if (text.length > 0) paragraphs.push(text);
    if (paragraphs.length >= 40) break;
  }
  for (let i = 0; i < paragraphs.length; i++) {
    const text = paragraphs[i]!;
    if (compactTitle(text).length > 80 || !REPORT_WORDS.test(compactTitle(text))) continue;
    const parsed = parseTitle(text, paragraphs[i - 1]);
    if (parsed.year !== null || parsed.agency !== null) {
      if (parsed.year !== null && parsed.agency !== null) return parsed;
      // A page header (「政府信息公开年报」) before the real title: keep looking, remember this one.
      const later = paragraphs.slice(i + 1).find((p) => compactTitle(p).length <= 80 && REPORT_WORDS.test(compactTitle(p)));
      const fromContainer = doc.containerTitle ? parseTitle(doc.containerTitle) : null;
      return {
        title: parsed.title,
        agency: parsed.agency ?? (later ? parseTitle(later).agency : null) ?? fromContainer?.agency ?? null,
        year: parsed.year ?? (later ? parseTitle(later).year : null) ?? fromContainer?.year ?? null,
      };
    }
  }
  if (doc.containerTitle) {
    const parsed = parseTitle(doc.containerTitle);
    if (parsed.year !== null || parsed.agency !== null) return parsed;
  }
  return { title: null, agency: null, year: null };
}
