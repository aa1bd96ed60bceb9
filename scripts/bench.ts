/**
 * npm run bench — speed and memory, printed as figures and ratios (never asserted in tests).
 *
 * 1. PDF: the same batch of PDFs through `nianbao extract` (worker threads on every core, and on
 *    one), `pdftotext -layout` (poppler-utils) and pdfminer.six's layout analysis (`pdf2txt`,
 *    Debian's python3-pdfminer) when they are installed: pages per second and ratios.
 * 2. Mixed batch of .docx, HTML and PDF files: files per second and the peak RSS of the process.
 *
 * nianbao runs as a user runs it (a child process, output to a file); timings are wall clock.
 * Options: --pdf-pages N (default 1000), --files N (large mixed batch, default 1000). Batches must be large:
 * the first pages of each worker pay for V8 compiling pdf.js (measured: 47 ms of CPU a page cold,
 * 26 ms warm), and real runs are thousands of files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { REPO_ROOT, SHARED_REAL } from './lib/truth.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function filesIn(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => extensions.includes(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(dir, f));
}

function which(command: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function pageCount(pdf: string): number {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/mu.exec(r.stdout ?? '');
  return m ? Number(m[1]) : 0;
}

interface Timed {
  seconds: number;
  peakMiB: number | null;
}

/** Runs a command under /usr/bin/time -v when installed, for the peak RSS. */
function timed(command: string, args: string[]): Timed {
  const useTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const r = useTime ? spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }) : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} exited ${r.status}: ${(r.stderr ?? '').slice(-400)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(r.stderr ?? '');
  return { seconds, peakMiB: rss ? Number(rss[1]) / 1024 : null };
}

