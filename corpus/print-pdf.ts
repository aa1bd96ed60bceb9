/**
 * npm run corpus:pdf — prints every corpus/docx/*.docx to corpus/pdf/<name>.pdf with LibreOffice
 * (`soffice --headless --convert-to pdf`) and copies its truth JSON beside it: the PDF prints the
 * very same cell texts, so the truth is the same.
 *
 *   npm run corpus:pdf                  all .docx fixtures, then the Chromium prints of a few HTML
 *                                       fixtures (print-html-pdf.ts)
 *   npm run corpus:pdf -- <name> …      only these .docx fixtures (names without .docx)
 *
 * LibreOffice runs in a temporary folder with its own user profile (so that it never attaches to
 * a running instance), with a timeout. Its output differs from run to run only in the creation
 * date, the trailer /ID and /DocChecksum; those are rewritten in place (same byte lengths, so the
 * xref offsets stay right), which makes the PDFs reproducible for a given LibreOffice version.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { printHtmlFixtures } from './print-html-pdf.ts';

const CORPUS = dirname(fileURLToPath(import.meta.url));
const DOCX = join(CORPUS, 'docx');
const PDF = join(CORPUS, 'pdf');
const TIMEOUT_MS = 120_000;

function findSoffice(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync(name, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return name;
  }
  return undefined;
}

/** `D:YYYYMMDDHHmmSS` from the docx's dcterms:created (the generator writes a fixed one). */
function fixedPdfDate(docxPath: string): string {
  const files = unzipSync(readFileSync(docxPath), { filter: (f) => f.name === 'docProps/core.xml' });
  const core = files['docProps/core.xml'] ? strFromU8(files['docProps/core.xml']) : '';
  const m = /<dcterms:created[^>]*>(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/.exec(core);
  return m ? `D:${m.slice(1).join('')}` : 'D:20220110080000';
}

/**
 * Replaces LibreOffice's run-dependent bytes by fixed ones of the same length: the Info
 * /CreationDate, the trailer /ID pair and /DocChecksum.
 */
export function normalizeLibreOfficePdf(bytes: Uint8Array, name: string, date: string): Uint8Array {
  let text = Buffer.from(bytes).toString('latin1');
  const before = text.length;
  text = text.replace(/\/CreationDate\(D:\d{14}/g, `/CreationDate(${date}`);
  text = text.replace(/\/ModDate\(D:\d{14}/g, `/ModDate(${date}`);
  const id = createHash('md5').update(name).digest('hex').toUpperCase();
  text = text.replace(/\/ID \[ <[0-9A-F]{32}>\s*<[0-9A-F]{32}> \]/, (m) => m.replace(/<[0-9A-F]{32}>/g, `<${id}>`));
  const checksumAt = text.indexOf('/DocChecksum /');
  if (checksumAt >= 0) {
    const sum = createHash('md5').update(text.slice(0, checksumAt), 'latin1').digest('hex').toUpperCase();
    text = text.replace(/\/DocChecksum \/[0-9A-F]{32}/, `/DocChecksum /${sum}`);
  }
  if (text.length !== before) throw new Error(`${name}: normalisation changed the file length`);
  return Buffer.from(text, 'latin1');
}

function printDocxFixtures(soffice: string, names: string[]): void {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  try {
    const out = join(work, 'out');
    const profile = `file://${join(work, 'profile')}`;
    mkdirSync(PDF, { recursive: true });
    for (const n of names) {
      // One process per file: a batch conversion's bytes depend on the documents before it.
      const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, join(DOCX, `${n}.docx`)], {
        cwd: work,
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
      });
      const printed = join(out, `${n}.pdf`);
      if (r.error || !existsSync(printed)) {
        console.error(`FAILED ${n}.docx: soffice wrote no PDF\n${r.error?.message ?? r.stderr}`);
        process.exitCode = 1;
        continue;
      }
      const bytes = normalizeLibreOfficePdf(readFileSync(printed), n, fixedPdfDate(join(DOCX, `${n}.docx`)));
      writeFileSync(join(PDF, `${n}.pdf`), bytes);
      copyFileSync(join(DOCX, `${n}.truth.json`), join(PDF, `${n}.truth.json`));
      console.log(`pdf/${n}.pdf  ${bytes.length} bytes (LibreOffice)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(args: string[]): void {
  const all = readdirSync(DOCX).filter((f) => f.endsWith('.docx')).map((f) => f.slice(0, -'.docx'.length)).sort();
  const names = args.length ? args : all;
  for (const n of names) if (!all.includes(n)) throw new Error(`no corpus/docx/${n}.docx`);
  const soffice = findSoffice();
  if (soffice) printDocxFixtures(soffice, names);
  else console.log('LibreOffice prints skipped: soffice is not installed (Debian: apt-get install -y libreoffice-writer fonts-noto-cjk)');
  if (args.length === 0) printHtmlFixtures();
}

main(process.argv.slice(2));
