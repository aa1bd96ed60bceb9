/** Name and version of this extractor, written into every record so that results can be traced. */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const EXTRACTOR = { name: 'nianbao' as const, version: pkg.version };
