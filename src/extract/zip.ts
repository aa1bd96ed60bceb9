/**
 * Reading the parts of a zip (OOXML) archive safely. A zip bomb declares small sizes and inflates to
 * gigabytes; zip libraries that trust the declared size truncate, and those that do not can run
 * out of memory. Here each entry is inflated by zlib with a hard output limit (the entry's
 * declared size, and a cap): an entry that would inflate past it is refused at once.
 */
import { inflateRawSync } from 'node:zlib';
import { ExtractionError } from './errors.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(why: string): ExtractionError {
  return new ExtractionError('CORRUPT', `not a readable zip (.docx) archive: ${why}`);
}

function inflatesPast(entry: ZipEntry, limit: number): ExtractionError {
  return new ExtractionError('TOO_LARGE', `${entry.name} inflates to more than ${Math.round(limit / 1_048_576)} MiB (a zip bomb?)`);
}

/** Entries of the central directory. */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  // The end-of-central-directory record is in the last 64 KiB (after an optional comment).
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no central directory (the file is truncated or damaged)');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw corrupt('a damaged central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The inflated bytes of one entry, refusing more than `limit` bytes. */
export function readEntry(bytes: Buffer, entry: ZipEntry, limit: number): Buffer {
  if (entry.size > limit) {
    throw new ExtractionError('TOO_LARGE', `${entry.name} inflates to ${Math.round(entry.size / 1_048_576)} MiB, more than the ${Math.round(limit / 1_048_576)} MiB allowed`);
  }
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw corrupt(`a damaged entry header for ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw corrupt(`${entry.name} is cut short (the file is truncated)`);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) throw corrupt(`${entry.name} uses compression method ${entry.method}`);
  let out: Buffer;
  try {
    // Never more than the limit, whatever the header says (a zip bomb declares small sizes).
    out = inflateRawSync(data, { maxOutputLength: limit + 1 });
  } catch (err) {
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw inflatesPast(entry, limit);
    throw corrupt(`${entry.name} does not inflate: ${(err as Error).message}`);
  }
  if (out.length > limit) throw inflatesPast(entry, limit);
  if (out.length !== entry.size) throw corrupt(`${entry.name} inflates to ${out.length} bytes, not the ${entry.size} its header says`);
  return out;
}
