/**
 * One file → one record. Reads the bytes, decides the format from them, runs the extractor and the
 * normalizer, and turns every failure into a record with an error code: a bad file never stops a
 * batch.
 */
import { readFile, stat } from 'node:fs/promises';
import { extractDocx } from '../extract/docx.ts';
import { ExtractionError } from '../extract/errors.ts';
import { extractHtml } from '../extract/html.ts';
import { convertLegacyWord } from '../extract/legacy-word.ts';
import { extractPdf } from '../extract/pdf/index.ts';
import { sniffFormat, type SniffedFormat } from '../extract/sniff.ts';
import { zipEntries } from '../extract/zip.ts';
import type { ExtractedDocument } from '../model/document.ts';
import type { ErrorCode, ReportRecord } from '../model/record.ts';
import { normalize } from '../normalize/index.ts';
import { failedFileRecord, failedRecord, recordFormat, sha256Of, DEFAULT_MAX_BYTES, type ExtractOptions } from './records.ts';

/** Why a format cannot be read, for the formats that have no extractor. */
const UNSUPPORTED: Partial<Record<SniffedFormat, [ErrorCode, string]>> = {
  zip: ['UNSUPPORTED_FORMAT', 'a zip archive that is not a Word (.docx) document'],
  txt: ['UNSUPPORTED_FORMAT', 'plain text files are not supported: the report tables cannot be read from text'],
  empty: ['EMPTY', 'the file is empty'],
  binary: ['UNSUPPORTED_FORMAT', 'the bytes are not a PDF, Word or HTML document'],
};

function zipOpens(bytes: Buffer): boolean {
  try {
    zipEntries(bytes);
    return true;
  } catch {
    return false;
  }
}

async function documentOf(bytes: Buffer, format: SniffedFormat, options: ExtractOptions): Promise<ExtractedDocument> {
  switch (format) {
    case 'pdf':
      return extractPdf(bytes, options.password !== undefined ? { password: options.password } : {});
    case 'docx':
      return extractDocx(bytes);
    case 'doc':
      return { ...(await extractDocx(await convertLegacyWord(bytes, options.conversionTimeoutMs ?? 50_000))), format: 'doc' };
    default:
      return extractHtml(bytes);
  }
}

export async function extractBytes(bytes: Buffer, displayPath: string, options: ExtractOptions = {}): Promise<ReportRecord> {
  const sha256 = sha256Of(bytes);
  const format = sniffFormat(bytes);
  const sourceFormat = recordFormat(format);
  const unsupported = UNSUPPORTED[format];
  if (unsupported) {
    // A zip that cannot even be opened is damaged rather than of another kind.
    if (format === 'zip' && !zipOpens(bytes)) return failedRecord(displayPath, sha256, 'unknown', 'CORRUPT', 'a damaged zip archive (a .docx that cannot be opened)');
    return failedRecord(displayPath, sha256, sourceFormat, ...unsupported);
  }
  try {
    const doc = await documentOf(bytes, format, options);
    const record = normalize(doc, { path: displayPath, sha256 });
    if (doc.incomplete && record.status === 'not_a_report') {
      return failedRecord(displayPath, sha256, sourceFormat, 'CORRUPT', `${doc.incomplete}; what could be read holds no report tables`);
    }
    return record;
  } catch (err) {
    if (err instanceof ExtractionError) return failedRecord(displayPath, sha256, sourceFormat, err.code, err.message);
    if (err instanceof RangeError && /call stack/iu.test(err.message)) {
      return failedRecord(displayPath, sha256, sourceFormat, 'CORRUPT', 'the document is nested too deeply to be read');
    }
    return failedRecord(displayPath, sha256, sourceFormat, 'INTERNAL', `extraction failed: ${(err as Error).message ?? String(err)}`);
  }
}

export async function extractFile(path: string, displayPath = path, options: ExtractOptions = {}): Promise<ReportRecord> {
  try {
    const info = await stat(path);
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (info.size > max) {
      return failedFileRecord(path, displayPath, 'TOO_LARGE', `the file is ${megabytes(info.size)} MB, more than the ${megabytes(max)} MB allowed (--max-size)`);
    }
    return extractBytes(await readFile(path), displayPath, options);
  } catch (err) {
    return failedRecord(displayPath, sha256Of(new Uint8Array()), 'unknown', 'UNREADABLE', `cannot read the file: ${(err as Error).message}`);
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(bytes < 1_048_576 ? 2 : 0);
}

