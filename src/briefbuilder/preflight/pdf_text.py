"""Turning the bytes a PDF content stream shows back into text, through each font's ToUnicode."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

_HEX = r"<([0-9A-Fa-f]*)>"
_CODESPACE = re.compile(r"begincodespacerange\s+" + _HEX)
_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_RANGE = re.compile(_HEX + r"\s*" + _HEX + r"\s*(" + _HEX + r"|\[[^\]]*\])")


@dataclass(frozen=True)
class FontDecoder:
    """A font's code width (1 or 2 bytes), its code -> text map (empty: latin-1), and each
    code's advance in thousandths of the font size (missing codes: default_advance)."""

    width: int
    chars: dict[int, str]
    advances: dict[int, float] = field(default_factory=dict)
    default_advance: float = 0.0

    def codes(self, data: bytes) -> list[int]:
        return [int.from_bytes(data[i:i + self.width], "big")
                for i in range(0, len(data), self.width)]

    def decode(self, data: bytes) -> str:
        if not self.chars:
            return data.decode("latin-1")
        return "".join(self.chars.get(code, "\ufffd") for code in self.codes(data))

    def glyphs(self, data: bytes) -> list[tuple[str, float]]:
        """Each shown code's text and advance (thousandths of the font size)."""
        return [(self.chars.get(code, "\ufffd") if self.chars else chr(code),
                 self.advances.get(code, self.default_advance)) for code in self.codes(data)]


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")


def parse_cmap(text: str) -> FontDecoder:
    """A ToUnicode CMap's bfchar and bfrange entries."""
    space = _CODESPACE.search(text)
    width = max(1, len(space.group(1)) // 2) if space else 2
    chars: dict[int, str] = {}
    for block in _BFCHAR.findall(text):
        pairs = re.findall(_HEX, block)
        for source, target in zip(pairs[::2], pairs[1::2], strict=False):
            chars[int(source, 16)] = _utf16(target)
    for block in _BFRANGE.findall(text):
        for low, high, target, _ in _RANGE.findall(block):
            start, end = int(low, 16), int(high, 16)
            if target.startswith("["):
                for offset, item in enumerate(re.findall(_HEX, target)):
                    chars[start + offset] = _utf16(item)
                continue
            base = bytes.fromhex(target.strip("<>"))
            first = int.from_bytes(base, "big")
            for offset in range(end - start + 1):
                value = (first + offset).to_bytes(len(base), "big")
                chars[start + offset] = value.decode("utf-16-be", errors="replace")
    return FontDecoder(width, chars)


def font_decoder(font: Any) -> FontDecoder:
    """The decoder of a font dictionary: its ToUnicode (else one byte per character) and
    its glyph advances."""
    to_unicode = font.get("/ToUnicode")
    if to_unicode is None:
        width = 2 if str(font.get("/Subtype")) == "/Type0" else 1
        decoder = FontDecoder(width, {})
    else:
        decoder = parse_cmap(to_unicode.read_bytes().decode("latin-1"))
    if "/DescendantFonts" in font:
        cid_font = font.DescendantFonts[0]
        return replace(decoder, advances=_cid_widths(cid_font.get("/W", [])),
                       default_advance=float(cid_font.get("/DW", 1000)))
    first = int(font.get("/FirstChar", 0))
    widths = {first + i: float(w) for i, w in enumerate(font.get("/Widths", []))}
    missing = float(font.get("/FontDescriptor", {}).get("/MissingWidth", 0))
    return replace(decoder, advances=widths, default_advance=missing)


def _cid_widths(w: Any) -> dict[int, float]:
    """A CID font's /W array: 'c [w1 w2 ...]' and 'c_first c_last w' entries."""
    items = list(w)
    widths: dict[int, float] = {}
    index = 0
    while index + 1 < len(items):
        start, following = int(items[index]), items[index + 1]
        if isinstance(following, int | float | Decimal):
            if index + 2 >= len(items):
                break
            for code in range(start, int(following) + 1):
                widths[code] = float(items[index + 2])
            index += 3
        else:
            widths.update((start + i, float(v)) for i, v in enumerate(following))
            index += 2
    return widths
