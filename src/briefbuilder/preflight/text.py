"""Comparing text across outputs: letters and digits only, case-folded.

A PDF may show a heading in capitals, hyphenate a word at a line end or curl a
quote; a Word draft keeps the text as written. Both still say the same thing.
"""

from __future__ import annotations

import re

NOT_WORD = re.compile(r"[\W_]+")


def text_key(text: str) -> str:
    """The letters and digits of text, case-folded."""
    return NOT_WORD.sub("", text.casefold())


def same_text(a: str, b: str) -> bool:
    return text_key(a) == text_key(b)


def quoted(text: str, width: int = 60) -> str:
    """text shortened, in single quotes and as it is (no escapes, unlike repr)."""
    return f"'{shorten(text, width)}'"


def shorten(text: str, width: int = 60) -> str:
    """text on one line, cut to width characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
