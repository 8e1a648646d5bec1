"""A reviewer types over or inside the text of a placeholder link ('#', which the draft
does not write): the link comes back on whole words, never on stray letters."""

from __future__ import annotations

from pathlib import Path

from briefbuilder.review.detect import find_changes
from briefbuilder.review.read import read_draft
from tests.review.one_brief import draft_of, one_brief
from tests.review.wordlike import WordDraft, replace_words

BRIEF = """\
title: Probe
date: 2024-10-15
sections:
  - heading: Key findings
    body:
      - "A [draft link](#) and a [section link](#key-findings), then wages."
"""
REST = " and a [section link](#key-findings), then wages."


def _edited(tmp_path: Path, old: str, new: str) -> str:
    """The brief's paragraph as review reads it after `old` was typed over with `new`."""
    draft = WordDraft.of(draft_of(one_brief(tmp_path, BRIEF)))
    replace_words(draft, "_bb_s0_b0", old, new)
    path = tmp_path / "reviewed.docx"
    path.write_bytes(draft.data())
    [change] = find_changes(read_draft(path)).changes
    return change.new


def test_typing_over_the_link_text_links_no_stray_letters(tmp_path: Path) -> None:
    assert _edited(tmp_path, "draft link", "placeholder") in (
        "A [placeholder](#)" + REST, "A placeholder" + REST)


def test_words_typed_inside_the_link_text_stay_in_the_one_link(tmp_path: Path) -> None:
    assert _edited(tmp_path, "draft link", "draft new link") == "A [draft new link](#)" + REST
