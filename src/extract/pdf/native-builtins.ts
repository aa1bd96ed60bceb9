/**
 * Captured before pdf.js loads (see pdfjs.ts). The legacy build of pdfjs-dist brings core-js
 * polyfills that replace Array.prototype.push (a guard against a V8 bug with non-writable array
 * lengths) and JSON.parse/JSON.stringify for the whole process; measured here, they made PDF
 * extraction and every JSON write several times slower. The native versions are put back.
 */
const NATIVE = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
};

export function restoreNativeBuiltins(): void {
  if (Array.prototype.push !== NATIVE.push) {
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE.push, writable: true, configurable: true, enumerable: false });
  }
  if (JSON.parse !== NATIVE.parse) JSON.parse = NATIVE.parse;
  if (JSON.stringify !== NATIVE.stringify) JSON.stringify = NATIVE.stringify;
}
