"""The sandbox: a brief may load files from its series folder and its theme, nothing else."""

from __future__ import annotations

import dataclasses
import io
import shutil
import socket
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from briefbuilder.errors import RenderError
from briefbuilder.model.blocks import Figure, FigureBody
from briefbuilder.model.brief import Section
from briefbuilder.model.series import Edition
from briefbuilder.writers.fetcher import SandboxFetcher
from briefbuilder.writers.pdf import write_pdf

from .weasy_helpers import EVERY_BLOCK, load_edition, repo_theme, theme_copy


def edition_with_image(folder: Path, image: str) -> Edition:
    """The every-block edition moved to folder, with one figure naming image, unchecked."""
    edition = load_edition(EVERY_BLOCK)
    figure = Figure.model_construct(figure=FigureBody.model_construct(
        image=image, alt="A chart.", caption=None, credit=None))
    section = Section.model_construct(heading=None, body=[figure])
    brief = edition.brief.model_copy(update={"sections": [section], "folder": folder})
    return dataclasses.replace(edition, brief=brief, path=folder / "showcase.en.yaml")


def image_count(data: bytes) -> int:
    """How many image XObjects a PDF holds."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return sum(1 for obj in pdf.objects
                   if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image")


@pytest.fixture
def series_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "series"
    folder.mkdir()
    shutil.copy(EVERY_BLOCK / "chart.png", folder / "chart.png")
    shutil.copy(EVERY_BLOCK / "chart.png", tmp_path / "outside.png")
    return folder


def test_fetcher_serves_only_allowed_files(tmp_path: Path) -> None:
    inside = tmp_path / "in"
    inside.mkdir()
    (inside / "a.png").write_bytes(b"png")
    (tmp_path / "secret.txt").write_text("secret")
    (inside / "link.png").symlink_to(tmp_path / "secret.txt")
    font = tmp_path / "font.ttf"
    font.write_bytes(b"font")
    fetcher = SandboxFetcher([inside], [font])
    assert fetcher.allowed_path((inside / "a.png").as_uri()) == (inside / "a.png").resolve()
    assert fetcher.allowed_path(font.as_uri()) == font.resolve()
    for url in [
        (tmp_path / "secret.txt").as_uri(),
        (inside / "link.png").as_uri(),
        (inside / ".." / "secret.txt").as_uri(),
        "file:///etc/passwd",
        "http://127.0.0.1/a.png",
        "https://example.org/a.png",
        "data:image/png;base64,AAAA",
        "ftp://example.org/a.png",
        "file://otherhost" + str(inside / "a.png"),
        (inside / "missing.png").as_uri(),
    ]:
        assert fetcher.allowed_path(url) is None, url


def test_fetcher_decodes_a_file_url_once(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret")
    inside = tmp_path / "in"
    inside.mkdir()
    (inside / "a%41.png").write_bytes(b"literal")
    (inside / "aA.png").write_bytes(b"decoded twice")
    fetcher = SandboxFetcher([inside])
    assert fetcher.allowed_path((inside / "a%41.png").as_uri()) == (inside / "a%41.png").resolve()
    assert fetcher.allowed_path(inside.as_uri() + "/%2e%2e/secret.txt") is None
    assert fetcher.allowed_path(inside.as_uri() + "/%252e%252e/secret.txt") is None


def test_fetcher_answers_with_the_checked_file_url(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"png")
    (tmp_path / "sub").mkdir()
    response = SandboxFetcher([tmp_path]).fetch(tmp_path.as_uri() + "/sub/../a.png?v=2#top")
    assert response.url == (tmp_path / "a.png").resolve().as_uri()
    assert response.read() == b"png"
    assert response.content_type == "image/png"


def test_an_image_cannot_be_swapped_for_a_file_outside_at_write_time(
    series_folder: Path,
) -> None:
    # WeasyPrint re-reads JPEG and PNG files from the response URL when it writes the
    # PDF; a once-decoded '%2e%2e' there is a symlinked folder, not the checked '..'.
    Image.new("RGB", (8, 8), "red").save(series_folder / "x.jpg")
    secret = series_folder.parent / "secret"
    secret.mkdir()
    (secret / "x.jpg").write_bytes(b"TOP-SECRET " * 20)
    (series_folder / "sub").mkdir()
    (series_folder / "sub" / "%2e%2e").symlink_to(secret)
    edition = edition_with_image(series_folder, "sub/%252e%252e/x.jpg")
    with pytest.raises(RenderError, match=r"%2e%2e/x\.jpg"):
        write_pdf(edition, repo_theme())


def test_an_image_inside_the_series_folder_renders(series_folder: Path) -> None:
    edition = edition_with_image(series_folder, "chart.png")
    assert image_count(write_pdf(edition, repo_theme())) == 1


def test_an_image_escaping_the_series_folder_is_refused(series_folder: Path) -> None:
    edition = edition_with_image(series_folder, "../outside.png")
    with pytest.raises(RenderError) as caught:
        write_pdf(edition, repo_theme())
    message = str(caught.value)
    assert str(edition.path) in message
    assert "outside.png" in message


def test_a_symlink_out_of_the_series_folder_is_refused(series_folder: Path) -> None:
    (series_folder / "linked.png").symlink_to(series_folder.parent / "outside.png")
    edition = edition_with_image(series_folder, "linked.png")
    with pytest.raises(RenderError, match=r"linked\.png|outside\.png"):
        write_pdf(edition, repo_theme())


def test_a_network_image_is_never_requested(series_folder: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.setblocking(False)
        port = listener.getsockname()[1]
        edition = edition_with_image(series_folder, f"http://127.0.0.1:{port}/x.png")
        with pytest.raises(RenderError, match=f"127.0.0.1:{port}/x.png"):
            write_pdf(edition, repo_theme())
        with pytest.raises(BlockingIOError):
            listener.accept()


def test_a_theme_stylesheet_importing_a_system_file_is_refused(tmp_path: Path) -> None:
    edition = load_edition(EVERY_BLOCK)
    theme = theme_copy(tmp_path, edition)
    (theme.folder / "print.css").write_text('@import url("file:///etc/passwd");\n')
    with pytest.raises(RenderError, match="/etc/passwd") as caught:
        write_pdf(edition, theme)
    assert str(edition.path) in str(caught.value)


def test_a_theme_template_linking_a_system_file_is_refused(tmp_path: Path) -> None:
    edition = load_edition(EVERY_BLOCK)
    theme = theme_copy(tmp_path, edition)
    (theme.folder / "templates").mkdir()
    (theme.folder / "templates" / "colophon.html").write_text(
        '<link rel="stylesheet" href="file:///etc/hostname">'
        '<img src="../../../../../../etc/hostname" alt="x">\n')
    with pytest.raises(RenderError, match="/etc/hostname"):
        write_pdf(edition, theme)


def test_a_theme_stylesheet_may_use_its_own_files(tmp_path: Path) -> None:
    edition = load_edition(EVERY_BLOCK)
    theme = theme_copy(tmp_path, edition)
    Image.new("RGB", (4, 4), "teal").save(theme.folder / "texture.png")
    (theme.folder / "print.css").write_text(
        ".callout { background: url(texture.png) !important; }\n")
    assert image_count(write_pdf(edition, theme)) == 2, "the chart and the texture"
