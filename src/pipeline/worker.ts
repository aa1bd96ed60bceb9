/** Runs in a worker thread of the pool: extracts the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file.ts';

parentPort?.on('message', (task: { path: string; displayPath: string }) => {
  void extractFile(task.path, task.displayPath).then((record) => parentPort?.postMessage(record));
});
