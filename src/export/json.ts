/** `--format json`: every record in one pretty-printed array. */
import type { ReportRecord } from '../model/record.ts';

export function toJson(records: readonly ReportRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** The same array written one record at a time: the opening, each record, the closing. */
export function jsonArrayOpen(): string {
  return '[';
}

export function jsonArrayItem(record: ReportRecord, first: boolean): string {
  const indented = JSON.stringify(record, null, 2).replace(/\n/gu, '\n  ');
  return `${first ? '' : ','}\n  ${indented}`;
}

export function jsonArrayClose(count: number): string {
  return count === 0 ? ']\n' : '\n]\n';
}
