/**
 * A crawl: from the seed listing pages of a 政府信息公开年报 column, through its pagination, to the
 * report pages and their attachments; each file stored by content and extracted once per
 * extractor version. A second crawl asks only "has it changed?" (conditional requests) and
 * extracts only what did.
 *
 * Order of writes, so that a crawl killed at any moment leaves a store the next one completes:
 * the file's bytes, then its record, then the URL's validators (ETag, Last-Modified). A URL whose
 * validators were saved therefore always has its file and record; a file stored without a record
 * is extracted by the next run.
 */
import pLimit from 'p-limit';
import type { ExtractionPool } from '../pipeline/pool.ts';
import type { RecordText } from '../pipeline/record-text.ts';
import { sha256Of } from '../pipeline/records.ts';
import { EXTRACTOR } from '../version.ts';
import type { Fetcher, FetchResult } from './fetcher.ts';
import { findLinks, type FoundLink, type LinkKind } from './links.ts';
import { Robots } from './robots.ts';
import { hostOf, type LinkRow, type Store, type UrlRow } from './store.ts';

export type UrlResult = 'new' | 'changed' | 'unchanged' | 'failed' | 'skipped';

export interface UrlEvent {
  event: 'url';
  url: string;
  kind: LinkKind;
  result: UrlResult;
  status: number | null;
  reason: string | null;
  extracted: boolean;
  /** The URL as listed, when redirects led from it to `url`. */
  redirected_from?: string;
}

export interface CrawlSummary {
  event: 'summary';
  run: number;
  listings: number;
  new: number;
  changed: number;
  unchanged: number;
  failed: Record<string, number>;
  skipped: Record<string, number>;
  extracted: number;
  /** Files whose extraction failed (status failed), by error code. */
  extraction_failed: Record<string, number>;
  requests: number;
}

export interface CrawlOptions {
  store: Store;
  fetcher: Fetcher;
  pool: ExtractionPool;
  seeds: string[];
  allowHost(host: string): boolean;
  maxPages: number;
  onEvent(event: UrlEvent): void;
}

const HTML_TYPE = /html|xml/iu;

function looksHtml(result: Extract<FetchResult, { outcome: 'fetched' }>): boolean {
  if (result.contentType && HTML_TYPE.test(result.contentType)) return true;
  const head = result.body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<head');
}

export class Crawl {
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly seen = new Set<string>();
  private readonly summary: CrawlSummary;
  private readonly run: number;
  private readonly work = pLimit(16);

  constructor(private readonly o: CrawlOptions) {
    this.run = o.store.beginRun('crawl', o.seeds);
    this.summary = { event: 'summary', run: this.run, listings: 0, new: 0, changed: 0, unchanged: 0, failed: {}, skipped: {}, extracted: 0, extraction_failed: {}, requests: 0 };
  }

  async start(): Promise<CrawlSummary> {
    const targets: FoundLink[] = [];
    for (const seed of this.o.seeds) targets.push(...(await this.walkListing(seed)));
    await Promise.all(targets.map((t) => this.work(() => this.visit(t.url, t.kind))));
    this.summary.requests = this.o.fetcher.requests;
    const failed = Object.keys(this.summary.failed).length + Object.keys(this.summary.extraction_failed).length > 0;
    this.o.store.finishRun(this.run, failed ? 'completed_with_failures' : 'completed', this.summary);
    return this.summary;
  }

  /** The listing and every page of its pagination; returns the report pages and attachments found. */
  private async walkListing(seed: string): Promise<FoundLink[]> {
    const queue = [seed];
    const targets: FoundLink[] = [];
    let pages = 0;
    while (queue.length > 0 && pages < this.o.maxPages) {
      const url = queue.shift()!;
      if (this.seen.has(url)) continue;
      this.seen.add(url);
      if (!(await this.permitted(url, 'listing'))) continue;
      pages++;
      this.summary.listings++;
      const links = await this.fetchListing(url);
      for (const link of links ?? []) {
        if (link.kind === 'listing') queue.push(link.url);
        else targets.push(link);
      }
    }
    return targets;
  }

