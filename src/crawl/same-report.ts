/**
 * One report published twice: a site often shows a report as an HTML page and links the same
 * report as a PDF or Word attachment. Both extract to the same agency, year, template and values;
 * export gives that report once (the first by URL), and counts the others.
 * Two copies whose values differ are both kept — one of them was misread or misprinted, and the
 * reader should see both.
 */
interface ReportLike {
  status?: string;
  report?: { agency?: string | null; year?: number | null; template?: string | null };
  fields?: Record<string, unknown>;
}

export class SameReportFilter {
  private readonly seen = new Set<string>();
  duplicates = 0;

  /** False when the record is a report already given (same agency, year, template and values). */
  admit(recordJson: string): boolean {
    const record = JSON.parse(recordJson) as ReportLike;
    if (record.status !== 'ok' && record.status !== 'partial') return true;
    const { agency = null, year = null, template = null } = record.report ?? {};
    const fields = Object.entries(record.fields ?? {}).filter(([, value]) => value !== null).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (fields.length === 0) return true;
    const identity = JSON.stringify([agency, year, template, fields]);
    if (this.seen.has(identity)) {
      this.duplicates++;
      return false;
    }
    this.seen.add(identity);
    return true;
  }
}
