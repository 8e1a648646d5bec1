"""HarfBuzz's static instances: what fontTools' instancer makes, to rounding; fontTools
still makes the ones HarfBuzz cannot."""

from __future__ import annotations

import io
from typing import Any

import fontpkg
import pytest
from fontTools.pens.recordingPen import RecordingPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont
from fontTools.varLib.instancer import instantiateVariableFont

from briefbuilder.writers import fonts
from briefbuilder.writers.pinning import pin


def subset_source(text: str) -> bytes:
    """Public Sans (variable: wght) cut down to `text`, as WeasyPrint hands it over."""
    (path,) = [f.path for f in fontpkg.family("Public Sans").files if f.style == "normal"]
    font = TTFont(path)
    subsetter = Subsetter(Options(glyph_names=True))
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def points(font: TTFont, glyph: str) -> list[tuple[str, tuple[Any, ...]]]:
    pen = RecordingPen()
    font.getGlyphSet()[glyph].draw(pen)
    return pen.value


def close(a: Any, b: Any) -> bool:
    """A point within half a unit of the other; anything else (a component's name) equal."""
    if isinstance(a, tuple) and all(isinstance(n, (int, float)) for n in (*a, *b)):
        return len(a) == len(b) and all(abs(p - q) <= 0.5 for p, q in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize("weight", [400, 700])
def test_the_instance_is_fonttools_to_half_a_unit(weight: int) -> None:
    source = subset_source("Brief 12 of 40, ¿Qué?")
    ours = TTFont(io.BytesIO(pin(source, {"wght": weight})))
    theirs = instantiateVariableFont(TTFont(io.BytesIO(source)), {"wght": weight}, static=True)
    assert "fvar" not in ours and "gvar" not in ours
    assert sorted(ours.keys()) == sorted(theirs.keys())
    assert ours.getGlyphOrder() == theirs.getGlyphOrder()
    assert ours.getBestCmap() == theirs.getBestCmap()
    assert ours["hmtx"].metrics == theirs["hmtx"].metrics
    assert ours["OS/2"].usWeightClass == theirs["OS/2"].usWeightClass == weight
    for glyph in ours.getGlyphOrder():
        mine, other = points(ours, glyph), points(theirs, glyph)
        assert [op for op, _ in mine] == [op for op, _ in other], glyph
        for (_, a), (_, b) in zip(mine, other, strict=True):
            assert all(close(u, v) for u, v in zip(a, b, strict=True)), glyph


def test_an_axis_named_none_or_not_at_all_is_pinned_at_its_default() -> None:
    source = subset_source("Brief")
    default = pin(source, {})
    assert pin(source, {"wght": None}) == default
    assert TTFont(io.BytesIO(default))["OS/2"].usWeightClass == 100  # Public Sans: Thin


def test_what_harfbuzz_cannot_pin_fonttools_instantiates(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="HarfBuzz"):
        pin(b"not a font", {})
    source = TTFont(io.BytesIO(subset_source("Brief")))
    calls = []

    def instancer(font: TTFont, location: dict[str, float], **options: Any) -> TTFont:
        calls.append((location, options))
        return instantiateVariableFont(font, location, **options)

    monkeypatch.setattr(fonts, "pin", lambda *args: pin(b"not a font", {}))
    data = fonts._static(source, {"wght": 700}, {"static": True}, instancer)
    assert calls == [({"wght": 700}, {"static": True})]
    assert TTFont(io.BytesIO(data))["OS/2"].usWeightClass == 700
