/**
 * The field ids of the catalogue (src/catalogue/fields.tsv, the binding list; read as data, no
 * code from src/ is used) and which of them a fixture's truth lists for the tables it contains.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface FieldRow {
  id: string;
  table: string;
  template: string;
}

const TSV = fileURLToPath(new URL('../../src/catalogue/fields.tsv', import.meta.url));

let cache: FieldRow[] | undefined;

export function catalogue(): FieldRow[] {
  if (!cache) {
    const lines = readFileSync(TSV, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
    cache = lines.map((l) => {
      const [id, table, template] = l.split('\t');
      return { id: id!, table: table!, template: template! };
    });
  }
  return cache;
}

export interface TablesPresent {
  /** Template of the T2 table. */
  t2?: '2019' | '2021';
  /** Row set of the application table: '2019' has the single （六） row (also used by hybrids). */
  t3?: '2019' | '2021';
  t4?: boolean;
  platform?: boolean;
}

/** The ids the truth must list, in fields.tsv order. */
export function truthIds(present: TablesPresent): string[] {
  return catalogue()
    .filter((f) => {
      switch (f.table) {
        case 'active_disclosure':
          return present.t2 !== undefined && (f.template === 'both' || f.template === present.t2);
        case 'applications':
          return present.t3 !== undefined && (f.template === 'both' || f.template === present.t3);
        case 'review_litigation':
          return present.t4 === true;
        case 'platform':
          return present.platform === true;
        default:
          return false;
      }
    })
    .map((f) => f.id);
}
