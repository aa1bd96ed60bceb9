/**
 * The commands that work on a crawl store: crawl, export, reextract.
 * Exit codes for schedulers: 0 done and nothing failed; 1 done, but some URL or file failed;
 * 2 usage error; 3 the store is in use by another run.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Crawl, type CrawlSummary, type UrlEvent } from '../crawl/crawler.ts';
import { Fetcher } from '../crawl/fetcher.ts';
import { SameReportFilter } from '../crawl/same-report.ts';
import { Store, StoreLockedError, withoutPort } from '../crawl/store.ts';
import { DEFAULT_MAX_BYTES } from '../pipeline/records.ts';
import { ExtractionPool } from '../pipeline/pool.ts';
import { EXTRACTOR } from '../version.ts';
import { MEMORY_PER_WORKER_MB, OUTPUT_OPTIONS, UsageError, numberOption, outputOptions } from './args.ts';
import { writeRecords } from './output.ts';

const DEFAULT_STORE = './nianbao-store';
const EXIT_LOCKED = 3;

function openStore(dir: string, write: boolean): Store | number {
  try {
    return Store.open(dir, { write });
  } catch (err) {
    if (err instanceof StoreLockedError) {
      process.stderr.write(`nianbao: ${err.message}\n`);
      return EXIT_LOCKED;
    }
    throw err;
  }
}

function newPool(jobs: number): ExtractionPool {
  return new ExtractionPool({ workers: jobs, timeoutMs: 60_000, memoryMb: MEMORY_PER_WORKER_MB, extract: { maxBytes: DEFAULT_MAX_BYTES, conversionTimeoutMs: 55_000 } });
}

/** What a crawl tells its watcher: a line per URL and per host on a terminal, JSON lines otherwise. */
function reporter(quiet: boolean): { url(e: UrlEvent): void; summary(s: CrawlSummary): void } {
  const tty = process.stderr.isTTY === true;
  const perHost = new Map<string, { done: number; failed: number }>();
  return {
    url(e) {
      if (quiet) return;
      if (!tty) {
        process.stderr.write(`${JSON.stringify(e)}\n`);
        return;
      }
      const host = new URL(e.url).host;
      const counts = perHost.get(host) ?? { done: 0, failed: 0 };
      counts.done++;
      if (e.result === 'failed') counts.failed++;
      perHost.set(host, counts);
      const line = [...perHost].map(([h, c]) => `${h}: ${c.done} URL(s)${c.failed ? `, ${c.failed} failed` : ''}`).join(' | ');
      process.stderr.write(`\r\u001b[Knianbao crawl ${line}`);
    },
    summary(s) {
      if (quiet) return;
      if (!tty) {
        process.stderr.write(`${JSON.stringify(s)}\n`);
        return;
      }
      const by = (m: Record<string, number>) => Object.entries(m).map(([k, n]) => `${k} ${n}`).join(', ');
      const failed = Object.values(s.failed).reduce((a, b) => a + b, 0);
      process.stderr.write(
        `\r\u001b[Knianbao crawl, run ${s.run}: ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${failed} failed${failed ? ` (${by(s.failed)})` : ''}` +
          `${Object.keys(s.skipped).length ? `, skipped ${by(s.skipped)}` : ''}; ${s.extracted} file(s) extracted${Object.keys(s.extraction_failed).length ? ` (${by(s.extraction_failed)} failed)` : ''}; ${s.requests} request(s)\n`,
      );
    },
  };
}

export async function runCrawl(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      store: { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      delay: { type: 'string' },
      'per-host': { type: 'string' },
      timeout: { type: 'string' },
      'max-download': { type: 'string' },
      'max-pages': { type: 'string' },
      retries: { type: 'string' },
      jobs: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (positionals.length === 0) throw new UsageError('crawl needs at least one listing URL');
  const seeds = positionals.map((s) => {
    try {
      const url = new URL(s);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
      return url.href;
    } catch {
      throw new UsageError(`not an http(s) URL: ${s}`);
    }
  });
  const hosts = new Set([...seeds.map((s) => new URL(s).host), ...(values['allow-host'] ?? [])]);
  const fetcher = new Fetcher({
    delayMs: numberOption('delay', values.delay, 1, { zero: true }) * 1000,
    perHost: numberOption('per-host', values['per-host'], 2, { integer: true }),
    timeoutMs: numberOption('timeout', values.timeout, 30) * 1000,
    maxBytes: numberOption('max-download', values['max-download'], 100) * 1_048_576,
    retries: numberOption('retries', values.retries, 3, { integer: true, zero: true }),
  });
  const maxPages = numberOption('max-pages', values['max-pages'], 500, { integer: true });
  const jobs = numberOption('jobs', values.jobs, availableParallelism(), { integer: true });
  const store = openStore(values.store ?? DEFAULT_STORE, true);
  if (typeof store === 'number') return store;
  const pool = newPool(jobs);
  const report = reporter(values.quiet === true);
  try {
    const summary = await new Crawl({ store, fetcher, pool, seeds, allowHost: (h) => hosts.has(h) || hosts.has(withoutPort(h)), maxPages, onEvent: report.url }).start();
    report.summary(summary);
    return Object.keys(summary.failed).length + Object.keys(summary.extraction_failed).length > 0 ? 1 : 0;
  } finally {
    await pool.close();
    store.close();
  }
}

export async function runExport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      store: { type: 'string' },
      ...OUTPUT_OPTIONS,
      year: { type: 'string' },
      host: { type: 'string' },
      all: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  const writeAs = outputOptions(values);
  const filter: { year?: number; host?: string; all?: boolean } = { all: values.all === true };
  if (values.year !== undefined) filter.year = numberOption('year', values.year, 0, { integer: true });
  if (values.host !== undefined) filter.host = values.host;
  const store = openStore(values.store ?? DEFAULT_STORE, false);
  if (typeof store === 'number') return store;
  try {
    const sameReport = new SameReportFilter();
    function* admitted(lines: Iterable<string>): Iterable<Uint8Array> {
      for (const line of lines) if (filter.all || sameReport.admit(line)) yield Buffer.from(`${line}\n`, 'utf8');
    }
    await writeRecords(writeAs, admitted(store.latestRecords(filter)));
    if (sameReport.duplicates > 0 && !values.quiet) {
      process.stderr.write(`nianbao export: ${sameReport.duplicates} record(s) left out: the same report as another URL gives (a page and its attachment); --all keeps them\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}

export async function runReextract(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { store: { type: 'string' }, jobs: { type: 'string' }, force: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } } });
  const store = openStore(values.store ?? DEFAULT_STORE, true);
  if (typeof store === 'number') return store;
  const pool = newPool(numberOption('jobs', values.jobs, availableParallelism(), { integer: true }));
  const run = store.beginRun('reextract', []);
  let extracted = 0;
  let failed = 0;
  try {
    await Promise.all(
      store
        .currentFiles()
        .filter((f) => values.force || !store.hasRecord(f.sha256, EXTRACTOR.version))
        .map(async (f) => {
          const text = await pool.extract(store.filePath(f.sha256), f.url);
          store.addRecord(run, EXTRACTOR.version, text);
          extracted++;
          if (text.status === 'failed') failed++;
        }),
    );
    store.finishRun(run, failed ? 'completed_with_failures' : 'completed', { extracted, failed });
    if (!values.quiet) process.stderr.write(`nianbao reextract: ${extracted} file(s) extracted with version ${EXTRACTOR.version}, ${failed} failed\n`);
    return failed ? 1 : 0;
  } finally {
    await pool.close();
    store.close();
  }
}

