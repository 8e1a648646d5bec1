"""The inline parser: markup to spans, once; it never crashes and keeps plain text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefbuilder.model.inline import (
    _URL_WORD,
    _WORD,
    MAX_WORD,
    Emphasis,
    FootnoteRef,
    Inline,
    LineBreak,
    Link,
    Span,
    Strong,
    Text,
    _build,
    _markdown,
    check_words,
    parse_inline,
    plain_text,
)

MARKUP = set("*_[]()<>\\^`!#&")
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# plain letters and spaces, every character markdown-it may treat specially, other scripts
SOME_OF_EVERYTHING = st.lists(st.sampled_from(
    [*"ab c\t\n\r-:/.", *MARKUP, "**", "[^k]", "](https://x.org)", "\\\n", "é", "中", "\u00a0"]),
).map("".join)


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
    blacklist_characters="".join(MARKUP) + BIDI,  # bidi controls are refused, as meant
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_plain_text_round_trips(source: str) -> None:
    assert Inline.model_validate(source).plain == source.strip()


def markdown_it_spans(source: str) -> tuple[Span, ...] | str:
    """What markdown-it makes of source (every text went through it before the plain-text
    shortcut), or the message of the ValueError it raises."""
    try:
        tokens = _markdown().parseInline(source.strip())
        spans = _build(tokens[0].children or []) if tokens else ()
        check_words(plain_text(spans))
    except ValueError as exc:
        return str(exc)
    return spans


@given(st.one_of(SOME_OF_EVERYTHING, st.text()))
def test_plain_texts_skip_markdown_it_with_the_same_spans(source: str) -> None:
    try:
        spans: tuple[Span, ...] | str = parse_inline(source)
    except ValueError as exc:
        spans = str(exc)
    if not (isinstance(spans, str) and "control character" in spans):  # refused unparsed
        assert spans == markdown_it_spans(source)


def overlong_words(text: str) -> list[str]:
    """check_words' rule, word by word: the words past MAX_WORD outside URLs."""
    return [w for token in text.split() if not _URL_WORD.match(token)
            for w in _WORD.findall(token) if len(w) > MAX_WORD]


@given(st.lists(st.tuples(st.integers(1, 9) | st.integers(MAX_WORD - 1, MAX_WORD + 1),
                          st.sampled_from([" ", "/", "-", "\u2013", "\u3000", "\n", "x"]),
                          st.sampled_from(["", "https://", "(www.", "é"]))))
def test_check_words_refuses_exactly_the_words_past_the_limit(
        words: list[tuple[int, str, str]]) -> None:
    text = "".join(prefix + "w" * length + separator for length, separator, prefix in words)
    try:
        assert check_words(text) == text
        assert overlong_words(text) == []
    except ValueError as exc:
        first = overlong_words(text)[0]
        assert f"the word {first[:20] + '…'!r} is {len(first):,} characters long" in str(exc)
