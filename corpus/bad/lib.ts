/**
 * Helpers for the bad-input fixtures (generate.ts) and the tests that use them
 * (tests/bad-inputs.test.ts, tests/fuzz.test.ts): a seeded PRNG, a minimal zip writer that can
 * hold an entry inflating to gigabytes without ever holding it in memory, and a reader/writer for
 * classic-xref PDFs whose objects are not in object streams (the hand-written corpus/pdf fixtures).
 *
 * No clock, no Math.random: everything here gives the same bytes on every run.
 */
import { constants as zlibConstants, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

// ---------------------------------------------------------------------------------------------
// expected.json

export type Status = 'ok' | 'partial' | 'not_a_report' | 'failed';
export type Code = 'ENCRYPTED' | 'CORRUPT' | 'EMPTY' | 'UNSUPPORTED_FORMAT' | 'NO_TEXT_LAYER' | 'TOO_LARGE' | 'TIMEOUT' | 'UNREADABLE' | 'INTERNAL';

/**
 * What a file must give. `status` and `code` may list alternatives (any one is right); `code` is
 * null for a record that is not failed. `truth`: the record's fields, year, template and agency
 * must equal that truth file's (path under corpus/). `made`: how the file was made (generate.ts
 * itself, a tool once and committed: see README, or at test time).
 */
export interface Expectation {
  status: Status | Status[];
  code: Code | null | (Code | null)[];
  format: 'pdf' | 'docx' | 'doc' | 'html' | 'txt' | 'unknown';
  truth?: string;
  /** A partial record: fields under the `lost` id prefixes may be missing, every other field of the truth is there and equal. */
  partialOf?: { truth: string; lost: string[] };
  /** The error message must match this (a regular expression, case-insensitive). */
  message?: string;
  made: 'generate.ts' | 'qpdf' | 'soffice' | 'pdftoppm' | 'test time';
  note: string;
  /** Alternative expectation when LibreOffice is not installed (`command -v soffice` fails). */
  withoutSoffice?: Omit<Expectation, 'made' | 'note' | 'withoutSoffice'>;
}


// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a small, fast, seeded 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [lo, hi). */
export function randInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo));
}

export function randomBytes(seed: number, length: number): Buffer {
  const rand = mulberry32(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

// ---------------------------------------------------------------------------------------------
// CRC-32 (zip's): zlib's when Node has it (20.15+), else a table.

let table: Uint32Array | undefined;
function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

export function crc32(data: Uint8Array, previous = 0): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data, previous) >>> 0;
  const t = crcTable();
  let c = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Zip writer

export interface ZipEntry {
  name: string;
  /** Raw deflate data (method 8), or the bytes themselves with method 0. */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The inflated size written in the local header and the central directory. */
  size: number;
}

/** DOS date/time of 2021-01-11 09:00:00, the corpus's fixed mtime. */
const DOS_TIME = (9 << 11) | (0 << 5) | 0;
const DOS_DATE = ((2021 - 1980) << 9) | (1 << 5) | 11;

/** A zip archive (no zip64, no data descriptors) from entries already compressed. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.length));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function deflatedEntry(name: string, data: Uint8Array): ZipEntry {
  return { name, data: deflateRawSync(data, { level: 9 }), method: 8, crc: crc32(data), size: data.length };
}

/** Every entry of a zip (fflate), in the archive's order. */
export function readZip(bytes: Uint8Array): [string, Uint8Array][] {
  return Object.entries(unzipSync(bytes));
}

export const GIB = 1024 * 1024 * 1024;

/**
 * A .docx whose word/document.xml inflates to `inflatedBytes` (default 2 GiB): the real document
 * of `docx`, its XML declaration followed by that many spaces (whitespace is allowed there, so the
 * inflated part is still well-formed XML) and then the rest. The deflate stream is built from
 * pieces each ended with a full flush (which resets the compressor's state): the piece of 64 MiB
 * of spaces is compressed once and repeated, so building it takes well under a second and never
 * holds more than 64 MiB; the file is about 2 MB.
 *
 * `declaredSize`: what the local header and central directory claim (default: the truth). A bomb
 * that lies (a small declared size) catches a reader that trusts the headers.
 */
export function zipBombDocx(docx: Uint8Array, options: { inflatedBytes?: number; declaredSize?: number } = {}): Buffer {
  const inflated = options.inflatedBytes ?? 2 * GIB;
  const chunk = 64 * 1024 * 1024;
  if (inflated % chunk !== 0) throw new Error('inflatedBytes must be a multiple of 64 MiB');
  const entries: ZipEntry[] = [];
  for (const [name, data] of readZip(docx)) {
    if (name !== 'word/document.xml') {
      entries.push(deflatedEntry(name, data));
      continue;
    }
    const xml = Buffer.from(data);
    const declEnd = xml.indexOf('?>') + 2;
    const prefix = xml.subarray(0, declEnd);
    const suffix = xml.subarray(declEnd);
    const spaces = Buffer.alloc(chunk, 0x20);
    const full = { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH };
    const parts: Buffer[] = [deflateRawSync(prefix, full)];
    const spacesDeflated = deflateRawSync(spaces, full);
    let crc = crc32(prefix);
    for (let i = 0; i < inflated / chunk; i++) {
      parts.push(spacesDeflated);
      crc = crc32(spaces, crc);
    }
    parts.push(deflateRawSync(suffix, { level: 9 }));
    crc = crc32(suffix, crc);
    const size = prefix.length + inflated + suffix.length;
    if (size > 0xffffffff) throw new Error('no zip64 here: keep the part under 4 GiB');
    entries.push({ name, data: Buffer.concat(parts), method: 8, crc, size: options.declaredSize ?? size });
  }
  return writeZip(entries);
}

// ---------------------------------------------------------------------------------------------
// Classic-xref PDFs (objects outside object streams)

export interface PdfObjects {
  header: string;
  /** Object number → the bytes between `N 0 obj` and `endobj` (trimmed of the line breaks). */
  objects: Map<number, Buffer>;
  /** The trailer dictionary, `<< … >>`. */
  trailer: string;
}

/** Reads a PDF with a classic xref table and no object streams (no repair: the fixtures are well formed). */
export function readPdfObjects(bytes: Buffer): PdfObjects {
  const text = bytes.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/u.exec(text)?.[1]);
  if (!Number.isFinite(startxref)) throw new Error('no startxref');
  const xref = text.slice(startxref);
  const m = /^xref\s+(\d+)\s+(\d+)\s+/u.exec(xref);
  if (!m) throw new Error('not a classic xref table (xref stream?)');
  const first = Number(m[1]);
  const count = Number(m[2]);
  const offsets = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const entry = xref.slice(m[0].length + i * 20, m[0].length + i * 20 + 18);
    const [off, , kind] = entry.split(' ');
    if (kind === 'n') offsets.set(first + i, Number(off));
  }
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, Buffer>();
  sorted.forEach(([num, off], i) => {
    const end = i + 1 < sorted.length ? sorted[i + 1]![1] : startxref;
    const chunk = text.slice(off, end);
    const head = new RegExp(`^${num}\\s+0\\s+obj\\s*`, 'u').exec(chunk);
    if (!head) throw new Error(`object ${num} not at its offset`);
    const tail = chunk.lastIndexOf('endobj');
    // latin1 text ↔ bytes is one to one: the slice is the object's exact bytes.
    objects.set(num, Buffer.from(chunk.slice(head[0].length, tail).replace(/\s+$/u, ''), 'latin1'));
  });
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/u.exec(xref)?.[1];
  if (!trailer) throw new Error('no trailer');
  return { header: text.slice(0, text.indexOf('\n', text.indexOf('\n') + 1) + 1), objects, trailer };
}

