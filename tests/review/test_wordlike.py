"""Drafts shaped the way Microsoft Word writes them (tests/review/wordlike.py): what review
prints, and what --apply writes."""

from __future__ import annotations

import difflib
from pathlib import Path

import pypandoc

from tests.review.conftest import BRIEF, change_lines, run_review
from tests.review.wordlike import (
    DOCUMENT,
    FOOTNOTES,
    add_comments,
    add_paragraph_after,
    append_text,
    bold_words,
    delete_paragraph,
    insert_footnote,
    lose_bookmark,
    merge_with_next,
    move_paragraph,
    move_words,
    replace_words,
    reviewed,
    split_paragraph,
    type_after,
    untracked_replace,
    word_resave,
)
from tests.writers.docx_helpers import build, editions


def test_a_word_resave_without_edits_shows_no_change(sample_draft: bytes,
                                                     content: Path) -> None:
    before = (content / BRIEF).read_bytes()
    ran = run_review(reviewed(sample_draft, word_resave), content, apply=True)
    assert (ran.code, ran.out, ran.err) == (0, "no changes\n", "")
    assert (content / BRIEF).read_bytes() == before


def test_tracked_edits_become_a_diff_of_exactly_their_lines(sample_draft: bytes,
                                                            content: Path) -> None:
    draft = reviewed(
        sample_draft, word_resave,
        lambda d: replace_words(d, "_bb_s0_b0", "significant proportion", "large share"),
        lambda d: append_text(d, "_bb_s0_b2", " A new sentence closes it."),
        lambda d: delete_paragraph(d, "_bb_s0_b3_u2"),
        lambda d: add_paragraph_after(d, "_bb_s0_b3_u0", "A new item, added in review."),
        lambda d: bold_words(d, "_bb_s0_b4", "four sampled"),
        lambda d: replace_words(d, "_bb_fn1", "International Trade Administration",
                                "The International Trade Administration", FOOTNOTES))
    file = content / BRIEF
    before = file.read_text(encoding="utf-8")
    ran = run_review(draft, content)
    assert ran.code == 0, ran.err
    assert ran.out.splitlines()[:6] == change_lines(
        file, ("19:8", "footnotes.ita", "changed"), ("25:9", "sections[0].body[0]", "changed"),
        ("46:9", "sections[0].body[2]", "changed"),
        ("58:13", "sections[0].body[3].bullets[0]",
         'new text after: "A new item, added in review."'),
        ("68:13", "sections[0].body[3].bullets[2]", "removed"),
        ("73:9", "sections[0].body[4]", "changed"))
    diff = ran.out[ran.out.index("--- a/"):]
    assert "-    International Trade Administration. \"[Mexico's Automotive\n" \
           "+    The International Trade Administration. \"[Mexico's Automotive\n" in diff
    assert "+        including ILAB's technical assistance. A new sentence closes it.\n" in diff
    assert "+            A new item, added in review.\n" in diff
    assert "-            An **emerging good practice** is a process, practice, or system" in diff
    assert "+        **four sampled** multi-year, multi-state interventions.\n" in diff
    assert file.read_text(encoding="utf-8") == before  # no --apply: nothing written
    applied = run_review(draft, content, apply=True)
    assert applied.code == 0 and applied.out.endswith(f"applied to {file}\n")
    after = file.read_text(encoding="utf-8")
    diff_lines = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed = [line for line in diff_lines if line.startswith("- ")]
    added = [line[2:] for line in diff_lines if line.startswith("+ ")]
    assert (len(removed), len(added)) == (12, 9)  # only the changed texts' lines
    assert "        The automotive industry represents a large share of the Mexican" in added
    assert "implementing partners.\n          - >-\n            A new item, added in review.\n" \
           "          - >-\n            **Key insights" in after
    assert before.count("\n#") == after.count("\n#")  # comments kept


def test_a_split_paragraph_becomes_two_and_merged_ones_become_one(
        sample_draft: bytes, content: Path) -> None:
    draft = reviewed(sample_draft,
                     lambda d: split_paragraph(d, "_bb_s0_b1", "Specifically, ILAB"),
                     lambda d: merge_with_next(d, "_bb_s0_b3_u0"))
    ran = run_review(draft, content, apply=True)
    file = content / BRIEF
    assert ran.code == 0, ran.out + ran.err
    assert ran.out.splitlines()[:4] == [
        f"{file}:33:9: sections[0].body[1]: changed",
        f'{file}:33:9: sections[0].body[1]: new text after: "Specifically, ILAB monitors '
        "labor commitments in the United States-Mexico-Canada Agreement (USMCA), with $180 "
        'million allocated for technical assistance projects to aid Mexico in meeting its '
        'labor obligations."',
        f"{file}:58:13: sections[0].body[3].bullets[0]: changed",
        f"{file}:63:13: sections[0].body[3].bullets[1]: removed"]
    text = file.read_text(encoding="utf-8")
    assert "and enforce\n        commitments to support American workers and allow for fair " \
           "competition.\n      - >-\n        Specifically, ILAB monitors" in text
    assert "implementing partners.**Key insights and lessons learned** are" in " ".join(
        text.split())


