/**
 * Bad inputs in a batch (corpus/bad, expected.json): the CLI as a user runs it over a folder of
 * bad files mixed with good ones. Every file gets one record; each bad one the status, error code
 * and format expected.json gives; each good one exactly its truth; a bad file never costs a good
 * one its record; exit code 1. Then the runs that need options of their own: --password,
 * --max-size, and the zip bombs alone (time and memory).
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZIP_BOMBS } from '../corpus/bad/bombs.ts';
import type { Expectation } from '../corpus/bad/lib.ts';
import { RecordSchema, type ReportRecord } from '../src/model/record.ts';
import { REPO_ROOT, compareRecord, findTruthCases, type Truth } from '../scripts/lib/truth.ts';
import { BIN, jsonLines } from './helpers/cli.ts';

const BAD = join(REPO_ROOT, 'corpus', 'bad');
const EXPECTED = JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8')) as Record<string, Expectation>;

/** Good files run in the same batch (paths under corpus/), each compared with its truth. */
const GOOD = [
  'pdf/pingyuan-county-2021-stroke.pdf',
  'pdf/lanxi-water-2020-rotate90.pdf',
  'pdf/meilin-town-2020-no-rulings.pdf',
  'pdf/qingshan-county-2021.pdf',
  'docx/qingshan-county-2021.docx',
  'docx/linjiang-transport-2019.docx',
  'docx/qingshan-notice-not-a-report.docx',
  'html/taiping-district-2021-word.html',
  'html/cuiping-education-2021-cms.html',
  'html/songxi-county-2020-cms-gbk.html',
];

const TRUTHS = new Map(findTruthCases(join(REPO_ROOT, 'corpus')).map((c) => [c.inputPath, c.truth]));
/** The truth of an input under corpus/ (or a truth file named directly, as expected.json does). */
function truthOf(rel: string): Truth {
  if (rel.endsWith('.truth.json')) return JSON.parse(readFileSync(join(REPO_ROOT, 'corpus', rel), 'utf8')) as Truth;
  const truth = TRUTHS.get(join(REPO_ROOT, 'corpus', rel));
  if (!truth) throw new Error(`no truth file for corpus/${rel}`);
  return truth;
}

function hasSoffice(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Run {
  code: number | null;
  signal: string | null;
  stderr: string;
  records: ReportRecord[];
  seconds: number;
  peakRssMb: number | null;
}

let work: string;
/** Preloaded into the CLI: prints the process's peak resident memory (worker threads included) at exit. */
let peakHook: string;

function nianbao(args: string[], out: string, timeoutMs: number): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(peakHook).href, BIN, 'extract', ...args, '--format', 'jsonl', '--out', out],
      { cwd: REPO_ROOT, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: string }) | null;
        let records: ReportRecord[] = [];
        try {
          records = jsonLines<ReportRecord>(readFileSync(out, 'utf8'));
        } catch {
          // no output: the assertions below say so
        }
        const peak = /PEAK_RSS_KB=(\d+)/u.exec(stderr)?.[1];
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stderr,
          records,
          seconds: (Date.now() - started) / 1000,
          peakRssMb: peak ? Number(peak) / 1024 : null,
        });
      },
    );
  });
}

const name = (r: ReportRecord) => basename(r.source.path);
const oneOf = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** The expectation that applies on this machine. */
function expectationFor(file: string): Expectation {
  const e = EXPECTED[file]!;
  if (e.withoutSoffice && !hasSoffice()) return { ...e, ...e.withoutSoffice };
  return e;
}

function checkTruth(record: ReportRecord, truth: Truth): void {
  const cmp = compareRecord(record, truth);
  expect(cmp.mismatches, `${name(record)}: cells that differ from the truth`).toEqual([]);
  expect(record.report.year, `${name(record)}: year`).toBe(truth.report.year);
  expect(record.report.template, `${name(record)}: template`).toBe(truth.report.template);
  expect(record.report.agency, `${name(record)}: agency`).toBe(truth.report.agency);
  expect(record.status, `${name(record)}: status`).toBe(truth.status ?? 'ok');
  expect(cmp.failuresFound.sort(), `${name(record)}: identity failures`).toEqual([...truth.source_identity_failures].sort());
  expect(cmp.falseAlarms, `${name(record)}: failed checks the truth does not list`).toEqual([]);
}

