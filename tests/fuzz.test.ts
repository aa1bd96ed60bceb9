/**
 * Fuzz: 60 mutants of 12 corpus files (PDF, .docx, HTML), made deterministically from a seeded
 * PRNG, in one CLI batch with --timeout 20. Whatever the bytes, every input gets a valid record,
 * no record is INTERNAL (an unexpected exception), the process neither crashes nor hangs.
 *
 * Mutations: bit flips anywhere or near the ends (where headers, xref tables, central directories
 * and <meta charset> live), truncation, a chunk of another corpus file spliced in, a range zeroed;
 * and two that keep the container valid so the damage reaches the parsers behind it: an edit of a
 * .docx's word/document.xml re-zipped, an edit of a PDF page's inflated content stream with a
 * fresh xref table.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync, zlibSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictOf, mulberry32, randInt, readPdfObjects, refsOf, writePdfObjects, pageOrder } from '../corpus/bad/lib.ts';
import { ERROR_CODES, RecordSchema, STATUSES, type ReportRecord } from '../src/model/record.ts';
import { REPO_ROOT } from '../scripts/lib/truth.ts';
import { BIN, jsonLines } from './helpers/cli.ts';

/** NIANBAO_FUZZ_SEED and NIANBAO_FUZZ_ROUNDS (each round: 5 more mutants of each file) for longer hunts by hand. */
const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? 20_240_611);
const ROUNDS = Number(process.env.NIANBAO_FUZZ_ROUNDS ?? 1);
const MUTANTS_PER_FILE = 5;
/** NIANBAO_FUZZ_KEEP=dir: the mutants and their records are written there too. */
const KEEP = process.env.NIANBAO_FUZZ_KEEP;
const TIMEOUT_S = 20;

type Kind = 'bitflip' | 'bitflip-ends' | 'truncate' | 'splice' | 'zero' | 'docx-xml' | 'pdf-content';

/** Corpus files (under corpus/) and the mutations each gets, in order. */
const SOURCES: [string, Kind[]][] = [
  ['pdf/pingyuan-county-2021-stroke.pdf', ['bitflip', 'truncate', 'splice', 'pdf-content', 'pdf-content']],
  ['pdf/lanxi-water-2020-rotate90.pdf', ['bitflip-ends', 'zero', 'splice', 'pdf-content', 'pdf-content']],
  ['pdf/heshan-district-2019-filled-rects.pdf', ['bitflip', 'truncate', 'zero', 'pdf-content', 'pdf-content']],
  ['pdf/songling-county-2021-repeat-header.pdf', ['bitflip-ends', 'splice', 'zero', 'pdf-content', 'pdf-content']],
  ['pdf/qingshan-county-2021.pdf', ['bitflip', 'bitflip-ends', 'truncate', 'splice', 'zero']],
  ['pdf/donghai-office-2019-plain-drift-chromium.pdf', ['bitflip', 'bitflip-ends', 'truncate', 'splice', 'zero']],
  ['docx/qingshan-county-2021.docx', ['bitflip', 'truncate', 'docx-xml', 'docx-xml', 'docx-xml']],
  ['docx/baishui-town-2020.docx', ['bitflip-ends', 'splice', 'docx-xml', 'docx-xml', 'docx-xml']],
  ['docx/hexi-district-2021-nested.docx', ['zero', 'bitflip', 'docx-xml', 'docx-xml', 'docx-xml']],
  ['html/cuiping-education-2021-cms.html', ['bitflip', 'bitflip-ends', 'truncate', 'splice', 'zero']],
  ['html/songxi-county-2020-cms-gbk.html', ['bitflip', 'bitflip-ends', 'truncate', 'splice', 'zero']],
  ['html/taiping-district-2021-word.html', ['bitflip', 'bitflip-ends', 'truncate', 'splice', 'zero']],
];

function flipBits(bytes: Buffer, rand: () => number, from: number, to: number, count: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < count; i++) {
    const at = randInt(rand, from, to);
    out[at] = out[at]! ^ (1 << randInt(rand, 0, 8));
  }
  return out;
}

