/**
 * Truth files (`<name>.truth.json`, values as printed, checked by hand or written by the corpus
 * generator) and the comparison of a record against one. Used by `npm run eval` and the
 * end-to-end tests, so both judge the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ReportRecord } from '../../src/model/record.ts';
import { describeCheck } from '../../src/model/describe-check.ts';

export interface Truth {
  report: { agency: string | null; year: number | null; template: string };
  fields: Record<string, number | null>;
  source_identity_failures: string[];
  status?: ReportRecord['status'];
}

export interface TruthCase {
  name: string;
  truthPath: string;
  /** The input file beside the truth file; a .txt export is built into a .docx first. */
  inputPath: string;
  truth: Truth;
}

export const REPO_ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
export const SHARED_REAL = join(REPO_ROOT, '..', 'shared', 'corpus', 'real');
const INPUT_EXTENSIONS = ['.docx', '.html', '.htm', '.pdf', '.txt'];

/** Every truth file under a directory (recursively) with its input file. */
export function findTruthCases(root: string): TruthCase[] {
  if (!existsSync(root)) return [];
  const out: TruthCase[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.truth.json')) {
        const stem = path.slice(0, -'.truth.json'.length);
        const inputPath = INPUT_EXTENSIONS.map((ext) => stem + ext).find((p) => existsSync(p));
        if (!inputPath) continue;
        out.push({ name: basename(stem), truthPath: path, inputPath, truth: JSON.parse(readFileSync(path, 'utf8')) as Truth });
      }
    }
  };
  walk(root);
  return out;
}

export interface Comparison {
  cells: number;
  exact: number;
  /** Field ids whose value differs, is missing, or should not be there. */
  mismatches: { field: string; expected: number | null | undefined; actual: number | null | undefined }[];
  yearRight: boolean;
  templateRight: boolean;
  agencyRight: boolean;
  statusRight: boolean;
  failuresExpected: string[];
  failuresFound: string[];
  /** Failed checks the truth does not list (a mis-read cell usually shows up here). */
  falseAlarms: string[];
}

export function compareRecord(record: ReportRecord, truth: Truth): Comparison {
  const ids = new Set([...Object.keys(truth.fields), ...Object.keys(record.fields)]);
  const mismatches: Comparison['mismatches'] = [];
  for (const id of ids) {
    const expected = truth.fields[id];
    const actual = record.fields[id as keyof typeof record.fields];
    if (!(id in truth.fields) || !(id in record.fields) || expected !== actual) mismatches.push({ field: id, expected, actual });
  }
  const failed = record.checks.filter((c) => c.status === 'fail').map(describeCheck);
  const expectedFailures = truth.source_identity_failures;
  return {
    cells: ids.size,
    exact: ids.size - mismatches.length,
    mismatches,
    yearRight: record.report.year === truth.report.year,
    templateRight: record.report.template === truth.report.template,
    agencyRight: record.report.agency === truth.report.agency,
    statusRight: record.status === (truth.status ?? 'ok'),
    failuresExpected: expectedFailures,
    failuresFound: expectedFailures.filter((f) => failed.includes(f)),
    falseAlarms: failed.filter((f) => !expectedFailures.includes(f)),
  };
}
