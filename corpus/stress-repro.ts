/**
 * The smallest reproductions of what the stress PDFs (fixtures-pdf-stress.ts) found: one plain
 * made-up report each (2019 or 2021 template), one profile or layout choice changed, built and
 * extracted in memory, each with a control that differs only in that choice.
 *
 *   node --import tsx corpus/stress-repro.ts [--write <dir>] [name …]
 *
 * --write also saves `<name>.pdf` + `<name>.expected.json` (corpus/eval-stress.ts reads them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { landscapeSection, narrowFirstColumn } from './fixtures-pdf.ts';
import type { LayoutDoc } from './lib/layout.ts';
import { writeProducerPdf, type ProducerPdfOptions } from './lib/pdf-producer.ts';
import { buildReport, type ReportSpec } from './lib/report.ts';
import { extractBytes } from '../src/pipeline/extract-file.ts';
import { compareRecord, type Truth } from '../scripts/lib/truth.ts';

interface Repro {
  name: string;
  what: string;
  template: '2019' | '2021';
  pdf: ProducerPdfOptions;
  adjust?: (doc: LayoutDoc) => void;
}

const T3_AT_GROUP_3 = { role: 'applications' as const, before: '（三）不予公开' };
const T4_DATA_ROW = { role: 'review_litigation' as const, before: 3 };

export const REPROS: Repro[] = [
  { name: 'control-2021', what: 'control: all rulings, tables kept together', template: '2021', pdf: { keepTablesTogether: true, producer: {} } },
  { name: 'inner-t2-2021', what: 'no outer border: T2 blocks （五）（六）（八） (one inner vertical each)', template: '2021', pdf: { keepTablesTogether: true, producer: { edges: 'inner' } } },
  { name: 'control-t4-split-2019', what: 'control: T4 data row alone on the next page, all rulings', template: '2019', pdf: { breaks: [T4_DATA_ROW], producer: {} } },
  { name: 'inner-t4-split-2019', what: 'no outer border + T4 data row alone on the next page', template: '2019', pdf: { breaks: [T4_DATA_ROW], producer: { edges: 'inner' } } },
  { name: 'unruled-t4-split-2021', what: 'no rulings + T4 data row alone on the next page', template: '2021', pdf: { rulings: 'none', breaks: [T4_DATA_ROW], producer: {} } },
  { name: 'mixed-t3-three-line-2021', what: 'T3 three-line (no verticals), T2 and T4 fully ruled', template: '2021', pdf: { producer: { edgesByRole: { applications: 'three-line' } } } },
  {
    name: 'control-landscape-2021',
    what: 'control: T3 on landscape pages broken before （三）不予公开, no page numbers',
    template: '2021',
    pdf: { breaks: [T3_AT_GROUP_3], producer: {} },
    adjust: (doc) => landscapeSection(doc, ['applications'], 2),
  },
  {
    name: 'landscape-page-number-2021',
    what: 'T3 on landscape pages broken before （三）不予公开, page number baseline 40 pt above the bottom',
    template: '2021',
    pdf: { breaks: [T3_AT_GROUP_3], pageNumbers: true, producer: {} },
    adjust: (doc) => landscapeSection(doc, ['applications'], 2),
  },
  {
    name: 'sideways-continued-2021',
    what: 'T3 sideways (no /Rotate) broken before （三）不予公开, no page numbers',
    template: '2021',
    pdf: { landscapePages: 'sideways', breaks: [T3_AT_GROUP_3], producer: {} },
    adjust: (doc) => landscapeSection(doc, ['applications'], 2),
  },
  {
    name: 'wps-vertical-low-2021',
    what: 'WPS text, 三、本年度办理结果 in the vertical font low on page 2 (pdf.js drops it; the record is right)',
    template: '2021',
    pdf: { pageNumbers: true, producer: { text: 'wps', stroke: 'wps', verticalCells: ['三、本年度办理结果'] } },
    adjust: (doc) => narrowFirstColumn(doc, 'applications', 4.5),
  },
];

function spec(template: '2019' | '2021'): ReportSpec {
  const year = template === '2021' ? 2021 : 2020;
  return {
    seed: template === '2021' ? 501 : 502,
    agency: '试点县人民政府',
    year,
    titleLines: [`试点县人民政府${year}年政府信息公开工作年度报告`],
    self: '我县',
    scale: 'county',
    t2: { template },
    t3: { rowSet: template },
    t4: {},
    signature: ['试点县人民政府', `${year + 1}年1月20日`],
  };
}

const args = process.argv.slice(2);
const at = args.indexOf('--write');
const out = at >= 0 ? args[at + 1] : undefined;
const names = args.filter((a, i) => !a.startsWith('--') && !(at >= 0 && i === at + 1));
if (out) mkdirSync(out, { recursive: true });
for (const r of REPROS.filter((x) => names.length === 0 || names.includes(x.name))) {
  const built = buildReport(spec(r.template));
  r.adjust?.(built.doc);
  const bytes = writeProducerPdf(built.doc, { rulings: 'stroke', ...r.pdf });
  if (out) {
    writeFileSync(join(out, `${r.name}.pdf`), bytes);
    writeFileSync(join(out, `${r.name}.expected.json`), JSON.stringify(built.truth, null, 1) + '\n');
  }
  const record = await extractBytes(Buffer.from(bytes), r.name);
  const cmp = compareRecord(record, built.truth as Truth);
  const wrong = cmp.mismatches.map((m) => m.field);
  const groups = [...new Set(wrong.map((f) => f.split('.').slice(0, 2).join('.')))];
  console.log(`${(cmp.exact === cmp.cells ? 'ok' : 'FAIL').padEnd(4)} ${r.name.padEnd(28)} ${String(cmp.exact).padStart(3)}/${cmp.cells}  ${r.what}`);
  if (wrong.length) console.log(`     wrong: ${groups.join(', ')}${cmp.falseAlarms.length ? `; ${cmp.falseAlarms.length} failed checks not in truth` : ''}`);
}
