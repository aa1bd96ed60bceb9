/**
 * What the main thread needs to make and move records without loading the extractors (pdf.js,
 * mammoth and cheerio are imported by the workers only): the hash of a file's bytes, the record of
 * a file that failed, the extraction options.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { sniffFormat, type SniffedFormat } from '../extract/sniff.ts';
import type { ErrorCode, ReportRecord } from '../model/record.ts';
import { EXTRACTOR } from '../version.ts';

export type RecordFormat = ReportRecord['source']['format'];

const RECORD_FORMAT: Record<SniffedFormat, RecordFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  zip: 'unknown',
  doc: 'doc',
  html: 'html',
  txt: 'txt',
  empty: 'unknown',
  binary: 'unknown',
};

export function recordFormat(format: SniffedFormat): RecordFormat {
  return RECORD_FORMAT[format];
}

export function failedRecord(path: string, sha256: string, format: RecordFormat, code: ErrorCode, message: string): ReportRecord {
  return {
    source: { path, sha256, format },
    status: 'failed',
    report: { agency: null, year: null, template: 'unknown', title: null },
    fields: {},
    derived: {},
    checks: [],
    provenance: {},
    extra_rows: [],
    warnings: [],
    error: { code, message },
    extractor: EXTRACTOR,
  };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The first bytes of a file: enough to tell its format. */
export async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The failed record of a file that is not read whole (too large, or its worker was lost): the
 * hash streamed, the format told by its first bytes.
 */
export async function failedFileRecord(path: string, displayPath: string, code: ErrorCode, message: string): Promise<ReportRecord> {
  const format = recordFormat(sniffFormat(await readHead(path)));
  return failedRecord(displayPath, await sha256OfFile(path), format, code, message);
}

/** sha256 of a file too large to be read whole: streamed. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface ExtractOptions {
  /** Password of an encrypted PDF. */
  password?: string;
  /** Files larger than this are refused (TOO_LARGE) before they are read. */
  maxBytes?: number;
  /** Time LibreOffice gets to convert a legacy Word file. */
  conversionTimeoutMs?: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
