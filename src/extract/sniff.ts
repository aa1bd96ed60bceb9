/**
 * What the bytes are, whatever the file is called: government sites serve error pages as .pdf and
 * old .doc files renamed to .docx.
 */
export type SniffedFormat = 'pdf' | 'docx' | 'zip' | 'doc' | 'html' | 'txt' | 'empty' | 'binary';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  const head = bytes.subarray(0, 1024);
  const latin = Buffer.from(head).toString('latin1');
  if (latin.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // The central directory names word/document.xml somewhere in the archive.
    return Buffer.from(bytes).includes('word/document.xml') ? 'docx' : 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  const text = Buffer.from(head).toString('utf8').replace(/^\ufeff/u, '');
  if (/<(?:!doctype\s+html|html|head|body|meta|table|title|div|p)[\s>]/iu.test(text)) return 'html';
  // Text: no NUL bytes and mostly printable.
  if (!head.includes(0)) {
    const controls = [...head].filter((b) => b < 0x09 || (b > 0x0d && b < 0x20)).length;
    if (controls < head.length * 0.02) return 'txt';
  }
  return 'binary';
}
