/**
 * The crawl store: one folder holding an SQLite database and the downloaded files.
 *
 *   DIR/nianbao.sqlite   URLs seen (ETag, Last-Modified, status, error, links found), files,
 *                        records (one per file and extractor version), runs with their counts
 *   DIR/files/ab/ab…     file bytes, content-addressed by sha256
 *   DIR/lock             held by the run writing the store
 *
 * The store stays consistent whenever the process is killed: every change is a transaction, and a
 * file is registered only once its bytes are on disk (written to a temporary name, flushed, renamed
 * into place). Schema changes are numbered migrations applied in order.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordText } from '../pipeline/record-text.ts';

const MIGRATIONS: string[] = [
  // 1: the first schema
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     command TEXT NOT NULL,
     seeds TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'running',
     counts TEXT
   );
   CREATE TABLE urls (
     url TEXT PRIMARY KEY,
     host TEXT NOT NULL,
     kind TEXT NOT NULL,
     etag TEXT,
     last_modified TEXT,
     http_status INTEGER,
     error TEXT,
     sha256 TEXT,
     content_type TEXT,
     first_run INTEGER NOT NULL,
     last_run INTEGER NOT NULL,
     changed_run INTEGER
   );
   CREATE TABLE links (
     from_url TEXT NOT NULL,
     to_url TEXT NOT NULL,
     kind TEXT NOT NULL,
     text TEXT,
     PRIMARY KEY (from_url, to_url)
   );
   CREATE TABLE files (
     sha256 TEXT PRIMARY KEY,
     size INTEGER NOT NULL,
     url TEXT NOT NULL,
     stored_at TEXT NOT NULL
   );
   CREATE TABLE records (
     sha256 TEXT NOT NULL REFERENCES files(sha256),
     extractor_version TEXT NOT NULL,
     url TEXT NOT NULL,
     status TEXT NOT NULL,
     year INTEGER,
     record TEXT NOT NULL,
     run INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (sha256, extractor_version)
   );
   CREATE INDEX records_year ON records(year);`,
];

export interface UrlRow {
  url: string;
  host: string;
  kind: 'listing' | 'page' | 'attachment';
  etag: string | null;
  last_modified: string | null;
  http_status: number | null;
  error: string | null;
  sha256: string | null;
  content_type: string | null;
}

export interface LinkRow {
  to_url: string;
  kind: string;
  text: string | null;
}

export interface StoredRecord {
  sha256: string;
  url: string;
  record: string;
}

export class StoreLockedError extends Error {}

function now(): string {
  return new Date().toISOString();
}

/** An exclusive lock: a file created only if it does not exist, holding the owner's pid. */
function acquireLock(path: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock whose owner is gone (killed) is stale: take it over.
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      } catch {
        // unreadable: treat as held
      }
      if (Number.isInteger(owner) && !processAlive(owner)) {
        rmSync(path, { force: true });
        continue;
      }
      throw new StoreLockedError(`the store is in use by another nianbao run (pid ${Number.isInteger(owner) ? owner : '?'}; lock file ${path})`);
    }
  }
  throw new StoreLockedError(`could not take the store's lock ${path}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Store {
  private readonly db: Database.Database;
  private readonly lockPath: string | null;

  private constructor(
    readonly dir: string,
    db: Database.Database,
    lockPath: string | null,
  ) {
    this.db = db;
    this.lockPath = lockPath;
  }

  /** Opens (creating if needed) a store; `write` takes its lock for the life of the Store. */
  static open(dir: string, options: { write: boolean }): Store {
    mkdirSync(join(dir, 'files'), { recursive: true });
    const lockPath = options.write ? join(dir, 'lock') : null;
    if (lockPath) acquireLock(lockPath);
    try {
      const db = new Database(join(dir, 'nianbao.sqlite'));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      const store = new Store(dir, db, lockPath);
      store.migrate();
      if (lockPath) removePartialFiles(join(dir, 'files'));
      return store;
    } catch (err) {
      if (lockPath) rmSync(lockPath, { force: true });
      throw err;
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
    if (this.lockPath) rmSync(this.lockPath, { force: true });
  }

  beginRun(command: string, seeds: string[]): number {
    const info = this.db.prepare('INSERT INTO runs (started_at, command, seeds) VALUES (?, ?, ?)').run(now(), command, JSON.stringify(seeds));
    return Number(info.lastInsertRowid);
  }

  finishRun(run: number, status: string, counts: unknown): void {
    this.db.prepare('UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?').run(now(), status, JSON.stringify(counts), run);
  }

  url(url: string): UrlRow | undefined {
    return this.db.prepare('SELECT * FROM urls WHERE url = ?').get(url) as UrlRow | undefined;
  }

  /** Records what a request for `url` gave (a fetch, a 304, or a failure). */
  saveUrl(run: number, row: UrlRow, changed: boolean): void {
    this.db
      .prepare(
        `INSERT INTO urls (url, host, kind, etag, last_modified, http_status, error, sha256, content_type, first_run, last_run, changed_run)
         VALUES (@url, @host, @kind, @etag, @last_modified, @http_status, @error, @sha256, @content_type, @run, @run, @changed_run)
         ON CONFLICT(url) DO UPDATE SET kind = @kind, etag = @etag, last_modified = @last_modified, http_status = @http_status,
           error = @error, sha256 = @sha256, content_type = @content_type, last_run = @run,
           changed_run = COALESCE(@changed_run, changed_run)`,
      )
      .run({ ...row, run, changed_run: changed ? run : null });
  }

  links(from: string): LinkRow[] {
    return this.db.prepare('SELECT to_url, kind, text FROM links WHERE from_url = ? ORDER BY rowid').all(from) as LinkRow[];
  }

  setLinks(from: string, links: LinkRow[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM links WHERE from_url = ?').run(from);
      const insert = this.db.prepare('INSERT OR IGNORE INTO links (from_url, to_url, kind, text) VALUES (?, ?, ?, ?)');
      for (const link of links) insert.run(from, link.to_url, link.kind, link.text);
    })();
  }

  filePath(sha256: string): string {
    return join(this.dir, 'files', sha256.slice(0, 2), sha256);
  }

  hasFile(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM files WHERE sha256 = ?').get(sha256) !== undefined && existsSync(this.filePath(sha256));
  }

  /** Stores a file's bytes, then registers it: a killed run never leaves a row without its bytes. */
  addFile(sha256: string, bytes: Uint8Array, url: string): void {
    const path = this.filePath(sha256);
    if (!existsSync(path)) {
      mkdirSync(join(this.dir, 'files', sha256.slice(0, 2)), { recursive: true });
      const temp = `${path}.part-${process.pid}`;
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, path);
    }
    this.db.prepare('INSERT OR IGNORE INTO files (sha256, size, url, stored_at) VALUES (?, ?, ?, ?)').run(sha256, bytes.length, url, now());
  }

  hasRecord(sha256: string, version: string): boolean {
    return this.db.prepare('SELECT 1 FROM records WHERE sha256 = ? AND extractor_version = ?').get(sha256, version) !== undefined;
  }

  addRecord(run: number, version: string, text: RecordText): void {
    this.db
      .prepare(
        `INSERT INTO records (sha256, extractor_version, url, status, year, record, run, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(sha256, extractor_version) DO UPDATE SET url = excluded.url, status = excluded.status, year = excluded.year,
           record = excluded.record, run = excluded.run, created_at = excluded.created_at`,
      )
      .run(text.sha256, version, text.path, text.status, text.year, Buffer.from(text.line).toString('utf8').trimEnd(), run, now());
  }

  /**
   * The files a URL serves now, each with the URL it was first fetched from. Bytes a URL served
   * before it changed stay in the store (history) but are no longer current.
   */
  currentFiles(): { sha256: string; url: string }[] {
    return this.db.prepare(`SELECT sha256, url FROM files WHERE sha256 IN (${CURRENT_FILES}) ORDER BY rowid`).all() as { sha256: string; url: string }[];
  }

  /** The latest record (the newest run that made one) of every current file, ordered by URL (the same store always exports the same bytes). */
  *latestRecords(filter: { year?: number; host?: string; all?: boolean }): Generator<string> {
    const rows = this.db
      .prepare(
        `SELECT r.record, r.url, r.status, r.year FROM files f
         JOIN records r ON r.sha256 = f.sha256
         WHERE f.sha256 IN (${CURRENT_FILES})
           AND r.rowid = (SELECT r2.rowid FROM records r2 WHERE r2.sha256 = f.sha256 ORDER BY r2.run DESC, r2.created_at DESC LIMIT 1)
         ORDER BY r.url, f.sha256`,
      )
      .iterate() as IterableIterator<{ record: string; url: string; status: string; year: number | null }>;
    for (const row of rows) {
      if (!filter.all && row.status === 'not_a_report') continue;
      if (filter.year !== undefined && row.year !== filter.year) continue;
      if (filter.host !== undefined && !sameHost(hostOf(row.url), filter.host)) continue;
      yield row.record;
    }
  }
}

/** The files some URL serves as of its latest fetch. */
const CURRENT_FILES = 'SELECT sha256 FROM urls WHERE sha256 IS NOT NULL';

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Half-written files (`….part-PID`) left by a run that was killed; only the lock holder calls this. */
function removePartialFiles(filesDir: string): void {
  for (const sub of readdirSync(filesDir)) {
    const subDir = join(filesDir, sub);
    if (!statSync(subDir).isDirectory()) continue;
    for (const name of readdirSync(subDir)) if (name.includes('.part-')) rmSync(join(subDir, name), { force: true });
  }
}

/** "example.gov.cn:8080" → "example.gov.cn": a host named without its port stands for all its ports. */
export function withoutPort(host: string): string {
  return host.replace(/:\d+$/u, '');
}

/** A host named without a port matches that host on any port. */
function sameHost(host: string, wanted: string): boolean {
  return host === wanted || (!wanted.includes(':') && withoutPort(host) === wanted);
}
