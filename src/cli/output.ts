/**
 * Where records go. Nothing already extracted is lost when a run is killed:
 *   - to a file, every record is appended to a journal and flushed as soon as it is written: the
 *     jsonl output is its own journal; json and csv keep `<out>.journal.jsonl` and are written
 *     from it at the end, to a temporary file renamed into place (a killed run never leaves a
 *     half-written file under the real name);
 *   - `--resume` reads the journal back (a line cut by the kill is dropped), so the run carries on
 *     where it stopped;
 *   - to standard output, records are streamed in the chosen format.
 */
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ReportRecord } from '../model/record.ts';
import { csvHeader, csvRows, type CsvOptions } from '../export/csv.ts';
import { jsonArrayClose, jsonArrayItem, jsonArrayOpen } from '../export/json.ts';
import { factsOf, parseLine, type RecordFacts, type RecordText } from '../pipeline/record-text.ts';

export type OutputFormat = 'json' | 'jsonl' | 'csv';

export interface OutputOptions extends CsvOptions {
  format: OutputFormat;
  out?: string | undefined;
}

export interface RecordSink {
  /** Records a previous run left in the journal (with --resume), in the order they were written. */
  readonly previous: JournalEntry[];
  /** A record of the journal read back (a duplicate file takes a copy of it). */
  recall(entry: JournalEntry): RecordText;
  /** Writes a record; returns where the journal holds it (none when writing to standard output). */
  write(record: RecordText): Promise<JournalEntry | undefined>;
  close(): Promise<void>;
}

/** Incremental writer of one format onto a stream: header, records, footer. */
export class FormatWriter {
  private count = 0;
  constructor(
    private readonly options: OutputOptions,
    private readonly put: (text: string | Uint8Array) => Promise<void> | void,
  ) {}

  async open(): Promise<void> {
    if (this.options.format === 'csv') await this.put(csvHeader(this.options));
    if (this.options.format === 'json') await this.put(jsonArrayOpen());
  }

  /** One record, given as its JSON line. */
  async record(line: Uint8Array): Promise<void> {
    const { format } = this.options;
    if (format === 'jsonl') await this.put(line);
    else if (format === 'csv') await this.put(csvRows(parseLine(line), this.options));
    else await this.put(jsonArrayItem(parseLine(line), this.count === 0));
    this.count++;
  }

  async close(): Promise<void> {
    if (this.options.format === 'json') await this.put(jsonArrayClose(this.count));
  }
}

export async function putOn(stream: NodeJS.WritableStream, text: string | Uint8Array): Promise<void> {
  if (text.length > 0 && !stream.write(text)) await once(stream, 'drain');
}

/** What the run needs to know of a record already in the journal, without holding the record. */
export interface JournalEntry extends RecordFacts {
  /** Where its line is in the journal, to read it back when a duplicate file needs it. */
  offset: number;
  length: number;
}

/** Journal lines read back: complete records only; a line cut short by a kill is cut off the file. */
function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  const bytes = readFileSync(path);
  const entries: JournalEntry[] = [];
  let at = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, at);
    if (end < 0) break;
    let facts: RecordFacts;
    try {
      facts = factsOf(JSON.parse(bytes.toString('utf8', at, end)) as ReportRecord);
    } catch {
      break;
    }
    entries.push({ ...facts, offset: at, length: end - at });
    at = end + 1;
  }
  if (at < bytes.length) truncateSync(path, at);
  return entries;
}

/** One record of the journal, read back from its line. */
export function readJournalRecord(path: string, entry: JournalEntry): RecordText {
  const fd = openSync(path, 'r');
  try {
    const line = Buffer.alloc(entry.length + 1);
    readSync(fd, line, 0, entry.length + 1, entry.offset);
    const { offset: _offset, length: _length, ...facts } = entry;
    return { ...facts, line };
  } finally {
    closeSync(fd);
  }
}

/** Appends records to a journal file, one flushed line each. */
class Journal {
  private readonly fd: number;
  constructor(readonly path: string, resume: boolean) {
    this.fd = openSync(path, resume ? 'a' : 'w');
    this.size = fstatSync(this.fd).size;
  }
  private size: number;
  append(record: RecordText): JournalEntry {
    const { line, ...facts } = record;
    writeSync(this.fd, line);
    const entry = { ...facts, offset: this.size, length: line.length - 1 };
    this.size += line.length;
    return entry;
  }
  close(): void {
    closeSync(this.fd);
  }
}

export async function openOutput(options: OutputOptions, resume = false): Promise<RecordSink> {
  if (!options.out) {
    const writer = new FormatWriter(options, (text) => putOn(process.stdout, text));
    await writer.open();
    return {
      previous: [],
      recall: () => {
        throw new Error('no journal when writing to standard output');
      },
      write: async (r) => {
        await writer.record(r.line);
        return undefined;
      },
      close: () => writer.close(),
    };
  }
  const out = options.out;
  const journalPath = options.format === 'jsonl' ? out : `${out}.journal.jsonl`;
  const previous = resume ? readJournal(journalPath) : [];
  const journal = new Journal(journalPath, resume);
  return {
    previous,
    recall: (entry) => readJournalRecord(journalPath, entry),
    async write(record) {
      return journal.append(record);
    },
    async close() {
      journal.close();
      if (options.format === 'jsonl') return;
      // json / csv: written from the journal.
      await writeRecords(options, journalLines(journalPath));
      rmSync(journalPath, { force: true });
    },
  };
}

async function* journalLines(path: string): AsyncIterable<Uint8Array> {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim()) yield new TextEncoder().encode(`${line}\n`);
  }
}

/**
 * Records (JSON lines) written in the chosen format: to `options.out` through a temporary file
 * renamed when complete (a killed run never leaves a half-written file under the real name), or to
 * standard output.
 */
export async function writeRecords(options: OutputOptions, lines: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
  const temp = options.out ? `${options.out}.partial-${process.pid}` : null;
  const stream: NodeJS.WritableStream = temp ? createWriteStream(temp) : process.stdout;
  const writer = new FormatWriter(options, (text) => putOn(stream, text));
  await writer.open();
  for await (const line of lines) await writer.record(line);
  await writer.close();
  if (temp && options.out) {
    stream.end();
    await once(stream, 'close');
    renameSync(temp, options.out);
  }
}
