import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/model/record.ts';
import { APPLICANT_COLUMNS, applicationChecks, applicationRows, derivedSums, resultRows, reviewChecks } from '../../src/normalize/checks.ts';

const A = (row: string, col: string) => `applications.${row}.${col}`;
const R = (block: string, col: string) => `review_litigation.${block}.${col}`;

function find(checks: Check[], id: Check['id'], scope: string): Check {
  const found = checks.find((c) => c.id === id && c.scope === scope);
  if (!found) throw new Error(`no ${id} ${scope}`);
  return found;
}

/** A consistent 2019 application table: every column holds the same small numbers. */
function consistent2019(): Record<string, number> {
  const values: Record<string, number> = {};
  for (const col of APPLICANT_COLUMNS) {
    const n = col === 'total' ? 6 : 1; // six applicant columns of 1 → total 6
    for (const row of applicationRows('2019')) values[A(row, col)] = 0;
    values[A('new_received', col)] = 3 * n;
    values[A('carried_over', col)] = 1 * n;
    values[A('granted', col)] = 2 * n;
    values[A('denied.state_secret', col)] = 1 * n;
    values[A('result_total', col)] = 3 * n;
    values[A('carried_forward', col)] = 1 * n;
  }
  return values;
}

describe('row lists', () => {
  it('has 23 data rows in 2019 and 25 in 2021, （六） being one row or three', () => {
    expect(applicationRows('2019')).toHaveLength(23);
    expect(applicationRows('2021')).toHaveLength(25);
    expect(resultRows('2019')).toContain('other_handling');
    expect(resultRows('2021')).not.toContain('other_handling');
    expect(resultRows('2021')).toEqual(expect.arrayContaining(['other_handling.overdue_no_correction', 'other_handling.overdue_fee_unpaid', 'other_handling.other']));
  });
});

describe('applicationChecks', () => {
  it('passes every H1, H2 and H3 on a consistent table: 7 + 7 + 23 checks', () => {
    const checks = applicationChecks(consistent2019(), '2019');
    expect(checks).toHaveLength(7 + 7 + 23);
    expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });

  it('H1 compares 一+二 (expected) with 三+四 (actual), listing the totals first', () => {
    const values = { ...consistent2019(), [A('carried_forward', 'natural_person')]: 5 };
    const h1 = find(applicationChecks(values, '2019'), 'H1', 'applications.*.natural_person');
    expect(h1).toMatchObject({ status: 'fail', expected: 4, actual: 8 });
    expect(h1.cells).toEqual([
      A('result_total', 'natural_person'),
      A('carried_forward', 'natural_person'),
      A('new_received', 'natural_person'),
      A('carried_over', 'natural_person'),
    ]);
  });

  it('H2 sums the single （六） row in 2019 and the three sub-rows in 2021', () => {
    const v2019 = { ...consistent2019(), [A('other_handling', 'natural_person')]: 2 };
    expect(find(applicationChecks(v2019, '2019'), 'H2', 'applications.*.natural_person')).toMatchObject({ status: 'fail', expected: 5, actual: 3 });

    const v2021: Record<string, number | null> = { ...consistent2019(), [A('other_handling.other', 'natural_person')]: 2 };
    const h2 = find(applicationChecks(v2021, '2021'), 'H2', 'applications.*.natural_person');
    expect(h2).toMatchObject({ status: 'fail', expected: 5, actual: 3 });
    expect(h2.cells[0]).toBe(A('result_total', 'natural_person'));
    expect(h2.cells).toContain(A('other_handling.other', 'natural_person'));
    expect(h2.cells).not.toContain(A('other_handling', 'natural_person'));
  });

  it('H3 checks the 总计 column of each row against its six applicant columns', () => {
    const values = { ...consistent2019(), [A('granted', 'total')]: 11 };
    const h3 = find(applicationChecks(values, '2019'), 'H3', 'applications.granted');
    expect(h3).toMatchObject({ status: 'fail', expected: 12, actual: 11 });
    expect(h3.cells).toEqual([A('granted', 'total'), ...APPLICANT_COLUMNS.slice(0, -1).map((c) => A('granted', c))]);
  });

  it('counts a blank 总计 as 0, so a blank total next to non-zero parts fails, and lists it in blank_cells', () => {
    // Shanghai 2019: （一）予以公开 258, 12, –, –, 1, 1, [blank].
    const values: Record<string, number | null> = {
      [A('granted', 'natural_person')]: 258,
      [A('granted', 'commercial_enterprise')]: 12,
      [A('granted', 'research_institution')]: null,
      [A('granted', 'public_welfare_org')]: null,
      [A('granted', 'legal_service_org')]: 1,
      [A('granted', 'other_org')]: 1,
      [A('granted', 'total')]: null,
    };
    const h3 = find(applicationChecks(values, '2019'), 'H3', 'applications.granted');
    expect(h3).toMatchObject({ status: 'fail', expected: 272, actual: 0 });
    expect(h3.blank_cells).toEqual([A('granted', 'total'), A('granted', 'research_institution'), A('granted', 'public_welfare_org')]);
  });

  it('passes an identity whose blank parts are the only thing keeping it from closing as 0', () => {
    const values: Record<string, number | null> = { [A('granted', 'natural_person')]: 2, [A('granted', 'total')]: 2 };
    const h3 = find(applicationChecks(values, '2019'), 'H3', 'applications.granted');
    expect(h3.status).toBe('pass');
    expect(h3.blank_cells).toHaveLength(5);
  });

  it('skips an identity whose cells are all blank, instead of passing 0 = 0', () => {
    const checks = applicationChecks({}, '2021');
    expect(checks).toHaveLength(7 + 7 + 25);
    expect(checks.every((c) => c.status === 'skip')).toBe(true);
    expect(checks.every((c) => c.blank_cells?.length === c.cells.length)).toBe(true);
  });

  it('omits blank_cells when every cell is printed', () => {
    const h1 = find(applicationChecks(consistent2019(), '2019'), 'H1', 'applications.*.total');
    expect(h1).not.toHaveProperty('blank_cells');
  });
});

