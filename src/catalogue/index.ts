/**
 * The catalogue: field ids (fields.tsv, the output contract, a copy of ../shared/spec/fields.tsv)
 * and the printed labels that map onto them (labels.json). Both are data; this module only loads
 * them and answers questions about them.
 */
import { readFileSync } from 'node:fs';
import labels from './labels.json' with { type: 'json' };

export type TableKind = 'active_disclosure' | 'applications' | 'review_litigation' | 'platform';
export type FieldTemplate = '2019' | '2021' | 'both' | 'zhejiang';

export interface FieldDef {
  id: string;
  table: TableKind;
  template: FieldTemplate;
  /** Chinese label path, as in fields.tsv (`第二十条第（一）项›规章›本年制发件数`). */
  labelPath: string;
  kind: string;
}

function loadFields(): FieldDef[] {
  const text = readFileSync(new URL('./fields.tsv', import.meta.url), 'utf8');
  const [header, ...lines] = text.split(/\r?\n/u).filter((l) => l.trim().length > 0);
  if (header?.split('\t').join(',') !== 'id,table,template,label_path,kind') {
    throw new Error('fields.tsv: unexpected header');
  }
  return lines.map((line) => {
    const [id, table, template, labelPath, kind] = line.split('\t');
    return { id: id!, table: table as TableKind, template: template as FieldTemplate, labelPath: labelPath!, kind: kind! };
  });
}

/** Every field id, in the order of fields.tsv (the CSV column order). */
export const FIELDS: readonly FieldDef[] = loadFields();
export const FIELD_IDS: readonly string[] = FIELDS.map((f) => f.id);
const FIELD_BY_ID = new Map(FIELDS.map((f) => [f.id, f]));

export function fieldDef(id: string): FieldDef | undefined {
  return FIELD_BY_ID.get(id);
}

export function isFieldId(id: string): boolean {
  return FIELD_BY_ID.has(id);
}

/** Label paths for `--header zh`, without the 2019/2021 remarks in brackets. */
export function chineseHeader(id: string): string {
  const def = FIELD_BY_ID.get(id);
  if (!def) return id;
  return def.labelPath.replace(/ \((?:2019|one row)[^)]*\)/gu, '');
}

export const LABELS = labels;

/** Which table variant a table was printed in: decides which ids the record lists for it. */
export type TableVariant = '2019' | '2021';

/**
 * The ids a table of this kind and variant holds. For the application table the variant is
 * decided by （六）其他处理 alone: one row ('2019') or three sub-rows ('2021').
 */
export function expectedFieldIds(table: TableKind, variant: TableVariant | null): string[] {
  return FIELDS.filter((f) => {
    if (f.table !== table) return false;
    if (f.template === 'both' || f.template === 'zhejiang') return true;
    return f.template === variant;
  }).map((f) => f.id);
}

/**
 * The official printed label of an application-table row (its last label in fields.tsv):
 * `denied.state_secret` → `1.属于国家秘密`. Used to catch typos in full labels.
 */
export function officialRowLabel(rowId: string): string | undefined {
  const path = FIELD_BY_ID.get(`applications.${rowId}.natural_person`)?.labelPath;
  return path?.split(' × ')[0]?.split('›').at(-1)?.replace(/ \(.*\)$/u, '');
}
