/**
 * Where records go: standard output or a file. json and csv files are written to a temporary file
 * and renamed when complete, so a killed run never leaves a half-written file under the real name;
 * jsonl is written record by record.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { ReportRecord } from '../model/record.ts';
import { csvHeader, csvRows, type CsvOptions } from '../export/csv.ts';
import { toJson } from '../export/json.ts';
import { toJsonLine } from '../export/jsonl.ts';

export type OutputFormat = 'json' | 'jsonl' | 'csv';

export interface OutputOptions extends CsvOptions {
  format: OutputFormat;
  out?: string | undefined;
}

export interface RecordSink {
  write(record: ReportRecord): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

async function put(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text.length === 0) return;
  if (!stream.write(text)) await once(stream, 'drain');
}

export async function openOutput(options: OutputOptions): Promise<RecordSink> {
  const tempPath = options.out && options.format !== 'jsonl' ? `${options.out}.partial-${process.pid}` : undefined;
  const target = tempPath ?? options.out;
  const stream: NodeJS.WritableStream | WriteStream = target ? createWriteStream(target) : process.stdout;
  const collected: ReportRecord[] = [];
  let started = false;

  const finish = async () => {
    if (stream !== process.stdout) {
      (stream as WriteStream).end();
      await once(stream, 'close');
    }
  };

  return {
    async write(record) {
      if (options.format === 'jsonl') return put(stream, toJsonLine(record));
      if (options.format === 'json') {
        collected.push(record);
        return;
      }
      if (!started) {
        started = true;
        await put(stream, csvHeader(options));
      }
      await put(stream, csvRows(record, options));
    },
    async close() {
      if (options.format === 'json') await put(stream, toJson(collected));
      if (options.format === 'csv' && !started) await put(stream, csvHeader(options));
      await finish();
      if (tempPath && options.out) await rename(tempPath, options.out);
    },
    async abort() {
      await finish();
      if (tempPath) await rm(tempPath, { force: true });
    },
  };
}