/** The dictionary part of an object (before `stream`), as text. */
export function dictOf(body: Buffer): string {
  const text = body.toString('latin1');
  const s = text.indexOf('stream');
  return s < 0 ? text : text.slice(0, s);
}

export interface WrittenPdf {
  bytes: Buffer;
  /** Byte offset just past each object, by object number. */
  ends: Map<number, number>;
}

/**
 * Writes objects in the given order with a fresh xref table and `trailer` at the end. With
 * `earlyTrailerAfter`, an xref section holding only the free entry and a copy of the trailer are
 * written right after that object, the way a linearized file has its first-page trailer near the
 * start: a reader that has lost the end of the file can still find the catalog from it.
 */
export function writePdfObjects(header: string, order: number[], objects: Map<number, Buffer>, trailer: string, earlyTrailerAfter?: number): WrittenPdf {
  const parts: Buffer[] = [Buffer.from(header, 'latin1')];
  let offset = parts[0]!.length;
  const offsets = new Map<number, number>();
  const ends = new Map<number, number>();
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  for (const num of order) {
    const body = objects.get(num);
    if (!body) throw new Error(`no object ${num}`);
    offsets.set(num, offset);
    push(Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]));
    ends.set(num, offset);
    // As in a linearized file: the first-page trailer is followed by `startxref 0` and `%%EOF`.
    if (num === earlyTrailerAfter) push(Buffer.from(`xref\n0 1\n0000000000 65535 f \ntrailer\n${trailer}\nstartxref\n0\n%%EOF\n`, "latin1"));
  }
  const size = Math.max(...objects.keys()) + 1;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const off = offsets.get(n);
    xref += off === undefined ? '0000000000 65535 f \n' : `${String(off).padStart(10, '0')} 00000 n \n`;
  }
  xref += `trailer\n${trailer}\nstartxref\n${offset}\n%%EOF\n`;
  push(Buffer.from(xref, 'latin1'));
  return { bytes: Buffer.concat(parts), ends };
}

/** Object numbers referenced (`N 0 R`) from a dictionary text. */
export function refsOf(dict: string): number[] {
  return [...dict.matchAll(/(\d+)\s+0\s+R\b/gu)].map((m) => Number(m[1]));
}

/** The page objects in document order (a flat or nested /Kids tree). */
export function pageOrder(pdf: PdfObjects): number[] {
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/u.exec(pdf.trailer)?.[1]);
  const pagesRef = Number(/\/Pages\s+(\d+)\s+0\s+R/u.exec(dictOf(pdf.objects.get(root)!))?.[1]);
  const out: number[] = [];
  const walk = (num: number) => {
    const dict = dictOf(pdf.objects.get(num)!);
    if (/\/Type\s*\/Pages\b/u.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/u.exec(dict)?.[1] ?? '';
      for (const kid of refsOf(kids)) walk(kid);
    } else out.push(num);
  };
  walk(pagesRef);
  return out;
}
