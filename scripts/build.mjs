// npm run build (also run by `npm ci` through "prepare"): compiles src/ to dist/ with tsc and
// copies the data files the code reads at run time. bin/nianbao runs dist/ when it is newer than
// every source file, and the TypeScript sources through tsx otherwise.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
mkdirSync(join(root, 'dist', 'catalogue'), { recursive: true });
copyFileSync(join(root, 'src', 'catalogue', 'fields.tsv'), join(root, 'dist', 'catalogue', 'fields.tsv'));
writeFileSync(join(root, 'dist', '.built'), `${new Date().toISOString()}\n`);
