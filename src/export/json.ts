/** `--format json`: every record in one pretty-printed array. */
import type { ReportRecord } from '../model/record.ts';

export function toJson(records: readonly ReportRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