def test_moves_count_as_deletion_and_insertion(sample_draft: bytes, content: Path) -> None:
    draft = reviewed(sample_draft, lambda d: move_words(d, "_bb_s0_b4", "multi-year, ",
                                                        "_bb_s0_b4", "multi-state "))
    ran = run_review(draft, content, apply=True)
    assert ran.code == 0
    assert "four sampled multi-state multi-year, interventions." in " ".join(
        (content / BRIEF).read_text(encoding="utf-8").split())


def test_an_edit_with_track_changes_off_is_found_and_flagged(sample_draft: bytes,
                                                             content: Path) -> None:
    draft = reviewed(sample_draft,
                     lambda d: untracked_replace(d, "_bb_s0_b4", "four sampled", "five sampled"))
    ran = run_review(draft, content)
    assert ran.out.splitlines()[0] == (
        f"{content / BRIEF}:73:9: sections[0].body[4]: changed "
        "(untracked: made with Track Changes off)")
    assert "+        five sampled multi-year, multi-state interventions.\n" in ran.out


def test_comments_print_at_their_line_with_replies_indented(sample_draft: bytes,
                                                            content: Path) -> None:
    draft = reviewed(sample_draft, word_resave, lambda d: add_comments(
        d, "_bb_s0_b1", "Bureau of International",
        [("Ana Reviewer", "Spell out once?", False), ("Bo Writer", "Done in the intro.", True)]))
    (content.parent / "seen-by-pandoc.docx").write_bytes(draft)
    markdown = pypandoc.convert_file(str(content.parent / "seen-by-pandoc.docx"), "markdown",
                                     extra_args=["--track-changes=all", "--wrap=none"])
    assert '[Spell out once?]{.comment-start id="0" author="Ana Reviewer"' in markdown
    ran = run_review(draft, content)
    assert ran.code == 0
    assert ran.out.splitlines() == [
        f'{content / BRIEF}:34:13: comment by Ana Reviewer (2024-10-02T09:30:00Z) on '
        '"Bureau of International": Spell out once?',
        "    reply by Bo Writer (2024-10-02T09:30:00Z): Done in the intro. [resolved]",
        "no changes"]


def test_text_typed_outside_the_brief_texts_is_listed_and_exits_1(sample_draft: bytes,
                                                                   content: Path) -> None:
    draft = reviewed(
        sample_draft,
        lambda d: type_after(d, DOCUMENT, "Sustainable Growth", " in 2025"),  # the title
        lambda d: type_after(d, "word/header1.xml", "Bureau of International", " (ILAB)"),
        lambda d: replace_words(d, "_bb_s0_b0", "significant proportion", "large share"))
    file = content / BRIEF
    ran = run_review(draft, content, apply=True)
    where = content.parent / "reviewed.docx"
    assert ran.code == 1
    assert ran.out.splitlines()[:3] == [
        f"{file}:25:9: sections[0].body[0]: changed",
        f'{where}: the draft\'s own text "Investing in Mexico\'s Auto Workers for Sustainable '
        'Growth": not placed: "in 2025": it is not a text of the brief (the title, a label or '
        "the date); edit the content or the theme's labels by hand",
        f'{where}: the page header or footer (word/header1.xml): not placed: "(ILAB)": the '
        "masthead, headers and footers come from the theme and the brief's title, date and "
        "labels; edit those by hand"]
    assert "represents a large share of the" in file.read_text(encoding="utf-8")


def test_a_lost_bookmark_is_found_again_by_the_text(sample_draft: bytes,
                                                    content: Path) -> None:
    draft = reviewed(
        sample_draft,
        lambda d: replace_words(d, "_bb_s0_b2", "key insights", "the main insights"),
        lambda d: lose_bookmark(d, "_bb_s0_b2"))
    ran = run_review(draft, content, apply=True)
    assert ran.code == 0
    assert ran.out.splitlines()[0] == f"{content / BRIEF}:46:9: sections[0].body[2]: changed"
    assert "captures the main insights, lessons" in " ".join(
        (content / BRIEF).read_text(encoding="utf-8").split())


