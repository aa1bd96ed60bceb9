/**
 * Command-line inputs → the list of files to extract: files as given, directories walked for
 * report files. The order is stable (sorted within each directory) so runs are reproducible.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const REPORT_EXTENSIONS = new Set(['.docx', '.html', '.htm', '.shtml', '.pdf', '.doc', '.wps']);

export interface InputProblem {
  path: string;
  message: string;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
}

/** Files to extract, and the inputs that do not exist. A file named explicitly is taken whatever its extension. */
export async function collectInputs(paths: string[]): Promise<{ files: string[]; missing: InputProblem[] }> {
  const files: string[] = [];
  const missing: InputProblem[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, files);
      else files.push(path);
    } catch (err) {
      missing.push({ path, message: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message });
    }
  }
  return { files: [...new Set(files)], missing };
}
