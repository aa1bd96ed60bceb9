/**
 * The one module that loads pdf.js (legacy build: the one that runs on Node 20). Every other
 * module imports pdf.js through here, so that the native built-ins its polyfills replace are
 * captured before it loads and put back right after (native-builtins.ts says why).
 *
 * The worker module is loaded here too: pdf.js in Node runs its worker on the calling thread and
 * would import it on the first document, re-installing the polyfills; loaded first, it registers
 * itself as globalThis.pdfjsWorker and pdf.js uses that.
 */
import { brotliDecompressSync, constants as zlibConstants, inflateSync } from 'node:zlib';
import { restoreNativeBuiltins } from './native-builtins.ts';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

restoreNativeBuiltins();

/**
 * pdf.js inflates FlateDecode (and Brotli) streams through DecompressionStream when the global
 * exists. Node's goes through web-stream adapters and the thread pool (measured: slower than
 * pdf.js's own JavaScript inflate), so pdf.js gets this stand-in: the same interface, inflated at
 * once by zlib. A stream zlib cannot inflate makes it throw, and pdf.js falls back to its own
 * decoder. Nothing else in nianbao uses DecompressionStream.
 */
class ZlibDecompressionStream {
  readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    const chunks: Uint8Array[] = [];
    let closed!: () => void;
    const whenClosed = new Promise<void>((resolve) => (closed = resolve));
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: async (chunk) => void chunks.push(chunk),
        close: async () => closed(),
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await whenClosed;
        const input = Buffer.concat(chunks);
        // A truncated stream gives what it has, as pdf.js's own decoder does.
        const out = new Uint8Array(format === 'brotli' ? brotliDecompressSync(input) : inflateSync(input, { finishFlush: zlibConstants.Z_SYNC_FLUSH }));
        if (fontPrograms.skip && isTrueTypeProgram(out)) {
          fontPrograms.skipped++;
          yield new Uint8Array(0);
        } else yield out;
      },
    };
  }
}
/**
 * Embedded TrueType font programs, left out. Text extraction needs a font's widths and its
 * ToUnicode map, both in the font's dictionary; pdf.js would also parse and repair the whole font
 * program (to render it), which measured as the largest single cost of reading a WPS or Word PDF.
 * Given an empty program, pdf.js reads the font as not embedded. A font without a ToUnicode map
 * needs its program to map glyphs to text: extractPdf turns `skip` on only for producers that
 * always write the map, and reads the document again with it off if the text still comes out
 * garbled. (Type 1 / CFF programs are kept: without them pdf.js loses the
 * built-in encoding LibreOffice's fonts rely on.)
 */
export const fontPrograms = { skip: false, skipped: 0 };

function isTrueTypeProgram(b: Uint8Array): boolean {
  const tag = Buffer.from(b.subarray(0, 4)).toString('latin1');
  return (b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0) || tag === 'true' || tag === 'ttcf';
}

Object.defineProperty(globalThis, 'DecompressionStream', { value: ZlibDecompressionStream, writable: true, configurable: true });

export { OPS, getDocument };
export type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
