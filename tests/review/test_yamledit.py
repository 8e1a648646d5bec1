"""Minimal YAML edits: a text rewritten in the style it was written in, nothing else moved."""

from __future__ import annotations

import pytest

from briefbuilder.review.changes import Action, Change
from briefbuilder.review.merge import check_reads_back
from briefbuilder.review.yamledit import EditError, compose, load, locate, replace_text

FILE = """\
# a comment that stays
body:
  - >-
    A folded paragraph that runs over two lines
    of text.
  - plain: A plain text
    single: 'It''s single'
    double: "A \\"double\\" one"
    row: [Coahuila, "3,400"]
"""


def _edited(path: tuple[str | int, ...], value: str) -> str:
    place = locate(FILE, compose(FILE), path)
    start, end, new = replace_text(FILE, place, value)
    edited = FILE[:start] + new + FILE[end:]
    data = load(edited)
    node = data
    for step in path:
        node = node[step]
    assert node == value  # reads back as written
    return edited


@pytest.mark.parametrize(("path", "value", "written"), [
    (("body", 0), "A folded paragraph, edited, that still runs over two lines of text.",
     "  - >-\n    A folded paragraph, edited, that still runs over two\n    lines of text.\n"),
    (("body", 1, "plain"), "Still plain", "  - plain: Still plain\n"),
    (("body", 1, "plain"), "Now: with a colon", '  - plain: "Now: with a colon"\n'),
    (("body", 1, "single"), "It's still single", "    single: 'It''s still single'\n"),
    (("body", 1, "double"), 'A "double" two', '    double: "A \\"double\\" two"\n'),
    (("body", 1, "row", 0), "Coahuila, Saltillo", '    row: ["Coahuila, Saltillo", "3,400"]\n'),
], ids=["folded", "plain", "plain-now-quoted", "single", "double", "in-flow-list"])
def test_a_text_keeps_its_style_and_the_rest_its_bytes(
        path: tuple[str | int, ...], value: str, written: str) -> None:
    edited = _edited(path, value)
    assert written in edited
    assert edited.startswith("# a comment that stays\nbody:\n")
    changed = [line for line in edited.splitlines() if line not in FILE.splitlines()]
    assert all(line in written for line in changed)


def test_an_edit_that_would_not_read_back_is_refused() -> None:
    place = locate(FILE, compose(FILE), ("body", 1, "plain"))
    start, end, _ = replace_text(FILE, place, "x")
    change = Change(Action.EDIT, ("body", 1, "plain"), "A plain text", "x")
    with pytest.raises(EditError, match="would not read back as written"):
        check_reads_back(FILE, [(start, end, '"unterminated')], change)
