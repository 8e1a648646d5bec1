"""The font table part (word/fontTable.xml) as XML, and the obfuscated font parts it relates."""

from __future__ import annotations

import hashlib
import uuid
from functools import lru_cache
from typing import Any, cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, PartFactory, XmlPart

from .oxml.fonts import CT_Fonts

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


class FontTablePart(XmlPart):
    """Container part for the `w:fonts` table."""

    @property
    def fonts(self) -> CT_Fonts:
        """The `w:fonts` root element."""
        return cast(CT_Fonts, self.element)

    def add_font(self, data: bytes) -> tuple[str, str]:
        """Relate a new obfuscated font part holding `data`; its relationship id and key."""
        blob, key = obfuscated(data)
        name = self.package.next_partname("/word/fonts/font%d.odttf")
        part = Part(name, OBFUSCATED_FONT, blob, self.package)
        return self.relate_to(part, RT.FONT), key


def font_table_part(document_part: Any) -> FontTablePart:
    """The document's font table part (every draft's base has one)."""
    return cast(FontTablePart, document_part.part_related_by(RT.FONT_TABLE))


def font_key(data: bytes) -> str:
    """A GUID for `data`, derived from its bytes (the same font gets the same key)."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


@lru_cache(maxsize=32)
def obfuscated(data: bytes) -> tuple[bytes, str]:
    """The font part's bytes and key: one bytes object per font and process, so that the
    package deflates it once (stable_zip)."""
    key = font_key(data)
    return obfuscate(data, key), key


def obfuscate(data: bytes, key: str) -> bytes:
    """The font with its first 32 bytes XORed with the key's bytes read backwards
    (ECMA-376 Part 1, 17.8.1); the same operation undoes it."""
    digits = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ digits[i % 16] for i, byte in enumerate(data[:32]))
    return head + data[32:]


PartFactory.part_type_for[CT.WML_FONT_TABLE] = FontTablePart
