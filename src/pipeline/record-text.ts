/**
 * A record as the batch moves it: its JSON line as UTF-8 bytes, and the few facts the run itself
 * needs. Workers serialise records themselves and hand the bytes over (transferred, not copied), so
 * the main thread of a run of thousands of files never builds record objects or large strings:
 * measured, those made its memory creep up with the length of the run.
 */
import type { ReportRecord } from '../model/record.ts';

/** The few facts of a record that the run itself needs. */
export interface RecordFacts {
  path: string;
  sha256: string;
  status: ReportRecord['status'];
  code: string | null;
  checksFailed: number;
  /** The year the report covers, where found. */
  year: number | null;
}

export interface RecordText extends RecordFacts {
  /** JSON.stringify of the record and a newline, UTF-8. */
  line: Uint8Array;
}

export function toRecordText(record: ReportRecord): RecordText {
  return { line: new TextEncoder().encode(`${JSON.stringify(record)}\n`), ...factsOf(record) };
}

export function factsOf(record: ReportRecord): RecordFacts {
  return {
    path: record.source.path,
    sha256: record.source.sha256,
    status: record.status,
    code: record.error?.code ?? null,
    checksFailed: record.checks.filter((c) => c.status === 'fail').length,
    year: record.report.year,
  };
}

export function parseLine(line: Uint8Array): ReportRecord {
  return JSON.parse(new TextDecoder().decode(line)) as ReportRecord;
}

/** The same record under another path (an identical file elsewhere). */
export function withPath(text: RecordText, path: string): RecordText {
  if (text.path === path) return text;
  const record = parseLine(text.line);
  return toRecordText({ ...record, source: { ...record.source, path } });
}
