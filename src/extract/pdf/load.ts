/**
 * Opening a PDF with pdf.js (legacy build, the one that runs on Node 20).
 *
 * cMapUrl and standardFontDataUrl are always passed: without the CMaps a PDF whose Chinese font is
 * not embedded yields no text at all. pdf.js in Node runs its "worker" on the calling thread;
 * parallelism comes from running whole files in worker threads (src/pipeline).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ExtractionError } from '../errors.ts';
import { getDocument, type PDFDocumentProxy } from './pdfjs.ts';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js reads these with fs in Node; trailing slashes matter.
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

/**
 * CMaps and standard font data, read once per process: pdf.js asks for them for every document
 * (UniGB-UCS2-H for each PDF whose Chinese font is not embedded).
 */
const binaryCache = new Map<string, Uint8Array>();

class CachedBinaryData {
  private readonly dirs: Record<string, string | null>;
  constructor(urls: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.dirs = { cMapUrl: urls.cMapUrl ?? null, standardFontDataUrl: urls.standardFontDataUrl ?? null, wasmUrl: urls.wasmUrl ?? null };
  }

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const dir = this.dirs[kind];
    if (!dir) throw new Error(`no folder for ${kind}`);
    const path = dir + filename;
    let data = binaryCache.get(path);
    if (!data) {
      data = new Uint8Array(readFileSync(path));
      binaryCache.set(path, data);
    }
    return data.slice(); // pdf.js may transfer (detach) what it is given
  }
}

async function open(data: Uint8Array, password: string | undefined): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const task = getDocument({
    data: new Uint8Array(data),
    ...(password !== undefined ? { password } : {}),
    isEvalSupported: false,
    BinaryDataFactory: CachedBinaryData,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
    useSystemFonts: false,
    disableFontFace: true,
    // Images are never read (a seal, a logo, a scanned page): skipping them saves decoding time.
    maxImageSize: 1,
    verbosity: 0,
  });
  return task.promise;
}

export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  try {
    return await open(bytes, password);
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      // A --password meant for other files of the batch: this one may open without it.
      if (password !== undefined) return openPdf(bytes).catch(() => Promise.reject(new ExtractionError('ENCRYPTED', 'the password given does not open this PDF')));
      throw new ExtractionError('ENCRYPTED', 'the PDF is encrypted with a password (give it with --password)');
    }
    throw new ExtractionError('CORRUPT', `not a readable PDF: ${(err as Error).message}`);
  }
}
