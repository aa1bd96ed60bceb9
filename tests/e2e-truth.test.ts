/**
 * End to end: every input with a truth JSON — the repo's own corpus/ and, when it is present,
 * ../shared/corpus/real — comes out exact: every cell, the year, the template, the status, and
 * every identity failure the published tables contain (and no other).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocxFromText } from '../corpus/lib/from-text.ts';
import { parseValue } from '../src/normalize/values.ts';
import { extractFile } from '../src/pipeline/extract-file.ts';
import { REPO_ROOT, SHARED_REAL, compareRecord, findTruthCases, type TruthCase } from '../scripts/lib/truth.ts';

const work = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));

async function check(c: TruthCase) {
  let input = c.inputPath;
  if (input.endsWith('.txt')) {
    input = join(work, `${c.name}.docx`);
    writeFileSync(input, buildDocxFromText(c.inputPath));
  }
  const record = await extractFile(input);
  const cmp = compareRecord(record, c.truth);
  expect(cmp.mismatches, 'cells that differ from the truth').toEqual([]);
  expect(record.report.year).toBe(c.truth.report.year);
  expect(record.report.template).toBe(c.truth.report.template);
  expect(record.report.agency).toBe(c.truth.report.agency);
  expect(record.status).toBe(c.truth.status ?? 'ok');
  expect(cmp.failuresFound.sort()).toEqual([...c.truth.source_identity_failures].sort());
  expect(cmp.falseAlarms, 'failed checks the truth does not list').toEqual([]);
  // Every value has provenance that quotes the cell it came from.
  for (const [id, value] of Object.entries(record.fields)) {
    if (value === null) continue;
    const prov = record.provenance[id as keyof typeof record.provenance];
    expect(prov, `provenance of ${id}`).toBeDefined();
    expect(parseValue(prov!.text).value, `provenance text of ${id}`).toBe(value);
  }
}

const repoCases = findTruthCases(join(REPO_ROOT, 'corpus'));
describe('repo corpus (corpus/)', () => {
  it('has fixtures to test', () => expect(repoCases.length).toBeGreaterThan(10));
  for (const c of repoCases) it(`${c.name} comes out exact`, () => check(c));
});

const realCases = findTruthCases(SHARED_REAL);
describe.skipIf(realCases.length === 0)('real reports (../shared/corpus/real)', () => {
  for (const c of realCases) it(`${c.name} comes out exact`, () => check(c));
});
if (realCases.length === 0) console.warn('../shared/corpus/real not found: the tests on real reports are skipped');
