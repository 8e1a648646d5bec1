"""Drafts made before the snapshot recorded its quote marks (no `quotes` attribute) read
back as they did when they were made: an untouched Spanish draft has no changes."""

from __future__ import annotations

import re
from pathlib import Path

from tests.review.conftest import run_review
from tests.review.one_brief import draft_of, one_brief
from tests.review.wordlike import WordDraft

SPANISH = """\
title: Borrador antiguo
lang: es
date: 2023-05-02
sections:
  - heading: Antes
    body:
      - "Lo llamaron 'la reforma' en 2019."
"""
SNAPSHOT = "customXml/item1.xml"


def test_an_untouched_spanish_draft_without_quote_marks_has_no_changes(tmp_path: Path) -> None:
    content = one_brief(tmp_path, SPANISH, "es")
    draft = WordDraft.of(draft_of(content, "es"))
    draft.parts[SNAPSHOT] = re.sub(rb' quotes="[^"]*"', b"", draft.parts[SNAPSHOT])
    assert b"quotes=" not in draft.parts[SNAPSHOT]  # as drafts were made before
    ran = run_review(draft.data(), content, apply=True)
    assert (ran.code, ran.out.strip()) == (0, "no changes")
    assert "'la reforma'" in (content / "s" / "b.es.yaml").read_text(encoding="utf-8")