describe('reviewChecks', () => {
  const full = (block: string, [upheld, corrected, other, pending, total]: number[]) => ({
    [R(block, 'upheld')]: upheld,
    [R(block, 'corrected')]: corrected,
    [R(block, 'other')]: other,
    [R(block, 'pending')]: pending,
    [R(block, 'total')]: total,
  });

  it('runs H4, H5, H6 on the three blocks: total = upheld + corrected + other + pending', () => {
    const values = { ...full('review', [1, 2, 3, 4, 10]), ...full('litigation_direct', [0, 0, 0, 0, 0]), ...full('litigation_after_review', [1, 0, 0, 0, 2]) };
    const checks = reviewChecks(values);
    expect(checks.map((c) => [c.id, c.scope, c.status])).toEqual([
      ['H4', 'review_litigation.review', 'pass'],
      ['H5', 'review_litigation.litigation_direct', 'pass'],
      ['H6', 'review_litigation.litigation_after_review', 'fail'],
    ]);
    expect(checks[2]).toMatchObject({ expected: 1, actual: 2 });
    expect(checks[0]!.cells[0]).toBe(R('review', 'total'));
  });

  it('reports a printed total of 0 next to 10 + 1 as a failure (hongze 2023)', () => {
    const h4 = reviewChecks(full('review', [10, 1, 0, 0, 0]))[0]!;
    expect(h4).toMatchObject({ id: 'H4', status: 'fail', expected: 11, actual: 0 });
  });

  it('compares decimal sums without floating-point noise', () => {
    const h4 = reviewChecks(full('review', [0.1, 0.2, 0, 0, 0.3]))[0]!;
    expect(h4.status).toBe('pass');
  });

  it('skips a block with no printed cell', () => {
    expect(reviewChecks({}).map((c) => c.status)).toEqual(['skip', 'skip', 'skip']);
  });
});

describe('derivedSums', () => {
  it('sums the （三）（四）（五） groups per column', () => {
    const values: Record<string, number> = {};
    ['state_secret', 'prohibited_by_law', 'three_security_one_stability', 'third_party_rights', 'internal_affairs', 'process_info', 'enforcement_case_file', 'administrative_query'].forEach(
      (r, i) => (values[A(`denied.${r}`, 'total')] = i + 1),
    );
    ['not_held', 'needs_creation', 'still_unclear'].forEach((r) => (values[A(`unable.${r}`, 'total')] = 2));
    const derived = derivedSums(values, '2019');
    expect(derived[A('denied', 'total')]).toBe(36);
    expect(derived[A('unable', 'total')]).toBe(6);
    expect(derived).not.toHaveProperty(A('not_processed', 'total'));
  });

  it('does not derive a group sum when any part is blank', () => {
    const values: Record<string, number | null> = { [A('unable.not_held', 'total')]: 1, [A('unable.needs_creation', 'total')]: null, [A('unable.still_unclear', 'total')]: 1 };
    expect(derivedSums(values, '2019')).not.toHaveProperty(A('unable', 'total'));
  });

  it('derives other_handling from its three sub-rows in 2021 only (in 2019 it is a printed row)', () => {
    const values = { [A('other_handling.overdue_no_correction', 'natural_person')]: 1, [A('other_handling.overdue_fee_unpaid', 'natural_person')]: 2, [A('other_handling.other', 'natural_person')]: 3 };
    expect(derivedSums(values, '2021')[A('other_handling', 'natural_person')]).toBe(6);
    expect(derivedSums(values, '2019')).not.toHaveProperty(A('other_handling', 'natural_person'));
  });
});
