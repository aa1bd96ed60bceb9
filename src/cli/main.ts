/**
 * The command line: `nianbao extract <files|dirs…> --format json|jsonl|csv …`.
 * Exit codes (OUTPUT.md): 0 when every file is ok, partial or not a report; 1 when any failed;
 * 2 for a usage error.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runBatch } from '../pipeline/batch.ts';
import { DEFAULT_MAX_BYTES, type ExtractOptions } from '../pipeline/extract-file.ts';
import { collectInputs } from '../pipeline/inputs.ts';
import { ExtractionPool } from '../pipeline/pool.ts';
import { EXTRACTOR } from '../version.ts';
import { openOutput, type OutputFormat } from './output.ts';
import { Progress } from './progress.ts';

const USAGE = `nianbao ${EXTRACTOR.version} — turns 政府信息公开工作年度报告 (.docx, HTML, PDF) into validated data

Usage:
  nianbao extract <files|dirs…> [options]
  nianbao --help | --version

Options for extract:
  --format json|jsonl|csv   output format (default json)
  --layout wide|long        csv only: one row per report (wide, default) or one row per value (long)
  --header id|zh            csv only: field ids (default) or Chinese label paths as column names
  --no-bom                  csv only: leave out the UTF-8 byte-order mark (on by default, for Excel)
  --out FILE                write to FILE instead of standard output; every record is flushed to it
                            (jsonl) or to FILE.journal.jsonl (json, csv) as soon as it is made
  --resume                  carry on an interrupted run: inputs already in --out are not read again
  --jobs N                  files extracted at once, each in a worker thread (default: the number of cores)
  --timeout SECONDS         give up on a file after this long (default 60); it gets a TIMEOUT record
  --max-size MB             refuse files larger than this (default 200): TOO_LARGE
  --password PASSWORD       open encrypted PDFs with this password
  --quiet                   nothing on standard error (otherwise: progress on a terminal, one JSON
                            line per file when standard error is not a terminal, and a summary)

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
      out: { type: 'string' },
      resume: { type: 'boolean' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      'max-size': { type: 'string' },
      password: { type: 'string' },
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
  const maxSize = values['max-size'] === undefined ? DEFAULT_MAX_BYTES / 1_048_576 : Number(values['max-size']);
  if (!(maxSize > 0)) throw new UsageError('--max-size must be a number of megabytes > 0');
  if (values.resume && !values.out) throw new UsageError('--resume needs --out: the output file is where the run left its records');

  const { files, missing } = await collectInputs(positionals);
  const output = await openOutput({ format, layout, header, bom: !values['no-bom'], out: values.out }, values.resume === true);
  const progress = new Progress(files.length + missing.length, values.quiet === true);
  progress.previous(output.previous);
  const extract: ExtractOptions = { maxBytes: maxSize * 1_048_576, conversionTimeoutMs: Math.max(1000, timeout * 1000 - 5000) };
  if (values.password !== undefined) extract.password = values.password;
  const pool = new ExtractionPool({ workers: Math.min(jobs, Math.max(1, files.length)), timeoutMs: timeout * 1000, memoryMb: MEMORY_PER_WORKER_MB, extract });
  try {
    await runBatch(files, missing, { extract: (path) => pool.extract(path), write: (r) => output.write(r), previous: output.previous, recall: (e) => output.recall(e), onRecord: (r, ms) => progress.record(r, ms) }, jobs * 4);
    await output.close();
  } finally {
    await pool.close();
  }
  progress.finish();
  return progress.anyFailed ? 1 : 0;
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

