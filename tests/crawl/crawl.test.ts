/**
 * `nianbao crawl`, `nianbao export` and `nianbao reextract` against a real HTTP server: a small
 * county-government site built from the corpus (tests/helpers/fixture-site.ts has its map), with
 * pagination, wrapper pages whose attachment is the report, a redirect, a 404, a 500 that succeeds
 * when retried, a file that does not answer in time, robots.txt, links to another host, ETags and
 * Last-Modified.
 *
 * Every test has its own store in a temporary folder; the CLI runs as a child process.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/model/record.ts';
import { compareRecord } from '../../scripts/lib/truth.ts';
import { FETCH_LOG, fetchStarts, jsonLines, killAll, nianbao, parseCsv, start, storeFiles, summaryOf, urlEvents, type CliResult, type UrlEvent } from '../helpers/cli.ts';
import { PATHS, corpusBytes, corpusTruth, sha256, startFixtureSite, type ExpectedReport, type FixtureSite, type SiteOptions } from '../helpers/fixture-site.ts';

/** Fast settings for a local server: no politeness delay, a 1 s time limit, two retries. */
const FLAGS = ['--delay', '0', '--timeout', '1', '--retries', '2'];
const LEAD = ['source_path', 'sha256', 'status', 'agency', 'year', 'template', 'checks_failed'];
const LISTINGS = [PATHS.listing1, PATHS.listing2, PATHS.listing3];
const WRAPPERS = [PATHS.qingshanPage, PATHS.yunxiPage, PATHS.baishuiPage, PATHS.shimenPage];

const sites: FixtureSite[] = [];
const temps: string[] = [];
afterAll(async () => {
  killAll();
  await Promise.all(sites.map((s) => s.close()));
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function newSite(options: SiteOptions): Promise<FixtureSite> {
  const site = await startFixtureSite(options);
  sites.push(site);
  return site;
}

/** A store path in a fresh temporary folder; the store itself is created by the crawl. */
function newStore(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `nianbao-crawl-${label}-`));
  temps.push(dir);
  return join(dir, 'store');
}

/** A copy of a store, so that a test cannot change what another one reads. */
function copyStore(store: string, label: string): string {
  const copy = newStore(label);
  cpSync(store, copy, { recursive: true });
  return copy;
}

function crawl(site: FixtureSite, store: string, extra: string[] = []): Promise<CliResult> {
  return nianbao(['crawl', site.url(PATHS.listing1), '--store', store, ...FLAGS, ...extra]);
}

async function exportRecords(store: string, extra: string[] = []): Promise<ReportRecord[]> {
  const r = await nianbao(['export', '--store', store, '--format', 'jsonl', ...extra]);
  expect(r.code, `export ${extra.join(' ')}: ${r.stderr.slice(-2000)}`).toBe(0);
  return jsonLines<ReportRecord>(r.stdout);
}

/** The record equals the corpus truth, comes from the report's URL, and is of the bytes served there. */
function expectTruth(record: ReportRecord, report: ExpectedReport): void {
  const cmp = compareRecord(record, report.truth);
  expect(cmp.mismatches, `${report.name}: cells that differ from the truth`).toEqual([]);
  expect({ ...record.report, title: undefined, status: record.status }, report.name).toEqual({
    ...report.truth.report,
    title: undefined,
    status: report.truth.status ?? 'ok',
  });
  expect(cmp.failuresFound.sort(), `${report.name}: identity failures of the source`).toEqual([...report.truth.source_identity_failures].sort());
  expect(cmp.falseAlarms, `${report.name}: failed checks the truth does not list`).toEqual([]);
  expect(record.source.path).toBe(report.url);
  expect(record.source.sha256, `${report.name}: sha256 of the bytes served`).toBe(report.sha256);
}

/** One record per expected report, each equal to its truth. */
function expectReports(records: ReportRecord[], reports: ExpectedReport[]): void {
  expect(records.map((r) => r.source.path).sort()).toEqual(reports.map((r) => r.url).sort());
  for (const report of reports) expectTruth(records.find((r) => r.source.path === report.url)!, report);
}