function checkExpectation(record: ReportRecord, e: Expectation): void {
  const what = `${name(record)} (${e.note})`;
  const got = { status: record.status, code: record.error?.code ?? null, format: record.source.format, message: record.error?.message ?? null };
  expect(oneOf(e.status), `${what}: status — got ${JSON.stringify(got)}`).toContain(record.status);
  expect(oneOf(e.code), `${what}: error code — got ${JSON.stringify(got)}`).toContain(got.code);
  expect(record.source.format, `${what}: source.format — got ${JSON.stringify(got)}`).toBe(e.format);
  if (e.message) expect(record.error?.message ?? '', `${what}: error message`).toMatch(new RegExp(e.message, 'iu'));
  if (e.truth) checkTruth(record, truthOf(e.truth));
  if (e.partialOf) {
    const truth = truthOf(e.partialOf.truth);
    const lost = (id: string) => e.partialOf!.lost.some((prefix) => id.startsWith(prefix));
    const wrong = Object.entries(truth.fields)
      .filter(([id, value]) => (id in record.fields ? record.fields[id as keyof typeof record.fields] !== value : !lost(id)))
      .map(([id, value]) => `${id}: ${JSON.stringify(record.fields[id as keyof typeof record.fields])} (truth ${value})`);
    expect(wrong, `${what}: fields read that differ from the truth, or missing outside ${e.partialOf.lost.join(', ')}`).toEqual([]);
    expect(Object.keys(record.fields).filter((id) => !(id in truth.fields)), `${what}: fields the truth does not have`).toEqual([]);
    expect(record.report, `${what}: report`).toMatchObject({ agency: truth.report.agency, year: truth.report.year, template: truth.report.template });
  }
}

const BAD_FILES = Object.keys(EXPECTED).sort();
let batch: Run;
let batchDir: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-bad-'));
  peakHook = join(work, 'peak-rss.mjs');
  writeFileSync(
    peakHook,
    `import { isMainThread } from 'node:worker_threads';\nimport { writeSync } from 'node:fs';\n` +
      `if (isMainThread) process.on('exit', () => writeSync(2, 'PEAK_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n`,
  );
  batchDir = join(work, 'batch');
  mkdirSync(batchDir);
  for (const file of BAD_FILES) {
    if (ZIP_BOMBS[file]) writeFileSync(join(batchDir, file), ZIP_BOMBS[file].build());
    else copyFileSync(join(BAD, file), join(batchDir, file));
  }
  for (const rel of GOOD) copyFileSync(join(REPO_ROOT, 'corpus', rel), join(batchDir, `good--${basename(rel)}`));
  batch = await nianbao([batchDir], join(work, 'batch.jsonl'), 150_000);
  console.log(`bad inputs: ${readdirSync(batchDir).length} files in ${batch.seconds.toFixed(1)} s, exit ${batch.code}, peak RSS ${batch.peakRssMb?.toFixed(0)} MB`);
}, 180_000);

// The zip bombs are 2 MB each: leave nothing behind.
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a batch of bad inputs mixed with good ones', () => {
  it('runs to the end in bounded time and exits 1', () => {
    expect(batch.signal, `the run was killed: ${batch.stderr.slice(-2000)}`).toBeNull();
    expect(batch.code, batch.stderr.slice(-2000)).toBe(1);
    expect(batch.seconds).toBeLessThan(120);
  });

  it('writes one record per input file, each valid against the record schema', () => {
    const inputs = readdirSync(batchDir).sort();
    expect(batch.records.map(name).sort()).toEqual(inputs);
    for (const record of batch.records) {
      const parsed = RecordSchema.safeParse(record);
      expect(parsed.success, `${name(record)}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))}`).toBe(true);
    }
  });

  it('has no INTERNAL error (an unexpected exception)', () => {
    const internal = batch.records.filter((r) => r.error?.code === 'INTERNAL').map((r) => `${name(r)}: ${r.error!.message}`);
    expect(internal).toEqual([]);
  });

  const record = (file: string) => {
    const r = batch.records.find((x) => name(x) === file);
    expect(r, `no record for ${file}`).toBeDefined();
    return r!;
  };

  for (const file of BAD_FILES) {
    it(`${file}: ${[oneOf(EXPECTED[file]!.status).join('|'), oneOf(EXPECTED[file]!.code).filter(Boolean).join('|')].filter(Boolean).join(' ')}`, () => {
      checkExpectation(record(file), expectationFor(file));
    });
  }

  for (const rel of GOOD) {
    it(`good file ${rel} comes out exactly as its truth`, () => {
      const r = record(`good--${basename(rel)}`);
      expect(r.error, `${rel}: ${r.error?.message}`).toBeNull();
      checkTruth(r, truthOf(rel));
    });
  }
});

