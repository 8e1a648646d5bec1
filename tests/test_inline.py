"""The inline parser: markup to spans, once; it never crashes and keeps plain text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefbuilder.model.inline import (
    Emphasis,
    FootnoteRef,
    Inline,
    LineBreak,
    Link,
    Strong,
    Text,
    parse_inline,
)

MARKUP = set("*_[]()<>\\^`!#&")


def test_every_span_kind() -> None:
    spans = parse_inline(
        "**Bold** and *em* [a **b**](https://x.org/a) <https://y.org> note[^k] x\\\ny")
    assert spans == (
        Strong(children=(Text(text="Bold"),)),
        Text(text=" and "),
        Emphasis(children=(Text(text="em"),)),
        Text(text=" "),
        Link(href="https://x.org/a",
             children=(Text(text="a "), Strong(children=(Text(text="b"),)))),
        Text(text=" "),
        Link(href="https://y.org", children=(Text(text="https://y.org"),)),
        Text(text=" note"),
        FootnoteRef(key="k"),
        Text(text=" x"),
        LineBreak(),
        Text(text="y"),
    )


def test_raw_html_and_entities_stay_text() -> None:
    assert parse_inline("<b>bold</b> &amp; <script>x</script>") == (
        Text(text="<b>bold</b> &amp; <script>x</script>"),)


def test_escapes_make_markup_literal() -> None:
    assert parse_inline(r"\*not em\* and \[^k]") == (Text(text="*not em* and [^k]"),)


@pytest.mark.parametrize("href", ["#learning-questions", "mailto:a@b.org", "http://x.org"])
def test_allowed_link_targets(href: str) -> None:
    assert Inline.model_validate(f"[x]({href})").links() == [href]


@pytest.mark.parametrize("href", ["javascript:alert(1)", "file:///etc/passwd", "data:x",
                                  "ftp://x.org", "relative/page.html"])
def test_refused_link_targets(href: str) -> None:
    with pytest.raises(ValueError, match="allowed are https:, http:, mailto:"):
        parse_inline(f"[x]({href})")


@pytest.mark.parametrize(("href", "message"), [
    ("http://[::1", "link target 'http://[::1' is not a valid address: Invalid IPv6 URL"),
    ("https:evil.org", "link target 'https:evil.org' names no host; write https://host/path"),
    ("http://", "link target 'http://' names no host; write http://host/path"),
    ("mailto:", "link target 'mailto:' names no address; write mailto:name@example.org"),
])
def test_malformed_link_targets(href: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_inline(f"[x]({href})")
    assert str(caught.value) == message


def test_plain_text_drops_markup_and_footnote_marks() -> None:
    text = Inline.model_validate("**System actors** encompass [x](https://a.b).[^n]")
    assert text.plain == "System actors encompass x."
    assert text.footnote_keys() == ["n"]


@given(st.text())
def test_parser_never_crashes_on_any_text(source: str) -> None:
    try:
        parse_inline(source)
    except ValueError as exc:  # only the documented refusals
        assert "allowed are" in str(exc) or "control character" in str(exc)


@given(st.text(alphabet=st.characters(
    blacklist_characters="".join(MARKUP),
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_plain_text_round_trips(source: str) -> None:
    assert Inline.model_validate(source).plain == source.strip()
