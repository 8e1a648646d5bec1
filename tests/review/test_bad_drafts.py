"""Bad input to review: a clear message naming the draft, exit 1, the YAML untouched."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from tests.review.conftest import BRIEF, run_review
from tests.review.wordlike import DOCUMENT, WordDraft

HINT = "(save the draft as a Word document (.docx) and try again)"


def _not_a_zip(draft: bytes) -> bytes:
    return b"Dear reviewer, here are my notes.\n"


def _truncated(draft: bytes) -> bytes:  # a download that stopped half-way
    return draft[: len(draft) // 2]


def _ole(draft: bytes) -> bytes:  # Word saves a password-protected .docx as an OLE file
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)


def _damaged_part(draft: bytes) -> bytes:
    word = WordDraft.of(draft)
    word.parts[DOCUMENT] = word.parts[DOCUMENT][:4000]
    return word.data()


def _zip_bomb(draft: bytes) -> bytes:
    word = WordDraft.of(draft)
    word.parts["word/media/padding.bin"] = bytes(8 * 1024 * 1024)
    return word.data()


def _not_ours(draft: bytes) -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("A letter written in Word.")
    document.save(out)
    return out.getvalue()


CASES: list[tuple[Callable[[bytes], bytes], str]] = [
    (_not_a_zip, "it is not a .docx file, or it is damaged (File is not a zip file) " + HINT),
    (_truncated, "it is not a .docx file, or it is damaged (File is not a zip file) " + HINT),
    (_ole, "it is encrypted or an old .doc file (remove the password (or save as .docx) in "
           "Word and try again)"),
    (_damaged_part, "its part word/document.xml is damaged (Premature end of data in tag "),
    (_zip_bomb, "its part word/media/padding.bin unpacks to 1028 times its size: a zip bomb "
                + HINT),
    (_not_ours, "it was not made by briefbuilder (it carries no briefbuilder snapshot) "
                "(review a draft that 'briefbuilder build' made)"),
]


@pytest.mark.parametrize(("damage", "message"), CASES, ids=[c[0].__name__[1:] for c in CASES])
def test_a_bad_draft_is_refused_and_the_yaml_untouched(
        damage: Callable[[bytes], bytes], message: str, sample_draft: bytes,
        content: Path) -> None:
    before = (content / BRIEF).read_bytes()
    ran = run_review(damage(sample_draft), content, apply=True)
    draft = content.parent / "reviewed.docx"
    assert ran.code == 1 and ran.out == ""
    assert ran.err.startswith(f"{draft}: cannot review this draft: {message}")
    assert (content / BRIEF).read_bytes() == before


def test_a_draft_of_another_language_is_refused(sample_draft: bytes, content: Path) -> None:
    spanish = content / "mexico-auto" / "introduction.es.yaml"
    before = spanish.read_bytes()
    ran = run_review(sample_draft, spanish, apply=True)
    assert ran.code == 1
    assert ran.err == (f"{content.parent / 'reviewed.docx'}: this draft is of brief "
                       "'introduction' in language 'en' (series 'mexico-auto'), not of "
                       "introduction.es.yaml (review it against "
                       "mexico-auto/introduction.en.yaml)\n")
    assert spanish.read_bytes() == before


def test_a_draft_of_a_brief_not_in_the_content_is_refused(sample_draft: bytes,
                                                          tmp_path: Path) -> None:
    other = tmp_path / "other"
    (other / "s").mkdir(parents=True)
    (other / "s" / "series.yaml").write_text("id: s\ntitle: S\nbriefs: [b]\n")
    ran = run_review(sample_draft, other)
    assert ran.code == 1
    assert ran.err == (f"{tmp_path / 'reviewed.docx'}: the draft was built from "
                       f"mexico-auto/introduction.en.yaml, which is not under {other} "
                       "(name the content folder that holds that series)\n")


def test_the_command_line_refuses_a_bad_draft_without_traceback(tmp_path: Path) -> None:
    draft = tmp_path / "notes.docx"
    draft.write_text("not a draft")
    result = subprocess.run([sys.executable, "-m", "briefbuilder", "review", str(draft),
                             str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (f"{draft}: cannot review this draft: it is not a .docx file, or "
                             f"it is damaged (File is not a zip file) {HINT}\n")


def test_a_brief_file_that_links_outside_its_series_is_refused(sample_draft: bytes,
                                                               content: Path) -> None:
    outside = content.parent / "elsewhere.yaml"
    file = content / BRIEF
    outside.write_bytes(file.read_bytes())
    file.unlink()
    file.symlink_to(outside)
    before = outside.read_bytes()
    ran = run_review(sample_draft, content, apply=True)
    assert ran.code == 1
    assert ran.err == (f"{file}: the brief file links outside its series folder (replace the "
                       "link with the file itself)\n")
    assert outside.read_bytes() == before and file.is_symlink()


def test_json_names_the_refusal_too(sample_draft: bytes, content: Path) -> None:
    ran = run_review(_not_ours(sample_draft), content, as_json=True)
    draft = content.parent / "reviewed.docx"
    assert ran.code == 1
    assert json.loads(ran.out) == {
        "draft": str(draft), "complete": False, "applied": False,
        "problems": [f"{draft}: cannot review this draft: it was not made by briefbuilder (it "
                     "carries no briefbuilder snapshot) (review a draft that 'briefbuilder "
                     "build' made)"]}
