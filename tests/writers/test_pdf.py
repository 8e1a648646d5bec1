"""The print PDF, read back as a reader and a screen reader would see it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from briefbuilder.model.brief import Brief
from briefbuilder.preflight.pdf_reader import read_pdf
from briefbuilder.writers.pdf import write_pdf, write_print_shop_pdf

from .weasy_helpers import EVERY_BLOCK, REPO, SAMPLE, SEED, load_edition, pdf_reader, theme_of

FOOTNOTE_URL = "https://www.trade.gov/country-commercial-guides/mexico-automotive-industry"


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    edition = load_edition(SAMPLE)
    return write_pdf(edition, theme_of(edition))


@pytest.fixture(scope="module")
def every_block_pdf() -> tuple[bytes, list[logging.LogRecord]]:
    """The every-block fixture's PDF and every WeasyPrint log record of its render."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("weasyprint")
    handler, level = Keep(logging.DEBUG), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        edition = load_edition(EVERY_BLOCK)
        data = write_pdf(edition, theme_of(edition))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return data, records


def fragments(data: bytes, page: int) -> list[tuple[float, str]]:
    """(distance from the top, text) of every text run on a page."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((float(tm[5]), text))

    pdf_reader(data).pages[page].extract_text(visitor_text=visit)
    return found


def letters(text: str) -> str:
    """Only letters and digits, lowercased: compares text across line breaks and quotes."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def test_sample_is_two_us_letter_pages(sample_pdf: bytes) -> None:
    reader = pdf_reader(sample_pdf)
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)


def test_footnote_sits_on_page_one_below_the_body(sample_pdf: bytes) -> None:
    edition = load_edition(SAMPLE)
    body = " ".join(text.plain for _, text in edition.brief.inlines())
    runs = fragments(sample_pdf, 0)
    note_top = next(y for y, text in runs if text.startswith("International Trade Administration"))
    body_runs = [y for y, text in runs if len(text.strip()) > 15 and text.strip() in body]
    assert body_runs, "no body text found on page 1"
    assert note_top > max(body_runs)
    page_one = pdf_reader(sample_pdf).pages[0].extract_text()
    assert re.search(r"Mexicans\.\s?1\s?However", page_one), "footnote call 1 after 'Mexicans.'"


def test_link_annotations_carry_the_footnote_urls(sample_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(sample_pdf)) as pdf:
        uris = [
            str(annot.A.URI) for annot in pdf.pages[0].get("/Annots", [])
            if annot.get("/Subtype") == "/Link" and "/A" in annot
        ]
    assert set(uris) == {FOOTNOTE_URL}
    assert len(uris) >= 2, "both footnote links are clickable"


def _content_ops(page: Any) -> list[tuple[str, list[Any]]]:
    return [(str(op), list(operands)) for operands, op in pikepdf.parse_content_stream(page)]


def test_tagged_with_footers_as_artifacts(sample_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(sample_pdf)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.MarkInfo.Marked)
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        for index, page in enumerate(pdf.pages):
            stack: list[str] = []
            mcids: list[int] = []
            artifact_text = 0
            for op, operands in _content_ops(page):
                if op in ("BDC", "BMC"):
                    stack.append(str(operands[0]))
                    if op == "BDC" and "/MCID" in operands[1]:
                        mcids.append(int(operands[1].MCID))
                elif op == "EMC":
                    stack.pop()
                elif op in ("Tj", "TJ") and "/Artifact" in stack:
                    artifact_text += 1
            assert sorted(mcids) == list(range(len(nums[2 * index + 1])))
            assert artifact_text >= 2, "the running footer is drawn as an artifact"
            for element in nums[2 * index + 1]:
                assert _reaches_root(element, pdf.Root.StructTreeRoot)


def _reaches_root(element: Any, root: Any) -> bool:
    """Whether the element hangs in the tree: each parent lists it among its kids."""
    while element.objgen != root.objgen:
        parent = element.P
        kids = parent.K if isinstance(parent.K, pikepdf.Array) else [parent.K]
        if not any(isinstance(k, pikepdf.Dictionary) and k.objgen == element.objgen
                   for k in kids):
            return False
        element = parent
    return True


def test_language_title_and_metadata(sample_pdf: bytes) -> None:
    edition = load_edition(SAMPLE)
    with pikepdf.open(io.BytesIO(sample_pdf)) as pdf:
        assert str(pdf.Root.Lang) == "en"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        info = pdf.docinfo
        assert str(info.Title) == edition.brief.title
        assert str(info.Author) == "DevTech Systems, Inc."
        assert str(info.Subject) == edition.brief.summary
        assert "USMCA" in str(info.Keywords)
        assert str(info.CreationDate).startswith("D:20240901")
        assert b"pdfuaid:part" in pdf.Root.Metadata.read_bytes()


def test_bookmarks_follow_the_headings(sample_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(sample_pdf)) as pdf, pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        children = [child.title for item in outline.root for child in item.children]
    assert titles == ["Investing in Mexico's Auto Workers for Sustainable Growth"]
    assert children == ["Learning questions"]