def test_a_list_item_moved_in_word_moves_its_yaml_entry(sample_draft: bytes,
                                                        content: Path) -> None:
    file = content / BRIEF
    before = file.read_text(encoding="utf-8")
    draft = reviewed(sample_draft, word_resave,
                     lambda d: move_paragraph(d, "_bb_s0_b3_u0", "_bb_s0_b3_u1"),
                     lambda d: move_paragraph(d, "_bb_s0_b3_u2", None, "_bb_s0_b3_u1"))
    ran = run_review(draft, content, apply=True)
    assert ran.code == 0, ran.out
    assert ran.out.splitlines()[:2] == change_lines(
        file, ("58:13", "sections[0].body[3].bullets[0]", "moved after "
               "sections[0].body[3].bullets[1]"),
        ("68:13", "sections[0].body[3].bullets[2]", "moved to the top of its list"))
    after = file.read_text(encoding="utf-8")
    items = ("- >-\n            An **emerging", "- >-\n            **Key insights",
             "- >-\n            **System actors")
    assert sorted(items, key=after.index) == list(items)
    assert sorted(before.splitlines()) == sorted(after.splitlines())  # lines kept as written
    rebuilt = build(editions(content / "mexico-auto")[0])
    assert run_review(rebuilt, content).out == "no changes\n"


def test_a_list_item_moved_out_of_its_list_is_left_to_the_user(sample_draft: bytes,
                                                               content: Path) -> None:
    draft = reviewed(sample_draft, lambda d: move_paragraph(d, "_bb_s0_b3_u0", "_bb_s0_b4"))
    ran = run_review(draft, content, apply=True)
    assert ran.code == 1
    assert ran.out.splitlines()[0] == (
        f'{content.parent / "reviewed.docx"}: sections[0].body[3].bullets[0]: not placed: '
        '"System actors encompass workers and employers within the automotive industry, labor '
        "unions and associations, civil society, government representatives, academia, and "
        'international implementing partners.": it moved into another list or among other '
        "moved entries; move it in the YAML by hand")


def test_a_paragraph_added_with_track_changes_off_is_found(sample_draft: bytes,
                                                           content: Path) -> None:
    draft = reviewed(
        sample_draft,
        lambda d: add_paragraph_after(d, "_bb_s0_b3_u0", "An untracked item.", tracked=False),
        lambda d: untracked_replace(d, "_bb_s0_b0", "significant", "sizable"),
        lambda d: type_after(d, DOCUMENT, "Sustainable Growth", " Now", tracked=False))
    ran = run_review(draft, content)
    assert ran.code == 1
    assert ran.out.splitlines()[:3] == [
        f"{content / BRIEF}:25:9: sections[0].body[0]: changed (untracked: made with Track "
        "Changes off)",
        f"{content / BRIEF}:58:13: sections[0].body[3].bullets[0]: new text after (untracked: "
        'made with Track Changes off): "An untracked item."',
        f'{content.parent / "reviewed.docx"}: the draft\'s own text "Investing in Mexico\'s '
        'Auto Workers for Sustainable Growth Now": not placed: "Investing in Mexico\'s Auto '
        'Workers for Sustainable Growth Now": it is not a text of the brief (the title, a label '
        "or the date); edit the content or the theme's labels by hand"]


def test_a_footnote_added_in_word_is_listed_not_placed(sample_draft: bytes,
                                                       content: Path) -> None:
    draft = reviewed(sample_draft, lambda d: insert_footnote(
        d, "_bb_s0_b4", "interventions.", "See the evaluation report."))
    ran = run_review(draft, content)
    assert ran.code == 1
    assert ran.out.splitlines() == [
        f'{content.parent / "reviewed.docx"}: sections[0].body[4]: not placed: "To inform the '
        "evaluation, the evaluation team gathered insights from four sampled multi-year, "
        'multi-state interventions.": it holds a footnote added in the draft; add the note '
        "under footnotes: and cite it as [^key] by hand"]


def test_a_comment_on_the_title_points_at_its_words_in_the_file(sample_draft: bytes,
                                                                content: Path) -> None:
    draft = reviewed(sample_draft, lambda d: add_comments(
        d, None, "Investing in Mexico", [("Ana Reviewer", "Shorter title?", False)]))
    ran = run_review(draft, content)
    assert ran.out.splitlines()[0] == (
        f'{content / BRIEF}:1:8: comment by Ana Reviewer (2024-10-02T09:30:00Z) on '
        '"Investing in Mexico": Shorter title?')


def test_a_comment_in_a_footnote_points_at_the_footnote_text(sample_draft: bytes,
                                                             content: Path) -> None:
    draft = reviewed(sample_draft, lambda d: add_comments(
        d, "_bb_fn1", "Trade Administration", [("Ana Reviewer", "Cite the 2024 edition?",
                                                False)], FOOTNOTES))
    ran = run_review(draft, content)
    assert ran.out.splitlines()[0] == (
        f'{content / BRIEF}:20:19: comment by Ana Reviewer (2024-10-02T09:30:00Z) on '
        '"Trade Administration": Cite the 2024 edition?')