/** Byte-level damage of a text (XML, PDF operators): a range deleted, duplicated or swapped for junk, or digits changed. */
function editText(bytes: Uint8Array, rand: () => number): Uint8Array {
  const b = Buffer.from(bytes);
  const at = randInt(rand, 0, b.length);
  const len = randInt(rand, 1, Math.min(400, b.length - at) + 1);
  const junk = ['<', '>', '&', '"', '<w:tr>', '</w:tc>', '<w:gridSpan w:val="999999"/>', '<w:vMerge/>', ' q q q ', ' Q Q ', ' ET ', ' BT ', ' 1e308 ', ' -99999999 ', ' NaN ', ' 0 0 0 0 re f ', ' 10000 0 0 10000 0 0 cm ', '[(', '<FFFE>', '\u0000', '－'];
  switch (randInt(rand, 0, 4)) {
    case 0:
      return Buffer.concat([b.subarray(0, at), b.subarray(at + len)]);
    case 1:
      return Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
    case 2:
      return Buffer.concat([b.subarray(0, at), Buffer.from(junk[randInt(rand, 0, junk.length)]!), b.subarray(at + len)]);
    default: {
      const out = Buffer.from(b);
      for (let i = 0, n = randInt(rand, 1, 40); i < n; i++) {
        const p = randInt(rand, 0, out.length);
        if (out[p]! >= 0x30 && out[p]! <= 0x39) out[p] = '0123456789-.'.charCodeAt(randInt(rand, 0, 12));
      }
      return out;
    }
  }
}

function mutate(kind: Kind, bytes: Buffer, rand: () => number, others: Buffer[]): Buffer {
  const n = bytes.length;
  switch (kind) {
    case 'bitflip':
      return flipBits(bytes, rand, 0, n, randInt(rand, 1, 17));
    case 'bitflip-ends': {
      const head = rand() < 0.5;
      const span = Math.min(2048, n);
      return flipBits(bytes, rand, head ? 0 : n - span, head ? span : n, randInt(rand, 1, 9));
    }
    case 'truncate':
      return bytes.subarray(0, randInt(rand, 1, n));
    case 'splice': {
      const other = others[randInt(rand, 0, others.length)]!;
      const len = randInt(rand, 16, Math.min(4096, other.length));
      const from = randInt(rand, 0, other.length - len);
      const at = randInt(rand, 0, n);
      const chunk = other.subarray(from, from + len);
      // Inserted (offsets after it shift) or written over.
      return rand() < 0.5 ? Buffer.concat([bytes.subarray(0, at), chunk, bytes.subarray(at)]) : Buffer.concat([bytes.subarray(0, at), chunk, bytes.subarray(Math.min(n, at + len))]);
    }
    case 'zero': {
      const out = Buffer.from(bytes);
      const len = randInt(rand, 1, Math.max(2, Math.min(8192, Math.floor(n / 3))));
      const at = randInt(rand, 0, n - len + 1);
      out.fill(0, at, at + len);
      return out;
    }
    case 'docx-xml': {
      const files = unzipSync(bytes);
      const xml = files['word/document.xml']!;
      files['word/document.xml'] = strToU8(strFromU8(editText(editText(xml, rand), rand)));
      return Buffer.from(zipSync(files, { level: 6, mtime: new Date(2021, 0, 11, 9, 0, 0) }));
    }
    case 'pdf-content': {
      const pdf = readPdfObjects(bytes);
      const pages = pageOrder(pdf);
      const page = pages[randInt(rand, 0, pages.length)]!;
      const contents = refsOf(/\/Contents\s+(\d+\s+0\s+R|\[[^\]]*\])/u.exec(dictOf(pdf.objects.get(page)!))![1]!);
      const num = contents[randInt(rand, 0, contents.length)]!;
      const body = pdf.objects.get(num)!;
      const start = body.indexOf('stream') + 'stream'.length + 1;
      const end = body.lastIndexOf('endstream');
      let data = body.subarray(start, end);
      while (data.length > 0 && (data[data.length - 1] === 0x0a || data[data.length - 1] === 0x0d)) data = data.subarray(0, -1);
      let ops: Uint8Array = inflateSync(data);
      for (let i = 0, k = randInt(rand, 1, 4); i < k; i++) ops = editText(ops, rand);
      const packed = zlibSync(ops, { level: 6 });
      pdf.objects.set(num, Buffer.concat([Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), Buffer.from(packed), Buffer.from('\nendstream', 'latin1')]));
      const order = [...pdf.objects.keys()].sort((a, b) => a - b);
      return writePdfObjects(pdf.header, order, pdf.objects, pdf.trailer).bytes;
    }
  }
}

interface Mutant {
  file: string;
  source: string;
  kind: Kind;
  bytes: Buffer;
}

function makeMutants(): Mutant[] {
  const sources = SOURCES.map(([rel]) => readFileSync(join(REPO_ROOT, 'corpus', rel)));
  const mutants: Mutant[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    SOURCES.forEach(([rel, kinds], i) => {
      const others = sources.filter((_, j) => j !== i);
      for (const kind of kinds.slice(0, MUTANTS_PER_FILE)) {
        const index = mutants.length;
        const rand = mulberry32(SEED + 7919 * index);
        const ext = extname(rel);
        // An edit can undo itself (a digit for the same digit): mutate again until the bytes differ.
        let bytes = mutate(kind, sources[i]!, rand, others);
        for (let tries = 0; tries < 10 && bytes.equals(sources[i]!); tries++) bytes = mutate(kind, sources[i]!, rand, others);
        mutants.push({ file: `${String(index).padStart(ROUNDS > 1 ? 4 : 2, '0')}-${kind}-${basename(rel, ext)}${ext}`, source: rel, kind, bytes });
      }
    });
  }
  return mutants;
}