const eventFor = (result: CliResult, url: string): UrlEvent | undefined => urlEvents(result).find((e) => e.url === url);
const tail = (r: CliResult) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}; stderr:\n${r.stderr.slice(-3000)}`;

describe('a first crawl of a site with faults', () => {
  let site: FixtureSite;
  let store: string;
  let first: CliResult;
  let exported: CliResult;

  beforeAll(async () => {
    site = await newSite({ faults: true });
    store = newStore('first');
    first = await crawl(site, store);
    exported = await nianbao(['export', '--store', store, '--format', 'jsonl']);
  }, 90_000);

  it('runs to the end and exits 1: the 404 and the file that timed out failed, and nothing else', () => {
    expect(first.code, tail(first)).toBe(1);
    const summary = summaryOf(first);
    expect(summary, 'a summary line at the end').toBeDefined();
    expect(summary!.failed).toEqual({ HTTP_404: 1, TIMEOUT: 1 });
    expect(summary!.skipped).toMatchObject({ ROBOTS: 1, OFF_HOST: 2 });
    expect(eventFor(first, site.url(PATHS.notFound))).toMatchObject({ kind: 'page', result: 'failed', status: 404, reason: 'HTTP_404', extracted: false });
    // The file never answered: no status.
    expect(eventFor(first, site.url(PATHS.shimenPdf))).toMatchObject({ kind: 'attachment', result: 'failed', status: null, reason: 'TIMEOUT', extracted: false });
    // It gave up after the first try and --retries 2 more, no more.
    const tries = site.requests(PATHS.shimenPdf);
    expect(tries.length).toBeGreaterThanOrEqual(1);
    expect(tries.length).toBeLessThanOrEqual(3);
    expect(tries.every((t) => t.status === null)).toBe(true);
  });

  it('writes one JSON line per URL on standard error, and a summary that adds up', () => {
    const events = urlEvents(first);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e).toMatchObject({
        event: 'url',
        url: expect.stringMatching(/^https?:\/\//u),
        kind: expect.stringMatching(/^(listing|page|attachment)$/u),
        result: expect.stringMatching(/^(new|changed|unchanged|failed|skipped)$/u),
        extracted: expect.any(Boolean),
      });
      expect(e.status === null || Number.isInteger(e.status), `status of ${e.url}`).toBe(true);
      // A reason exactly when the URL failed or was skipped.
      if (e.result === 'failed' || e.result === 'skipped') expect(e.reason, `reason of ${e.url}`).toEqual(expect.any(String));
      else expect(e.reason, `reason of ${e.url}`).toBeNull();
    }
    // One line per URL.
    const urls = events.map((e) => e.url);
    expect(urls.filter((u, i) => urls.indexOf(u) !== i), 'URLs reported twice').toEqual([]);

    const summary = summaryOf(first)!;
    // The counts add up the URL lines — with or without the listing pages (the contract does not say).
    const count = (result: string) => [events.filter((e) => e.result === result).length, events.filter((e) => e.result === result && e.kind !== 'listing').length];
    const byReason = (result: string) => {
      const out: Record<string, number> = {};
      for (const e of events.filter((x) => x.result === result)) out[e.reason!] = (out[e.reason!] ?? 0) + 1;
      return out;
    };
    expect(summary).toMatchObject({ event: 'summary', changed: 0, unchanged: 0, extracted: events.filter((e) => e.extracted).length });
    expect(count('new')).toContain(summary.new);
    // (toMatchObject would let a nested object have more keys: compared whole)
    expect(summary.failed).toEqual(byReason('failed'));
    expect(summary.skipped).toEqual(byReason('skipped'));
    expect(summary.run).toBeDefined();
    // Every request the crawl made reached the server (retries and redirects included).
    expect(summary.requests).toBe(site.log.length + site.other.log.length);
  });

  it('stores every report it can reach; export gives one record per report, equal to the truth, with its URL as source.path', () => {
    expect(exported.code, tail(exported)).toBe(0);
    const records = jsonLines<ReportRecord>(exported.stdout);
    expectReports(records, site.reports());
    for (const report of site.reports()) {
      expect(eventFor(first, report.url), report.name).toMatchObject({ kind: report.kind, result: 'new', status: 200, reason: null, extracted: true });
      // The bytes are in the store under their sha256.
      const path = join(store, 'files', report.sha256.slice(0, 2), report.sha256);
      expect(existsSync(path), `${report.name}: ${path}`).toBe(true);
      expect(sha256(readFileSync(path))).toBe(report.sha256);
    }
    // Only the failed and skipped URLs are missing.
    expect(existsSync(join(store, 'nianbao.sqlite'))).toBe(true);
    expect(existsSync(join(store, 'lock')), 'the lock is gone once the run is over').toBe(false);
  });

  it('never requests what robots.txt disallows, another host, or links that are not reports; reports the skipped ones', () => {
    expect(site.log[0]?.path, 'robots.txt comes first').toBe('/robots.txt');
    expect(site.requests('/robots.txt')).toHaveLength(1);
    expect(site.other.log.map((e) => e.path), 'requests to the other host').toEqual([]);
    expect(site.log.filter((e) => e.path.startsWith('/private/'))).toEqual([]);
    // Nothing but robots.txt, the listing pages, the report pages, their attachments and the
    // redirects: not the site chrome (首页, 机构概况 …), not the notice, not the 相关阅读 links of
    // the report pages.
    const requestable = site.requestable();
    expect(site.log.map((e) => e.path).filter((p) => !requestable.has(p)), 'requests for pages that are not reports').toEqual([]);

    expect(eventFor(first, site.url(PATHS.private))).toMatchObject({ result: 'skipped', status: null, reason: 'ROBOTS', extracted: false });
    expect(eventFor(first, site.offHost.link)).toMatchObject({ result: 'skipped', reason: 'OFF_HOST', extracted: false });
    // The redirect to the other host: reported under the URL listed or the one it redirects to.
    const redirect = eventFor(first, site.url(PATHS.offHostRedirect)) ?? eventFor(first, site.offHost.redirectTarget);
    expect(redirect, 'an event for the redirect to the other host').toMatchObject({ result: 'skipped', reason: 'OFF_HOST', extracted: false });
  });

  it('retries the 500, follows the 301, and reaches all three listing pages; nothing is downloaded twice', () => {
    expect(site.requests(PATHS.linjiangPdf).map((e) => e.status)).toEqual([500, 200]);
    expect(site.requests(PATHS.yunxiOld).map((e) => e.status)).toEqual([301]);
    expect(site.requests(PATHS.yunxiPage).map((e) => e.status)).toEqual([200]);
    expect(urlEvents(first).filter((e) => e.kind === 'listing').map((e) => [e.url, e.result]).sort()).toEqual(
      LISTINGS.map((p) => [site.url(p), 'new']).sort(),
    );
    const counts = new Map<string, number>();
    for (const e of site.log) counts.set(e.path, (counts.get(e.path) ?? 0) + 1);
    const twice = [...counts].filter(([p, n]) => n > 1 && p !== PATHS.linjiangPdf && p !== PATHS.shimenPdf);
    expect(twice, 'paths requested more than once').toEqual([]);
    for (const p of LISTINGS) expect(counts.get(p), p).toBe(1);
  });
});

describe.sequential('crawling the same site again', () => {
  let site: FixtureSite;
  let store: string;

  beforeAll(async () => {
    site = await newSite({ faults: false });
    store = newStore('again');
  });

  it('a site without faults: the first crawl exits 0, every report new and extracted', async () => {
    const r = await crawl(site, store);
    for (const report of site.reports()) expect(eventFor(r, report.url), report.name).toMatchObject({ result: 'new', extracted: true });
    expect(summaryOf(r)).toMatchObject({ changed: 0, unchanged: 0, skipped: { ROBOTS: 1, OFF_HOST: 2 } });
    expect(summaryOf(r)!.failed).toEqual({});
    expect(r.code, tail(r)).toBe(0);
  }, 60_000);

  it('nothing changed: every request is conditional, nothing is downloaded or extracted again', async () => {
    site.clearLog();
    const r = await crawl(site, store);
    // robots.txt may be fetched afresh; the URLs listed that redirect have no validators of their own.
    const exempt = new Set<string>(['/robots.txt', PATHS.yunxiOld, PATHS.offHostRedirect]);
    const log = site.log.filter((e) => !exempt.has(e.path));
    expect(log.filter((e) => e.ifNoneMatch === null && e.ifModifiedSince === null).map((e) => e.path), 'requests without If-None-Match or If-Modified-Since').toEqual([]);
    expect(log.filter((e) => e.status !== 304).map((e) => `${e.path} ${e.status}`), 'answers other than 304').toEqual([]);
    // It still asked about every listing page (the links of a 304 page are the ones found last
    // time), every wrapper page, and every report — once each.
    for (const path of [...LISTINGS, ...WRAPPERS, ...site.reports().map((x) => x.path)]) {
      expect(site.requests(path).length, `requests for ${path}`).toBe(1);
    }
    const summary = summaryOf(r);
    expect(summary).toMatchObject({ new: 0, changed: 0, extracted: 0 });
    expect(summary!.failed).toEqual({});
    const events = urlEvents(r).filter((e) => e.result !== 'skipped');
    expect(events.filter((e) => e.result !== 'unchanged' || e.extracted).map((e) => `${e.url} ${e.result}`)).toEqual([]);
    expect([events.length, events.filter((e) => e.kind !== 'listing').length]).toContain(summary!.unchanged);
    for (const report of site.reports()) expect(eventFor(r, report.url), report.name).toMatchObject({ result: 'unchanged', status: 304, extracted: false });
    expect(r.code, tail(r)).toBe(0);
  }, 60_000);

  it('one attachment changed: only it is downloaded and extracted again, and export gives its new record', async () => {
    const path = PATHS.qingshanPdf;
    site.change(path, corpusBytes('pdf/hexi-district-2021-nested.pdf'), 'hexi-district-2021-nested', corpusTruth('pdf/hexi-district-2021-nested.pdf'));
    site.clearLog();
    const r = await crawl(site, store);
    expect(site.log.filter((e) => e.status === 200 && e.path !== '/robots.txt').map((e) => e.path), 'downloaded in full').toEqual([path]);
    const asked = site.requests(path)[0]!;
    expect(asked.ifNoneMatch ?? asked.ifModifiedSince, 'asked with the validators of the old bytes').not.toBeNull();
    expect(summaryOf(r)).toMatchObject({ new: 0, changed: 1, extracted: 1 });
    expect(summaryOf(r)!.failed).toEqual({});
    expect(eventFor(r, site.url(path))).toMatchObject({ kind: 'attachment', result: 'changed', status: 200, reason: null, extracted: true });

    // One record per report still; the changed URL has the record of its new bytes.
    const records = await exportRecords(store);
    expectReports(records, site.reports());
    expect(records.find((x) => x.source.path === site.url(path))!.report.agency).toBe('河西区人民政府');
    expect(r.code, tail(r)).toBe(0);
  }, 60_000);
});

/** A store crawled with --allow-host naming the other host: reports on two hosts. Crawled once. */
let twoHosts: Promise<{ site: FixtureSite; store: string; crawl: CliResult }> | undefined;
function twoHostStore() {
  twoHosts ??= (async () => {
    const site = await newSite({ faults: false });
    const store = newStore('two-hosts');
    return { site, store, crawl: await crawl(site, store, ['--allow-host', site.other.host]) };
  })();
  return twoHosts;
}

describe('--allow-host and export', () => {
  let site: FixtureSite;
  let base: string;
  let all: ExpectedReport[];

  beforeAll(async () => {
    const built = await twoHostStore();
    site = built.site;
    base = built.store;
    all = [...site.reports(), ...site.offHostReports()];
  }, 90_000);

  it('--allow-host: the link and the redirect to the host it names are followed, its robots.txt read', async () => {
    const { crawl: r } = await twoHostStore();
    expect(r.code, tail(r)).toBe(0);
    expect(site.other.log[0]?.path).toBe('/robots.txt');
    expect(site.other.requests(PATHS.otherTaiping).map((e) => e.status)).toEqual([200]);
    expect(site.other.requests(PATHS.otherDonghai).map((e) => e.status)).toEqual([200]);
    expect(summaryOf(r)!.skipped).not.toHaveProperty('OFF_HOST');
    expectReports(await exportRecords(copyStore(base, 'allow')), all);
  });

  it('csv: a header and one row per report, UTF-8 with a BOM, CRLF, the right agency and year in each row', async () => {
    const store = copyStore(base, 'csv');
    const out = join(store, '..', 'reports.csv');
    const r = await nianbao(['export', '--store', store, '--format', 'csv', '--out', out]);
    expect(r.code, tail(r)).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\n')[0]!.endsWith('\r'), 'CRLF line ends').toBe(true);
    const [header, ...rows] = parseCsv(text).filter((row) => row.some((c) => c !== ''));
    expect(header!.slice(0, LEAD.length)).toEqual(LEAD);
    expect(rows).toHaveLength(all.length);
    const col = (name: string) => header!.indexOf(name);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    expect(rows.map((row) => row[col('source_path')]).sort()).toEqual(all.map((x) => x.url).sort());
    for (const report of all) {
      const row = rows.find((x) => x[col('source_path')] === report.url)!;
      expect([row[col('sha256')], row[col('status')], row[col('agency')], row[col('year')], row[col('template')]], report.name).toEqual([
        report.sha256,
        'ok',
        report.truth.report.agency,
        String(report.truth.report.year),
        report.truth.report.template,
      ]);
    }
  });

  it('--year and --host keep the reports of that year, of that host', async () => {
    const store = copyStore(base, 'filters');
    const [y2021, y2018, other, main, json] = await Promise.all([
      exportRecords(store, ['--year', '2021']),
      exportRecords(store, ['--year', '2018']),
      exportRecords(store, ['--host', site.other.host]),
      exportRecords(store, ['--host', site.host, '--year', '2020']),
      nianbao(['export', '--store', store, '--format', 'json']),
    ]);
    const urls = (records: ReportRecord[]) => records.map((x) => x.source.path).sort();
    const expected = (keep: (x: ExpectedReport) => boolean) => all.filter(keep).map((x) => x.url).sort();
    expect(urls(y2021)).toEqual(expected((x) => x.truth.report.year === 2021));
    expect(urls(y2021).length).toBeGreaterThanOrEqual(3);
    expect(y2018).toEqual([]);
    expect(urls(other)).toEqual(site.offHostReports().map((x) => x.url).sort());
    expect(urls(main)).toEqual(expected((x) => x.url.startsWith(`${site.base}/`) && x.truth.report.year === 2020));
    expect(urls(main).length).toBeGreaterThanOrEqual(3);
    // --format json: an array of the same records.
    expect(json.code, tail(json)).toBe(0);
    expect(urls(JSON.parse(json.stdout) as ReportRecord[])).toEqual(all.map((x) => x.url).sort());
  });

  it('leaves out the records that are not reports (the wrapper pages) unless --all', async () => {
    const store = copyStore(base, 'all');
    const [reports, everything] = await Promise.all([exportRecords(store), exportRecords(store, ['--all'])]);
    expect(reports.filter((x) => x.status === 'not_a_report')).toEqual([]);
    const paths = new Set(reports.map((x) => x.source.path));
    const added = everything.filter((x) => !paths.has(x.source.path));
    expect(everything.length).toBe(reports.length + added.length);
    expect(added.filter((x) => x.status !== 'not_a_report').map((x) => x.source.path)).toEqual([]);
    for (const path of WRAPPERS) expect(added.map((x) => x.source.path), path).toContain(site.url(path));
  });
});

describe('reextract', () => {
  it('extracts every stored file again, offline; export still gives the same records', async () => {
    const { site, store: base } = await twoHostStore();
    const store = copyStore(base, 'reextract');
    const before = await exportRecords(store, ['--all']);
    const requests = site.log.length + site.other.log.length;
    const r = await nianbao(['reextract', '--store', store, '--jobs', '2']);
    expect(r.code, tail(r)).toBe(0);
    expect(site.log.length + site.other.log.length, 'requests made by reextract').toBe(requests);
    const after = await exportRecords(store, ['--all']);
    expect(after).toEqual(before);
    expectReports(
      after.filter((x) => x.status !== 'not_a_report'),
      [...site.reports(), ...site.offHostReports()],
    );
  }, 90_000);
});

describe('a crawl killed with SIGKILL', () => {
  it('is carried on by the next crawl: every report stored and extracted, no file registered without its bytes', async () => {
    // Slow answers, so that the kill lands in the middle of the crawl.
    const site = await newSite({ faults: false, latencyMs: 150 });
    const store = newStore('kill');
    const running = start(['crawl', site.url(PATHS.listing1), '--store', store, ...FLAGS]);
    await running.until((events) => events.filter((e) => e.event === 'url' && e.kind !== 'listing' && e.result === 'new').length >= 2);
    running.child.kill('SIGKILL');
    const killed = await running.done;
    expect(killed.signal, 'killed before it was done').toBe('SIGKILL');
    expect(summaryOf(killed)).toBeUndefined();

    site.setLatency(0);
    const again = await crawl(site, store);
    expect(again.code, `a killed run's lock does not block the next run; ${tail(again)}`).not.toBe(3);
    const records = await exportRecords(store, ['--all']);
    expectReports(
      records.filter((x) => x.status !== 'not_a_report'),
      site.reports(),
    );
    // Every record's file is on disk, and every stored file is intact under its sha256.
    const files = storeFiles(store);
    for (const record of records) {
      const file = files.find((f) => f.name === record.source.sha256);
      expect(file, `the bytes of ${record.source.path}`).toBeDefined();
      expect(file!.intact, file!.path).toBe(true);
    }
    expect(files.filter((f) => !f.placed || !f.intact).map((f) => f.path), 'files not named by the sha256 of their bytes (half-written files left over)').toEqual([]);
    expect(existsSync(join(store, 'lock'))).toBe(false);
    expect(again.code, tail(again)).toBe(0);
  }, 90_000);
});