  private async fetchListing(url: string): Promise<FoundLink[] | null> {
    const result = await this.o.fetcher.get(url, { validatorsFor: this.validatorsFor, permit: this.permission });
    if (result.outcome === 'skipped') return this.skip(url, 'listing', result.reason, result.status), null;
    if (result.outcome === 'failed') return this.fail(url, 'listing', result), null;
    // Stored under the URL the redirects (if any) led to: the one whose validators mean something.
    const at = result.url;
    const previous = this.o.store.url(at);
    if (result.outcome === 'not_modified') {
      this.saveNotModified(previous, result);
      this.note(url, at, 'listing', 'unchanged', 304, null, false);
      return this.o.store.links(at).map((l) => ({ url: l.to_url, kind: l.kind as LinkKind, text: l.text ?? '' }));
    }
    const links = findLinks(result.body, at, 'listing');
    const sha256 = sha256Of(result.body);
    this.o.store.setLinks(at, links.map(toRow));
    const changed = previous?.sha256 !== sha256;
    this.o.store.saveUrl(this.run, row(at, 'listing', result, sha256), changed);
    this.note(url, at, 'listing', previous ? (changed ? 'changed' : 'unchanged') : 'new', result.status, null, false);
    return links;
  }

  /**
   * A report page or an attachment: fetched, stored, extracted if new or changed. Its record and
   * URL row are under the URL the redirects (if any) led to, so source.path names where the bytes
   * came from.
   */
  private async visit(url: string, kind: LinkKind): Promise<void> {
    if (this.seen.has(url)) return;
    this.seen.add(url);
    if (!(await this.permitted(url, kind))) return;
    const result = await this.o.fetcher.get(url, { validatorsFor: this.validatorsFor, permit: this.permission });
    if (result.outcome === 'skipped') return this.skip(url, kind, result.reason, result.status);
    if (result.outcome === 'failed') return this.fail(url, kind, result);
    const at = result.url;
    if (at !== url) {
      if (this.seen.has(at)) return; // listed under its own URL too, and visited there
      this.seen.add(at);
    }
    const previous = this.o.store.url(at);

    let attachments: LinkRow[] = [];
    if (result.outcome === 'not_modified') {
      // Unchanged. A file stored by a run that was killed before extracting it is extracted now.
      const extracted = previous?.sha256 ? await this.extractIfMissing(previous.sha256, at) : false;
      this.saveNotModified(previous, result);
      this.note(url, at, kind, 'unchanged', 304, null, extracted);
      attachments = this.o.store.links(at);
    } else {
      const sha256 = sha256Of(result.body);
      this.o.store.addFile(sha256, result.body, at);
      const extracted = await this.extractIfMissing(sha256, at);
      if (kind === 'page' && looksHtml(result)) {
        attachments = findLinks(result.body, at, 'page')
          .filter((l) => l.kind === 'attachment')
          .map(toRow);
        this.o.store.setLinks(at, attachments);
      }
      const changed = previous?.sha256 !== sha256;
      this.o.store.saveUrl(this.run, row(at, kind, result, sha256), changed);
      this.note(url, at, kind, !previous?.sha256 ? 'new' : changed ? 'changed' : 'unchanged', result.status, null, extracted);
    }
    await Promise.all(attachments.filter((a) => a.kind === 'attachment').map((a) => this.visit(a.to_url, 'attachment')));
  }

  /** The stored validators of a URL, for the fetcher's conditional requests. */
  private readonly validatorsFor = (url: string) => {
    const stored = this.o.store.url(url);
    return { etag: stored?.etag, lastModified: stored?.last_modified };
  };

