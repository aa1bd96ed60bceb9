/**
 * Runs the extractor on the stress PDFs (corpus/pdf-stress/*.pdf, written by
 * `npm run corpus -- --stress`) and compares each record with its `<name>.expected.json`, the
 * way `npm run eval` judges the corpus:
 *
 *   node --import tsx corpus/eval-stress.ts [-v] [file.pdf | dir …]
 *
 * Per file: cells exact / cells, year / template / status, identity failures found / expected,
 * failed checks the truth does not list, the first mismatches (all with -v). A PDF elsewhere is
 * compared with the `.expected.json` or `.truth.json` beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../src/pipeline/extract-file.ts';
import { compareRecord, type Truth } from '../scripts/lib/truth.ts';

const CORPUS = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('-v') || args.includes('--verbose');
const targets = args.filter((a) => !a.startsWith('-'));

function pdfsOf(target: string): string[] {
  if (statSync(target).isDirectory()) {
    return readdirSync(target)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => join(target, f));
  }
  return [target];
}

const files = (targets.length ? targets : [join(CORPUS, 'pdf-stress')]).flatMap(pdfsOf);
let perfect = 0;
for (const pdf of files) {
  const stem = pdf.replace(/\.pdf$/u, '');
  const truthPath = [`${stem}.expected.json`, `${stem}.truth.json`].find((p) => existsSync(p));
  if (!truthPath) {
    console.log(`${basename(pdf)}: no .expected.json / .truth.json beside it`);
    continue;
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
  const record = await extractFile(pdf, relative(process.cwd(), pdf));
  const cmp = compareRecord(record, truth);
  const flags = [
    cmp.yearRight ? 'year ok' : `YEAR ${record.report.year}≠${truth.report.year}`,
    cmp.templateRight ? 'template ok' : `TEMPLATE ${record.report.template}≠${truth.report.template}`,
    cmp.statusRight ? 'status ok' : `STATUS ${record.status}${record.error ? ` ${record.error.code}` : ''}`,
  ];
  const ok = cmp.exact === cmp.cells && cmp.yearRight && cmp.templateRight && cmp.statusRight && cmp.falseAlarms.length === 0 && cmp.failuresFound.length === cmp.failuresExpected.length;
  if (ok) perfect++;
  console.log(
    `${ok ? 'PASS' : 'FAIL'} ${basename(stem).padEnd(44)} cells ${String(cmp.exact).padStart(3)}/${String(cmp.cells).padEnd(3)}  ${flags.join(', ')}  ` +
      `identity failures ${cmp.failuresFound.length}/${cmp.failuresExpected.length}${cmp.falseAlarms.length ? `, ${cmp.falseAlarms.length} not in truth` : ''}`,
  );
  if (record.error) console.log(`    ${record.error.code}: ${record.error.message}`);
  const shown = verbose ? cmp.mismatches : cmp.mismatches.slice(0, 6);
  for (const m of shown) console.log(`    ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  if (shown.length < cmp.mismatches.length) console.log(`    … ${cmp.mismatches.length - shown.length} more (-v)`);
  for (const f of cmp.failuresExpected.filter((x) => !cmp.failuresFound.includes(x))) console.log(`    missed source failure: ${f}`);
  for (const f of verbose ? cmp.falseAlarms : cmp.falseAlarms.slice(0, 3)) console.log(`    failed check not in truth: ${f}`);
  if (!verbose && cmp.falseAlarms.length > 3) console.log(`    … ${cmp.falseAlarms.length - 3} more failed checks`);
}
console.log(`\n${perfect}/${files.length} stress PDFs read perfectly`);
