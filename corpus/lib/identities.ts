/**
 * The hard identities H1–H6 of FORMAT.md §5, evaluated on truth values to fill a fixture's
 * `source_identity_failures`, formatted exactly like the real truth files.
 *
 * Blank (null) counts as 0; an identity whose cells are all blank is skipped. The list is sorted,
 * as in the real files.
 */
import { T3_COLUMNS } from './labels.ts';

export type TruthFields = Record<string, number | null>;

const RESULT_ROWS_COMMON = [
  'granted',
  'partially_granted',
  'denied.state_secret',
  'denied.prohibited_by_law',
  'denied.three_security_one_stability',
  'denied.third_party_rights',
  'denied.internal_affairs',
  'denied.process_info',
  'denied.enforcement_case_file',
  'denied.administrative_query',
  'unable.not_held',
  'unable.needs_creation',
  'unable.still_unclear',
  'not_processed.petition_complaint',
  'not_processed.repeated',
  'not_processed.publication',
  'not_processed.excessive_repeated',
  'not_processed.confirm_or_reissue',
];
const OTHER_2021 = ['other_handling.overdue_no_correction', 'other_handling.overdue_fee_unpaid', 'other_handling.other'];

const APPLICANT_COLUMNS = T3_COLUMNS.filter((c) => c !== 'total');

/** Sum that keeps decimals exact enough for printing (values are integers or 2-decimal money). */
function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
}

export function identityFailures(fields: TruthFields): string[] {
  const failures: string[] = [];
  const has = (id: string) => Object.prototype.hasOwnProperty.call(fields, id);
  const check = (name: string, lhsIds: string[], rhsIds: string[]) => {
    const ids = [...lhsIds, ...rhsIds];
    if (ids.every((id) => fields[id] === null || fields[id] === undefined)) return;
    const lhs = sum(lhsIds.map((id) => fields[id] ?? 0));
    const rhs = sum(rhsIds.map((id) => fields[id] ?? 0));
    if (lhs !== rhs) failures.push(`${name}: ${lhs} != ${rhs}`);
  };

  if (has('applications.new_received.total')) {
    const single = has('applications.other_handling.total');
    const resultRows = [...RESULT_ROWS_COMMON, ...(single ? ['other_handling'] : OTHER_2021)];
    const a = (row: string, col: string) => `applications.${row}.${col}`;
    for (const col of T3_COLUMNS) {
      check(`H1 ${col}`, [a('new_received', col), a('carried_over', col)], [a('result_total', col), a('carried_forward', col)]);
    }
    for (const col of T3_COLUMNS) {
      check(`H2 ${col}`, resultRows.map((row) => a(row, col)), [a('result_total', col)]);
    }
    const allRows = ['new_received', 'carried_over', ...resultRows, 'result_total', 'carried_forward'];
    for (const row of allRows) {
      check(`H3 ${row}`, APPLICANT_COLUMNS.map((col) => a(row, col)), [a(row, 'total')]);
    }
  }
  if (has('review_litigation.review.total')) {
    const blocks: [string, string][] = [
      ['H4', 'review'],
      ['H5', 'litigation_direct'],
      ['H6', 'litigation_after_review'],
    ];
    for (const [h, block] of blocks) {
      const r = (c: string) => `review_litigation.${block}.${c}`;
      check(`${h} ${block}`, ['upheld', 'corrected', 'other', 'pending'].map(r), [r('total')]);
    }
  }
  return failures.sort();
}