def test_fonts_embedded_and_subset(sample_pdf: bytes) -> None:
    names: set[str] = set()
    with pikepdf.open(io.BytesIO(sample_pdf)) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                descriptor = font.DescendantFonts[0].FontDescriptor
                assert "/FontFile2" in descriptor, f"{font.BaseFont} is not embedded"
                names.add(str(font.BaseFont))
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in names), names
    assert any("Merriweather" in name for name in names)
    assert any("Public-Sans" in name for name in names)


def test_every_seed_sentence_is_in_the_text(sample_pdf: bytes) -> None:
    text = letters(" ".join(page.extract_text() for page in pdf_reader(sample_pdf).pages))
    seed = SEED.read_text(encoding="utf-8").replace("¹", "1").replace("\\", "")
    seed = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", seed)  # [text](url) -> text
    seed = re.sub(r"<(https?://[^>]+)>", r"\1", seed)
    sentences = [s for s in re.split(r"(?<=[.?!:])\s+|\n+", seed) if letters(s)]
    missing = [s for s in sentences if letters(s) not in text]
    assert not missing


def test_same_bytes_in_two_processes_cold_and_warm_cache(
    sample_pdf: bytes, tmp_path: Path,
) -> None:
    script = (
        "import hashlib, sys\n"
        "sys.path.insert(0, 'tests/writers')\n"
        "from weasy_helpers import SAMPLE, load_edition, theme_of\n"
        "from briefbuilder.writers.pdf import write_pdf\n"
        "e = load_edition(SAMPLE)\n"
        "print(hashlib.sha256(write_pdf(e, theme_of(e))).hexdigest())\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    digests = [
        subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True, env=env,
                       capture_output=True, text=True).stdout.strip()
        for _ in range(2)
    ]
    assert list((tmp_path / "briefbuilder" / "font-instances").glob("*.ttf")), "cache filled"
    assert digests == [hashlib.sha256(sample_pdf).hexdigest()] * 2


def test_every_block_builds_without_weasyprint_warnings(
    every_block_pdf: tuple[bytes, list[logging.LogRecord]],
) -> None:
    data, records = every_block_pdf
    assert [r.getMessage() for r in records] == []
    assert len(pdf_reader(data).pages) >= 2


def test_every_block_figure_has_its_alt_text(
    every_block_pdf: tuple[bytes, list[logging.LogRecord]],
) -> None:
    with pikepdf.open(io.BytesIO(every_block_pdf[0])) as pdf:
        alts = [str(obj.Alt) for obj in pdf.objects
                if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure"
                and "/Alt" in obj]
    assert alts == ["Bar chart of five bars rising from left to right.",
                    "Votes held rose from 12 in the first quarter to 55 in the fourth; "
                    "approvals followed closely.",
                    "A line through three states, highest in Guanajuato."]


def test_every_block_links_and_footnotes(
    every_block_pdf: tuple[bytes, list[logging.LogRecord]],
) -> None:
    reader = pdf_reader(every_block_pdf[0])
    uris = {
        str(annot.get_object()["/A"]["/URI"])
        for page in reader.pages for annot in page.get("/Annots", []) or []
        if "/A" in annot.get_object() and "/URI" in annot.get_object()["/A"]
    }
    assert {"https://example.org/notes?a=1&b=2", "https://example.org/page",
            "mailto:team@example.org", "https://example.org/calle"} <= uris
    page_one = reader.pages[0].extract_text()
    assert "The first note, with a link." in page_one
    assert "The second note, in emphasis." in page_one


def _struct_elements(pdf: Any, role: str) -> list[Any]:
    """Every structure element of a role, in document order, walked from the tree root."""
    found: list[Any] = []
    todo = [pdf.Root.StructTreeRoot]
    while todo:
        node = todo.pop(0)
        if node.get("/S") == role:
            found.append(node)
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        todo[0:0] = [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]
    return found


def _note_texts(data: bytes, tmp_path: Path) -> list[str]:
    """The text of each Note element, read as preflight (and a screen reader) reads it."""
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    return [letters(note.text) for note in read_pdf(path).elements("Note")]


def test_footnotes_are_notes_with_unique_ids(
    every_block_pdf: tuple[bytes, list[logging.LogRecord]], tmp_path: Path,
) -> None:
    with pikepdf.open(io.BytesIO(every_block_pdf[0])) as pdf:
        notes = _struct_elements(pdf, "/Note")
        assert [str(note.ID) for note in notes] == ["note-1", "note-2"]
        assert [str(note.P.S) for note in notes] == ["/NonStruct", "/NonStruct"]  # the area
        assert [note.Pg.objgen for note in notes] == [pdf.pages[0].objgen] * 2
        names = list(pdf.Root.StructTreeRoot.IDTree.Names)
        ids = {str(key): element.objgen for key, element in zip(names[::2], names[1::2],
                                                                   strict=True)}
        assert [str(key) for key in names[::2]] == sorted(ids)
        assert [ids[str(note.ID)] for note in notes] == [note.objgen for note in notes]
    assert _note_texts(every_block_pdf[0], tmp_path) == [
        letters("1 The first note, with a link."), letters("2 The second note, in emphasis.")]


