#!/usr/bin/env python3
"""Writes src/normalize/cjk-radicals.json: CJK Radicals Supplement code points (U+2E80-U+2EF3)
mapped to the unified ideograph drawn with the same glyph in Noto Sans CJK SC.

Why: some PDF producers (Chromium among them) map a glyph back to the first code point the
font's cmap gives for it, so 民 comes out as the radical U+2EA0. NFKC folds the Kangxi radicals
(U+2F00-U+2FD5) but not this block. Needs Debian's python3-fonttools and fonts-noto-cjk;
the output is committed.
"""
import json
from pathlib import Path
from fontTools.ttLib import TTCollection

FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
OUT = Path(__file__).resolve().parent.parent / 'src' / 'normalize' / 'cjk-radicals.json'

for font in TTCollection(FONT).fonts:
    if font['name'].getDebugName(1) != 'Noto Sans CJK SC':
        continue
    cmap = font.getBestCmap()
    unified = {}
    for cp, glyph in sorted(cmap.items()):
        if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF:
            unified.setdefault(glyph, cp)
    mapping = {chr(cp): chr(unified[cmap[cp]]) for cp in range(0x2E80, 0x2EF4) if cp in cmap and cmap[cp] in unified}
    OUT.write_text(json.dumps(mapping, ensure_ascii=False, indent=0, sort_keys=True) + '\n', encoding='utf-8')
    print(f'{len(mapping)} radicals written to {OUT}')
    break
