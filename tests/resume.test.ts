/**
 * Nothing extracted is lost: a run killed with SIGKILL and restarted with --resume ends with the
 * same output as an uninterrupted run; identical files are extracted once.
 */
import { spawn, execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../scripts/lib/truth.ts';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'nianbao');
let dir: string;
let batch: string;

async function nianbao(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, maxBuffer: 1 << 26 });
    return { code: 0, stderr };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

/** Starts a run and kills it (SIGKILL) once `journal` holds at least `records` complete lines. */
async function killMidway(args: string[], journal: string, records: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (existsSync(journal) && readFileSync(journal, 'utf8').split('\n').length - 1 >= records) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      resolve();
    });
    child.on('error', reject);
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-resume-'));
  batch = join(dir, 'batch');
  mkdirSync(batch);
  const sources = [
    ...readdirSync(join(REPO_ROOT, 'corpus', 'pdf')).filter((f) => f.endsWith('.pdf')).slice(0, 8).map((f) => join(REPO_ROOT, 'corpus', 'pdf', f)),
    ...readdirSync(join(REPO_ROOT, 'corpus', 'docx')).filter((f) => f.endsWith('.docx')).slice(0, 4).map((f) => join(REPO_ROOT, 'corpus', 'docx', f)),
  ];
  sources.forEach((src, i) => copyFileSync(src, join(batch, `${String(i).padStart(2, '0')}-${src.split('/').pop()}`)));
  // Two identical copies under other names.
  copyFileSync(sources[0]!, join(batch, '50-copy-a.pdf'));
  copyFileSync(sources[0]!, join(batch, '51-copy-b.pdf'));
});

describe('resume after kill -9', () => {
  it('jsonl: the resumed output equals an uninterrupted run, record for record', async () => {
    const full = join(dir, 'full.jsonl');
    expect((await nianbao(['extract', batch, '--format', 'jsonl', '--out', full, '--jobs', '2', '--quiet'])).code).toBe(0);

    const part = join(dir, 'part.jsonl');
    await killMidway(['extract', batch, '--format', 'jsonl', '--out', part, '--jobs', '2', '--quiet'], part, 3);
    const before = lines(part).length;
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(lines(full).length);
    appendFileSync(part, '{"source":{"path":"cut short by the kill'); // a torn last line
    const resumed = await nianbao(['extract', batch, '--format', 'jsonl', '--out', part, '--jobs', '2', '--resume']);
    expect(resumed.code).toBe(0);
    expect(lines(part)).toEqual(lines(full));
    // Only the files not yet recorded were reported by the resumed run.
    const files = resumed.stderr.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.event === 'file');
    expect(files).toHaveLength(lines(full).length - before);
  });

  it('json: the journal carries the run over a kill, and the final file equals an uninterrupted run', async () => {
    const full = join(dir, 'full.json');
    await nianbao(['extract', batch, '--format', 'json', '--out', full, '--jobs', '2', '--quiet']);
    const part = join(dir, 'part.json');
    await killMidway(['extract', batch, '--format', 'json', '--out', part, '--jobs', '2', '--quiet'], `${part}.journal.jsonl`, 4);
    expect(existsSync(part)).toBe(false); // never half-written under the real name
    expect((await nianbao(['extract', batch, '--format', 'json', '--out', part, '--jobs', '2', '--resume', '--quiet'])).code).toBe(0);
    expect(readFileSync(part, 'utf8')).toBe(readFileSync(full, 'utf8'));
    expect(existsSync(`${part}.journal.jsonl`)).toBe(false);
  });
});

describe('identical files', () => {
  it('are extracted once: the copies get the same record under their own paths', async () => {
    const out = join(dir, 'dupes.jsonl');
    const { stderr } = await nianbao(['extract', batch, '--format', 'jsonl', '--out', out, '--jobs', '2']);
    const records = lines(out).map((l) => JSON.parse(l));
    const byName = (name: string) => records.find((r) => r.source.path.endsWith(name));
    const original = records[0];
    for (const copy of [byName('50-copy-a.pdf'), byName('51-copy-b.pdf')]) {
      expect(copy.source.sha256).toBe(original.source.sha256);
      expect({ ...copy, source: { ...copy.source, path: '' } }).toEqual({ ...original, source: { ...original.source, path: '' } });
    }
    // The copies took no extraction time: they reused the first record.
    const events = stderr.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.event === 'file');
    expect(events.filter((e) => /copy-[ab]\.pdf$/u.test(e.path)).map((e) => e.ms)).toEqual([0, 0]);
  });
});
