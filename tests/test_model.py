"""The content model, used directly from Python (no YAML)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefbuilder.model import Brief, Bullets, Callout, Figure, Paragraph

BASE = {"title": "T", "date": "2024-09-01"}


def brief(*body: object, **extra: object) -> Brief:
    return Brief.model_validate({**BASE, **extra, "sections": [{"body": list(body)}]})


def test_strings_are_paragraphs_and_mappings_are_blocks() -> None:
    b = brief("Text.", {"bullets": ["a", {"text": "b", "numbered": ["c"]}]},
              {"callout": {"kind": "lesson", "text": "Learned."}})
    paragraph, bullets, callout = b.sections[0].body
    assert isinstance(paragraph, Paragraph) and paragraph.text.plain == "Text."
    assert isinstance(bullets, Bullets)
    assert [c.plain for c in bullets.bullets[1].children] == ["c"]
    assert isinstance(callout, Callout)
    assert isinstance(callout.callout.text[0], Paragraph)


def test_nesting_stops_at_one_level() -> None:
    with pytest.raises(ValidationError, match="expected text, found a mapping"):
        brief({"bullets": [{"text": "a", "bullets": [{"text": "b", "bullets": ["c"]}]}]})


def test_item_holds_one_sublist() -> None:
    with pytest.raises(ValidationError, match="bullets or numbered, not both"):
        brief({"bullets": [{"text": "a", "bullets": ["b"], "numbered": ["c"]}]})


def test_figures_are_found_inside_callouts() -> None:
    fig = {"figure": {"image": "a.png", "alt": "A chart"}}
    b = brief(fig, {"callout": {"text": [fig]}})
    paths = [path for path, f in b.figures() if isinstance(f, Figure)]
    assert paths == [("sections", 0, "body", 0), ("sections", 0, "body", 1, "callout", "text", 0)]


def test_inlines_walk_every_text_field_with_its_path() -> None:
    b = brief({"table": {"caption": "C", "header": ["h"], "rows": [["r"]]}},
              {"projects": {"items": [{"name": "N", "implementer": "I"}]}},
              subtitle="S")
    assert [(path, text.plain) for path, text in b.inlines()] == [
        (("subtitle",), "S"),
        (("sections", 0, "body", 0, "table", "caption"), "C"),
        (("sections", 0, "body", 0, "table", "header", 0), "h"),
        (("sections", 0, "body", 0, "table", "rows", 0, 0), "r"),
        (("sections", 0, "body", 1, "projects", "items", 0, "name"), "N"),
        (("sections", 0, "body", 1, "projects", "items", 0, "implementer"), "I"),
    ]


def test_project_url_scheme_is_checked() -> None:
    with pytest.raises(ValidationError, match="'javascript:'"):
        brief({"projects": {"items": [{"name": "N", "implementer": "I",
                                       "url": "javascript:x"}]}})
