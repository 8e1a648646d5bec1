"""A draft of two footnotes, one citing the other (a NOTEREF field in the note), reviewed
in LibreOffice (tests/review/lo_notes.py): every edit reads back, no note is lost."""

from __future__ import annotations

import subprocess
from pathlib import Path

from briefbuilder.review.detect import find_changes
from briefbuilder.review.read import read_draft
from tests.review.one_brief import draft_of, one_brief

SCRIPT = Path(__file__).resolve().parent / "lo_notes.py"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-uno
BRIEF = """\
title: Probe
date: 2024-10-15
footnotes:
  m: How the survey was made.
  n: "See also the survey note [^m], on sampling."
sections:
  - body:
      - "Wages rose.[^n] And another survey agrees.[^m]"
"""


def test_both_edits_read_back_and_both_notes_are_found(tmp_path: Path) -> None:
    draft, out = tmp_path / "b.en.docx", tmp_path / "reviewed.docx"
    draft.write_bytes(draft_of(one_brief(tmp_path, BRIEF)))
    subprocess.run([SYSTEM_PYTHON, str(SCRIPT), str(draft), str(out), str(tmp_path / "profile")],
                   check=True, timeout=300, capture_output=True)
    found = find_changes(read_draft(out))
    assert [(u.where, u.why) for u in found.unplaced] == []
    assert sorted((c.path, c.new, c.tracked) for c in found.changes) == [
        (("footnotes", "n"), "Compare the survey note [^m], on sampling.", True),
        (("sections", 0, "body", 0), "Wages rose.[^n] And one more survey agrees.[^m]", True)]
