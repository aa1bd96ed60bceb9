/**
 * Composes one report fixture: numbers → printed values → tables and prose → abstract document,
 * and the truth JSON computed from the very same printed values.
 */
import { applyMergeStyle, type MergeStyle } from './merge-styles.ts';
import { identityFailures, type TruthFields } from './identities.ts';
import { truthIds } from './fields.ts';
import { T3_COLUMNS, type LabelVariants } from './labels.ts';
import { p, tableBlock, layoutTable, buildPlatform, buildT2, buildT3, buildT4, type Block, type LayoutDoc, type T2Options, type Table } from './layout.ts';
import {
  activeIntro,
  applicationsIntro,
  dateLine,
  introParagraphs,
  otherParagraphs,
  overviewParagraphs,
  problemParagraphs,
  reviewIntro,
  sectionHeadings,
  type HeadingStyle,
} from './prose.ts';
import { activeNumbers, applicationNumbers, platformNumbers, printAll, reviewNumbers, Rng, truthOf, type Numbers, type PrintStyle, type Scale } from './values.ts';

export interface ReportSpec {
  seed: number;
  /** Truth: the issuing body as the title names it, and the year the report covers. */
  agency: string;
  year: number;
  /** Title paragraphs as printed. */
  titleLines: string[];
  /** Name used in the prose (default: agency) and the self-reference (我县, 本局 …). */
  proseName?: string;
  self: string;
  /** Signature block at the end (default: [agency, date line]). */
  signature?: string[];
  scale: Scale;
  t2: Omit<T2Options, 'labels' | 'year'>;
  /** Application table; rowSet '2019' is the single （六） row (also for 2021 hybrids). */
  t3?: { rowSet: '2019' | '2021'; omitRows?: string[]; fontPt?: number; repeatHeader?: boolean; minRowHeightPt?: number };
  t4?: { fontPt?: number; landscape?: boolean };
  platform?: boolean;
  labels?: LabelVariants;
  print?: PrintStyle;
  /** Printed text of single cells, after the print style. */
  overrides?: Record<string, string>;
  /** Last changes to the printed texts (full-width digits, blanked totals …). */
  postPrint?: (printed: Record<string, string>) => void;
  /** Changes to the numbers before printing (e.g. to break identities on purpose). */
  tweak?: (n: Numbers) => void;
  headings?: HeadingStyle;
  mergeStyle?: MergeStyle;
  /** Put the whole report body inside a one-cell layout table. */
  nested?: boolean;
  /** Container title (docx dc:title / HTML <title>); default the joined title lines. */
  containerTitle?: string;
}

export interface Truth {
  report: { agency: string | null; year: number | null; template: '2019' | '2021' | 'unknown' };
  status?: 'not_a_report';
  fields: TruthFields;
  source_identity_failures: string[];
}

export interface BuiltReport {
  doc: LayoutDoc;
  truth: Truth;
}

function numbersFor(spec: ReportSpec, rng: Rng): Numbers {
  const n: Numbers = { ...activeNumbers(rng, spec.scale, spec.t2.template) };
  if (spec.t3) {
    Object.assign(n, applicationNumbers(rng, spec.scale, spec.t3.rowSet));
    // A row a report leaves out is a row of zeros: move its counts out of the year's intake so
    // that the table stays consistent without it.
    for (const row of spec.t3.omitRows ?? []) {
      for (const col of T3_COLUMNS) {
        const x = n[`applications.${row}.${col}`] ?? 0;
        n[`applications.${row}.${col}`] = 0;
        n[`applications.result_total.${col}`]! -= x;
        n[`applications.new_received.${col}`]! -= x;
        if (n[`applications.new_received.${col}`]! < 0) throw new Error(`cannot leave out ${row}: intake would go negative`);
      }
    }
  }
  if (spec.t4) Object.assign(n, reviewNumbers(rng, spec.scale));
  if (spec.platform) Object.assign(n, platformNumbers(rng, spec.scale));
  spec.tweak?.(n);
  return n;
}

