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
        yield new Uint8Array(format === 'brotli' ? brotliDecompressSync(input) : inflateSync(input, { finishFlush: zlibConstants.Z_SYNC_FLUSH }));
      },
    };
  }
}
Object.defineProperty(globalThis, 'DecompressionStream', { value: ZlibDecompressionStream, writable: true, configurable: true });

export { OPS, getDocument };
export type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