  /** A 304: the row stays as it was, with the validators the server sent (if it sent new ones). */
  private saveNotModified(previous: UrlRow | undefined, result: Extract<FetchResult, { outcome: 'not_modified' }>): void {
    // A 304 comes only in answer to validators we sent, so the row exists.
    const stored = previous!;
    this.o.store.saveUrl(this.run, { ...stored, etag: result.etag ?? stored.etag, last_modified: result.lastModified ?? stored.last_modified, http_status: 304, error: null }, false);
  }

  /** Extracts a stored file unless this extractor version already has its record. */
  private async extractIfMissing(sha256: string, url: string): Promise<boolean> {
    if (this.o.store.hasRecord(sha256, EXTRACTOR.version)) return false;
    const text: RecordText = await this.o.pool.extract(this.o.store.filePath(sha256), url);
    this.o.store.addRecord(this.run, EXTRACTOR.version, text);
    this.summary.extracted++;
    if (text.status === 'failed') tally(this.summary.extraction_failed, text.code ?? 'UNKNOWN');
    return true;
  }

  /** On an allowed host and allowed by its robots.txt; otherwise noted as skipped. */
  private async permitted(url: string, kind: LinkKind): Promise<boolean> {
    const refusal = await this.permission(new URL(url));
    if (refusal) this.skip(url, kind, refusal);
    return refusal === null;
  }

  /** Why the crawl may not fetch a URL, or null. Links and redirects are both held to it. */
  private readonly permission = async (url: URL): Promise<string | null> => {
    if (!this.o.allowHost(url.host)) return 'OFF_HOST';
    let robots = this.robots.get(url.origin);
    if (!robots) this.robots.set(url.origin, (robots = this.loadRobots(url.origin)));
    return (await robots).allows(url.pathname + url.search) ? null : 'ROBOTS';
  };

  /** robots.txt of a site: missing (4xx) or unreachable means no rules. */
  private async loadRobots(origin: string): Promise<Robots> {
    const hostOnly = async (url: URL) => (this.o.allowHost(url.host) ? null : 'OFF_HOST');
    const result = await this.o.fetcher.get(`${origin}/robots.txt`, { permit: hostOnly });
    if (result.outcome !== 'fetched') return Robots.allowAll();
    return Robots.parse(result.body.toString('utf8'));
  }

  /** One event per URL visited: under the URL reached, with the URL listed when a redirect led there. */
  private note(listed: string, reached: string, kind: LinkKind, result: UrlResult, status: number | null, reason: string | null, extracted: boolean): void {
    if (kind !== 'listing' && (result === 'new' || result === 'changed' || result === 'unchanged')) this.summary[result]++;
    const event: UrlEvent = { event: 'url', url: reached, kind, result, status, reason, extracted };
    if (listed !== reached) event.redirected_from = listed;
    this.o.onEvent(event);
  }

  private skip(url: string, kind: LinkKind, reason: string, status: number | null = null): void {
    tally(this.summary.skipped, reason);
    this.note(url, url, kind, 'skipped', status, reason, false);
  }

  private fail(url: string, kind: LinkKind, result: Extract<FetchResult, { outcome: 'failed' }>): void {
    tally(this.summary.failed, result.reason);
    const previous = this.o.store.url(url);
    this.o.store.saveUrl(
      this.run,
      { url, host: hostOf(url), kind, etag: previous?.etag ?? null, last_modified: previous?.last_modified ?? null, http_status: result.status, error: `${result.reason}: ${result.message}`, sha256: previous?.sha256 ?? null, content_type: previous?.content_type ?? null },
      false,
    );
    this.note(url, url, kind, 'failed', result.status, result.reason, false);
  }
}

/** One more of `key` in a summary's counts. */
function tally(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function toRow(link: FoundLink): LinkRow {
  return { to_url: link.url, kind: link.kind, text: link.text };
}

function row(url: string, kind: LinkKind, result: Extract<FetchResult, { outcome: 'fetched' }>, sha256: string): UrlRow {
  return { url, host: hostOf(url), kind, etag: result.etag, last_modified: result.lastModified, http_status: result.status, error: null, sha256, content_type: result.contentType };
}
