"""Any valid brief writes a .docx that opens and keeps its text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from briefbuilder.model.blocks import Paragraph
from briefbuilder.model.brief import Brief
from briefbuilder.model.series import Edition, Series
from briefbuilder.writers.docx import write_docx
from briefbuilder.writers.typography import straighten

from .docx_helpers import EVERY_BLOCK, editions, open_docx, theme_of

# Printable text, markup characters included; the loader refuses XML-illegal ones.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    "*_[]()<>^\\#&\"' \t"), min_size=1, max_size=60)
THEME = theme_of(editions(EVERY_BLOCK)[0])


@settings(max_examples=40, deadline=None)
@given(title=TEXT, paragraph=TEXT, item=TEXT, heading=TEXT, note=TEXT)
def test_any_valid_text_writes_a_readable_draft(title: str, paragraph: str, item: str,
                                                heading: str, note: str) -> None:
    try:
        brief = Brief.model_validate({
            "title": title, "date": dt.date(2024, 9, 1), "footnotes": {"n": note},
            "sections": [{"body": [paragraph + "[^n]"]},
                         {"heading": heading, "body": [{"numbered": [item, item]},
                                                       {"callout": {"text": item}}]}]})
    except ValidationError:
        assume(False)
        return
    edition = Edition(brief, Series(id="s", title="S", briefs=["b"]), Path("b.en.yaml"), 1, 1)
    document = open_docx(write_docx(edition, THEME))
    first = brief.sections[0].body[0]
    assert isinstance(first, Paragraph)
    # the draft's quotes are typographic (writers/typography.py): compare both straightened
    text = "\n".join(p.text for p in document.paragraphs)
    assert straighten(first.text.plain) in straighten(text)
