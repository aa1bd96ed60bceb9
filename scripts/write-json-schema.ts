/** npm run schema: regenerate schema/record.schema.json from the zod RecordSchema. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordJsonSchema } from '../src/export/json-schema.ts';

const target = new URL('../schema/record.schema.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, recordJsonSchema());
console.log(`wrote ${fileURLToPath(target)}`);
