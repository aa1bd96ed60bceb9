/**
 * HTTP for the crawler, polite and bounded:
 *   - per host, at most `perHost` requests at once and `delayMs` between two request starts;
 *   - a time limit per request, a maximum body size, at most 5 redirects, http(s) only, and no
 *     redirect to a host the crawl may not visit;
 *   - retries with exponential backoff on timeouts, network errors, 5xx and 429, honouring
 *     Retry-After;
 *   - conditional requests (If-None-Match, If-Modified-Since) when the caller knows a validator for
 *     the URL asked — at every hop, so that a listed URL that redirects still gets its 304.
 *
 * A redirect to a host the crawl does not visit is not a failure of the site: it is reported as
 * `skipped` (OFF_HOST), like a link to that host.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { EXTRACTOR } from '../version.ts';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  delayMs: number;
  perHost: number;
}

/** Why the crawl may not fetch a URL (OFF_HOST, ROBOTS …), or null when it may. */
export type Permission = (url: URL) => Promise<string | null>;

export interface RequestOptions {
  /** The stored validators of a URL, looked up at each hop. */
  validatorsFor?: ValidatorLookup;
  /** Checked at every redirect hop: a redirect may not lead where a link could not. */
  permit?: Permission;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** The validators stored for a URL, looked up at each redirect hop. */
export type ValidatorLookup = (url: string) => Validators;

export type FetchResult =
  | { outcome: 'skipped'; url: string; status: number; reason: string; target: string }
  | { outcome: 'fetched'; url: string; status: number; body: Buffer; etag: string | null; lastModified: string | null; contentType: string | null }
  | { outcome: 'not_modified'; url: string; status: 304; etag: string | null; lastModified: string | null }
  | { outcome: 'failed'; url: string; status: number | null; reason: string; message: string };

export const USER_AGENT = `nianbao/${EXTRACTOR.version} (government information-disclosure annual report collector)`;
const MAX_REDIRECTS = 5;
const MAX_BACKOFF_MS = 60_000;

class ForbiddenRedirect extends Error {
  constructor(
    readonly reason: string,
    readonly status: number,
    readonly target: string,
  ) {
    super(`redirected to ${target}, where this crawl may not go (${reason})`);
  }
}

class Failure extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly status: number | null = null,
    readonly retryable = false,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Fetcher {
  private readonly limits = new Map<string, LimitFunction>();
  private readonly nextStart = new Map<string, number>();
  requests = 0;

  constructor(private readonly options: FetchOptions) {}

  /**
   * Waits for the host's politeness delay: request starts are spaced by delayMs. The slot is taken
   * before waiting (requests to a host may wait side by side), and pushed back if the wait ended
   * late: a busy event loop can fire the timer well after its time, and the next request must then
   * still come a whole delay after this one.
   */
  private async spaced(host: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextStart.get(host) ?? 0);
    this.nextStart.set(host, at + this.options.delayMs);
    if (at > now) await sleep(at - now);
    const started = Date.now();
    if (started > at) this.nextStart.set(host, Math.max(this.nextStart.get(host)!, started + this.options.delayMs));
  }

  /** `url` as it was listed; the result's `url` is where the redirects (if any) ended. */
  async get(url: string, request: RequestOptions = {}): Promise<FetchResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.follow(url, request);
      } catch (err) {
        if (err instanceof ForbiddenRedirect) return { outcome: 'skipped', url, status: err.status, reason: err.reason, target: err.target };
        const failure = err instanceof Failure ? err : new Failure('NETWORK', (err as Error).message, null, true);
        if (!failure.retryable || attempt >= this.options.retries) {
          return { outcome: 'failed', url, status: failure.status, reason: failure.reason, message: failure.message };
        }
        await sleep(Math.min(MAX_BACKOFF_MS, failure.retryAfterMs ?? 500 * 2 ** attempt));
      }
    }
  }

  private async follow(start: string, { validatorsFor = () => ({}), permit }: RequestOptions): Promise<FetchResult> {
    let url = new URL(start);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const step = await this.onHost(url.host, () => this.exchange(url, validatorsFor(url.href)));
      if (!('redirect' in step)) return step;
      const next = step.redirect;
      // Checked outside the host's slot: the check may need the robots.txt of that host.
      const refusal = await this.refusal(next, permit);
      if (refusal) throw new ForbiddenRedirect(refusal, step.status, next.href);
      url = next;
    }
    throw new Failure('REDIRECTS', `more than ${MAX_REDIRECTS} redirects`);
  }

  private async refusal(next: URL, permit: Permission | undefined): Promise<string | null> {
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return 'NOT_HTTP';
    return permit ? permit(next) : null;
  }

  /** Runs one exchange in its host's slot: at most perHost at once, starts spaced by delayMs. */
  private onHost<T>(host: string, exchange: () => Promise<T>): Promise<T> {
    let limit = this.limits.get(host);
    if (!limit) this.limits.set(host, (limit = pLimit(this.options.perHost)));
    return limit(async () => {
      await this.spaced(host);
      this.requests++;
      return exchange();
    });
  }

  /** One request and its whole answer (the body read, or cancelled). */
  private async exchange(url: URL, validators: Validators): Promise<FetchResult | { redirect: URL; status: number }> {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'manual', signal });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      throw new Failure(timedOut ? 'TIMEOUT' : 'NETWORK', timedOut ? `no answer within ${this.options.timeoutMs / 1000} s` : `${(err as Error).message}`, null, true);
    }
    if ([301, 302, 303, 307, 308].includes(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) throw new Failure('HTTP_REDIRECT', `a ${response.status} without a Location`, response.status);
      return { redirect: new URL(location, url), status: response.status };
    }
    const common = { url: url.href, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    if (response.status === 304) {
      await response.body?.cancel();
      return { outcome: 'not_modified', status: 304, ...common };
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new Failure(`HTTP_${response.status}`, `the server answered ${response.status}`, response.status, true, retryAfter(response.headers.get('retry-after')));
    }
    if (response.status >= 400) {
      await response.body?.cancel();
      throw new Failure(`HTTP_${response.status}`, `the server answered ${response.status}`, response.status);
    }
    const body = await this.readBody(response, signal);
    return { outcome: 'fetched', status: response.status, body, contentType: response.headers.get('content-type'), ...common };
  }

  private async readBody(response: Response, signal: AbortSignal): Promise<Buffer> {
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > this.options.maxBytes) {
      await response.body?.cancel();
      throw new Failure('TOO_LARGE', `${declared} bytes, more than the ${this.options.maxBytes} allowed (--max-download)`, response.status);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body ?? []) {
        size += chunk.length;
        if (size > this.options.maxBytes) throw new Failure('TOO_LARGE', `more than the ${this.options.maxBytes} bytes allowed (--max-download)`, response.status);
        chunks.push(Buffer.from(chunk));
      }
    } catch (err) {
      if (err instanceof Failure) throw err;
      const timedOut = signal.aborted;
      throw new Failure(timedOut ? 'TIMEOUT' : 'NETWORK', timedOut ? `the download took longer than ${this.options.timeoutMs / 1000} s` : (err as Error).message, response.status, true);
    }
    return Buffer.concat(chunks);
  }
}
