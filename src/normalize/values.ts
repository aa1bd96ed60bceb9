/**
 * Cell text → value (FORMAT.md §5.6, §6.6). Blank and not-applicable cells become null; a number
 * is read exactly as printed (sign, decimals, unit kept apart); anything else is `unparseable`
 * and the caller raises a warning that quotes the text.
 */

import { nfkc } from './labels.ts';

export type ValueKind = 'number' | 'blank' | 'not_applicable' | 'unparseable';

export interface ParsedValue {
  value: number | null;
  kind: ValueKind;
  /** Unit printed in the cell (`251000元` → 元). */
  unit?: string;
}

const NOT_APPLICABLE = new Set(['-', '--', '—', '——', '–', '/', '\\', '无', '不适用', '…', '……', '×', 'x', 'X', '——/', '/-']);
const UNITS = ['人次', '万元', '元', '件', '条', '次', '篇', '个', '人', '项', '家', '份', '起'];
const UNIT_PATTERN = new RegExp(`^(.*?)[(]?(${UNITS.join('|')})[)]?$`, 'u');
const NUMBER = /^([+\-−—])?(\d+(?:\.\d+)?)$/u;
const GROUPED = /^([+\-−—])?(\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/u;

export function parseValue(raw: string): ParsedValue {
  // NFKC folds full-width digits, signs and separators (１２，３４５ → 12,345; － → -; ／ → /).
  // Spaces between digits are kept apart unless they group thousands (`1 000`): `1 2` is two
  // numbers run together (a PDF cell border lost), not twelve.
  const spaced = nfkc(raw).trim().replace(/[\s\u00a0\u3000\u200b\ufeff]+/gu, ' ');
  if (/\d \d/u.test(spaced) && !/^[+\-−—]?\d{1,3}(?: \d{3})+(?:\.\d+)?\D*$/u.test(spaced)) return { value: null, kind: 'unparseable' };
  let text = spaced.replace(/ /gu, '');
  if (text.length === 0) return { value: null, kind: 'blank' };
  if (NOT_APPLICABLE.has(text)) return { value: null, kind: 'not_applicable' };

  let unit: string | undefined;
  const unitMatch = UNIT_PATTERN.exec(text);
  if (unitMatch && unitMatch[1] && /\d$/u.test(unitMatch[1])) {
    unit = unitMatch[2];
    text = unitMatch[1];
  }

  let sign = 1;
  const word = /^(增加|增|减少|减)(.*)$/u.exec(text);
  if (word) {
    sign = word[1]!.startsWith('减') ? -1 : 1;
    text = word[2]!;
  }

  const grouped = GROUPED.exec(text);
  if (grouped) text = (grouped[1] ?? '') + grouped[2]!.replace(/,/gu, '');
  const m = NUMBER.exec(text);
  if (!m) return { value: null, kind: 'unparseable' };
  // 「减-3」: a sign word and a sign character together say nothing certain.
  if (word && m[1]) return { value: null, kind: 'unparseable' };
  if (m[1] && m[1] !== '+') sign = -sign;
  const value = sign * Number(m[2]);
  // -0 is printed as "-0" occasionally; keep the number plain.
  const parsed: ParsedValue = { value: value === 0 ? 0 : value, kind: 'number' };
  if (unit) parsed.unit = unit;
  return parsed;
}

/** True when the text reads as a value (a number, blank or a not-applicable marker). */
export function looksLikeValue(raw: string): boolean {
  return parseValue(raw).kind !== 'unparseable';
}

/** True when the text is a number (not blank, not a marker). */
export function isNumberText(raw: string): boolean {
  return parseValue(raw).kind === 'number';
}
