import { describe, expect, it } from 'vitest';
import { describeCheck } from '../../src/model/describe-check.ts';
import type { Check } from '../../src/model/record.ts';

const check = (over: Partial<Check>): Check => ({ id: 'H3', scope: 'applications.granted', status: 'fail', expected: 272, actual: 0, cells: [], ...over });

describe('describeCheck', () => {
  it('writes a failure as id, short scope, parts sum != printed total', () => {
    expect(describeCheck(check({}))).toBe('H3 granted: 272 != 0');
  });

  it('shortens the scopes of every identity', () => {
    expect(describeCheck(check({ id: 'H1', scope: 'applications.*.natural_person', expected: 4, actual: 5 }))).toBe('H1 natural_person: 4 != 5');
    expect(describeCheck(check({ id: 'H3', scope: 'applications.denied.state_secret', expected: 1, actual: 2 }))).toBe('H3 denied.state_secret: 1 != 2');
    expect(describeCheck(check({ id: 'H4', scope: 'review_litigation.review', expected: 11, actual: 0 }))).toBe('H4 review: 11 != 0');
  });

  it('writes pass and skip without numbers', () => {
    expect(describeCheck(check({ status: 'pass', expected: 3, actual: 3 }))).toBe('H3 granted: pass');
    expect(describeCheck(check({ id: 'H6', scope: 'review_litigation.litigation_after_review', status: 'skip' }))).toBe('H6 litigation_after_review: skip');
  });

  it('writes decimals as numbers', () => {
    expect(describeCheck(check({ id: 'H4', scope: 'review_litigation.review', expected: 0.3, actual: 0.5 }))).toBe('H4 review: 0.3 != 0.5');
  });
});
