/**
 * A PDF printed from a .docx gives the same record: every PDF in corpus/pdf that LibreOffice
 * printed from corpus/docx/<name>.docx must give the same fields, report and failed checks.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCheck } from '../src/model/describe-check.ts';
import { extractFile } from '../src/pipeline/extract-file.ts';
import { REPO_ROOT } from '../scripts/lib/truth.ts';

const PDF_DIR = join(REPO_ROOT, 'corpus', 'pdf');
const DOCX_DIR = join(REPO_ROOT, 'corpus', 'docx');
const pairs = readdirSync(PDF_DIR)
  .filter((f) => f.endsWith('.pdf'))
  .map((f) => f.slice(0, -'.pdf'.length))
  .filter((name) => existsSync(join(DOCX_DIR, `${name}.docx`)));

describe('PDF printed from .docx', () => {
  it('has pairs to compare', () => expect(pairs.length).toBeGreaterThanOrEqual(10));
  for (const name of pairs) {
    it(`${name}: the PDF gives the .docx's record`, async () => {
      const [pdf, docx] = await Promise.all([extractFile(join(PDF_DIR, `${name}.pdf`)), extractFile(join(DOCX_DIR, `${name}.docx`))]);
      expect(pdf.status).toBe(docx.status);
      expect(pdf.fields).toEqual(docx.fields);
      expect({ ...pdf.report, title: null }).toEqual({ ...docx.report, title: null });
      const failed = (r: typeof pdf) => r.checks.filter((c) => c.status === 'fail').map(describeCheck).sort();
      expect(failed(pdf)).toEqual(failed(docx));
      // Provenance of a PDF value names its page.
      const withValue = Object.entries(pdf.provenance).filter(([, p]) => p !== undefined);
      for (const [, p] of withValue) expect(p!.page).toBeGreaterThanOrEqual(1);
    });
  }
});
