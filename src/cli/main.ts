/**
 * The command line: `nianbao extract <files|dirs…> --format json|jsonl|csv …`.
 * Exit codes (OUTPUT.md): 0 when every file is ok, partial or not a report; 1 when any failed;
 * 2 for a usage error.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runBatch } from '../pipeline/batch.ts';
import { DEFAULT_MAX_BYTES, type ExtractOptions } from '../pipeline/records.ts';
import { collectInputs } from '../pipeline/inputs.ts';
import { ExtractionPool } from '../pipeline/pool.ts';
import { EXTRACTOR } from '../version.ts';
import { openOutput } from './output.ts';
import { MEMORY_PER_WORKER_MB, OUTPUT_OPTIONS, UsageError, numberOption, outputOptions } from './args.ts';
import { runCrawl, runExport, runReextract } from './store-commands.ts';
import { Progress } from './progress.ts';

const USAGE = `nianbao ${EXTRACTOR.version} — turns 政府信息公开工作年度报告 (.docx, HTML, PDF) into validated data

Usage:
  nianbao extract <files|dirs…> [options]
  nianbao crawl <listing-url…> [--store DIR] [options]
  nianbao export [--store DIR] [--format json|jsonl|csv] [options]
  nianbao reextract [--store DIR] [--jobs N]
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

Options for crawl (fetches reports from the 政府信息公开年报 column of a site into a store):
  --store DIR               the store (default ./nianbao-store): SQLite database and downloaded files
  --allow-host HOST         also visit HOST (by default only the hosts of the listing URLs); repeatable
  --delay SECONDS           at least this long between two requests to one host (default 1)
  --per-host N              requests at once to one host (default 2)
  --timeout SECONDS         per request (default 30)
  --max-download MB         largest file fetched (default 100)
  --max-pages N             listing pages followed from each listing URL (default 500)
  --retries N               on timeouts, network errors, 5xx and 429, with backoff (default 3)
  --jobs N                  files extracted at once (default: the number of cores)
  --quiet                   nothing on standard error (otherwise: one line per URL and a summary)
Exit status: 0 the crawl completed and nothing failed, 1 some URL or file failed, 2 usage error,
3 another run is using the store.

Options for export (the latest record of every stored report, in the formats of extract):
  --store DIR  --format json|jsonl|csv  --layout wide|long  --header id|zh  --no-bom  --out FILE
  --year YYYY               only reports covering this year
  --host HOST               only reports fetched from this host
  --all                     also files that are not reports (notices, wrappers of attachments)

reextract extracts every stored file again with this version of nianbao (after an upgrade);
--force also re-extracts files this version already has a record of.
`;

async function runExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...OUTPUT_OPTIONS,
      resume: { type: 'boolean' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      'max-size': { type: 'string' },
      password: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (positionals.length === 0) throw new UsageError('extract needs at least one file or directory');
  const writeAs = outputOptions(values);
  if (writeAs.format !== 'csv' && (values.layout || values.header)) throw new UsageError('--layout and --header apply to --format csv only');
  const jobs = numberOption('jobs', values.jobs, availableParallelism(), { integer: true });
  const timeout = numberOption('timeout', values.timeout, 60);
  const maxSize = numberOption('max-size', values['max-size'], DEFAULT_MAX_BYTES / 1_048_576);
  if (values.resume && !values.out) throw new UsageError('--resume needs --out: the output file is where the run left its records');

  const { files, missing } = await collectInputs(positionals);
  const output = await openOutput(writeAs, values.resume === true);
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
    if (command === 'crawl') return await runCrawl(rest);
    if (command === 'export') return await runExport(rest);
    if (command === 'reextract') return await runReextract(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`nianbao: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

