/**
 * Numbers for the fixtures: a seeded PRNG (no Math.random, so output is reproducible), datasets
 * that satisfy H1–H6, the ways reports print numbers, and the reading of a printed cell back to
 * its truth value (number as printed, or null for blank / not-applicable).
 */
import { T3_COLUMNS, t3Rows } from './labels.ts';
import { T4_BLOCKS, T4_COLUMNS } from './report-tables.ts';

/** mulberry32: tiny, fast and good enough for test data. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Numbers = Record<string, number>;
export type Scale = 'town' | 'county' | 'city';

const APPLICANTS = T3_COLUMNS.filter((c) => c !== 'total');
/** Share of applications by applicant type. */
const APPLICANT_SHARE = [1, 0.18, 0.02, 0.02, 0.06, 0.05];
/** How likely a closed application ends in each result row (2019 row set order, other_handling last). */
const RESULT_WEIGHTS: Record<string, number> = {
  granted: 36,
  partially_granted: 9,
  'denied.state_secret': 0.6,
  'denied.prohibited_by_law': 0.8,
  'denied.three_security_one_stability': 0.4,
  'denied.third_party_rights': 1.5,
  'denied.internal_affairs': 1.2,
  'denied.process_info': 2,
  'denied.enforcement_case_file': 0.8,
  'denied.administrative_query': 1.5,
  'unable.not_held': 22,
  'unable.needs_creation': 4,
  'unable.still_unclear': 3,
  'not_processed.petition_complaint': 6,
  'not_processed.repeated': 3,
  'not_processed.publication': 0.5,
  'not_processed.excessive_repeated': 1,
  'not_processed.confirm_or_reissue': 1,
  other_handling: 6,
  'other_handling.overdue_no_correction': 3,
  'other_handling.overdue_fee_unpaid': 0.5,
  'other_handling.other': 2.5,
};

const APPLICATIONS_PER_YEAR: Record<Scale, [number, number]> = { town: [0, 8], county: [15, 90], city: [300, 1600] };

/** A consistent application table (H1, H2, H3 hold). */
export function applicationNumbers(rng: Rng, scale: Scale, rowSet: '2019' | '2021'): Numbers {
  const rows = t3Rows(rowSet, {}).map((r) => r.id);
  const resultRows = rows.filter((r) => !['new_received', 'carried_over', 'result_total', 'carried_forward'].includes(r));
  const weights = resultRows.map((r) => RESULT_WEIGHTS[r] ?? 1);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const n: Numbers = {};
  const [lo, hi] = APPLICATIONS_PER_YEAR[scale];
  const closedNatural = rng.int(lo, hi);
  APPLICANTS.forEach((col, i) => {
    const closed = i === 0 ? closedNatural : Math.round(closedNatural * APPLICANT_SHARE[i]! * rng.next() * 2);
    for (const r of resultRows) n[`applications.${r}.${col}`] = 0;
    for (let k = 0; k < closed; k++) {
      let x = rng.next() * weightSum;
      let j = 0;
      while (x >= weights[j]! && j < weights.length - 1) x -= weights[j++]!;
      n[`applications.${resultRows[j]}.${col}`]! += 1;
    }
    const total = resultRows.reduce((s, r) => s + n[`applications.${r}.${col}`]!, 0);
    const forward = rng.int(0, Math.floor(total / 8));
    const over = rng.int(0, Math.floor(total / 10));
    n[`applications.result_total.${col}`] = total;
    n[`applications.carried_forward.${col}`] = forward;
    n[`applications.carried_over.${col}`] = over;
    n[`applications.new_received.${col}`] = total + forward - over;
  });
  for (const r of rows) {
    n[`applications.${r}.total`] = APPLICANTS.reduce((s, col) => s + n[`applications.${r}.${col}`]!, 0);
  }
  return n;
}

const CASES: Record<Scale, number> = { town: 1, county: 4, city: 30 };

/** Review and litigation counts (H4–H6 hold). */
export function reviewNumbers(rng: Rng, scale: Scale): Numbers {
  const n: Numbers = {};
  for (const block of T4_BLOCKS) {
    const max = block === 'litigation_after_review' ? Math.ceil(CASES[scale] / 3) : CASES[scale];
    let total = 0;
    for (const col of T4_COLUMNS.slice(0, 4)) {
      const v = col === 'upheld' ? rng.int(0, max) : rng.int(0, Math.ceil(max / 3));
      n[`review_litigation.${block}.${col}`] = v;
      total += v;
    }
    n[`review_litigation.${block}.total`] = total;
  }
  return n;
}

