import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../src/catalogue/index.ts';
import { recordJsonSchema } from '../src/export/json-schema.ts';
import { RecordSchema } from '../src/model/record.ts';

type Json = { [key: string]: unknown };

const generated = recordJsonSchema();
const schema = JSON.parse(generated) as Json;

/** Follow a local `#/$defs/...` reference. */
function resolve(node: unknown): Json {
  const ref = (node as Json).$ref;
  if (typeof ref !== 'string') return node as Json;
  return ref.replace(/^#\//u, '').split('/').reduce<Json>((n, key) => n[key] as Json, schema);
}

/** A hand check of an object's keys against `propertyNames` / `additionalProperties: false`. */
function acceptsKeys(objectSchema: Json, keys: string[]): boolean {
  const names = objectSchema.propertyNames ? resolve(objectSchema.propertyNames).enum : undefined;
  if (Array.isArray(names) && keys.some((k) => !names.includes(k))) return false;
  const props = Object.keys((objectSchema.properties as Json | undefined) ?? {});
  if (objectSchema.additionalProperties === false && keys.some((k) => !props.includes(k))) return false;
  return true;
}

const properties = schema.properties as Record<string, Json>;

describe('schema/record.schema.json', () => {
  it('is up to date with RecordSchema', () => {
    const committed = readFileSync(new URL('../schema/record.schema.json', import.meta.url), 'utf8');
    expect(committed, 'schema/record.schema.json is stale: run npm run schema').toBe(generated);
  });

  it('is deterministic, titled, without $id, and ends with a newline', () => {
    expect(recordJsonSchema()).toBe(generated);
    expect(generated.endsWith('}\n')).toBe(true);
    expect(schema.title).toBe('nianbao record');
    expect(generated).not.toContain('"$id"');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('lists exactly the field ids of fields.tsv, once, shared by fields, provenance and checks', () => {
    expect(resolve({ $ref: '#/$defs/FieldId' }).enum).toEqual([...FIELD_IDS]);
    expect(resolve(properties.fields!.propertyNames).enum).toEqual([...FIELD_IDS]);
    expect(resolve(properties.provenance!.propertyNames).enum).toEqual([...FIELD_IDS]);
    const check = (properties.checks!.items as Json).properties as Record<string, Json>;
    expect(resolve(check.cells!.items).enum).toEqual([...FIELD_IDS]);
    expect(generated.split(`"${FIELD_IDS[0]}"`)).toHaveLength(2); // the enum is written once
  });

  it('rejects a field id not in fields.tsv, as RecordSchema does', () => {
    const bogus = 'applications.new_received.martians';
    expect(acceptsKeys(properties.fields!, [FIELD_IDS[0]!, FIELD_IDS[1]!])).toBe(true);
    expect(acceptsKeys(properties.fields!, [FIELD_IDS[0]!, bogus])).toBe(false);
    expect(acceptsKeys(properties.provenance!, [bogus])).toBe(false);

    const base = {
      source: { path: 'x.pdf', sha256: 'a'.repeat(64), format: 'pdf' },
      status: 'ok',
      report: { agency: null, year: 2024, template: '2021' },
      fields: { [FIELD_IDS[0]!]: 1 },
      derived: {},
      checks: [],
      provenance: {},
      extra_rows: [],
      warnings: [],
      error: null,
      extractor: { name: 'nianbao', version: '0.1.0' },
    };
    expect(RecordSchema.safeParse(base).success).toBe(true);
    expect(RecordSchema.safeParse({ ...base, fields: { [bogus]: 1 } }).success).toBe(false);
  });

  it('closes the record: unknown top-level keys are rejected and every key is required', () => {
    const keys = Object.keys(RecordSchema.shape);
    expect(schema.required).toEqual(keys);
    expect(acceptsKeys(schema, keys)).toBe(true);
    expect(acceptsKeys(schema, [...keys, 'notes'])).toBe(false);
  });
});
