/**
 * A batch run: every input gets one record, written in input order.
 *   - Files are hashed first: a file whose bytes were seen before (an identical copy under another
 *     name) is extracted once, and the copy's record is the first one's with its own path.
 *   - With a journal from an interrupted run (--resume), inputs already recorded under the same
 *     path and hash are skipped, and the rest are appended in order: the result is what an
 *     uninterrupted run writes.
 *   - A window of files in flight keeps every worker busy without holding more than a few finished
 *     records while a slow file runs.
 */
import { failedRecord, sha256Of, sha256OfFile } from './records.ts';
import type { InputProblem } from './inputs.ts';
import { toRecordText, withPath, type RecordText } from './record-text.ts';

export interface PriorRecord {
  path: string;
  sha256: string;
}

export interface BatchIo<P extends PriorRecord> {
  /** Extracts one file (the worker pool). */
  extract(path: string): Promise<RecordText>;
  /** Writes one record (flushed before it returns); returns where it is in the journal, if there is one. */
  write(record: RecordText): Promise<P | undefined>;
  /** Records of an interrupted run, and how to read one back from the journal. */
  previous: P[];
  recall(entry: P): RecordText;
  /** Called for every record written, with the time it took (0 for a reused one). */
  onRecord?(record: RecordText, ms: number): void;
}

const key = (path: string, sha256: string) => `${sha256}\u0000${path}`;

interface Pending {
  path: string;
  sha256: string;
  record: Promise<RecordText>;
  started: number;
  reused: boolean;
}

export async function runBatch<P extends PriorRecord>(files: string[], missing: InputProblem[], io: BatchIo<P>, windowSize: number): Promise<void> {
  const recorded = new Set(io.previous.map((e) => key(e.path, e.sha256)));
  // The first record of each content: a promise while it is extracted, then (to keep memory flat)
  // only where the journal has it.
  const firstBySha = new Map<string, Promise<RecordText> | P>();
  for (const entry of io.previous) if (!firstBySha.has(entry.sha256)) firstBySha.set(entry.sha256, entry);
  const recordOf = (source: Promise<RecordText> | P) => (source instanceof Promise ? source : Promise.resolve().then(() => io.recall(source)));

  const write = async (pending: Pending) => {
    const record = withPath(await pending.record, pending.path);
    const entry = await io.write(record);
    if (entry && !pending.reused) firstBySha.set(pending.sha256, entry);
    io.onRecord?.(record, pending.reused ? 0 : Date.now() - pending.started);
  };

  const nothing = sha256Of(new Uint8Array());
  for (const problem of missing) {
    if (recorded.has(key(problem.path, nothing))) continue;
    const record = toRecordText(failedRecord(problem.path, nothing, 'unknown', 'UNREADABLE', problem.message));
    await write({ path: problem.path, sha256: nothing, record: Promise.resolve(record), started: Date.now(), reused: true });
  }

  const window: Pending[] = [];
  for (const path of files) {
    let sha256: string;
    try {
      sha256 = await sha256OfFile(path);
    } catch {
      sha256 = nothing; // unreadable: the extraction says why
    }
    if (recorded.has(key(path, sha256))) continue;
    const earlier = sha256 === nothing ? undefined : firstBySha.get(sha256);
    if (earlier) {
      window.push({ path, sha256, record: recordOf(earlier), started: Date.now(), reused: true });
    } else {
      const record = io.extract(path);
      firstBySha.set(sha256, record);
      window.push({ path, sha256, record, started: Date.now(), reused: false });
    }
    if (window.length >= windowSize) await write(window.shift()!);
  }
  for (const pending of window) await write(pending);
}
