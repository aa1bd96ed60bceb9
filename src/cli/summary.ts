/** The closing summary on standard error: counts by status and error code, failed checks. */
import type { ReportRecord } from '../model/record.ts';

export function summarise(records: ReportRecord[]): string {
  const byStatus = new Map<string, number>();
  const byCode = new Map<string, number>();
  let checksFailed = 0;
  let reportsWithFailedChecks = 0;
  for (const record of records) {
    byStatus.set(record.status, (byStatus.get(record.status) ?? 0) + 1);
    if (record.error) byCode.set(record.error.code, (byCode.get(record.error.code) ?? 0) + 1);
    const failed = record.checks.filter((c) => c.status === 'fail').length;
    checksFailed += failed;
    if (failed > 0) reportsWithFailedChecks++;
  }
  const parts = [...byStatus].map(([status, n]) => `${n} ${status}`);
  const codes = byCode.size > 0 ? ` (${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ')})` : '';
  const checks = checksFailed > 0 ? `; ${checksFailed} identity check(s) failed in ${reportsWithFailedChecks} report(s): the published tables do not add up` : '';
  return `nianbao: ${records.length} file(s): ${parts.join(', ')}${codes}${checks}\n`;
}