/** Ids whose cells the document does not print at all (omitted rows and blocks). */
function unprintedIds(spec: ReportSpec): Set<string> {
  const out = new Set<string>();
  for (const row of spec.t3?.omitRows ?? []) for (const col of T3_COLUMNS) out.add(`applications.${row}.${col}`);
  if (spec.t2.omitProcurement) {
    out.add('active.art20_9.gov_procurement.project_count');
    out.add('active.art20_9.gov_procurement.total_amount');
  }
  return out;
}

export function buildReport(spec: ReportSpec): BuiltReport {
  const rng = new Rng(spec.seed);
  const numbers = numbersFor(spec, rng);
  const printed: Record<string, string> = { ...printAll(numbers, spec.print ?? {}), ...(spec.overrides ?? {}) };
  spec.postPrint?.(printed);
  for (const id of unprintedIds(spec)) delete printed[id];

  const ids = truthIds({ t2: spec.t2.template, t3: spec.t3?.rowSet, t4: spec.t4 !== undefined, platform: spec.platform });
  const fields: TruthFields = {};
  for (const id of ids) fields[id] = printed[id] === undefined ? null : truthOf(printed[id]!);

  const labels = spec.labels ?? {};
  const style = (t: Table) => applyMergeStyle(t, spec.mergeStyle ?? 'word');
  const headings = sectionHeadings(spec.headings ?? 'template', spec.platform === true);
  const ctx = { agencyName: spec.proseName ?? spec.agency, self: spec.self, year: spec.year, template: spec.t2.template, rng };

  const body: Block[] = [];
  body.push(...introParagraphs(ctx));
  body.push(p(headings.overview!, 'heading'), ...overviewParagraphs(ctx));
  body.push(p(headings.active!, 'heading'), activeIntro(ctx));
  const t2Tables = buildT2(printed, { ...spec.t2, labels, year: spec.year });
  t2Tables.forEach((t, i) => {
    if (i > 0) body.push(p('', 'body'));
    body.push(tableBlock(style(t)));
  });
  if (spec.platform) {
    body.push(p(headings.platform!, 'heading'), tableBlock(style(buildPlatform(printed, { labels }))));
  }
  if (spec.t3) {
    body.push(p(headings.applications!, 'heading'));
    body.push(applicationsIntro(ctx, fields['applications.new_received.total'] ?? undefined, fields['applications.carried_over.total'] ?? undefined));
    const t3 = buildT3(printed, { rowSet: spec.t3.rowSet, labels, omitRows: spec.t3.omitRows, fontPt: spec.t3.fontPt });
    if (spec.t3.repeatHeader) t3.repeatHeader = true;
    if (spec.t3.minRowHeightPt) t3.minRowHeightPt = spec.t3.minRowHeightPt;
    body.push(tableBlock(style(t3)));
  }
  if (spec.t4) {
    const t4 = tableBlock(style(buildT4(printed, { labels, fontPt: spec.t4.fontPt })));
    const intro = reviewIntro(ctx, fields['review_litigation.review.total'] ?? 0);
    if (spec.t4.landscape) {
      body.push({ type: 'section', orientation: 'portrait' }, p(headings.review!, 'heading'), intro, t4, { type: 'section', orientation: 'landscape' });
    } else {
      body.push(p(headings.review!, 'heading'), intro, t4);
    }
  }
  body.push(p(headings.problems!, 'heading'), ...problemParagraphs(ctx));
  body.push(p(headings.other!, 'heading'), ...otherParagraphs(ctx));
  const signature = spec.signature ?? [spec.agency, dateLine(spec.year, rng)];
  body.push(p('', 'body'), ...signature.map((s) => p(s, 'signature')));

  const title = spec.titleLines.map((t) => p(t, 'title'));
  const blocks: Block[] = spec.nested ? [...title, tableBlock(layoutTable(body.filter((b) => b.type !== 'section')))] : [...title, ...body];
  const doc: LayoutDoc = { containerTitle: spec.containerTitle ?? spec.titleLines.join(''), blocks };

  const truth: Truth = {
    report: { agency: spec.agency, year: spec.year, template: spec.t2.template },
    fields,
    source_identity_failures: identityFailures(fields),
  };
  return { doc, truth };
}
