/**
 * The short form of a check, used by truth files, CSV exports and summaries:
 * `H3 granted: 272 != 0` — parts sum, then the total as printed.
 */
import type { Check } from './record.ts';

export function describeCheck(check: Check): string {
  const scope = check.scope.replace(/^(?:applications\.\*\.|applications\.|review_litigation\.)/u, '');
  return check.status === 'fail' ? `${check.id} ${scope}: ${check.expected} != ${check.actual}` : `${check.id} ${scope}: ${check.status}`;
}
