import { describe, expect, it } from 'vitest';
import { flowWithContinuations } from '../../src/extract/pdf/continuation.ts';
import type { Glyph, PageContent, Segment } from '../../src/extract/pdf/page-content.ts';
import { layoutPage } from '../../src/extract/pdf/page-layout.ts';
import { gridSegments, picture, word } from './pdf-fixtures.ts';

const W = 595;
const H = 842;

/**
 * A page in its upright frame (as the reader turns it to read): a caption, a 2 × 2 ruled table with a
 * header row, a note below.
 */
const upright = {
  segments: gridSegments([60, 300, 420], [100, 130, 160]),
  glyphs: [...word('表一 收到申请情况', 60, 70), ...word('项目', 70, 110), ...word('数量', 310, 110), ...word('新收申请', 70, 140), ...word('25', 310, 140), ...word('注：单位为件。', 60, 190)],
};

type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * The upright frame printed sideways on a portrait page (no /Rotate): with its text running down
 * the page (angle 90) or up it (angle 270). The inverse of the turn page-layout applies.
 */
function sideways(angle: 90 | 270): PageContent {
  const place = <T extends Box>(b: T): T =>
    angle === 90 ? { ...b, x0: W - b.y1, x1: W - b.y0, y0: b.x0, y1: b.x1 } : { ...b, x0: b.y0, x1: b.y1, y0: H - b.x1, y1: H - b.x0 };
  return {
    page: 1,
    width: W,
    height: H,
    segments: upright.segments.map((s: Segment) => place(s)),
    glyphs: upright.glyphs.map((g: Glyph) => ({ ...place(g), angle })),
  };
}

const flowTexts = (content: PageContent) => flowWithContinuations([layoutPage(content)]).map((i) => (i.kind === 'line' ? i.line.text : picture(i.table)));

describe('layoutPage', () => {
  it('fills a ruled table’s cells with the glyphs inside them and leaves the rest as lines', () => {
    const layout = layoutPage({ page: 3, width: W, height: H, ...upright });
    expect(layout.tables).toHaveLength(1);
    expect(layout.tables[0]).toMatchObject({ page: 3, ruled: true, angle: 0, x0: 60, x1: 420, y0: 100, y1: 160 });
    expect(picture(layout.tables[0]!)).toEqual([
      ['项目', '数量'],
      ['新收申请', '25'],
    ]);
    expect(layout.tables[0]!.cells.every((c) => c.page === 3)).toBe(true);
    expect(layout.lines.map((l) => l.text)).toEqual(['表一 收到申请情况', '注：单位为件。']);
  });

  for (const angle of [90, 270] as const) {
    it(`turns a table printed sideways (text at ${angle}°) upright before reading it`, () => {
      const layout = layoutPage(sideways(angle));
      expect(layout.tables).toHaveLength(1);
      expect(layout.tables[0]!.angle).not.toBe(0);
      expect(picture(layout.tables[0]!)).toEqual([
        ['项目', '数量'],
        ['新收申请', '25'],
      ]);
      expect(layout.lines.map((l) => l.text).sort()).toEqual(['表一 收到申请情况', '注：单位为件。'].sort());
    });

    it(`keeps reading order on a sideways page (text at ${angle}°): caption, table, note`, () => {
      expect(flowTexts(sideways(angle))).toEqual([
        '表一 收到申请情况',
        [
          ['项目', '数量'],
          ['新收申请', '25'],
        ],
        '注：单位为件。',
      ]);
    });
  }

  it('keeps reading order on an upright page: caption, table, note', () => {
    expect(flowTexts({ page: 1, width: W, height: H, ...upright })).toEqual([
      '表一 收到申请情况',
      [
        ['项目', '数量'],
        ['新收申请', '25'],
      ],
      '注：单位为件。',
    ]);
  });

  it('reads a page of prose as lines in reading order, with no table', () => {
    const layout = layoutPage({ page: 1, width: W, height: H, segments: [], glyphs: [...word('第二段', 60, 130), ...word('第一段', 60, 100)] });
    expect(layout.tables).toEqual([]);
    expect(layout.lines.map((l) => l.text)).toEqual(['第一段', '第二段']);
  });
});