def test_header_row_cells_have_column_scope(
    every_block_pdf: tuple[bytes, list[logging.LogRecord]],
) -> None:
    with pikepdf.open(io.BytesIO(every_block_pdf[0])) as pdf:
        headers = _struct_elements(pdf, "/TH")
        assert len(headers) == 3 + 3 + 2  # the table's, then each chart's data table's
        for cell in headers:
            assert str(cell.P.P.S) == "/THead"
            assert (str(cell.A.O), str(cell.A.Scope)) == ("/Table", "/Column")
        cells = _struct_elements(pdf, "/TD")
        assert len(cells) == 9 + 4 * 3 + 3 * 2
        assert all("/Scope" not in cell.A for cell in cells)


def test_sample_footnote_is_a_note(sample_pdf: bytes, tmp_path: Path) -> None:
    with pikepdf.open(io.BytesIO(sample_pdf)) as pdf:
        assert [str(note.ID) for note in _struct_elements(pdf, "/Note")] == ["note-1"]
    [text] = _note_texts(sample_pdf, tmp_path)
    assert text.startswith(letters("1 International Trade Administration"))


def _link_annotations(data: bytes) -> list[tuple[int, str | None, str | None]]:
    """(page index, URI or None, named destination or None) of every link annotation."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Link":
                    continue
                action = annot.get("/A")
                uri = str(action.URI) if action is not None and "/URI" in action else None
                dest = str(annot.Dest) if "/Dest" in annot else None
                found.append((index, uri, dest))
    return found


def test_no_link_annotation_points_at_a_local_file(
    sample_pdf: bytes, every_block_pdf: tuple[bytes, list[logging.LogRecord]],
) -> None:
    for data in (sample_pdf, every_block_pdf[0]):
        links = _link_annotations(data)
        assert links
        assert all(uri or dest for _, uri, dest in links)
        assert [uri for _, uri, _ in links if uri and uri.startswith("file:")] == []


def test_placeholder_links_are_text_and_anchor_links_jump_to_their_heading(
    tmp_path: Path,
) -> None:
    edition = load_edition(EVERY_BLOCK)
    brief = Brief.model_validate({"title": "T", "date": dt.date(2024, 1, 1), "sections": [
        {"body": ["Read the [evaluation report](#), see [the questions](#learning-questions) "
                  "and [nothing](#nowhere).", {"page-break": True}]},
        {"heading": "Learning questions", "body": ["Q."]},
    ]})
    data = write_pdf(dataclasses.replace(edition, brief=brief), theme_of(edition))
    links = _link_annotations(data)
    assert [(page, uri) for page, uri, _ in links] == [(0, None)]  # one link: the anchor
    [(_, _, dest)] = links
    with pikepdf.open(io.BytesIO(data)) as pdf:
        names = list(pdf.Root.Names.Dests.Names)
        targets = {str(key): value for key, value in zip(names[::2], names[1::2], strict=True)}
        assert targets[dest][0].objgen == pdf.pages[1].objgen  # the heading, on page 2
        assert dest == "learning-questions"
    text = letters(pdf_reader(data).pages[0].extract_text())
    assert letters("Read the evaluation report, see the questions and nothing.") in text


def corner_pixel(data: bytes, tmp_path: Path) -> tuple[int, int, int]:
    """The colour of page 1's top-left pixel, rasterized by poppler."""
    source = tmp_path / "page.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "10", "-f", "1", "-l", "1", str(source),
                    str(tmp_path / "page")], check=True)
    ppm = next(tmp_path.glob("page*.ppm")).read_bytes()
    header = ppm.split(maxsplit=4)  # P6, width, height, maxval, pixels
    return header[4][0], header[4][1], header[4][2]


def test_print_shop_profile_bleeds_the_band_and_adds_crop_marks(
    sample_pdf: bytes, tmp_path: Path,
) -> None:
    edition = load_edition(SAMPLE)
    printed = write_print_shop_pdf(edition, theme_of(edition))
    with pikepdf.open(io.BytesIO(printed)) as pdf:
        page = pdf.pages[0]
        assert [float(v) for v in page.TrimBox] == [0, 0, 612, 792]
        assert [float(v) for v in page.MediaBox] == [-9, -9, 621, 801]
    with pikepdf.open(io.BytesIO(sample_pdf)) as pdf:
        assert [float(v) for v in pdf.pages[0].MediaBox] == [0, 0, 612, 792]
    assert len(pdf_reader(printed).pages) == 2
    red, _, blue = corner_pixel(printed, tmp_path)
    assert blue > red + 20 and blue < 140, "the navy band reaches the bleed edge"
