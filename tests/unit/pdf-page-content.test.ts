import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/extract/pdf/load.ts';
import { glyphsOfItem, rulingsOf, type Glyph } from '../../src/extract/pdf/page-content.ts';
import { OPS } from '../../src/extract/pdf/pdfjs.ts';
import { A4_VIEWPORT, OpList, bySegment, hSeg, minimalPdf, path, rounded, vSeg } from './pdf-fixtures.ts';

const rulings = (ops: OpList, viewport: number[] = A4_VIEWPORT) => rounded(rulingsOf(ops.fnArray, ops.argsArray, viewport)).sort(bySegment);

/** The viewport transform pdf.js computes for a page of this PDF. */
async function viewportOf(page: { mediaBox?: [number, number, number, number]; rotate?: number }): Promise<number[]> {
  const pdf = await openPdf(minimalPdf([{ content: '', ...page }]));
  try {
    return (await pdf.getPage(1)).getViewport({ scale: 1 }).transform;
  } finally {
    await pdf.destroy();
  }
}

describe('rulingsOf', () => {
  it('maps a stroked rectangle drawn under a flipped matrix (as WPS writes) to page space', () => {
    // WPS: `1 0 0 -1 0 842 cm`, then draws top-down; with the viewport's own flip, its numbers are page space.
    const ops = new OpList().save().transform(1, 0, 0, -1, 0, 842).stroke(path.rect(100, 100, 200, 50)).restore();
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300), vSeg(100, 100, 150), vSeg(300, 100, 150), hSeg(150, 100, 300)].sort(bySegment));
  });

  it('maps a rectangle in plain PDF space (origin bottom-left) through the viewport', () => {
    const ops = new OpList().stroke(path.rect(100, 692, 200, 50)); // top edge at PDF y 742 = page y 100
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300), vSeg(100, 100, 150), vSeg(300, 100, 150), hSeg(150, 100, 300)].sort(bySegment));
  });

  it('restores the matrix on restore', () => {
    const ops = new OpList()
      .save()
      .transform(1, 0, 0, 1, 0, -100)
      .stroke(path.line(100, 742, 300, 742)) // moved down 100: page y 200
      .restore()
      .stroke(path.line(100, 742, 300, 742)); // page y 100
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300), hSeg(200, 100, 300)]);
  });

  it('nests transforms: a second cm composes with the first', () => {
    const ops = new OpList().transform(1, 0, 0, 1, 50, 0).transform(2, 0, 0, 2, 0, 0).stroke(path.line(10, 371, 110, 371));
    // (x, y) → (2x + 50, 2y): x 70…270, PDF y 742 → page y 100.
    expect(rulings(ops)).toEqual([hSeg(100, 70, 270)]);
  });

  it('applies a form XObject matrix inside the form only', () => {
    const ops = new OpList()
      .formBegin([1, 0, 0, 1, 50, -20])
      .stroke(path.line(100, 742, 300, 742)) // inside: x + 50, 20 lower
      .formEnd()
      .stroke(path.line(100, 742, 300, 742));
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300), hSeg(120, 150, 350)]);
  });

  it('keeps the state a form changed inside it (colour, cm) from leaking out', () => {
    const ops = new OpList()
      .formBegin([1, 0, 0, 1, 0, 0])
      .transform(1, 0, 0, 1, 0, -300)
      .strokeColor('#ffffff')
      .formEnd()
      .stroke(path.line(100, 742, 300, 742));
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300)]);
  });

  it('reads a thin filled rectangle as a ruling (Chromium draws borders so)', () => {
    const ops = new OpList()
      .fill(path.rect(100, 741.75, 200, 0.5)) // horizontal, 0.5 high: page y 100
      .fill(path.rect(99.75, 500, 0.5, 242)); // vertical, 0.5 wide: page y 100…342
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300), vSeg(100, 100, 342)].sort(bySegment));
  });

  it('does not read a large filled rectangle (a shaded cell, a background) as a ruling', () => {
    const ops = new OpList().fill(path.rect(100, 600, 200, 100)).fill(path.rect(100, 500, 200, 5));
    expect(rulings(ops)).toEqual([]);
  });

  it('reads each rectangle of one filled path (several `re` before one `f`)', () => {
    const ops = new OpList().fill([...path.rect(100, 741.75, 200, 0.5), ...path.rect(100, 691.75, 200, 0.5)]);
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300), hSeg(150, 100, 300)]);
  });

  it('ignores white strokes and white thin fills, and reads the next black one', () => {
    const ops = new OpList()
      .strokeColor('#ffffff')
      .stroke(path.line(100, 742, 300, 742))
      .fillColor('#FFFFFF')
      .fill(path.rect(100, 691.75, 200, 0.5))
      .strokeColor('#000000')
      .stroke(path.line(100, 642, 300, 642));
    expect(rulings(ops)).toEqual([hSeg(200, 100, 300)]);
  });

  it('reads a grey stroke (not white) as a ruling', () => {
    const ops = new OpList().strokeColor('#808080').stroke(path.line(100, 742, 300, 742));
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300)]);
  });

  it('ignores slanted lines and strokes shorter than 3 pt', () => {
    const ops = new OpList()
      .stroke(path.line(100, 742, 300, 642)) // diagonal
      .stroke(path.line(100, 742, 102, 742)) // 2 pt tick
      .stroke(path.line(100, 700, 100, 698)); // 2 pt tick
    expect(rulings(ops)).toEqual([]);
  });

  it('ignores paths that are not painted (n after a clipping path)', () => {
    const ops = new OpList().paint(OPS.endPath, path.rect(100, 600, 200, 0.5));
    expect(rulings(ops)).toEqual([]);
  });

  it('reads a polyline (m l l l S) segment by segment, and closes a closed sub-path', () => {
    const ops = new OpList().paint(OPS.closeStroke, [0, 100, 742, 1, 300, 742, 1, 300, 692, 1, 100, 692, 4]);
    expect(rulings(ops)).toEqual([hSeg(100, 100, 300), vSeg(100, 100, 150), vSeg(300, 100, 150), hSeg(150, 100, 300)].sort(bySegment));
  });

  it('uses the viewport pdf.js computes for a /Rotate 90 page: a vertical ruling becomes horizontal', async () => {
    const viewport = await viewportOf({ rotate: 90 });
    expect(viewport.map((v) => Math.round(v * 1000) / 1000 + 0)).toEqual([0, 1, 1, 0, 0, 0]);
    // A vertical line at PDF x = 100 from y 100 to 300: the page turned clockwise puts it across the top.
    const ops = new OpList().stroke(path.line(100, 100, 100, 300));
    expect(rulings(ops, viewport)).toEqual([hSeg(100, 100, 300)]);
  });

  it('uses the viewport of an unrotated A4 page as the flip [1, 0, 0, -1, 0, 842]', async () => {
    expect(await viewportOf({})).toEqual(A4_VIEWPORT);
  });
});

