/**
 * The command line as a user runs it: ./bin/nianbao in a child process.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../scripts/lib/truth.ts';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'nianbao');

async function nianbao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const REVIEW_TABLE = `<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td>
<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>3</td><td>1</td><td>0</td><td>0</td><td>5</td><td>2</td><td>0</td><td>0</td><td>1</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  mkdirSync(join(dir, 'batch'));
  writeFileSync(
    join(dir, 'batch', 'report.html'),
    `<html><head><meta charset="utf-8"></head><body><h1>临江市交通运输局2021年政府信息公开工作年度报告</h1><p>四、政府信息公开行政复议、行政诉讼情况</p>${REVIEW_TABLE}</body></html>`,
  );
  // An error page saved under a PDF name: HTML bytes, and not a report.
  writeFileSync(join(dir, 'batch', 'error-page.pdf'), '<html><body><p>404 页面不存在</p></body></html>');
  writeFileSync(join(dir, 'batch', 'empty.docx'), '');
  writeFileSync(join(dir, 'batch', 'notes.txt'), 'not picked up: not a report extension');
});

describe('nianbao extract', () => {
  it('gives one record per file in a directory, keeps going past bad files and exits 1', async () => {
    const { code, stdout, stderr } = await nianbao(['extract', join(dir, 'batch'), '--format', 'jsonl']);
    expect(code).toBe(1);
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(records.map((r) => [r.source.path.split('/').pop(), r.status, r.source.format, r.error?.code ?? null])).toEqual([
      ['empty.docx', 'failed', 'unknown', 'EMPTY'],
      ['error-page.pdf', 'not_a_report', 'html', null],
      ['report.html', 'ok', 'html', null],
    ]);
    const report = records[2];
    expect(report.fields['review_litigation.review.total']).toBe(5);
    // 3 + 1 + 0 + 0 = 4, printed 5: reported, not corrected.
    expect(report.checks.find((c: { id: string }) => c.id === 'H4')).toMatchObject({ status: 'fail', expected: 4, actual: 5 });
    // Standard error is not a terminal here: one JSON line per file, then a JSON summary.
    const events = stderr.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.filter((e) => e.event === 'file')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ event: 'summary', files: 3, status: { ok: 1, not_a_report: 1, failed: 1 }, errors: { EMPTY: 1 }, checks_failed: 1 });
  });

  it('exits 0 when every file is readable', async () => {
    const { code, stdout } = await nianbao(['extract', join(dir, 'batch', 'report.html'), '--quiet']);
    expect(code).toBe(0);
    const records = JSON.parse(stdout);
    expect(records).toHaveLength(1);
    expect(records[0].report).toMatchObject({ agency: '临江市交通运输局', year: 2021 });
  });

  it('writes CSV with a BOM and Chinese headers to --out', async () => {
    const out = join(dir, 'out.csv');
    const { code, stdout } = await nianbao(['extract', join(dir, 'batch', 'report.html'), '--format', 'csv', '--header', 'zh', '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, row] = text.slice(1).split('\r\n');
    expect(header).toContain('行政复议›结果维持');
    expect(row).toContain(',5,');
  });

  it('reports a usage error with exit code 2', async () => {
    const bad = await nianbao(['extract', join(dir, 'batch'), '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of json, jsonl, csv/u);
    expect((await nianbao(['extract'])).code).toBe(2);
    expect((await nianbao(['frobnicate'])).code).toBe(2);
  });

  it('records a missing input as failed instead of stopping', async () => {
    const { code, stdout } = await nianbao(['extract', join(dir, 'nope.docx'), join(dir, 'batch', 'report.html'), '--format', 'jsonl', '--quiet']);
    expect(code).toBe(1);
    const statuses = stdout.trim().split('\n').map((l) => JSON.parse(l).status);
    expect(statuses.sort()).toEqual(['failed', 'ok']);
  });
});
