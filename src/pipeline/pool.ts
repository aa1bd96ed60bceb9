/**
 * A pool of worker threads that extract files, one file at a time per worker, so that a batch uses
 * every core (pdf.js in Node runs its "worker" on the calling thread: without threads of our own a
 * run uses one core). A worker that runs past the per-file timeout or out of its memory limit is
 * replaced, and its file gets a failed record (TIMEOUT, TOO_LARGE); the batch goes on.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../model/record.ts';
import { failedFileRecord, failedRecord, sha256Of, type ExtractOptions } from './records.ts';
import { toRecordText, type RecordText } from './record-text.ts';

export interface PoolOptions {
  workers: number;
  /** Passed on to extractFile for every file. */
  extract?: ExtractOptions;
  /** Per-file limit in milliseconds. */
  timeoutMs: number;
  /** Old-generation heap limit of each worker, in MiB. */
  memoryMb: number;
}

interface Task {
  path: string;
  displayPath: string;
  resolve: (record: RecordText) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Files this worker has extracted. */
  done: number;
  /** The worker is being replaced: the slot takes no file until the old one is gone. */
  replacing: Promise<void> | null;
}

/**
 * A worker is replaced after this many files: the memory of a long-lived worker creeps up (heap
 * growth, pdf.js's per-process caches), and a fresh one keeps a run of thousands of files flat.
 */
const FILES_PER_WORKER = 150;

/**
 * How far V8 lets a heap grow past what survived the last full GC, in percent. V8's default factor
 * scales with allocation rate, up to 4×: a worker busy with pdf.js kept ~270 MB of mostly-garbage heap,
 * and a run of 1,000 files peaked 16–39% above one of 100. At 100% the peak stays within 3–8% (measured
 * over seven runs), for about 6% more time (more, smaller GCs). Forced GCs and recycling workers by
 * heap size flattened memory too, but cost 30–80%. The flag is process-wide and read at each GC, so
 * setting it before the workers start covers them all.
 */
const HEAP_GROWING_PERCENT = 100;
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/** Compiled, workers load worker.js directly; from the sources, an entry that registers tsx first. */
const ENTRY = import.meta.url.endsWith('.js') ? new URL('./worker.js', import.meta.url) : new URL('./worker-entry.mjs', import.meta.url);

export class ExtractionPool {
  private readonly queue: Task[] = [];
  private readonly slots: Slot[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.workers; i++) {
      const slot = { task: null, timer: null, done: 0, replacing: null } as unknown as Slot;
      this.start(slot);
      this.slots.push(slot);
    }
  }

  extract(path: string, displayPath = path): Promise<RecordText> {
    return new Promise((resolve) => {
      this.queue.push({ path, displayPath, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map(async (s) => (s.replacing ? s.replacing : s.worker.terminate())));
  }

  /** A fresh worker in the slot. */
  private start(slot: Slot): void {
    slot.done = 0;
    // A young generation larger than V8's default: pdf.js makes many short-lived objects, and
    // fewer scavenges made a batch of PDFs about 10% faster here (measured over three runs each).
    const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: 96 } });
    slot.worker = worker;
    worker.on('message', (record: RecordText) => this.finish(slot, record));
    worker.on('error', (err: Error & { code?: string }) => {
      const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(slot, outOfMemory ? 'TOO_LARGE' : 'INTERNAL', outOfMemory ? `extraction needed more than ${this.options.memoryMb} MiB of memory` : `the extraction worker crashed: ${err.message}`);
    });
    worker.on('exit', () => {
      if (slot.worker === worker && slot.task) this.fail(slot, 'INTERNAL', 'the extraction worker stopped unexpectedly');
    });
    worker.unref();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || slot.replacing || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.fail(slot, 'TIMEOUT', `extraction took longer than ${this.options.timeoutMs / 1000} s`), this.options.timeoutMs);
      slot.worker.postMessage({ path: task.path, displayPath: task.displayPath, options: this.options.extract ?? {} });
    }
  }

  /** The slot's file, taken off the slot with its timer stopped. */
  private release(slot: Slot): Task | null {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    return task;
  }

  private finish(slot: Slot, record: RecordText): void {
    const task = this.release(slot);
    if (!task) return;
    slot.worker.unref();
    if (++slot.done >= FILES_PER_WORKER && !this.closed) this.replace(slot);
    task.resolve(record);
    this.dispatch();
  }

  /**
   * A fresh worker for the slot once the old one has exited: started at once, the new worker would
   * grow while the old one's heap is still mapped, and the run's peak memory would be three heaps.
   */
  private replace(slot: Slot): void {
    const old = slot.worker;
    old.removeAllListeners();
    slot.replacing = old.terminate().then(
      () => undefined,
      () => undefined,
    );
    void slot.replacing.then(() => {
      slot.replacing = null;
      if (this.closed) return;
      this.start(slot);
      this.dispatch();
    });
  }

  /** The worker is stuck or dead: its file gets a failed record and a fresh worker takes its place. */
  private fail(slot: Slot, code: 'TIMEOUT' | 'TOO_LARGE' | 'INTERNAL', message: string): void {
    const task = this.release(slot);
    this.replace(slot);
    if (task) void recordOfLostFile(task, code, message).then(task.resolve);
    this.dispatch();
  }
}

/** The record of a file whose worker was lost: hash and format read here, from the bytes. */
async function recordOfLostFile(task: Task, code: ErrorCode, message: string): Promise<RecordText> {
  try {
    return toRecordText(await failedFileRecord(task.path, task.displayPath, code, message));
  } catch {
    // unreadable now: the hash of nothing says so
    return toRecordText(failedRecord(task.displayPath, sha256Of(new Uint8Array()), 'unknown', code, message));
  }
}
