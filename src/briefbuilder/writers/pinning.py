"""A variable font made static with HarfBuzz's instancer: every axis pinned, no glyph dropped.

HarfBuzz pins a subset face in a millisecond or two where fontTools' instancer takes 25 to
75 ms; the outlines agree to half a font unit (rounding), advances, metrics, glyph order and
character map exactly.
"""

from __future__ import annotations

from collections.abc import Mapping

import uharfbuzz as hb  # type: ignore[import-untyped]


def keep_everything() -> hb.SubsetInput:
    """A request that keeps every glyph, table, name and feature."""
    request = hb.SubsetInput()
    request.keep_everything()
    return request


def pin(source: bytes, location: Mapping[str, float | None],
        request: hb.SubsetInput | None = None) -> bytes:
    """`source` with each axis at `location` (user coordinates; an axis it does not name,
    or names as None, at its default); ValueError when HarfBuzz cannot make it."""
    face = hb.Face(hb.Blob(source))
    request = request or keep_everything()
    for axis in face.axis_infos:
        value = location.get(axis.tag)
        if not request.pin_axis_location(face, axis.tag,
                                         axis.default_value if value is None else value):
            raise ValueError(f"HarfBuzz could not pin the font's {axis.tag} axis")
    try:
        return bytes(hb.subset(face, request).blob.data)
    except RuntimeError as exc:  # HarfBuzz says only that it failed
        raise ValueError(f"HarfBuzz could not pin the font's axes: {exc}") from None
