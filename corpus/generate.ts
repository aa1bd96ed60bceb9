/**
 * Fixture generator. Run from the repo root:
 *
 *   npm run corpus                                   writes corpus/docx/*, corpus/html/* and the hand-written
 *                                                    corpus/pdf/* (fixtures-pdf.ts) with truth JSON
 *   npm run corpus -- --check                        only the self-check of the identity code
 *   npm run corpus -- --from-text <txt> <out.docx>   rebuilds a .docx from a text export (e.g. Lubu)
 *   npm run corpus -- --stress [name …]              writes the stress PDFs (fixtures-pdf-stress.ts) to
 *                                                    corpus/pdf-stress/ with <name>.expected.json
 *
 * Output is byte-for-byte deterministic: seeded numbers, fixed zip mtimes, no clock, no Math.random.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, type Fixture } from './fixtures.ts';
import { PDF_FIXTURES } from './fixtures-pdf.ts';
import { STRESS_FIXTURES } from './fixtures-pdf-stress.ts';
import { writeDocx } from './lib/docx.ts';
import { buildDocxFromText } from './lib/from-text.ts';
import { encodeHtml, renderCmsHtml, renderPlainHtml, renderWordHtml } from './lib/html.ts';
import { identityFailures } from './lib/identities.ts';
import { writePdf } from './lib/pdf.ts';
import { writeProducerPdf } from './lib/pdf-producer.ts';
import { buildReport, type BuiltReport } from './lib/report.ts';

const CORPUS = dirname(fileURLToPath(import.meta.url));
const REAL = join(CORPUS, '../../shared/corpus/real');

/** The identity code must reproduce the failures listed in the real truth files. */
function selfCheck(): void {
  if (!existsSync(REAL)) {
    console.warn(`self-check skipped: ${REAL} not found`);
    return;
  }
  for (const file of readdirSync(REAL).filter((f) => f.endsWith('.truth.json')).sort()) {
    const truth = JSON.parse(readFileSync(join(REAL, file), 'utf8')) as { fields: Record<string, number | null>; source_identity_failures: string[] };
    const got = identityFailures(truth.fields);
    const want = [...truth.source_identity_failures].sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`identity self-check failed on ${file}:\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(want)}`);
    }
  }
  console.log('identity self-check: ok (real truth files reproduced)');
}

function build(f: Fixture): BuiltReport {
  if (f.custom) return f.custom();
  if (!f.report) throw new Error(`fixture ${f.name} has neither report nor custom`);
  return buildReport(f.report);
}

function render(f: Fixture, built: BuiltReport): Uint8Array {
  if (f.format === 'docx') return writeDocx(built.doc, { created: `${(f.report?.year ?? 2021) + 1}-01-10T08:00:00Z` });
  const html = f.html ?? { style: 'word' as const };
  switch (html.style) {
    case 'word':
      return encodeHtml(renderWordHtml(built.doc), 'utf-8');
    case 'plain':
      return encodeHtml(renderPlainHtml(built.doc), 'utf-8');
    case 'cms': {
      const articleTitle = f.report!.titleLines.join('');
      const page = { ...html.page, articleTitle, pageTitle: `${articleTitle}_政府信息公开年报_${html.page.siteName}` };
      return encodeHtml(renderCmsHtml(built.doc, page, html.charset), html.charset);
    }
  }
}

function generateAll(): void {
  selfCheck();
  const names = new Set<string>();
  for (const f of FIXTURES) {
    if (names.has(f.name)) throw new Error(`duplicate fixture name ${f.name}`);
    names.add(f.name);
    const dir = join(CORPUS, f.format);
    mkdirSync(dir, { recursive: true });
    const built = build(f);
    writeFileSync(join(dir, `${f.name}.${f.format}`), render(f, built));
    writeFileSync(join(dir, `${f.name}.truth.json`), JSON.stringify(built.truth, null, 1) + '\n');
    const fails = built.truth.source_identity_failures;
    console.log(`${f.format}/${f.name}.${f.format}  ${Object.keys(built.truth.fields).length} fields${fails.length ? `, ${fails.length} identity failures` : ''}`);
  }
  // Hand-written PDFs. corpus/pdf also holds the LibreOffice and Chromium prints (print-pdf.ts,
  // print-html-pdf.ts), which this leaves alone.
  const pdfDir = join(CORPUS, 'pdf');
  mkdirSync(pdfDir, { recursive: true });
  for (const f of PDF_FIXTURES) {
    if (names.has(f.name)) throw new Error(`duplicate fixture name ${f.name}`);
    names.add(f.name);
    const built = buildReport(f.report);
    f.adjust?.(built.doc);
    writeFileSync(join(pdfDir, `${f.name}.pdf`), writePdf(built.doc, f.pdf));
    writeFileSync(join(pdfDir, `${f.name}.truth.json`), JSON.stringify(built.truth, null, 1) + '\n');
    const fails = built.truth.source_identity_failures;
    console.log(`pdf/${f.name}.pdf  ${Object.keys(built.truth.fields).length} fields${fails.length ? `, ${fails.length} identity failures` : ''}`);
  }
  for (const format of ['docx', 'html']) {
    const dir = join(CORPUS, format);
    for (const file of readdirSync(dir)) {
      const base = file.replace(/\.truth\.json$|\.(docx|html)$/, '');
      if (!names.has(base)) console.warn(`note: ${format}/${file} is not a generated fixture (left alone)`);
    }
  }
}

/**
 * The stress PDFs (producer profiles). Their truth goes to `<name>.expected.json`, not
 * `.truth.json`: eval and the end-to-end tests take every *.truth.json under corpus/.
 */
function generateStress(only: string[]): void {
  const dir = join(CORPUS, 'pdf-stress');
  mkdirSync(dir, { recursive: true });
  const taken = new Set([...FIXTURES.map((f) => f.name), ...PDF_FIXTURES.map((f) => f.name)]);
  const names = new Set<string>();
  for (const f of STRESS_FIXTURES) {
    if (taken.has(f.name) || names.has(f.name)) throw new Error(`duplicate fixture name ${f.name}`);
    names.add(f.name);
    if (only.length && !only.includes(f.name)) continue;
    const built = buildReport(f.report);
    f.adjust?.(built.doc);
    writeFileSync(join(dir, `${f.name}.pdf`), writeProducerPdf(built.doc, f.pdf));
    writeFileSync(join(dir, `${f.name}.expected.json`), JSON.stringify(built.truth, null, 1) + '\n');
    console.log(`pdf-stress/${f.name}.pdf  ${Object.keys(built.truth.fields).length} fields  (${f.profiles})`);
  }
  for (const name of only) if (!names.has(name)) throw new Error(`no stress fixture ${name}`);
}

function main(args: string[]): void {
  if (args[0] === '--from-text') {
    const [txt, out] = args.slice(1);
    if (!txt || !out) throw new Error('usage: npm run corpus -- --from-text <export.txt> <out.docx>');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, buildDocxFromText(txt));
    console.log(`wrote ${out}`);
  } else if (args[0] === '--stress') {
    generateStress(args.slice(1));
  } else if (args[0] === '--check') {
    selfCheck();
  } else {
    generateAll();
  }
}

main(process.argv.slice(2));
