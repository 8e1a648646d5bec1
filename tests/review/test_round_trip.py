"""Round trips: build -> review -> --apply -> rebuild, and what review tells of each step."""

from __future__ import annotations

import json
from pathlib import Path

from briefbuilder.writers.pdf import write_pdf
from tests.review.conftest import BRIEF, run_review
from tests.review.wordlike import (
    add_comments,
    add_paragraph_after,
    append_text,
    replace_words,
    reviewed,
)
from tests.test_cli import cli
from tests.writers.docx_helpers import build, editions, theme_of
from tests.writers.weasy_helpers import pdf_reader


def test_no_edits_change_nothing_byte_for_byte(sample_draft: bytes, content: Path) -> None:
    before = (content / BRIEF).read_bytes()
    ran = run_review(sample_draft, content, apply=True)
    assert (ran.code, ran.out, ran.err) == (0, "no changes\n", "")
    assert (content / BRIEF).read_bytes() == before


def test_edit_apply_rebuild_shows_the_edit_and_no_further_change(sample_draft: bytes,
                                                                 content: Path) -> None:
    draft = reviewed(
        sample_draft,
        lambda d: replace_words(d, "_bb_s0_b0", "significant proportion", "large share"),
        lambda d: append_text(d, "_bb_s0_b2", " A new sentence closes it."),
        lambda d: add_paragraph_after(d, "_bb_s0_b3_u0", "A new item, added in review."))
    assert run_review(draft, content, apply=True).code == 0
    edition = editions(content / "mexico-auto")[0]
    pages = [p.extract_text() for p in pdf_reader(write_pdf(edition, theme_of(edition))).pages]
    text = " ".join(" ".join(pages).split())
    assert "represents a large share of the Mexican economy" in text
    assert "including ILAB\u2019s technical assistance. A new sentence closes it." in text
    assert "A new item, added in review." in text
    rebuilt = build(edition)
    again = run_review(rebuilt, content, apply=True)
    assert (again.code, again.out) == (0, "no changes\n")


def test_a_three_way_merge_applies_what_does_not_overlap(sample_draft: bytes,
                                                         content: Path) -> None:
    """The file changed after the draft was built: a change to another text still applies,
    a change to the same text is a conflict and is not applied."""
    file = content / BRIEF
    text = file.read_text(encoding="utf-8")
    text = text.replace("four sampled multi-year", "four sampled, multi-year")
    file.write_text(text, encoding="utf-8")
    draft = reviewed(
        sample_draft,
        lambda d: replace_words(d, "_bb_s0_b4", "four sampled", "the four sampled"),
        lambda d: replace_words(d, "_bb_s0_b0", "significant proportion", "large share"))
    ran = run_review(draft, content, apply=True)
    assert ran.code == 1
    assert ran.out.splitlines()[:2] == [
        f"{file}:25:9: sections[0].body[0]: changed",
        f"{file}:73:9: sections[0].body[4]: conflict: the file changed this text since the "
        "draft was built"]
    assert ran.out.splitlines()[-2:] == [
        f"note: {file} changed since this draft was built; the draft's changes were merged "
        "with it (three-way)", f"applied to {file}"]
    after = file.read_text(encoding="utf-8")
    assert "represents a large share of the" in after
    assert "four sampled, multi-year, multi-state interventions." in after
    assert "the four sampled multi" not in " ".join(after.split())


def test_json_holds_changes_diff_and_comments(sample_draft: bytes, content: Path) -> None:
    draft = reviewed(
        sample_draft,
        lambda d: replace_words(d, "_bb_s0_b0", "significant proportion", "large share"),
        lambda d: add_comments(d, "_bb_s0_b1", "Bureau of International",
                               [("Ana Reviewer", "Spell out once?", False)]))
    ran = run_review(draft, content, as_json=True)
    report = json.loads(ran.out)
    assert ran.code == 0 and report["complete"] is True and report["applied"] is False
    assert report["changes"] == [{
        "field": "sections[0].body[0]", "line": 25, "column": 9, "action": "edit",
        "old": report["changes"][0]["old"], "new": report["changes"][0]["new"],
        "tracked": True, "status": "placed", "why": "", "to": None}]
    assert report["changes"][0]["new"].startswith(
        "The automotive industry represents a large share of the Mexican economy.")
    assert "+        The automotive industry represents a large share of the Mexican\n" in \
        report["diff"]
    assert report["comments"] == [{
        "line": 34, "column": 13, "author": "Ana Reviewer", "date": "2024-10-02T09:30:00Z",
        "quoted": "Bureau of International", "text": "Spell out once?", "resolved": False,
        "replies": []}]


