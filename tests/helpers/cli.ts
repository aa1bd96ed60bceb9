/**
 * Running ./bin/nianbao as a child process, as a user or a scheduler does, and reading what it
 * writes: JSON lines on standard error (standard error is a pipe here, not a terminal), records on
 * standard output, CSV.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../scripts/lib/truth.ts';

export const BIN = join(REPO_ROOT, 'bin', 'nianbao');

export interface CliEvent {
  event: string;
  [key: string]: unknown;
}

/** One line of a crawl's standard error for a URL. */
export interface UrlEvent extends CliEvent {
  event: 'url';
  url: string;
  kind: 'listing' | 'page' | 'attachment';
  result: 'new' | 'changed' | 'unchanged' | 'failed' | 'skipped';
  status: number | null;
  reason: string | null;
  extracted: boolean;
}

export interface SummaryEvent extends CliEvent {
  event: 'summary';
  run: number | string;
  new: number;
  changed: number;
  unchanged: number;
  failed: Record<string, number>;
  skipped: Record<string, number>;
  extracted: number;
  requests: number;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The JSON lines of standard error (other lines are left out). */
  events: CliEvent[];
  ms: number;
}

export function parseEvents(stderr: string): CliEvent[] {
  const events: CliEvent[] = [];
  for (const line of stderr.split('\n')) {
    const text = line.trim();
    if (!text.startsWith('{')) continue;
    try {
      events.push(JSON.parse(text) as CliEvent);
    } catch {
      // a torn line (killed process) or not JSON
    }
  }
  return events;
}

export const urlEvents = (r: { events: CliEvent[] }) => r.events.filter((e): e is UrlEvent => e.event === 'url');
export const summaryOf = (r: { events: CliEvent[] }) => r.events.filter((e): e is SummaryEvent => e.event === 'summary').at(-1);

export interface Running {
  child: ChildProcess;
  stderr(): string;
  events(): CliEvent[];
  /** Resolves once `predicate` holds for the events so far (checked on every chunk of stderr). */
  until(predicate: (events: CliEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  done: Promise<CliResult>;
}

const running = new Set<ChildProcess>();

/** Kills (SIGKILL) every child started here that is still running: for an afterAll after a failed test. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Starts `nianbao args…` from the repo root (`nodeArgs` go to node, before the script). */
export function start(args: string[], options: { timeoutMs?: number; nodeArgs?: string[] } = {}): Running {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  running.add(child);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => {
    err.push(d);
    for (const w of [...waiters]) w();
  });
  const stderr = () => Buffer.concat(err).toString('utf8');
  const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      running.delete(child);
      for (const w of [...waiters]) w();
      const text = stderr();
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: text, events: parseEvents(text), ms: performance.now() - t0 });
    });
  });
  let exited = false;
  void done.then(() => (exited = true));
  return {
    child,
    stderr,
    events: () => parseEvents(stderr()),
    done,
    until(predicate, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          remove();
          reject(new Error(`timed out waiting on the output of nianbao ${args.join(' ')}; stderr so far:\n${stderr().slice(-3000)}`));
        }, timeoutMs);
        const check = () => {
          if (predicate(parseEvents(stderr()))) {
            remove();
            resolve();
          } else if (exited || child.exitCode !== null || child.signalCode !== null) {
            remove();
            reject(new Error(`nianbao ${args.join(' ')} ended before the awaited output; stderr:\n${stderr().slice(-3000)}`));
          }
        };
        const remove = () => {
          clearTimeout(timer);
          const i = waiters.indexOf(check);
          if (i >= 0) waiters.splice(i, 1);
        };
        waiters.push(check);
        check();
      });
    },
  };
}

/** Runs `nianbao args…` to the end. */
export function nianbao(args: string[], options: { timeoutMs?: number } = {}): Promise<CliResult> {
  return start(args, options).done;
}

/** Preloading this (`nodeArgs: FETCH_LOG`) makes the CLI write a line per fetch() call: see fetchStarts. */
export const FETCH_LOG = ['--import', pathToFileURL(join(REPO_ROOT, 'tests', 'helpers', 'log-fetch-starts.mjs')).href];

/** When the CLI called fetch(), and for what URL, from standard error (with FETCH_LOG preloaded). */
export function fetchStarts(stderr: string): { ms: number; url: string }[] {
  return [...stderr.matchAll(/^fetch-start (\d+(?:\.\d+)?) (\S+)$/gmu)].map((m) => ({ ms: Number(m[1]), url: m[2]! }));
}

/** JSON lines of a string (jsonl output). */
export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/**
 * RFC 4180 CSV (quoted cells with "" escapes) into rows of cells. Rows end at CRLF or LF; with
 * `crlfOnly`, only CRLF ends a row (a lone CR or LF is part of the cell) and the last row must end
 * with one, as RFC 4180 writers do.
 */
export function parseCsv(text: string, { crlfOnly = false } = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (crlfOnly ? c === '\r' && text[i + 1] === '\n' : c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    if (crlfOnly) throw new Error('last line not terminated by CRLF');
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * The content-addressed files of a store: DIR/files/<2 hex>/<sha256>. Returns every file found,
 * whether its name is a sha256, whether it sits in the folder named by its first two hex digits,
 * and whether its bytes hash to its name.
 */
export function storeFiles(store: string): { path: string; name: string; named: boolean; placed: boolean; intact: boolean }[] {
  const root = join(store, 'files');
  if (!existsSync(root)) return [];
  const out: { path: string; name: string; named: boolean; placed: boolean; intact: boolean }[] = [];
  for (const sub of readdirSync(root, { withFileTypes: true })) {
    if (!sub.isDirectory()) {
      out.push({ path: join(root, sub.name), name: sub.name, named: false, placed: false, intact: false });
      continue;
    }
    for (const f of readdirSync(join(root, sub.name), { withFileTypes: true })) {
      if (!f.isFile()) continue;
      const path = join(root, sub.name, f.name);
      const named = /^[0-9a-f]{64}$/u.test(f.name);
      out.push({
        path,
        name: f.name,
        named,
        placed: named && f.name.slice(0, 2) === sub.name,
        intact: named && createHash('sha256').update(readFileSync(path)).digest('hex') === f.name,
      });
    }
  }
  return out;
}
