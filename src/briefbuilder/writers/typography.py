"""The one text pass every writer shares: straight quotes and apostrophes made typographic
in the marks of the brief's language (its labels' ``quotes``)."""

from __future__ import annotations

from functools import cache

from ..model.inline import Emphasis, LineBreak, Link, Span, Strong, Text

APOSTROPHE = "\u2019"
# Every typographic quote back to its straight form, for a review comparing draft and source.
STRAIGHT = str.maketrans({**dict.fromkeys("\u201c\u201d\u201e\u00ab\u00bb", '"'),
                          **dict.fromkeys("\u2018\u2019\u201a\u2039\u203a", "'")})
# After these (or at the start) a quote opens; elsewhere it closes.
OPENING_CONTEXT = " \t\n\u00a0([{\u2014\u2013-/\u201c\u2018\u00ab\u2039"
# ...unless one of these follows it: then it ends what it quotes ("holds ': '.")
CLOSING_CONTEXT = " \t\n\u00a0.,;!?)]}"


def typeset(spans: tuple[Span, ...], quotes: str) -> tuple[Span, ...]:
    """`spans` with each '"' and "'" replaced: `quotes` holds the opening and closing double
    marks, then the single ones (English: U+201C U+201D U+2018 U+2019); an apostrophe
    between letters becomes U+2019 in any language."""
    if not any(_straight(span) for span in spans):
        return spans
    return _Pass(quotes).spans(spans)


def _straight(span: Span) -> bool:
    if isinstance(span, Text):
        return '"' in span.text or "'" in span.text
    if isinstance(span, Strong | Emphasis | Link):
        return any(_straight(child) for child in span.children)
    return False


class _Pass:
    """One walk over spans in reading order, remembering the character before each quote."""

    def __init__(self, quotes: str) -> None:
        self.quotes = quotes
        self.before = ""

    def spans(self, spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(self.span(span) for span in spans)

    def span(self, span: Span) -> Span:
        if isinstance(span, Text):
            text = span.text
            return Text(text="".join(self.char(c, text[i + 1:i + 2]) for i, c in enumerate(text)))
        if isinstance(span, LineBreak):
            self.before = ""
        if isinstance(span, Strong | Emphasis | Link):
            return span.model_copy(update={"children": self.spans(span.children)})
        return span

    def char(self, c: str, after: str) -> str:
        """`c` as set, given the character `after` it in the same text ('' at its end)."""
        opening = (not self.before or self.before in OPENING_CONTEXT) \
            and not (after and after in CLOSING_CONTEXT)
        if c == '"':
            c = self.quotes[0 if opening else 1]
        elif c == "'" and self.before.isalnum() and after.isalnum():
            c = APOSTROPHE
        elif c == "'":
            c = self.quotes[2 if opening else 3]
        self.before = c
        return c


def straighten(text: str, quotes: str = "") -> str:
    """`text` with every typographic quote and apostrophe straight (one character for one);
    `quotes` (a language's four marks, as `typeset` takes them) decide first: Spanish sets
    single quotes as U+201C U+201D, which are double ones elsewhere."""
    return text.translate(_table(quotes))


@cache
def _table(quotes: str) -> dict[int, str]:
    marks = dict(zip(quotes, "\"\"''", strict=False))
    return {**STRAIGHT, **{ord(mark): straight for mark, straight in marks.items()}}
