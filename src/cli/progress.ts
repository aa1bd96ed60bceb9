/**
 * What a batch run tells the person (or the scheduler) watching it, on standard error:
 *   - on a terminal, a progress line redrawn in place: files done/total, files per second, ETA,
 *     failures so far; then a summary;
 *   - otherwise (a log file, cron), one JSON line per file and a JSON summary line.
 * Counts include the records of an interrupted run that --resume kept.
 */
import type { RecordFacts, RecordText } from '../pipeline/record-text.ts';

/** What a file's log line says of its record. */
export type RecordSummary = Pick<RecordFacts, 'path' | 'status' | 'code' | 'checksFailed'>;

export class Progress {
  private readonly byStatus = new Map<string, number>();
  private readonly byCode = new Map<string, number>();
  private checksFailed = 0;
  private reportsWithFailedChecks = 0;
  private done = 0;
  private failed = 0;
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  private get tty(): boolean {
    return this.stream.isTTY === true;
  }

  private count(summary: RecordSummary): void {
    this.byStatus.set(summary.status, (this.byStatus.get(summary.status) ?? 0) + 1);
    if (summary.code) this.byCode.set(summary.code, (this.byCode.get(summary.code) ?? 0) + 1);
    if (summary.status === 'failed') this.failed++;
    this.checksFailed += summary.checksFailed;
    if (summary.checksFailed > 0) this.reportsWithFailedChecks++;
  }

  /** Records kept from an interrupted run. */
  previous(summaries: RecordSummary[]): void {
    summaries.forEach((s) => this.count(s));
  }

  record(record: RecordText, ms: number): void {
    const summary: RecordSummary = { path: record.path, status: record.status, code: record.code, checksFailed: record.checksFailed };
    this.count(summary);
    this.done++;
    if (this.quiet) return;
    if (!this.tty) {
      this.stream.write(`${JSON.stringify({ event: 'file', ...summary, ms })}\n`);
      return;
    }
    const now = Date.now();
    if (now - this.lastDraw > 100 || this.done === this.total) {
      this.lastDraw = now;
      this.stream.write(`\r\u001b[K${this.line()}`);
    }
  }

  private line(): string {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = this.done / Math.max(seconds, 0.001);
    const left = this.total - this.done;
    const eta = rate > 0 ? Math.round(left / rate) : 0;
    const clock = eta >= 60 ? `${Math.floor(eta / 60)}m${String(eta % 60).padStart(2, '0')}s` : `${eta}s`;
    return `nianbao [${this.done}/${this.total}] ${rate.toFixed(1)} files/s, ETA ${clock}, ${this.failed} failed`;
  }

  get anyFailed(): boolean {
    return this.failed > 0;
  }

  finish(): void {
    if (this.quiet) return;
    const records = [...this.byStatus.values()].reduce((a, b) => a + b, 0);
    if (!this.tty) {
      this.stream.write(
        `${JSON.stringify({ event: 'summary', files: records, seconds: (Date.now() - this.started) / 1000, status: Object.fromEntries(this.byStatus), errors: Object.fromEntries(this.byCode), checks_failed: this.checksFailed, reports_with_failed_checks: this.reportsWithFailedChecks })}\n`,
      );
      return;
    }
    const parts = [...this.byStatus].map(([status, n]) => `${n} ${status}`);
    const codes = this.byCode.size > 0 ? ` (${[...this.byCode].map(([code, n]) => `${code} ${n}`).join(', ')})` : '';
    const checks = this.checksFailed > 0 ? `; ${this.checksFailed} identity check(s) failed in ${this.reportsWithFailedChecks} report(s): the published tables do not add up` : '';
    this.stream.write(`\r\u001b[Knianbao: ${records} file(s): ${parts.join(', ')}${codes}${checks}\n`);
  }
}
