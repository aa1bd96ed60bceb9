/**
 * The byte level of the hand-written PDF writer (pdf.ts): numbered objects, Flate streams, the
 * classic xref table with real byte offsets, the trailer; and the fonts such writers use without
 * embedding anything: the Adobe-GB1 standard CID font STSong-Light (/Type0, /UniGB-UCS2-H, so
 * that a character's code is its UCS-2 value) and the base-14 Helvetica for ASCII.
 *
 * Everything is deterministic: no clock, object numbers in creation order, the /ID an MD5 of the
 * body.
 */
import { createHash } from 'node:crypto';
import { zlibSync } from 'fflate';

export type PdfValue = string;

/** A PDF file being assembled: `add` reserves an object number, `set` gives it its body. */
export class PdfFile {
  private bodies: (Uint8Array | undefined)[] = [];

  reserve(): number {
    this.bodies.push(undefined);
    return this.bodies.length;
  }

  set(num: number, dict: string): void {
    this.bodies[num - 1] = latin1(dict);
  }

  add(dict: string): number {
    const n = this.reserve();
    this.set(n, dict);
    return n;
  }

  /** A stream object; `compress` writes it with /FlateDecode (zlib, as PDF wants). */
  stream(data: Uint8Array, extraDict = '', compress = true): number {
    const body = compress ? zlibSync(data, { level: 6 }) : data;
    const dict = `<< /Length ${body.length}${compress ? ' /Filter /FlateDecode' : ''}${extraDict ? ' ' + extraDict : ''} >>\nstream\n`;
    const n = this.reserve();
    this.bodies[n - 1] = concat([latin1(dict), body, latin1('\nendstream')]);
    return n;
  }

  /** The whole file: header, objects, xref table (20-byte entries), trailer. */
  serialize(root: number, info: number): Uint8Array {
    // The second line's high bytes tell transfer tools the file is binary.
    const parts: Uint8Array[] = [latin1('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n')];
    let offset = parts[0]!.length;
    const offsets: number[] = [];
    this.bodies.forEach((body, i) => {
      if (!body) throw new Error(`PDF object ${i + 1} was reserved but never written`);
      const obj = concat([latin1(`${i + 1} 0 obj\n`), body, latin1('\nendobj\n')]);
      offsets.push(offset);
      parts.push(obj);
      offset += obj.length;
    });
    const id = createHash('md5').update(concat(parts)).digest('hex').toUpperCase();
    let xref = `xref\n0 ${this.bodies.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
    xref += `trailer\n<< /Size ${this.bodies.length + 1} /Root ${root} 0 R /Info ${info} 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${offset}\n%%EOF\n`;
    parts.push(latin1(xref));
    return concat(parts);
  }
}

export function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`non-latin1 character in PDF syntax: ${c}`);
    return code;
  });
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A text string for the Info dictionary: UTF-16BE with a byte-order mark, as hex. */
export function pdfTextString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** A number as PDF writes it: at most 3 decimals, no trailing zeros, no -0. */
export function num(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return (r === 0 ? 0 : r).toString();
}

// ---------------------------------------------------------------- fonts

/** Helvetica advance widths (AFM) for ASCII 32–126, in thousandths of an em. */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** ASCII drawn in the CID font: UniGB-UCS2-H maps U+0020–U+007E to CIDs 1–95, given half-width here. */
const CID_ASCII_WIDTH = 500;

export const isAscii = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c >= 0x20 && c <= 0x7e;
};

/** Advance of one character in ems, for the font it will be drawn in. */
export function advance(ch: string, latin: 'cid' | 'helvetica'): number {
  if (!isAscii(ch)) return 1;
  return (latin === 'helvetica' ? HELVETICA_WIDTHS[ch.charCodeAt(0) - 32]! : CID_ASCII_WIDTH) / 1000;
}

export function textWidth(text: string, size: number, latin: 'cid' | 'helvetica'): number {
  let w = 0;
  for (const ch of text) w += advance(ch, latin);
  return w * size;
}

/** UCS-2 big-endian hex of a string, the codes of the CID font under /UniGB-UCS2-H. */
export function ucs2Hex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) throw new Error(`character outside the BMP cannot be written with UniGB-UCS2-H: ${ch}`);
    hex += cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return `<${hex}>`;
}

export function asciiHex(text: string): string {
  let hex = '';
  for (const ch of text) hex += ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  return `<${hex}>`;
}

/**
 * A ToUnicode CMap for the CID font listing every code used. Without one, readers map code →
 * CID → Unicode through Adobe-GB1-UCS2, which folds a Kangxi radical (U+2F06) into the ideograph
 * sharing its glyph (二); producers that write radicals write such a map.
 */
function toUnicodeCMap(codes: number[]): string {
  const hex = (c: number) => `<${c.toString(16).toUpperCase().padStart(4, '0')}>`;
  let body = '';
  for (let i = 0; i < codes.length; i += 100) {
    const chunk = codes.slice(i, i + 100);
    body += `${chunk.length} beginbfchar\n${chunk.map((c) => `${hex(c)} ${hex(c)}`).join('\n')}\nendbfchar\n`;
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
    body +
    'endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n'
  );
}

/** Writes the STSong-Light Type0 font (not embedded); returns its object number. */
export function addCidFont(file: PdfFile, baseFont: string, toUnicodeCodes?: number[]): number {
  const descriptor = file.add(
    `<< /Type /FontDescriptor /FontName /${baseFont} /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`,
  );
  const cidFont = file.add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ` +
      `/FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 ${CID_ASCII_WIDTH}] >>`,
  );
  let toUnicode = '';
  if (toUnicodeCodes) {
    const cmap = file.stream(latin1(toUnicodeCMap([...toUnicodeCodes].sort((a, b) => a - b))));
    toUnicode = ` /ToUnicode ${cmap} 0 R`;
  }
  return file.add(`<< /Type /Font /Subtype /Type0 /BaseFont /${baseFont} /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R]${toUnicode} >>`);
}

export function addHelvetica(file: PdfFile): number {
  return file.add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [${HELVETICA_WIDTHS.join(' ')}] >>`);
}
