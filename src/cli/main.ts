/**
 * The command line: `nianbao extract <files|dirs…> --format json|jsonl|csv …`.
 * Exit codes (OUTPUT.md): 0 when every file is ok, partial or not a report; 1 when any failed;
 * 2 for a usage error.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { ReportRecord } from '../model/record.ts';
import { failedRecord, sha256Of } from '../pipeline/extract-file.ts';
import { collectInputs } from '../pipeline/inputs.ts';
import { ExtractionPool } from '../pipeline/pool.ts';
import { EXTRACTOR } from '../version.ts';
import { openOutput, type OutputFormat } from './output.ts';
import { summarise } from './summary.ts';

const USAGE = `nianbao ${EXTRACTOR.version} — turns 政府信息公开工作年度报告 (.docx, HTML, PDF) into validated data

Usage:
  nianbao extract <files|dirs…> [options]
  nianbao --help | --version

Options for extract:
  --format json|jsonl|csv   output format (default json)
  --layout wide|long        csv only: one row per report (wide, default) or one row per value (long)
  --header id|zh            csv only: field ids (default) or Chinese label paths as column names
  --no-bom                  csv only: leave out the UTF-8 byte-order mark (on by default, for Excel)
  --out FILE                write to FILE instead of standard output
  --jobs N                  files extracted at once, each in a worker thread (default: the number of cores)
  --timeout SECONDS         give up on a file after this long (default 60); it gets a TIMEOUT record
  --quiet                   no summary on standard error

Directories are walked for .docx .html .htm .shtml .pdf .doc .wps files.
Exit status: 0 every file ok (or not a report), 1 some file failed, 2 usage error.
`;

class UsageError extends Error {}

/** Heap limit of each extraction worker: far above what a report needs, far below the machine. */
const MEMORY_PER_WORKER_MB = 2048;

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

async function runExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      layout: { type: 'string' },
      header: { type: 'string' },
      'no-bom': { type: 'boolean' },
      bom: { type: 'boolean' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (positionals.length === 0) throw new UsageError('extract needs at least one file or directory');
  const format = choice<OutputFormat>('format', values.format, ['json', 'jsonl', 'csv'], 'json');
  const layout = choice('layout', values.layout, ['wide', 'long'] as const, 'wide');
  const header = choice('header', values.header, ['id', 'zh'] as const, 'id');
  if (format !== 'csv' && (values.layout || values.header)) throw new UsageError('--layout and --header apply to --format csv only');
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs must be a whole number ≥ 1');
  const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError('--timeout must be a number of seconds > 0');

  const { files, missing } = await collectInputs(positionals);
  const output = await openOutput({ format, layout, header, bom: !values['no-bom'], out: values.out });
  const pool = new ExtractionPool({ workers: Math.min(jobs, Math.max(1, files.length)), timeoutMs: timeout * 1000, memoryMb: MEMORY_PER_WORKER_MB });
  const records: ReportRecord[] = [];
  const write = async (record: ReportRecord) => {
    records.push(record);
    await output.write(record);
  };
  try {
    for (const problem of missing) await write(failedRecord(problem.path, sha256Of(new Uint8Array()), 'unknown', 'UNREADABLE', problem.message));
    // Records are written in input order; a window of files in flight keeps every worker busy
    // without holding more than a few finished records while a slow one runs.
    const window: Promise<ReportRecord>[] = [];
    for (const file of files) {
      window.push(pool.extract(file));
      if (window.length >= jobs * 4) await write(await window.shift()!);
    }
    for (const pending of window) await write(await pending);
    await output.close();
  } catch (err) {
    await output.abort();
    throw err;
  } finally {
    await pool.close();
  }
  if (!values.quiet) process.stderr.write(summarise(records));
  return records.some((r) => r.status === 'failed') ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${EXTRACTOR.version}\n`);
      return 0;
    }
    if (command === 'extract') return await runExtract(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`nianbao: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

