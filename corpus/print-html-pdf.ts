/**
 * Prints a few corpus/html fixtures to corpus/pdf/<name>-chromium.pdf with headless Chromium
 * (`--print-to-pdf`) and copies their truth JSON beside them. Chromium (Skia) draws table borders
 * as thin filled rectangles, not stroked lines, and on Linux writes the Noto CJK glyphs as Type 3
 * fonts: both cases the PDF extractor must read.
 *
 *   node --import tsx corpus/print-html-pdf.ts    the fixtures of PRINTED below
 *   npm run corpus:pdf                            runs this too, after the LibreOffice prints
 *
 * Each page is printed from a copy in a temporary folder with a small print stylesheet added
 * before </head>: A4 paper, and table cells allowed to wrap (the plain pages mark every cell
 * nowrap, which would push the T3 total column off the page). Nothing else of the page changes.
 * Chromium's run-dependent bytes (/CreationDate, /ModDate) are rewritten to fixed ones of the
 * same length, so the output is reproducible for a given Chromium version.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CORPUS = dirname(fileURLToPath(import.meta.url));
const HTML = join(CORPUS, 'html');
const PDF = join(CORPUS, 'pdf');
const TIMEOUT_MS = 120_000;

/** One of each markup style: Word "Save as Web Page", a CMS page, plain pages (drift, platform). */
const PRINTED = ['taiping-district-2021-word', 'cuiping-education-2021-cms', 'donghai-office-2019-plain-drift', 'yuquan-town-2020-plain-platform'];

const PRINT_CSS = '<style media="print">@page { size: A4; margin: 20mm 15mm; } td, th { white-space: normal !important; }</style>';

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const r = spawnSync(name, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return name;
  }
  return undefined;
}

/** The page with the print stylesheet added; bytes other than the insertion are kept (GBK pages too). */
function withPrintCss(page: Buffer): Buffer {
  const text = page.toString('latin1');
  const at = text.search(/<\/head>/i);
  if (at < 0) throw new Error('page has no </head>');
  return Buffer.from(text.slice(0, at) + PRINT_CSS + text.slice(at), 'latin1');
}

function normalizeChromiumPdf(bytes: Buffer, year: number): Buffer {
  const text = bytes.toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_m, key: string) => `/${key} (D:${year + 1}0301090000`);
  if (fixed.length !== text.length) throw new Error('normalisation changed the file length');
  return Buffer.from(fixed, 'latin1');
}

export function printHtmlFixtures(): void {
  const chromium = findChromium();
  if (!chromium) {
    console.log('print-html-pdf skipped: Chromium is not installed (apt-get install -y chromium).');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  mkdirSync(PDF, { recursive: true });
  try {
    for (const name of PRINTED) {
      const page = join(work, `${name}.html`);
      writeFileSync(page, withPrintCss(readFileSync(join(HTML, `${name}.html`))));
      const printed = join(work, `${name}.pdf`);
      const r = spawnSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-pdf-header-footer',
          `--user-data-dir=${join(work, 'profile')}`,
          `--print-to-pdf=${printed}`,
          pathToFileURL(page).href,
        ],
        { encoding: 'utf8', timeout: TIMEOUT_MS },
      );
      if (r.error || !existsSync(printed)) {
        console.error(`FAILED ${name}: ${r.error?.message ?? r.stderr}`);
        process.exitCode = 1;
        continue;
      }
      const truthPath = join(HTML, `${name}.truth.json`);
      const year = (JSON.parse(readFileSync(truthPath, 'utf8')) as { report: { year: number } }).report.year;
      const bytes = normalizeChromiumPdf(readFileSync(printed), year);
      writeFileSync(join(PDF, `${name}-chromium.pdf`), bytes);
      copyFileSync(truthPath, join(PDF, `${name}-chromium.truth.json`));
      console.log(`pdf/${name}-chromium.pdf  ${bytes.length} bytes (Chromium)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printHtmlFixtures();
