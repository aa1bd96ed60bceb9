/**
 * The one module that loads pdf.js (legacy build: the one that runs on Node 20). Every other
 * module imports pdf.js through here, so that the native built-ins its polyfills replace are
 * captured before it loads and put back right after (native-builtins.ts says why).
 *
 * The worker module is loaded here too: pdf.js in Node runs its worker on the calling thread and
 * would import it on the first document, re-installing the polyfills; loaded first, it registers
 * itself as globalThis.pdfjsWorker and pdf.js uses that.
 */
import { restoreNativeBuiltins } from './native-builtins.ts';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

restoreNativeBuiltins();

// pdf.js inflates FlateDecode streams through DecompressionStream when the global exists; in Node
// each call goes through web-stream adapters and the thread pool, and measured here the run was a
// fifth faster with pdf.js's own synchronous inflate. Nothing else in nianbao uses it.
Reflect.deleteProperty(globalThis, 'DecompressionStream');

export { OPS, getDocument };
export type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
