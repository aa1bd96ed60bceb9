/** `--format jsonl`: one compact record per line, so a batch can be streamed and appended to. */
import type { ReportRecord } from '../model/record.ts';

export function toJsonLine(record: ReportRecord): string {
  // JSON.stringify escapes any newline inside strings, so a record is always exactly one line.
  return `${JSON.stringify(record)}\n`;
}
