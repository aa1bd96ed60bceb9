import { describe, expect, it } from 'vitest';
import { SameReportFilter } from '../../src/crawl/same-report.ts';

const record = (path: string, fields: Record<string, number | null>, status = 'ok', agency = '某县人民政府') =>
  JSON.stringify({ source: { path }, status, report: { agency, year: 2021, template: '2021' }, fields });

describe('one report published twice (a page and its attachment)', () => {
  it('gives the report once when agency, year, template and every value agree', () => {
    const filter = new SameReportFilter();
    expect(filter.admit(record('http://a/page.html', { 'active.art20_1.regulations.issued': 3, 'active.art20_1.regulations.in_force': 12 }))).toBe(true);
    expect(filter.admit(record('http://a/report.pdf', { 'active.art20_1.regulations.in_force': 12, 'active.art20_1.regulations.issued': 3, 'active.art20_1.regulations.repealed': null }))).toBe(false);
    expect(filter.duplicates).toBe(1);
  });

  it('keeps both copies when one value differs, and reports of other agencies', () => {
    const filter = new SameReportFilter();
    expect(filter.admit(record('http://a/page.html', { 'active.art20_1.regulations.issued': 3, 'active.art20_1.regulations.in_force': 12 }))).toBe(true);
    expect(filter.admit(record('http://a/report.pdf', { 'active.art20_1.regulations.issued': 3, 'active.art20_1.regulations.in_force': 13 }))).toBe(true);
    expect(filter.admit(record('http://b/page.html', { 'active.art20_1.regulations.issued': 3, 'active.art20_1.regulations.in_force': 12 }, 'ok', '某县财政局'))).toBe(true);
    expect(filter.duplicates).toBe(0);
  });

  it('never drops failed records, non-reports, or records without values', () => {
    const filter = new SameReportFilter();
    for (let i = 0; i < 2; i++) {
      expect(filter.admit(record(`http://a/${i}.pdf`, {}, 'failed'))).toBe(true);
      expect(filter.admit(record(`http://a/${i}.html`, {}, 'not_a_report'))).toBe(true);
      expect(filter.admit(record(`http://a/${i}.docx`, {}))).toBe(true);
    }
  });
});