/** 第二十条 table numbers; money as 元 (2019 procurement) or 万元 with 2 decimals (2021 fees). */
export function activeNumbers(rng: Rng, scale: Scale, template: '2019' | '2021'): Numbers {
  const big = scale === 'city' ? 10 : scale === 'county' ? 3 : 1;
  const n: Numbers = {};
  const a = (id: string, v: number) => (n[`active.${id}`] = v);
  if (template === '2019') {
    const regs = scale === 'city' ? rng.int(0, 12) : 0;
    a('art20_1.regulations.made_this_year', regs);
    a('art20_1.regulations.published_this_year', regs);
    a('art20_1.regulations.total_published', regs + (scale === 'city' ? rng.int(80, 500) : 0));
    const docs = rng.int(0, 8 * big);
    a('art20_1.normative_docs.made_this_year', docs);
    a('art20_1.normative_docs.published_this_year', docs - rng.int(0, Math.min(docs, 2)));
    a('art20_1.normative_docs.total_published', docs + rng.int(0, 40 * big));
    for (const [item, key] of [
      ['5', 'admin_license'],
      ['5', 'other_mgmt_services'],
      ['6', 'admin_penalty'],
      ['6', 'admin_coercion'],
    ] as const) {
      const prev = rng.int(1, 120 * big);
      a(`art20_${item}.${key}.prev_year_items`, prev);
      a(`art20_${item}.${key}.change_this_year`, rng.int(-Math.min(prev, 12), 25));
      a(`art20_${item}.${key}.decisions`, rng.int(0, 900 * big));
    }
    const fees = rng.int(0, 6);
    a('art20_8.admin_fees.prev_year_items', fees);
    a('art20_8.admin_fees.change_this_year', fees ? rng.int(-1, 1) : 0);
    a('art20_9.gov_procurement.project_count', rng.int(1, 30 * big));
    a('art20_9.gov_procurement.total_amount', rng.int(20, 2000 * big) * 1000);
  } else {
    for (const key of ['regulations', 'normative_docs']) {
      const issued = key === 'regulations' && scale !== 'city' ? 0 : rng.int(0, 6 * big);
      const repealed = rng.int(0, 2 * big);
      a(`art20_1.${key}.issued`, issued);
      a(`art20_1.${key}.repealed`, repealed);
      a(`art20_1.${key}.in_force`, issued + rng.int(repealed, 30 * big));
    }
    a('art20_5.admin_license.decisions', rng.int(0, 2000 * big));
    a('art20_6.admin_penalty.decisions', rng.int(0, 900 * big));
    a('art20_6.admin_coercion.decisions', rng.int(0, 40 * big));
    a('art20_8.admin_fees.amount_10k_yuan', rng.int(0, 400000 * big) / 100);
  }
  return n;
}

/** Zhejiang platform table (soft rules of §5.4 hold). */
export function platformNumbers(rng: Rng, scale: Scale): Numbers {
  const big = scale === 'city' ? 20 : scale === 'county' ? 4 : 1;
  const n: Numbers = {};
  const ch = ['gazette', 'website', 'weibo', 'wechat'].map((c) => {
    const v = c === 'gazette' && scale === 'town' ? 0 : rng.int(20 * big, 600 * big);
    n[`platform.channel.${c}`] = v;
    return v;
  });
  n['platform.proactive_total'] = ch.reduce((a, b) => a + b, 0) - rng.int(0, 30 * big);
  n['platform.hotspot_responses'] = rng.int(0, 80 * big);
  n['platform.press_conferences'] = rng.int(0, 3 * big);
  n['platform.press_conferences_principal'] = rng.int(0, n['platform.press_conferences']!);
  n['platform.online_interviews'] = rng.int(0, 2 * big);
  n['platform.online_interviews_principal'] = rng.int(0, n['platform.online_interviews']!);
  n['platform.policy_interpretations'] = rng.int(0, 40 * big);
  n['platform.weibo_wechat_responses'] = rng.int(0, 12 * big);
  return n;
}

// ---------------------------------------------------------------- printing

export interface PrintStyle {
  /** How a zero prints where `zeroWhere` says so (default everywhere '0'). */
  zeroAs?: string;
  zeroWhere?: (id: string) => boolean;
  /** `+12` for positive 本年增/减. */
  plusSign?: boolean;
  /** `1,234` for numbers of 1000 and more. */
  thousands?: boolean;
  /** Unit written after 采购总金额 (Shanghai: `251000元`). */
  procurementUnit?: string;
  /** Fees in 万元 always with two decimals (`0.00`, `12.50`). */
  feesFixed2?: boolean;
}

export function printNumber(id: string, value: number, style: PrintStyle): string {
  if (value === 0 && style.zeroAs !== undefined && (style.zeroWhere ?? (() => true))(id)) return style.zeroAs;
  let text: string;
  if (id.endsWith('amount_10k_yuan') && style.feesFixed2) text = value.toFixed(2);
  else if (style.thousands && Math.abs(value) >= 1000) text = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  else text = String(value);
  if (id.endsWith('change_this_year') && style.plusSign && value > 0) text = `+${text}`;
  if (id.endsWith('gov_procurement.total_amount') && style.procurementUnit) text += style.procurementUnit;
  return text;
}

export function printAll(numbers: Numbers, style: PrintStyle): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, v] of Object.entries(numbers)) out[id] = printNumber(id, v, style);
  return out;
}

const NOT_APPLICABLE = new Set(['', '-', '－', '—', '——', '/', '／', '无', '不适用']);

/** The truth value of a printed cell: the number as printed, or null for blank / not applicable. */
export function truthOf(printed: string): number | null {
  const text = printed.normalize('NFKC').replace(/\s+/g, '');
  if (NOT_APPLICABLE.has(text)) return null;
  const bare = text.replace(/(万元|元|件|条|次|个|篇)$/, '').replace(/[,，]/g, '');
  const value = Number(bare);
  if (!/^[+-]?\d+(\.\d+)?$/.test(bare) || Number.isNaN(value)) throw new Error(`cannot read printed value "${printed}"`);
  return value;
}
