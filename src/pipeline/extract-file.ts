/**
 * One file → one record. Reads the bytes, decides the format from them, runs the extractor and the
 * normalizer, and turns every failure into a record with an error code: a bad file never stops a
 * batch.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DocxError, extractDocx } from '../extract/docx.ts';
import { extractHtml } from '../extract/html.ts';
import { PdfError, extractPdf } from '../extract/pdf/index.ts';
import { sniffFormat, type SniffedFormat } from '../extract/sniff.ts';
import type { ErrorCode, ReportRecord } from '../model/record.ts';
import { normalize } from '../normalize/index.ts';
import { EXTRACTOR } from '../version.ts';

type RecordFormat = ReportRecord['source']['format'];

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

/** Why a format cannot be read (yet), for the formats that have no extractor. */
const UNSUPPORTED: Partial<Record<SniffedFormat, [ErrorCode, string]>> = {
  doc: ['UNSUPPORTED_FORMAT', 'legacy Word (.doc/.wps) files are not supported yet; save the file as .docx and run again'],
  zip: ['UNSUPPORTED_FORMAT', 'a zip archive that is not a Word (.docx) document'],
  txt: ['UNSUPPORTED_FORMAT', 'plain text files are not supported: the report tables cannot be read from text'],
  empty: ['EMPTY', 'the file is empty'],
  binary: ['UNSUPPORTED_FORMAT', 'the bytes are not a PDF, Word or HTML document'],
};

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function extractBytes(bytes: Buffer, displayPath: string): Promise<ReportRecord> {
  const sha256 = sha256Of(bytes);
  const format = sniffFormat(bytes);
  const unsupported = UNSUPPORTED[format];
  if (unsupported) return failedRecord(displayPath, sha256, RECORD_FORMAT[format], ...unsupported);
  try {
    const doc = format === 'docx' ? await extractDocx(bytes) : format === 'pdf' ? await extractPdf(bytes) : extractHtml(bytes);
    return normalize(doc, { path: displayPath, sha256 });
  } catch (err) {
    if (err instanceof DocxError || err instanceof PdfError) return failedRecord(displayPath, sha256, RECORD_FORMAT[format], err.code, err.message);
    return failedRecord(displayPath, sha256, RECORD_FORMAT[format], 'INTERNAL', `extraction failed: ${(err as Error).message ?? String(err)}`);
  }
}

export async function extractFile(path: string, displayPath = path): Promise<ReportRecord> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return failedRecord(displayPath, sha256Of(new Uint8Array()), 'unknown', 'UNREADABLE', `cannot read the file: ${(err as Error).message}`);
  }
  return extractBytes(bytes, displayPath);
}
