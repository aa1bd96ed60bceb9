/** Pieces every command of the command line shares. */
import type { OutputFormat, OutputOptions } from './output.ts';

export class UsageError extends Error {}

/** Heap limit of each extraction worker: far above what a report needs, far below the machine. */
export const MEMORY_PER_WORKER_MB = 2048;

export function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** A number option: positive (or ≥ 0 with `zero`), integer where asked. */
export function numberOption(name: string, value: string | undefined, fallback: number, { integer = false, zero = false } = {}): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!zero && n === 0) || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be ${integer ? 'a whole number' : 'a number'} ${zero ? '≥ 0' : '> 0'} (got "${value}")`);
  }
  return n;
}

/** The options that say how records are written: extract and export take the same ones. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string' },
  layout: { type: 'string' },
  header: { type: 'string' },
  'no-bom': { type: 'boolean' },
  out: { type: 'string' },
} as const;

export function outputOptions(values: { format?: string | undefined; layout?: string | undefined; header?: string | undefined; 'no-bom'?: boolean | undefined; out?: string | undefined }): OutputOptions {
  return {
    format: choice<OutputFormat>('format', values.format, ['json', 'jsonl', 'csv'], 'json'),
    layout: choice('layout', values.layout, ['wide', 'long'] as const, 'wide'),
    header: choice('header', values.header, ['id', 'zh'] as const, 'id'),
    bom: !values['no-bom'],
    out: values.out,
  };
}
