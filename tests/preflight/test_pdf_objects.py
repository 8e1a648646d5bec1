"""Page content read from pikepdf's objects: inherited page attributes, loops, bad parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pdfplumber.utils.exceptions import PdfminerException
from pikepdf import Array, Dictionary, Name

from briefbuilder.preflight import pdf_objects
from briefbuilder.preflight.pdf_reader import read_pages, read_pdf
from briefbuilder.preflight.run import UNREADABLE


def one_page(path: Path, content: bytes,
             more: Callable[[pikepdf.Pdf, Dictionary], None] | None = None) -> Path:
    """A PDF whose one page takes its resources and media box from the page tree above it."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                        BaseFont=Name.Helvetica))
    resources = Dictionary(Font=Dictionary(F1=font))
    if more is not None:
        more(pdf, resources)
    page = pdf.make_indirect(Dictionary(Type=Name.Page, Contents=pdf.make_stream(content)))
    pdf.Root.Pages = pdf.make_indirect(Dictionary(
        Type=Name.Pages, Kids=Array([page]), Count=1, MediaBox=Array([0, 0, 300, 200]),
        Resources=resources))
    page.Parent = pdf.Root.Pages
    pdf.save(path)
    return path


def test_resources_and_media_box_inherited_from_the_page_tree(tmp_path: Path) -> None:
    path = one_page(tmp_path / "a.pdf", b"BT /F1 12 Tf 1 0 0 1 20 150 Tm (Inherited) Tj ET")
    [page] = read_pages(path)
    assert [(run.text, run.x, run.y, run.size) for run in page.runs] == [
        ("Inherited", 20.0, 150.0, 12.0)]
    assert page.trim == (0.0, 0.0, 300.0, 200.0)


def test_a_form_that_draws_itself_is_drawn_once_and_the_page_read_on(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    def looping_form(pdf: pikepdf.Pdf, resources: Dictionary) -> None:
        form = pdf.make_stream(b"/X1 Do")
        form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 10, 10])
        form.Resources = Dictionary(XObject=Dictionary(X1=form))
        resources.XObject = Dictionary(X1=form)

    path = one_page(tmp_path / "b.pdf", b"/X1 Do BT /F1 12 Tf 20 150 Td (After) Tj ET",
                    looping_form)
    [page] = read_pages(path)
    assert [run.text for run in page.runs] == ["After"]
    assert capfd.readouterr().err == ""  # pdfminer's warning about the loop is not printed


def test_a_content_stream_qpdf_cannot_decode_is_an_error(tmp_path: Path) -> None:
    path = one_page(tmp_path / "c.pdf", b"BT /F1 12 Tf (x) Tj ET")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        stream = pdf.pages[0].obj.Contents
        stream.write(b"not flate at all", filter=Name.FlateDecode)
        pdf.save(path)
    with pytest.raises(pikepdf.PdfError):
        read_pages(path)


def test_inline_images_marks_and_colours_as_pdfminer_reads_them(tmp_path: Path) -> None:
    """Operands qpdf parsed go through pdfminer's stack: a colour operator takes as many as
    its colour space has components; an inline image keeps its mark and pixel size."""
    path = one_page(tmp_path / "d.pdf", b"/Figure <</MCID 3>> BDC q 20 0 0 10 50 50 cm "
                    b"BI /W 2 /H 1 /CS /G /BPC 8 ID \x00\xff EI Q EMC "
                    b"/DeviceRGB cs 0.2 0.4 0.6 sc BT /F1 12 Tf 20 150 Td (Blue) Tj ET")
    [page] = read_pages(path)
    assert [(i.pixels, i.points, i.mark.mcid) for i in page.images] == [((2, 1), (20.0, 10.0), 3)]
    assert [(run.text, run.color, run.mark.tagged) for run in page.runs] == [
        ("Blue", "#336699", False)]