let mutants: Mutant[];
let work: string;
let run: { code: number | null; signal: string | null; stderr: string; records: ReportRecord[]; seconds: number };

beforeAll(async () => {
  work = KEEP ?? mkdtempSync(join(tmpdir(), 'nianbao-fuzz-'));
  const dir = join(work, 'mutants');
  mkdirSync(dir, { recursive: true });
  mutants = makeMutants();
  for (const m of mutants) writeFileSync(join(dir, m.file), m.bytes);
  const out = join(work, 'records.jsonl');
  const started = Date.now();
  run = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'extract', dir, '--format', 'jsonl', '--out', out, '--timeout', String(TIMEOUT_S)],
      { cwd: REPO_ROOT, timeout: 240_000 * ROUNDS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: string }) | null;
        let records: ReportRecord[] = [];
        try {
          records = jsonLines<ReportRecord>(readFileSync(out, 'utf8'));
        } catch {
          // no output: the assertions say so
        }
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stderr, records, seconds: (Date.now() - started) / 1000 });
      },
    );
  });
  const tally = new Map<string, number>();
  for (const r of run.records) {
    const key = r.status === 'failed' ? `failed ${r.error?.code}` : r.status;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  console.log(`fuzz: ${mutants.length} mutants in ${run.seconds.toFixed(1)} s: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  // TIMEOUT is allowed (the limit did its job) but worth a look: a mutant that makes a parser loop.
  const timeouts = run.records.filter((r) => r.error?.code === 'TIMEOUT').map((r) => basename(r.source.path));
  if (timeouts.length > 0) console.warn(`fuzz: ${timeouts.length} mutant(s) took longer than ${TIMEOUT_S} s: ${timeouts.join(', ')}`);
}, 270_000 * ROUNDS);

afterAll(() => {
  if (!KEEP) rmSync(work, { recursive: true, force: true });
});

describe('fuzzed corpus files in one batch', () => {
  it('makes the mutants deterministically (same seed, same bytes)', () => {
    const again = makeMutants();
    expect(again.map((m) => createHash('sha256').update(m.bytes).digest('hex'))).toEqual(mutants.map((m) => createHash('sha256').update(m.bytes).digest('hex')));
    expect(mutants).toHaveLength(SOURCES.length * MUTANTS_PER_FILE * ROUNDS);
    // Each is really changed.
    for (const m of mutants) expect(m.bytes.equals(readFileSync(join(REPO_ROOT, 'corpus', m.source))), m.file).toBe(false);
  });

  it('the process exits 0 or 1 (no crash) within 180 s', () => {
    expect(run.signal, `killed: ${run.stderr.slice(-3000)}`).toBeNull();
    expect([0, 1], `exit code ${run.code}: ${run.stderr.slice(-3000)}`).toContain(run.code);
    expect(run.seconds).toBeLessThan(180 * ROUNDS);
  });

  it('writes a record for every input, with the hash of its bytes', () => {
    const byName = new Map(run.records.map((r) => [basename(r.source.path), r]));
    expect([...byName.keys()].sort()).toEqual(mutants.map((m) => m.file).sort());
    expect(run.records).toHaveLength(mutants.length);
    for (const m of mutants) expect(byName.get(m.file)?.source.sha256, m.file).toBe(createHash('sha256').update(m.bytes).digest('hex'));
  });

  it('every record is valid against RecordSchema, with a consistent status and error', () => {
    const problems: string[] = [];
    for (const r of run.records) {
      const parsed = RecordSchema.safeParse(r);
      if (!parsed.success) problems.push(`${basename(r.source.path)}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
      if (!(STATUSES as readonly string[]).includes(r.status)) problems.push(`${basename(r.source.path)}: status ${r.status}`);
      if (r.status === 'failed' && !(r.error && (ERROR_CODES as readonly string[]).includes(r.error.code))) problems.push(`${basename(r.source.path)}: failed without an error code`);
      if (r.status !== 'failed' && r.error !== null) problems.push(`${basename(r.source.path)}: ${r.status} with an error ${JSON.stringify(r.error)}`);
    }
    expect(problems).toEqual([]);
  });

  it('no record is INTERNAL (an unexpected exception)', () => {
    const internal = run.records.filter((r) => r.error?.code === 'INTERNAL').map((r) => `${basename(r.source.path)}: ${r.error!.message}`);
    expect(internal, `INTERNAL errors:\n${internal.join('\n')}`).toEqual([]);
  });
});
