/** Runs in a worker thread of the pool: extracts the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file.ts';
import type { ExtractOptions } from './records.ts';
import { toRecordText } from './record-text.ts';

// pdf.js leaves some promises of a damaged document unhandled, and they reject after the document's
// record is made; unhandled, they would take the worker (and the next file's record) down.
process.on('unhandledRejection', () => {});

parentPort?.on('message', (task: { path: string; displayPath: string; options: ExtractOptions }) => {
  void extractFile(task.path, task.displayPath, task.options).then((record) => {
    const text = toRecordText(record);
    parentPort?.postMessage(text, [text.line.buffer as ArrayBuffer]);
  });
});
