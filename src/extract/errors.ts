/** A file that cannot be extracted, with the record's error code (OUTPUT.md) and a reason a person understands. */
import type { ErrorCode } from '../model/record.ts';

export class ExtractionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