describe('runs with options of their own', () => {
  it('--password secret opens the encrypted PDF (and leaves other PDFs alone)', async () => {
    const dir = join(work, 'password');
    mkdirSync(dir);
    for (const f of ['encrypted.pdf', 'owner-password-only.pdf']) copyFileSync(join(BAD, f), join(dir, f));
    copyFileSync(join(REPO_ROOT, 'corpus/pdf/lanxi-water-2020-rotate90.pdf'), join(dir, 'plain.pdf'));
    const run = await nianbao([dir, '--password', 'secret'], join(work, 'password.jsonl'), 60_000);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.records.map(name).sort()).toEqual(['encrypted.pdf', 'owner-password-only.pdf', 'plain.pdf']);
    const truthOfEncrypted = truthOf(EXPECTED['owner-password-only.pdf']!.truth!);
    for (const r of run.records) {
      expect(r.source.format).toBe('pdf');
      checkTruth(r, name(r) === 'plain.pdf' ? truthOf('pdf/lanxi-water-2020-rotate90.pdf') : truthOfEncrypted);
    }
  }, 90_000);

  it('a wrong --password gives ENCRYPTED, not CORRUPT', async () => {
    const run = await nianbao([join(BAD, 'encrypted.pdf'), '--password', 'wrong'], join(work, 'wrong-password.jsonl'), 60_000);
    expect(run.code, run.stderr.slice(-2000)).toBe(1);
    expect(run.records).toHaveLength(1);
    expect(run.records[0]).toMatchObject({ status: 'failed', source: { format: 'pdf' }, error: { code: 'ENCRYPTED' } });
  }, 90_000);

  it('--max-size 0.01 refuses a normal corpus PDF (TOO_LARGE, format pdf) and reads a small file', async () => {
    const run = await nianbao([join(REPO_ROOT, 'corpus/pdf/qingshan-county-2021.pdf'), join(BAD, 'html-404.pdf'), '--max-size', '0.01'], join(work, 'max-size.jsonl'), 60_000);
    expect(run.code, run.stderr.slice(-2000)).toBe(1);
    expect(run.records.map((r) => [name(r), r.status, r.error?.code ?? null, r.source.format])).toEqual([
      ['qingshan-county-2021.pdf', 'failed', 'TOO_LARGE', 'pdf'],
      ['html-404.pdf', 'not_a_report', null, 'html'],
    ]);
    // The hash is still that of the file's bytes.
    const { createHash } = await import('node:crypto');
    expect(run.records[0]!.source.sha256).toBe(createHash('sha256').update(readFileSync(join(REPO_ROOT, 'corpus/pdf/qingshan-county-2021.pdf'))).digest('hex'));
  }, 90_000);

  it('a damaged PDF after which pdf.js rejects late does not cost the next file its record (--jobs 1)', async () => {
    // Each pdfjs-late-rejection-N.pdf followed by a good file, in one worker: the rejection comes
    // while the good file is being read.
    const followers = ['pdf/pingyuan-county-2021-stroke.pdf', 'docx/qingshan-county-2021.docx', 'html/taiping-district-2021-word.html'];
    const args: string[] = [];
    followers.forEach((rel, i) => args.push(join(BAD, `pdfjs-late-rejection-${i + 1}.pdf`), join(REPO_ROOT, 'corpus', rel)));
    const run = await nianbao([...args, '--jobs', '1'], join(work, 'late-rejection.jsonl'), 60_000);
    expect(run.signal).toBeNull();
    expect(run.records.map(name)).toEqual(args.map((a) => basename(a)));
    const internal = run.records.filter((r) => r.error?.code === 'INTERNAL').map((r) => `${name(r)}: ${r.error!.message}`);
    expect(internal, internal.join('\n')).toEqual([]);
    followers.forEach((rel, i) => {
      checkExpectation(run.records[2 * i]!, EXPECTED[`pdfjs-late-rejection-${i + 1}.pdf`]!);
      checkTruth(run.records[2 * i + 1]!, truthOf(rel));
    });
  }, 90_000);

  it('the zip bombs alone come back TOO_LARGE within 30 s, the memory growing by less than 300 MB', async () => {
    // Memory is compared with a run in the same mode on as many copies of the bombs' source .docx,
    // so that every worker is as busy: run from the TypeScript sources (dist/ older than src/), tsx
    // compiling each module a worker loads costs hundreds of MB by itself.
    const plainDir = join(work, 'plain');
    mkdirSync(plainDir);
    const plain = readFileSync(join(REPO_ROOT, 'corpus/docx/qingshan-county-2021.docx'));
    // A byte after the archive makes each copy a file of its own (the same bytes are extracted once).
    Object.keys(ZIP_BOMBS).forEach((_, i) => writeFileSync(join(plainDir, `plain-${i}.docx`), Buffer.concat([plain, Buffer.from([i])])));
    const baseline = await nianbao([plainDir], join(work, 'baseline.jsonl'), 60_000);
    expect(baseline.records.map((r) => r.status)).toEqual(Object.keys(ZIP_BOMBS).map(() => 'ok'));
    expect(baseline.peakRssMb, 'peak RSS (MB) was not reported').not.toBeNull();
    const dir = join(work, 'bombs');
    mkdirSync(dir);
    for (const [file, bomb] of Object.entries(ZIP_BOMBS)) writeFileSync(join(dir, file), bomb.build());
    const run = await nianbao([dir], join(work, 'bombs.jsonl'), 30_000);
    expect(run.signal, 'killed after 30 s').toBeNull();
    expect(run.seconds).toBeLessThan(30);
    expect(run.code, run.stderr.slice(-2000)).toBe(1);
    expect(run.records.map(name).sort()).toEqual(Object.keys(ZIP_BOMBS).sort());
    for (const r of run.records) checkExpectation(r, EXPECTED[name(r)]!);
    expect(run.peakRssMb, 'peak RSS (MB) was not reported').not.toBeNull();
    expect(run.peakRssMb! - baseline.peakRssMb!, `peak RSS ${run.peakRssMb!.toFixed(0)} MB, ${baseline.peakRssMb!.toFixed(0)} MB for the plain .docx`).toBeLessThan(300);
  }, 90_000);
});