describe('two crawls of one store at once', () => {
  it('the second exits 3 and names the lock; the first is not disturbed and keeps --per-host 1 and --delay', async () => {
    const site = await newSite({ faults: false });
    const store = newStore('lock');
    // The first crawl hangs on one file until the second has been turned away.
    const release = site.hold(PATHS.shimenPdf);
    const first = start(['crawl', site.url(PATHS.listing1), '--store', store, '--delay', '0.2', '--per-host', '1', '--timeout', '30', '--retries', '2'], { nodeArgs: FETCH_LOG });
    const waitForHeld = async () => {
      for (let i = 0; i < 600 && site.requests(PATHS.shimenPdf).length === 0; i++) {
        if (first.child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitForHeld();
    expect(site.requests(PATHS.shimenPdf), `the first crawl reached the held file; ${first.stderr().slice(-2000)}`).toHaveLength(1);
    expect(existsSync(join(store, 'lock'))).toBe(true);

    const second = await nianbao(['crawl', site.url(PATHS.listing1), '--store', store, ...FLAGS]);
    release();
    expect(second.code, tail(second)).toBe(3);
    expect(second.stderr).toMatch(/lock/iu);
    expect(urlEvents(second)).toEqual([]);

    const done = await first.done;
    // Politeness: starts 0.2 s apart, on the crawler's clock (the server's sees a request late when
    // the machine is busy: its gaps, with lags of up to ~200 ms seen here, prove nothing), 5 ms
    // slack for timers; and on the server's, the run as a whole takes the delay times the gaps, and
    // one request at a time reaches the host.
    const calls = fetchStarts(done.stderr);
    expect(calls.length, 'fetch() calls logged by the preloaded hook').toBe(site.log.length);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]!.ms - calls[i - 1]!.ms, `${calls[i - 1]!.url} → ${calls[i]!.url}`).toBeGreaterThanOrEqual(195);
    }
    const log = site.log;
    expect(log.length).toBeGreaterThan(3);
    expect(log.at(-1)!.start - log[0]!.start, 'first to last request').toBeGreaterThanOrEqual(200 * (log.length - 1) - 60);
    for (let i = 1; i < log.length; i++) {
      expect(log[i]!.start, `${log[i]!.path} started before ${log[i - 1]!.path} was answered`).toBeGreaterThanOrEqual(log[i - 1]!.end! - 20);
    }
    expect(existsSync(join(store, 'lock'))).toBe(false);
    expect(summaryOf(done)!.failed).toEqual({});
    expect(done.code, tail(done)).toBe(0);
  }, 90_000);
});

describe('usage errors', () => {
  it('exit 2', async () => {
    const store = newStore('usage');
    const results = await Promise.all([
      nianbao(['crawl', '--store', store]),
      nianbao(['crawl', 'http://127.0.0.1:9/xxgk/gknb/index.html', '--store', store, '--delay', 'soon']),
      nianbao(['export', '--store', store, '--format', 'xml']),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2]);
  });
});
