/**
 * schema/record.schema.json, generated from RecordSchema (the single source of truth) by
 * `npm run schema`. A test checks that the committed file matches this output.
 */
import { z } from 'zod';
import { FIELD_IDS } from '../catalogue/index.ts';
import { RecordSchema } from '../model/record.ts';

const FIELD_ID_DEF = {
  type: 'string',
  description: 'a field id of fields.tsv; no other id is ever written',
  enum: [...FIELD_IDS],
};
const FIELD_ID_REF = { $ref: '#/$defs/FieldId' };

/** The record's JSON Schema (draft 2020-12), pretty-printed with a trailing newline. */
export function recordJsonSchema(): string {
  const { $schema, ...body } = z.toJSONSchema(RecordSchema);
  const schema = {
    $schema,
    title: 'nianbao record',
    description:
      'One record per input file, as written by `nianbao extract` (spec/OUTPUT.md). Generated from src/model/record.ts by `npm run schema`; do not edit.',
    ...(refFieldIds(body) as object),
    $defs: { FieldId: FIELD_ID_DEF },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * zod inlines the enum of all field ids wherever it is used (fields, provenance, checks…), which
 * makes the file three times larger and hard to read: point each use at one shared definition.
 */
function refFieldIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(refFieldIds);
  if (node === null || typeof node !== 'object') return node;
  if (isFieldIdEnum(node)) return FIELD_ID_REF;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, refFieldIds(v)]));
}

function isFieldIdEnum(node: object): boolean {
  const { type, enum: values, ...rest } = node as { type?: unknown; enum?: unknown };
  return (
    type === 'string' &&
    Object.keys(rest).length === 0 &&
    Array.isArray(values) &&
    values.length === FIELD_IDS.length &&
    values.every((v, i) => v === FIELD_IDS[i])
  );
}