/** Runs a command once per file, one after another (the peers are single-threaded tools). */
function timedEach(command: string, argsFor: (file: string) => string[], files: string[]): number {
  const started = process.hrtime.bigint();
  for (const f of files) {
    const r = spawnSync(command, argsFor(f), { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${command} failed on ${f}: ${(r.stderr ?? '').slice(-300)}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * A copy of a file whose bytes differ from every other copy (identical files are extracted once,
 * which would make a batch of copies meaningless): a comment after a PDF's end, an HTML comment,
 * a zip archive comment.
 */
function uniqueCopy(src: string, dest: string, n: number): void {
  const bytes = readFileSync(src);
  const tag = Buffer.from(`nianbao-bench copy ${n}`, 'latin1');
  const ext = extname(src).toLowerCase();
  if (ext === '.pdf') writeFileSync(dest, Buffer.concat([bytes, Buffer.from('\n%'), tag, Buffer.from('\n')]));
  else if (ext === '.docx') {
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const head = Buffer.from(bytes.subarray(0, eocd + 22));
    head.writeUInt16LE(tag.length, eocd + 20);
    writeFileSync(dest, Buffer.concat([head, tag]));
  } else writeFileSync(dest, Buffer.concat([bytes, Buffer.from('<!-- '), tag, Buffer.from(' -->')]));
}

/** Copies sources (each copy unique) into a fresh folder until `enough(copied)` says stop. */
function batch(dir: string, sources: string[], enough: (copied: string[]) => boolean): string[] {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let i = 0; sources.length > 0 && !enough(out); i++) {
    const src = sources[i % sources.length]!;
    const dest = join(dir, `${String(i).padStart(5, '0')}${extname(src)}`);
    uniqueCopy(src, dest, i);
    out.push(dest);
  }
  return out;
}

const nianbao = (args: string[]) => timed(process.execPath, [join(REPO_ROOT, 'bin', 'nianbao'), 'extract', ...args, '--quiet']);
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const cores = availableParallelism();

// Measure the compiled code, as `npm ci` leaves it (bin/nianbao falls back to tsx when dist/ is stale).
spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });

try {
  console.log(`node ${process.version}, ${cores} cores`);

  // 1. PDF pages per second, nianbao and the peers on the same files.
  const pdfSources = [...filesIn(join(REPO_ROOT, 'corpus', 'pdf'), ['.pdf']), ...filesIn(SHARED_REAL, ['.pdf'])];
  if (pdfSources.length === 0 || !which('pdfinfo')) {
    console.log('\nPDF: no PDFs or no pdfinfo (poppler-utils); skipped');
  } else {
    const wanted = option('pdf-pages', 1000);
    const pagesOf = new Map(pdfSources.map((f) => [f, pageCount(f)]));
    let pages = 0;
    const pdfs = batch(join(work, 'pdf'), pdfSources, (copied) => {
      pages = copied.reduce((sum, f, i) => sum + (pagesOf.get(pdfSources[i % pdfSources.length]!) ?? 0), 0);
      return pages >= wanted;
    });
    console.log(`\nPDF batch: ${pdfs.length} files, ${pages} pages (${pdfSources.length} distinct PDFs from corpus/pdf and ../shared)`);
    const rows: [string, number, string][] = [];
    const all = nianbao([join(work, 'pdf'), '--format', 'jsonl', '--out', join(work, 'pdf.jsonl'), '--jobs', String(cores)]);
    rows.push([`nianbao, ${cores} worker threads`, all.seconds, all.peakMiB !== null ? `peak RSS ${fmt(all.peakMiB, 0)} MiB` : '']);
    const one = nianbao([join(work, 'pdf'), '--format', 'jsonl', '--out', join(work, 'pdf1.jsonl'), '--jobs', '1']);
    rows.push(['nianbao, 1 worker thread', one.seconds, one.peakMiB !== null ? `peak RSS ${fmt(one.peakMiB, 0)} MiB` : '']);
    if (which('pdftotext')) rows.push(['pdftotext -layout (poppler, 1 process at a time)', timedEach('pdftotext', (f) => ['-layout', f, '-'], pdfs), '']);
    else console.log('pdftotext not installed (apt-get install poppler-utils): no ratio');
    const pdf2txt = which('pdf2txt') ?? which('pdf2txt.py');
    // pdf2txt takes many files in one process: no interpreter start-up per file.
    if (pdf2txt) rows.push(['pdfminer.six layout analysis (pdf2txt, one process)', timed(pdf2txt, ['-o', join(work, 'pdfminer.txt'), ...pdfs]).seconds, '']);
    else console.log('pdfminer.six not installed (apt-get install python3-pdfminer): no ratio');
    for (const [name, seconds, extra] of rows) {
      console.log(`  ${name.padEnd(52)} ${fmt(seconds, 2).padStart(7)} s  ${fmt(pages / seconds).padStart(7)} pages/s  ${extra}`);
    }
    const ours = pages / rows[0]![1];
    for (const [name, seconds] of rows.slice(1)) console.log(`  nianbao (${cores} threads) vs ${name}: ${fmt(ours / (pages / seconds), 2)}×`);
  }

  // 2. Mixed batches: files per second on every core and on one, and peak RSS, which must stay flat
  //    as the batch grows (100 files vs --files, default 1000).
  const mixedSources = [
    ...filesIn(join(REPO_ROOT, 'corpus', 'docx'), ['.docx']),
    ...filesIn(join(REPO_ROOT, 'corpus', 'html'), ['.html']),
    ...filesIn(join(REPO_ROOT, 'corpus', 'pdf'), ['.pdf']),
  ];
  const total = option('files', 1000);
  console.log(`\nMixed batches (${mixedSources.length} distinct .docx/.html/.pdf corpus files, repeated)`);
  const peaks = new Map<number, number>();
  for (const [size, jobs] of [[100, cores], [total, cores], [total, 1]] as const) {
    const folder = join(work, `mixed-${size}`);
    if (!existsSync(folder)) batch(folder, mixedSources, (copied) => copied.length >= size);
    const r = nianbao([folder, '--format', 'jsonl', '--out', join(work, `mixed-${size}-${jobs}.jsonl`), '--jobs', String(jobs)]);
    if (jobs === cores && r.peakMiB !== null) peaks.set(size, r.peakMiB);
    console.log(`  ${String(size).padStart(5)} files, ${jobs} worker thread(s): ${fmt(r.seconds, 2)} s, ${fmt(size / r.seconds)} files/s${r.peakMiB !== null ? `, peak RSS ${fmt(r.peakMiB, 0)} MiB` : ''}`);
  }
  const small = peaks.get(100);
  const large = peaks.get(total);
  if (small && large) console.log(`  peak RSS, ${total} files vs 100: ${fmt(large / small, 2)}×`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
