/** 2-D affine matrices as pdf.js writes them: [a, b, c, d, e, f]. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2: apply m2 first, then m1 (pdf.js Util.transform order). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1 as Matrix;
  const [a2, b2, c2, d2, e2, f2] = m2 as Matrix;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = m as Matrix;
  return [a * x + c * y + e, b * x + d * y + f];
}

/** An axis-aligned box in page space (origin top-left, y downwards). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function centre(box: Box): [number, number] {
  return [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
}

export function contains(box: Box, x: number, y: number, tolerance = 0): boolean {
  return x >= box.x0 - tolerance && x <= box.x1 + tolerance && y >= box.y0 - tolerance && y <= box.y1 + tolerance;
}
