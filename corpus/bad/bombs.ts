/**
 * The zip bombs: ~2 MB files, so not committed. tests/bad-inputs.test.ts builds them in its
 * temporary folder (about a second each); `generate.ts --bombs` writes them into corpus/bad/
 * (git-ignored) for trying the CLI by hand.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipBombDocx, type Expectation } from './lib.ts';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = 'docx/qingshan-county-2021.docx';

export const ZIP_BOMBS: Record<string, { build: () => Buffer; expectation: Expectation }> = {
  'zip-bomb.docx': {
    build: () => zipBombDocx(readFileSync(join(CORPUS, SOURCE))),
    expectation: {
      status: 'failed',
      code: 'TOO_LARGE',
      format: 'docx',
      made: 'test time',
      note: `${SOURCE} whose word/document.xml inflates to 2 GiB (spaces after the XML declaration), its sizes declared truthfully; the file is ~2 MB`,
    },
  },
  'zip-bomb-lying-size.docx': {
    build: () => zipBombDocx(readFileSync(join(CORPUS, SOURCE)), { declaredSize: 9000 }),
    expectation: {
      status: 'failed',
      code: 'TOO_LARGE',
      format: 'docx',
      made: 'test time',
      note: 'the same 2 GiB word/document.xml with 9000 bytes declared in both headers: a reader that trusts the declared size must still stop',
    },
  },
};
