"""Quote marks the brief writes typographic (a nested quote, a foreign one) print the same
after a reviewer edits other words of their paragraph and the edit is applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.review.conftest import run_review
from tests.review.one_brief import draft_of, one_brief
from tests.review.wordlike import W, WordDraft, replace_words

BRIEF = """\
title: Probe
lang: {lang}
date: 2024-10-15
sections:
  - body:
      - "{text}"
"""


def _printed(draft: bytes) -> str:
    paragraph = WordDraft.of(draft).paragraph("_bb_s0_b0")
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


@pytest.mark.parametrize(("lang", "text", "printed"), [
    ("es", "Citó «la frase \u2018anidada\u2019 entera» aquí.",
     "Citó «la frase \u2018anidada\u2019 entera» allí."),
    ("en", "They said «bonjour» here.", "They said «bonjour» there.")])
def test_untouched_typographic_quotes_print_the_same_after_the_edit(
        tmp_path: Path, lang: str, text: str, printed: str) -> None:
    content = one_brief(tmp_path, BRIEF.format(lang=lang, text=text), lang)
    draft = WordDraft.of(draft_of(content, lang))
    here = "aquí" if lang == "es" else "here"
    replace_words(draft, "_bb_s0_b0", here, "allí" if lang == "es" else "there")
    ran = run_review(draft.data(), content, apply=True)
    assert ran.code == 0, ran.err
    assert _printed(draft_of(content, lang)) == printed
