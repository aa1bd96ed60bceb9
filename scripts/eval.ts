/**
 * npm run eval — runs the pipeline over every file that has a truth JSON (corpus/ in the repo and
 * ../shared/corpus/real when present) and prints, per file and in total: cells exact / cells,
 * year and template right, source identity failures found / expected. Exits 1 below 100%.
 *
 * A .txt truth input (the text export of a .docx) is first built into a .docx in a temporary folder
 * by the corpus generator. Inputs of a format this version cannot read are listed as such and
 * counted as failures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildDocxFromText } from '../corpus/lib/from-text.ts';
import { extractFile } from '../src/pipeline/extract-file.ts';
import { REPO_ROOT, SHARED_REAL, compareRecord, findTruthCases, type TruthCase } from './lib/truth.ts';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const cases: TruthCase[] = [...findTruthCases(join(REPO_ROOT, 'corpus')), ...findTruthCases(SHARED_REAL)];
const sharedPresent = findTruthCases(SHARED_REAL).length > 0;
const work = mkdtempSync(join(tmpdir(), 'nianbao-eval-'));

const pct = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
const totals = { cells: 0, exact: 0, files: 0, yearRight: 0, templateRight: 0, statusRight: 0, failuresExpected: 0, failuresFound: 0, falseAlarms: 0 };
const problems: string[] = [];

try {
  for (const c of cases) {
    let input = c.inputPath;
    if (input.endsWith('.txt')) {
      input = join(work, `${c.name}.docx`);
      writeFileSync(input, buildDocxFromText(c.inputPath));
    }
    const record = await extractFile(input, relative(REPO_ROOT, c.inputPath));
    const cmp = compareRecord(record, c.truth);
    totals.files++;
    totals.cells += cmp.cells;
    totals.exact += cmp.exact;
    totals.yearRight += Number(cmp.yearRight);
    totals.templateRight += Number(cmp.templateRight);
    totals.statusRight += Number(cmp.statusRight);
    totals.failuresExpected += cmp.failuresExpected.length;
    totals.failuresFound += cmp.failuresFound.length;
    totals.falseAlarms += cmp.falseAlarms.length;
    const source = relative(REPO_ROOT, c.inputPath) + (input !== c.inputPath ? ' (built into .docx)' : '');
    const flags = [
      cmp.yearRight ? 'year ok' : `YEAR ${record.report.year}≠${c.truth.report.year}`,
      cmp.templateRight ? 'template ok' : `TEMPLATE ${record.report.template}≠${c.truth.report.template}`,
      cmp.statusRight ? '' : `STATUS ${record.status}${record.error ? ` ${record.error.code}` : ''}`,
    ].filter(Boolean);
    console.log(
      `${source.padEnd(52)} cells ${String(cmp.exact).padStart(3)}/${String(cmp.cells).padEnd(3)} ${pct(cmp.exact, cmp.cells).padStart(5)}%  ${flags.join(', ')}  ` +
        `identity failures ${cmp.failuresFound.length}/${cmp.failuresExpected.length}${cmp.falseAlarms.length ? `, ${cmp.falseAlarms.length} not in truth` : ''}`,
    );
    if (record.error) console.log(`    ${record.error.code}: ${record.error.message}`);
    const shown = verbose ? cmp.mismatches : cmp.mismatches.slice(0, 5);
    for (const m of shown) console.log(`    ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
    if (shown.length < cmp.mismatches.length) console.log(`    … ${cmp.mismatches.length - shown.length} more (--verbose)`);
    for (const f of cmp.failuresExpected.filter((x) => !cmp.failuresFound.includes(x))) console.log(`    missed source failure: ${f}`);
    for (const f of cmp.falseAlarms) console.log(`    failed check not in truth: ${f}`);
    if (cmp.exact < cmp.cells || !cmp.yearRight || !cmp.templateRight || !cmp.statusRight || cmp.falseAlarms.length || cmp.failuresFound.length < cmp.failuresExpected.length) {
      problems.push(source);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('');
if (!sharedPresent) console.log('../shared/corpus/real not found: only the repo corpus was evaluated.');
console.log(
  `TOTAL ${totals.files} files: cells exact ${totals.exact}/${totals.cells} (${pct(totals.exact, totals.cells)}%), ` +
    `year ${totals.yearRight}/${totals.files}, template ${totals.templateRight}/${totals.files}, status ${totals.statusRight}/${totals.files}, ` +
    `source identity failures found ${totals.failuresFound}/${totals.failuresExpected}, failed checks not in truth ${totals.falseAlarms}`,
);
if (problems.length > 0) {
  console.log(`below 100% on ${problems.length} file(s): ${problems.join(', ')}`);
  process.exitCode = 1;
}
