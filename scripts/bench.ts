/**
 * npm run bench — speed and memory of a whole extraction run, printed as figures (never asserted
 * in tests). Runs `nianbao extract` as a user would (a child process, output to a file) over a
 * batch made of the repo corpus repeated to --files N (default 500), and reports wall time, files
 * per second and the child's peak RSS.
 *
 * PDF figures and the peers (pdftotext, pdfminer.six) join when the PDF extractor lands.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { REPO_ROOT } from './lib/truth.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const total = arg('files', 500);
const sources = ['docx', 'html'].flatMap((dir) =>
  readdirSync(join(REPO_ROOT, 'corpus', dir))
    .filter((f) => ['.docx', '.html'].includes(extname(f)))
    .map((f) => join(REPO_ROOT, 'corpus', dir, f)),
);
const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const batch = join(work, 'batch');
mkdirSync(batch);
for (let i = 0; i < total; i++) {
  const src = sources[i % sources.length]!;
  copyFileSync(src, join(batch, `${String(i).padStart(5, '0')}${extname(src)}`));
}

/** Runs the CLI under /usr/bin/time -v when it is installed (for the child's peak RSS). */
function run(args: string[]): { seconds: number; peakMiB: number | null } {
  const cli = [process.execPath, join(REPO_ROOT, 'bin', 'nianbao'), ...args];
  const [command, ...rest] = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v', ...cli] : cli;
  const started = process.hrtime.bigint();
  const result = spawnSync(command!, rest, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`nianbao exited ${result.status}: ${result.stderr.slice(-500)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(result.stderr);
  return { seconds, peakMiB: rss ? Number(rss[1]) / 1024 : null };
}

try {
  console.log(`batch: ${total} files (${sources.length} corpus .docx/.html files repeated), node ${process.version}`);
  for (const concurrency of [1, 4]) {
    const { seconds, peakMiB } = run(['extract', batch, '--format', 'jsonl', '--out', join(work, 'out.jsonl'), '--quiet', '--concurrency', String(concurrency)]);
    console.log(
      `nianbao extract (docx+html), concurrency ${concurrency}: ${seconds.toFixed(2)} s, ${(total / seconds).toFixed(1)} files/s` +
        (peakMiB !== null ? `, peak RSS ${peakMiB.toFixed(0)} MiB` : ''),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
