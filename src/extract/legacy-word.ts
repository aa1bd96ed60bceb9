/**
 * Legacy Word files (.doc, and Kingsoft .wps, both OLE2 compound files) are converted to .docx by
 * LibreOffice headless when it is installed, then read as .docx. Each conversion runs in a
 * temporary folder with its own LibreOffice profile (so conversions can run side by side) and a
 * time limit after which LibreOffice is killed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExtractionError } from './errors.ts';

const CANDIDATES = ['soffice', 'libreoffice'];

/** The LibreOffice command on the PATH, if any. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of CANDIDATES) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

export async function convertLegacyWord(bytes: Buffer, timeoutMs: number): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new ExtractionError(
      'UNSUPPORTED_FORMAT',
      'a legacy Word file (.doc/.wps): nianbao reads it through LibreOffice, which is not installed here (apt-get install libreoffice-writer), or save it as .docx',
    );
  }
  const work = await mkdtemp(join(tmpdir(), 'nianbao-doc-'));
  try {
    const input = join(work, 'input.doc');
    await writeFile(input, bytes);
    const args = ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--convert-to', 'docx', '--outdir', work, input];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err) => (err ? reject(err) : resolve()));
    }).catch((err: NodeJS.ErrnoException & { killed?: boolean }) => {
      if (err.killed) throw new ExtractionError('TIMEOUT', `LibreOffice did not convert the file within ${Math.round(timeoutMs / 1000)} s`);
      throw new ExtractionError('CORRUPT', `LibreOffice could not convert the file: ${err.message.split('\n')[0]}`);
    });
    const converted = (await readdir(work)).find((f) => f.endsWith('.docx'));
    if (!converted) throw new ExtractionError('CORRUPT', 'LibreOffice could not read the file as a Word document');
    return await readFile(join(work, converted));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
