/**
 * The identities H1–H6 (FORMAT.md §5.1–5.2), evaluated on the values as printed. A published table
 * that does not add up is reported here, never corrected in `fields`.
 *
 * Blank cells count as 0 (FORMAT.md §5.6): a blank 总计 next to non-zero parts is a failed check,
 * which is what a reader of the published table sees. An identity whose cells are all blank is
 * skipped. Every check lists its cells, total first, and the blank ones it counted as 0.
 */
import type { TableVariant } from '../catalogue/index.ts';
import type { Check } from '../model/record.ts';

export const APPLICANT_COLUMNS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_welfare_org',
  'legal_service_org',
  'other_org',
  'total',
] as const;

const DENIED = ['state_secret', 'prohibited_by_law', 'three_security_one_stability', 'third_party_rights', 'internal_affairs', 'process_info', 'enforcement_case_file', 'administrative_query'];
const UNABLE = ['not_held', 'needs_creation', 'still_unclear'];
const NOT_PROCESSED = ['petition_complaint', 'repeated', 'publication', 'excessive_repeated', 'confirm_or_reissue'];
const OTHER_2021 = ['overdue_no_correction', 'overdue_fee_unpaid', 'other'];

/** Sub-row groups whose sums are reported in `derived` (not template rows). */
export const GROUPS: Record<string, string[]> = {
  denied: DENIED.map((r) => `denied.${r}`),
  unable: UNABLE.map((r) => `unable.${r}`),
  not_processed: NOT_PROCESSED.map((r) => `not_processed.${r}`),
};

/** The result rows that H2 sums, for a table variant. */
export function resultRows(variant: TableVariant): string[] {
  return [
    'granted',
    'partially_granted',
    ...GROUPS.denied!,
    ...GROUPS.unable!,
    ...GROUPS.not_processed!,
    ...(variant === '2021' ? OTHER_2021.map((r) => `other_handling.${r}`) : ['other_handling']),
  ];
}

/** Every data row of the application table, for H3. */
export function applicationRows(variant: TableVariant): string[] {
  return ['new_received', 'carried_over', ...resultRows(variant), 'result_total', 'carried_forward'];
}

type Values = Record<string, number | null | undefined>;

function identity(id: Check['id'], scope: string, totalIds: string[], partIds: string[], values: Values): Check {
  const cells = [...totalIds, ...partIds];
  const blanks = cells.filter((c) => values[c] === null || values[c] === undefined);
  const sum = (ids: string[]) => ids.reduce((acc, c) => acc + (values[c] ?? 0), 0);
  const expected = round(sum(partIds));
  const actual = round(sum(totalIds));
  const check: Check = {
    id,
    scope,
    status: blanks.length === cells.length ? 'skip' : expected === actual ? 'pass' : 'fail',
    expected,
    actual,
    cells,
  };
  if (blanks.length > 0) check.blank_cells = blanks;
  return check;
}

/** Decimal-safe rounding for sums of printed decimals. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function applicationChecks(values: Values, variant: TableVariant): Check[] {
  const checks: Check[] = [];
  const a = (row: string, col: string) => `applications.${row}.${col}`;
  for (const col of APPLICANT_COLUMNS) {
    // H1: 第一项 + 第二项 = 第三项 + 第四项. "expected" is the left side, "actual" the right.
    checks.push(identity('H1', `applications.*.${col}`, [a('result_total', col), a('carried_forward', col)], [a('new_received', col), a('carried_over', col)], values));
  }
  for (const col of APPLICANT_COLUMNS) {
    checks.push(identity('H2', `applications.*.${col}`, [a('result_total', col)], resultRows(variant).map((r) => a(r, col)), values));
  }
  for (const row of applicationRows(variant)) {
    checks.push(identity('H3', `applications.${row}`, [a(row, 'total')], APPLICANT_COLUMNS.slice(0, -1).map((c) => a(row, c)), values));
  }
  return checks;
}

export function reviewChecks(values: Values): Check[] {
  const blocks = [
    ['H4', 'review'],
    ['H5', 'litigation_direct'],
    ['H6', 'litigation_after_review'],
  ] as const;
  return blocks.map(([id, block]) => {
    const f = (c: string) => `review_litigation.${block}.${c}`;
    return identity(id, `review_litigation.${block}`, [f('total')], ['upheld', 'corrected', 'other', 'pending'].map(f), values);
  });
}

/** Group sums (denied, unable, not_processed, and other_handling in 2021) where every part is printed. */
export function derivedSums(values: Values, variant: TableVariant): Record<string, number> {
  const groups: Record<string, string[]> = { ...GROUPS };
  if (variant === '2021') groups.other_handling = OTHER_2021.map((r) => `other_handling.${r}`);
  const out: Record<string, number> = {};
  for (const [group, rows] of Object.entries(groups)) {
    for (const col of APPLICANT_COLUMNS) {
      const parts = rows.map((r) => values[`applications.${r}.${col}`]);
      if (parts.every((p): p is number => typeof p === 'number')) out[`applications.${group}.${col}`] = round(parts.reduce((x, y) => x + y, 0));
    }
  }
  return out;
}