def test_reviewing_the_spanish_draft_updates_the_spanish_file(content: Path) -> None:
    spanish = next(e for e in editions(content / "mexico-auto") if e.brief.lang == "es")
    english = (content / BRIEF).read_bytes()
    draft = reviewed(build(spanish), lambda d: replace_words(
        d, "_bb_s0_b0", "una proporción significativa", "una gran parte"))
    ran = run_review(draft, content, apply=True)
    file = content / "mexico-auto" / "introduction.es.yaml"
    assert ran.out.splitlines()[0] == f"{file}:26:9: sections[0].body[0]: changed"
    assert "La industria automotriz representa una gran parte de la economía" in " ".join(
        file.read_text(encoding="utf-8").split())
    assert (content / BRIEF).read_bytes() == english


def test_an_applied_english_change_marks_the_spanish_text_until_it_changes(
        sample_draft: bytes, content: Path) -> None:
    draft = reviewed(sample_draft, lambda d: replace_words(
        d, "_bb_s0_b0", "significant proportion", "large share"))
    assert run_review(draft, content, apply=True).code == 0
    spanish = content / "mexico-auto" / "introduction.es.yaml"
    checked = cli("check", content)
    assert checked.returncode == 0
    assert checked.stderr.splitlines() == [
        f"{spanish}:26:9: warning: sections[0].body[0]: needs translation: the text changed in "
        "introduction.en.yaml (a review) (translate the change here)",
        "ok: 2 brief edition(s) valid, 1 warning(s)"]
    text = spanish.read_text(encoding="utf-8")
    spanish.write_text(text.replace("una proporción significativa", "una gran parte"),
                       encoding="utf-8")
    assert cli("check", content).stderr == "ok: 2 brief edition(s) valid, 0 warning(s)\n"


def test_a_text_that_moved_in_the_file_still_takes_its_change(sample_draft: bytes,
                                                              content: Path) -> None:
    """A paragraph added above it in the YAML since the build: the draft's change to the
    paragraph now at body[3] still lands on it (found by its text)."""
    file = content / BRIEF
    text = file.read_text(encoding="utf-8")
    text = text.replace("sections:\n  - body:\n", "sections:\n  - body:\n      - A new opening.\n")
    file.write_text(text, encoding="utf-8")
    draft = reviewed(sample_draft,
                     lambda d: replace_words(d, "_bb_s0_b2", "key insights", "the main insights"))
    ran = run_review(draft, content, apply=True)
    assert ran.code == 0
    assert ran.out.splitlines()[0] == f"{file}:47:9: sections[0].body[3]: changed"
    assert "captures the main insights, lessons" in " ".join(
        file.read_text(encoding="utf-8").split())


def test_the_command_line_reviews_and_applies(sample_draft: bytes, content: Path) -> None:
    draft = content.parent / "reviewed.docx"
    draft.write_bytes(reviewed(sample_draft, lambda d: replace_words(
        d, "_bb_s0_b0", "significant proportion", "large share")))
    shown = cli("review", draft, content, "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["complete"] is True
    applied = cli("review", draft, content, "--apply")
    assert applied.returncode == 0 and applied.stderr == ""
    assert applied.stdout.splitlines()[0] == f"{content / BRIEF}:25:9: sections[0].body[0]: changed"
    assert applied.stdout.endswith(f"applied to {content / BRIEF}\n")


def test_links_the_draft_leaves_out_read_back_unchanged(content: Path) -> None:
    """A link to '#' alone or to no heading prints as its text alone (preflight's
    content.links flags it): the draft holds no link to read back, and reviewing it
    untouched is no change, not the link's removal."""
    file = content / BRIEF
    text = file.read_text(encoding="utf-8")
    edited = text.replace("significant proportion", "[significant](#) [proportion](#nowhere)")
    assert edited != text
    file.write_text(edited, encoding="utf-8")
    ran = run_review(build(editions(content / "mexico-auto")[0]), content, apply=True)
    assert (ran.code, ran.out, ran.err) == (0, "no changes\n", "")
    assert file.read_text(encoding="utf-8") == edited


def test_a_draft_reviewed_again_after_apply_says_already_applied(sample_draft: bytes,
                                                                 content: Path) -> None:
    """Applying the same review twice changes nothing the second time and says why, where
    it said 'conflict: the file changed this text' before."""
    draft = reviewed(sample_draft, lambda d: replace_words(d, "_bb_s0_b0",
                                                          "significant proportion",
                                                          "large share"))
    assert run_review(draft, content, apply=True).code == 0
    applied = (content / BRIEF).read_bytes()
    again = run_review(draft, content, apply=True)
    assert again.code == 0
    assert again.out.splitlines()[0] == (
        f"{content / BRIEF}:25:9: sections[0].body[0]: already applied: the file already "
        "says this")
    assert (content / BRIEF).read_bytes() == applied