// ------------------------------------------------------------------------------------ glyphs

const item = (str: string, transform: number[], width: number, dir = 'ltr', height = 12) => ({ str, transform, width, height, dir, fontName: 'g_d0_f1' });

const xRanges = (glyphs: Glyph[]) => glyphs.map((g) => [g.ch, round(g.x0), round(g.x1)]);
const yRanges = (glyphs: Glyph[]) => glyphs.map((g) => [g.ch, round(g.y0), round(g.y1)]);
const round = (v: number) => Math.round(v * 100) / 100 + 0;

describe('glyphsOfItem', () => {
  it('cuts a CJK item into one-em glyphs left to right, covering its width', () => {
    // '规章' at 12 pt, baseline at PDF y 700 = page y 142.
    const glyphs = glyphsOfItem(item('规章', [12, 0, 0, 12, 100, 700], 24), A4_VIEWPORT);
    expect(xRanges(glyphs)).toEqual([
      ['规', 100, 112],
      ['章', 112, 124],
    ]);
    for (const g of glyphs) {
      expect(g).toMatchObject({ size: 12, angle: 0, vertical: false });
      // Ascent 0.86 above the baseline, descent 0.14 below it.
      expect([round(g.y0), round(g.y1)]).toEqual([131.68, 143.68]);
    }
  });

  it('gives digits half-em advances', () => {
    const glyphs = glyphsOfItem(item('1234', [12, 0, 0, 12, 100, 700], 24), A4_VIEWPORT);
    expect(xRanges(glyphs)).toEqual([
      ['1', 100, 106],
      ['2', 106, 112],
      ['3', 112, 118],
      ['4', 118, 124],
    ]);
  });

  it('shares the width out by the estimated advances in a mixed item, scaled to the real width', () => {
    // 第 (1) 1 (0.5) 条 (1): nominal 30, drawn 25 wide (a condensed font): every advance × 5/6.
    const glyphs = glyphsOfItem(item('第1条', [12, 0, 0, 12, 100, 700], 25), A4_VIEWPORT);
    expect(xRanges(glyphs)).toEqual([
      ['第', 100, 110],
      ['1', 110, 115],
      ['条', 115, 125],
    ]);
  });

  it('skips spaces inside an item but keeps their advance', () => {
    const glyphs = glyphsOfItem(item('a b', [12, 0, 0, 12, 100, 700], 18), A4_VIEWPORT);
    expect(xRanges(glyphs)).toEqual([
      ['a', 100, 106],
      ['b', 112, 118],
    ]);
  });

  it('gives no glyphs for whitespace items and empty ones (whatever width they claim)', () => {
    expect(glyphsOfItem(item(' ', [12, 0, 0, 12, 100, 700], 500), A4_VIEWPORT)).toEqual([]);
    expect(glyphsOfItem(item('\u3000 \t', [12, 0, 0, 12, 100, 700], 36), A4_VIEWPORT)).toEqual([]);
    expect(glyphsOfItem(item('', [12, 0, 0, 12, 100, 700], 0), A4_VIEWPORT)).toEqual([]);
  });

  it('takes the font size from the matrix (a scaled text matrix, not Tf, sets the size)', () => {
    const glyphs = glyphsOfItem(item('规', [10.5, 0, 0, 10.5, 100, 700], 10.5), A4_VIEWPORT);
    expect(glyphs[0]!.size).toBeCloseTo(10.5);
  });

  it('stacks a vertical-writing item (dir ttb) downwards from its origin', () => {
    const glyphs = glyphsOfItem(item('公开', [12, 0, 0, 12, 100, 700], 12, 'ttb', 24), A4_VIEWPORT);
    expect(glyphs.every((g) => g.vertical && g.angle === 0)).toBe(true);
    expect(yRanges(glyphs)).toEqual([
      ['公', 142, 154],
      ['开', 154, 166],
    ]);
    // Same column.
    expect(glyphs[0]!.x0).toBe(glyphs[1]!.x0);
    expect(glyphs[0]!.x1 - glyphs[0]!.x0).toBe(12);
  });

  it('gives angle 90 to text running down the page, its glyphs stacked downwards', () => {
    // PDF matrix [0 -12 12 0]: the baseline points down the page (text turned clockwise).
    const glyphs = glyphsOfItem(item('规章', [0, -12, 12, 0, 100, 700], 24), A4_VIEWPORT);
    expect(glyphs.map((g) => g.angle)).toEqual([90, 90]);
    expect(yRanges(glyphs)).toEqual([
      ['规', 142, 154],
      ['章', 154, 166],
    ]);
    // The glyphs' tops point right: the box spans from descent left of the baseline to ascent right of it.
    expect([round(glyphs[0]!.x0), round(glyphs[0]!.x1)]).toEqual([98.32, 110.32]);
  });

  it('gives angle 270 to text running up the page', () => {
    const glyphs = glyphsOfItem(item('规章', [0, 12, -12, 0, 100, 700], 24), A4_VIEWPORT);
    expect(glyphs.map((g) => g.angle)).toEqual([270, 270]);
    expect(yRanges(glyphs)).toEqual([
      ['规', 130, 142],
      ['章', 118, 130],
    ]);
  });

  it('gives angle 180 to upside-down text', () => {
    const glyphs = glyphsOfItem(item('规', [-12, 0, 0, -12, 100, 700], 12), A4_VIEWPORT);
    expect(glyphs[0]!.angle).toBe(180);
  });

  it('reads text on a /Rotate 90 page upright (the viewport turns it with the page)', () => {
    // On a page the viewer turns clockwise, the producer draws text running up the sheet.
    const glyphs = glyphsOfItem(item('规章', [0, 12, -12, 0, 300, 100], 24), [0, 1, 1, 0, 0, 0]);
    expect(glyphs.map((g) => g.angle)).toEqual([0, 0]);
    expect(xRanges(glyphs)).toEqual([
      ['规', 100, 112],
      ['章', 112, 124],
    ]);
  });
});
