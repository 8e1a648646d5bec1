"""A draft reviewed in a real office suite: LibreOffice, driven through UNO with change
recording on (tests/review/lo_review.py, run with Debian's python3 that has `uno`)."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

import pypandoc
import pytest

from tests.review.conftest import BRIEF, change_lines, run_review
from tests.writers.docx_helpers import build, editions

SCRIPT = Path(__file__).resolve().parent / "lo_review.py"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-uno


@pytest.fixture(scope="module")
def lo_draft(sample_draft: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's English draft after the reviewer's edits in LibreOffice, saved .docx."""
    folder = tmp_path_factory.mktemp("libreoffice")
    draft, out = folder / "introduction.en.docx", folder / "reviewed.docx"
    draft.write_bytes(sample_draft)
    subprocess.run([SYSTEM_PYTHON, str(SCRIPT), str(draft), str(out), str(folder / "profile")],
                   check=True, timeout=300, capture_output=True)
    return out


def test_pandoc_reads_the_tracked_changes_too(lo_draft: Path) -> None:
    markdown = pypandoc.convert_file(str(lo_draft), "markdown",
                                     extra_args=["--track-changes=all", "--wrap=none"])
    assert "[significant proportion]{.deletion" in markdown
    assert "[large share]{.insertion" in markdown


def test_review_prints_each_edit_at_its_line(lo_draft: Path, content: Path) -> None:
    file = content / BRIEF
    ran = run_review(lo_draft, content)
    assert ran.code == 0, ran.err
    assert ran.out.splitlines()[:6] == change_lines(
        file, ("19:8", "footnotes.ita", "changed"), ("25:9", "sections[0].body[0]", "changed"),
        ("46:9", "sections[0].body[2]", "changed"),
        ("58:13", "sections[0].body[3].bullets[0]", "changed"),
        ("68:13", "sections[0].body[3].bullets[2]", "removed"),
        ("73:9", "sections[0].body[4]", "changed"))
    for line in ("+    International Trade Administration (ITA). \"[Mexico's Automotive",
                 "+        The automotive industry represents a large share of the Mexican",
                 "+        including ILAB's technical assistance. A new sentence closes it.",
                 "+            automotive industry, trade unions and associations, civil "
                 "society,",
                 "-            An **emerging good practice** is a process, practice, or system "
                 "that",
                 "+        four sampled multi-year, **multi-state** interventions."):
        assert line in ran.out.splitlines()


def test_apply_changes_exactly_those_lines_and_the_rebuilt_draft_is_clean(
        lo_draft: Path, content: Path) -> None:
    file = content / BRIEF
    before = file.read_text(encoding="utf-8").splitlines()
    assert run_review(lo_draft, content, apply=True).code == 0
    after = file.read_text(encoding="utf-8").splitlines()
    changes = [(tag, i1 + 1, i2, j1 + 1, j2) for tag, i1, i2, j1, j2 in
               difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
               if tag != "equal"]
    assert changes == [("replace", 20, 20, 20, 20),  # the footnote's first line
                       ("replace", 26, 29, 26, 29),  # the paragraph, folded again
                       ("replace", 56, 56, 56, 56),  # the sentence added
                       ("replace", 60, 60, 60, 60),  # the list item's words
                       ("delete", 68, 72, 68, 67),  # the list item deleted
                       ("replace", 75, 75, 70, 70)]  # the bold words
    again = run_review(build(editions(content / "mexico-auto")[0]), content)
    assert (again.code, again.out) == (0, "no changes\n")
