/**
 * Label normalisation (FORMAT.md §7): printed labels vary in brackets, spacing, numbering, notes and
 * a handful of known typos. Matching is done on the normalised form; the printed text is kept for
 * provenance.
 */

import radicals from './cjk-radicals.json' with { type: 'json' };

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/gu;
const QUOTES = /[“”"'‘’「」『』]/gu;
/** docx bookmark markers that text exports leave behind: `[bookmark: _Hlk26876326]`. */
const BOOKMARK = /\[bookmark:[^\]]*\]/giu;

const CN_NUMERAL = '一二三四五六七八九十';
const ENUMERATOR = new RegExp(
  [
    `^[${CN_NUMERAL}]+[、.．,，]`, // 一、  二.
    `^[(（][${CN_NUMERAL}]+[)）][、.．]?`, // （一） (一)
    `^\\d+[.．、,，](?!\\d)`, // 1.  1、 (but not 1.5)
    `^[(（]\\d+[)）][、.．]?`, // （1）
    `^[①-⑳]`,
    `^[.．、]+`, // a stray leading period: `.2.政府网站…`
  ].join('|'),
  'u',
);

/** Character-level synonyms and known typos, applied to the compact label (FORMAT.md §7.5). */
const SYNONYMS: [RegExp, string][] = [
  [/新收到/gu, '新收'],
  [/转结/gu, '结转'],
  [/檔案/gu, '文件'],
  [/規範性/gu, '规范性'],
  [/製作/gu, '制作'],
  [/數量/gu, '数量'],
  [/〔/gu, '['],
  [/〕/gu, ']'],
];

const RADICALS = new Map(Object.entries(radicals as Record<string, string>));
const RADICAL = /[\u2e80-\u2ef3]/gu;

/**
 * Unicode normalisation for comparing text: NFKC folds full-width forms and the Kangxi radicals
 * (⼆ → 二); the CJK Radicals Supplement that some PDF producers emit instead of ideographs
 * (⺠ for 民) is folded from a table (cjk-radicals.json, scripts/make-radical-map.py).
 */
export function nfkc(text: string): string {
  return text.normalize('NFKC').replace(RADICAL, (ch) => RADICALS.get(ch) ?? ch);
}

/** NFKC, no whitespace, no quotes, no bookmark markers: the form used to compare labels. */
export function compact(text: string): string {
  let out = nfkc(text).replace(BOOKMARK, '').replace(WHITESPACE, '').replace(QUOTES, '');
  for (const [pattern, replacement] of SYNONYMS) out = out.replace(pattern, replacement);
  return out;
}

export interface NormalisedLabel {
  /** The key used for matching: compact, enumerator and trailing note removed. */
  key: string;
  /** The leading enumerator as printed (`三、`, `（一）`, `1.`), a structural hint. */
  enumerator: string | null;
  /** A trailing parenthetical note, kept for audit (`（区分处理的，只计这一情形，不计其他情形）`). */
  note: string | null;
}

/** Strip a trailing bracketed note, however deeply nested: `规章(设区的市…(含…))`. */
function splitTrailingNote(text: string): { body: string; note: string | null } {
  if (!text.endsWith(')')) return { body: text, note: null };
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ')') depth++;
    else if (ch === '(') {
      depth--;
      if (depth === 0) {
        const body = text.slice(0, i);
        // A label that is only a parenthetical (`(一)`) keeps it.
        if (body.length === 0) return { body: text, note: null };
        return { body, note: text.slice(i) };
      }
    }
  }
  return { body: text, note: null };
}

export function normaliseLabel(text: string): NormalisedLabel {
  // NFKC folds ① into a bare 1 (「①其他」 → 「1其他」), so circled numbers are taken off before compacting.
  const circled = /^[\s\u3000]*([①-⑳])(?=[^]*[^\s\u3000])/u.exec(text);
  let rest = compact(circled ? text.slice(circled[0].length) : text);
  let enumerator: string | null = circled ? circled[1]! : null;
  // Up to two enumerators: `三、(一)予以公开` happens when cells are flattened.
  for (let i = 0; i < 3; i++) {
    const m = ENUMERATOR.exec(rest);
    if (!m || m[0].length === rest.length) break;
    enumerator = (enumerator ?? '') + m[0];
    rest = rest.slice(m[0].length);
  }
  const { body, note } = splitTrailingNote(rest);
  return { key: body, enumerator, note };
}

/** Shorthand for the matching key. */
export function labelKey(text: string): string {
  return normaliseLabel(text).key;
}

export interface MatchRule {
  id: string;
  match?: string[];
  exact?: string[];
}

/**
 * First rule whose `exact` strings equal the key, else the first whose `match` strings are
 * contained in it. Exact rules are tried first across the whole list, so that `其他` is not taken
 * by a rule for `其他处理`.
 */
export function matchRule<T extends MatchRule>(key: string, rules: readonly T[]): T | undefined {
  if (key.length === 0) return undefined;
  for (const rule of rules) if (rule.exact?.some((s) => s === key)) return rule;
  for (const rule of rules) if (rule.match?.some((s) => key.includes(s))) return rule;
  return undefined;
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((ch, i) => chars[i]! + ch);
}

/** Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/**
 * The rule whose strings are most similar to the key, when that similarity reaches `threshold`
 * and no other rule comes close: catches typos such as 其他法律行政止公开 without guessing.
 */
export function fuzzyRule<T extends MatchRule>(key: string, rules: readonly T[], threshold = 0.6): { rule: T; score: number } | undefined {
  const scored = rules
    .map((rule) => ({ rule, score: Math.max(0, ...[...(rule.match ?? []), ...(rule.exact ?? [])].map((s) => similarity(key, s))) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < threshold) return undefined;
  if (second && best.score - second.score < 0.15) return undefined;
  return best;
}

/** Parse a Chinese numeral up to 99 (一 … 九十九), or digits. */
export function chineseNumeral(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  const digits: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (text === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (m) return (m[1] ? digits[m[1]]! : 1) * 10 + (m[2] ? digits[m[2]]! : 0);
  if (text.length === 1 && text in digits) return digits[text]!;
  return null;
}