def split_contents(path: Path, *parts: bytes) -> Path:
    """The page's content as an array of streams, split where the parts end."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.Contents = Array([pdf.make_stream(part) for part in parts])
        pdf.save(path)
    return path


def test_a_page_split_into_streams_between_any_two_tokens_reads_as_one(tmp_path: Path) -> None:
    path = split_contents(one_page(tmp_path / "e.pdf", b""), b"/P <</MCID 7",
                          b">> BDC BT /F1 12 Tf 20 150 Td [(Hel)", b"(lo)] TJ ET EMC")
    [page] = read_pages(path)
    assert [(run.text, run.mark.mcid) for run in page.runs] == [("Hello", 7)]


def test_names_that_are_not_utf8_are_read_as_pdfminer_reads_them(tmp_path: Path) -> None:
    def latin_font(pdf: pikepdf.Pdf, resources: Dictionary) -> None:
        resources.Font[Name("/F#E9")] = resources.Font.F1

    path = one_page(tmp_path / "f.pdf", b"/Sp#E9n <</MCID 0>> BDC BT /F#E9 12 Tf 20 150 Td "
                    b"(Caf) Tj ET EMC \xe9\xe9", latin_font)
    [page] = read_pages(path)
    assert [(run.text, run.mark.mcid) for run in page.runs] == [("Caf", 0)]


def test_a_rotated_page_has_its_trim_box_turned_with_its_content(tmp_path: Path) -> None:
    path = one_page(tmp_path / "g.pdf", b"BT /F1 12 Tf 20 150 Td (Up) Tj ET")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.Rotate = 90
        pdf.pages[0].obj.TrimBox = Array([10, 20, 290, 190])
        pdf.save(path)
    [page] = read_pages(path)
    assert page.trim == (20.0, 10.0, 190.0, 290.0)  # 200 wide, 300 high once turned


def test_deep_nesting_where_pdfminer_never_reads_is_never_converted(tmp_path: Path) -> None:
    path = one_page(tmp_path / "h.pdf", b"BT /F1 12 Tf 20 150 Td (Read) Tj ET")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        deep = pikepdf.Object.parse(b"[" * 400 + b"1" + b"]" * 400)
        pdf.pages[0].obj.PieceInfo = Dictionary(X=deep)
        pdf.save(path)
    [page] = read_pages(path)
    assert [run.text for run in page.runs] == ["Read"]


def test_content_qpdf_parses_only_in_part_is_an_error_not_a_shorter_page(
        tmp_path: Path) -> None:
    path = one_page(tmp_path / "i.pdf", b"BT /F1 12 Tf 20 150 Td (Kept) Tj ET "
                    + b"[" * 501 + b"]" * 501 + b" BT /F1 12 Tf 20 100 Td (Lost) Tj ET")
    with pytest.raises(PdfminerException, match="Unexpected end"):
        read_pages(path)


def test_forms_drawing_each_other_stop_at_the_operation_budget(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def doubling_forms(pdf: pikepdf.Pdf, resources: Dictionary) -> None:
        inner = None
        for _ in range(22):  # each form draws the next twice: 4 million forms
            form = pdf.make_stream(b"/X Do /X Do" if inner is not None else b"0 0 1 1 re f")
            form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 9, 9])
            if inner is not None:
                form.Resources = Dictionary(XObject=Dictionary(X=inner))
            inner = form
        resources.XObject = Dictionary(X=inner)

    monkeypatch.setattr(pdf_objects, "MAX_OPERATIONS", 10_000)
    path = one_page(tmp_path / "j.pdf", b"/X Do", doubling_forms)
    with pytest.raises(PdfminerException, match="more than 10,000 drawing operations"):
        read_pages(path)


def test_a_password_protected_pdf_is_a_pdf_preflight_cannot_read(tmp_path: Path) -> None:
    path = one_page(tmp_path / "k.pdf", b"BT /F1 12 Tf 20 150 Td (Secret) Tj ET")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="u", owner="o"))
    with pytest.raises(UNREADABLE):  # a "cannot read" finding, not a traceback
        read_pdf(path)


def test_two_coats_of_one_rectangle_are_no_hole_but_a_frame_is(tmp_path: Path) -> None:
    """Even-odd rectangles make a hole only within one path (a border's frame): LibreOffice
    paints each shading twice, as two paths."""
    coats = b"0 0 1 rg 10 10 200 100 re f* 10 10 200 100 re f* "
    frame = b"1 0 0 rg 10 120 200 70 re 20 130 180 50 re f* "
    path = one_page(tmp_path / "l.pdf", coats + frame + b"0 g BT /F1 12 Tf 50 50 Td (On blue)"
                    b" Tj 1 0 0 1 50 150 Tm (In the frame) Tj ET")
    [page] = read_pages(path)
    assert [(run.text, run.background) for run in page.runs] == [
        ("On blue", "#0000FF"), ("In the frame", None)]
