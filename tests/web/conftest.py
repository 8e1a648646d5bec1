"""The web editions of the sample and every-block projects, built once for all web tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from ..conftest import PROJECTS, SAMPLE
from ..test_cli import cli

# The pages the tests look at, relative to the output folder.
SAMPLE_EN = "mexico-auto/introduction.en/index.html"
SAMPLE_ES = "mexico-auto/introduction.es/index.html"
EVERY_BLOCK = "every-block/showcase.en/index.html"
EVERY_BLOCK_ES = "every-block/showcase.es/index.html"
PAGES = (SAMPLE_EN, SAMPLE_ES, "mexico-auto/index.html", EVERY_BLOCK, EVERY_BLOCK_ES,
         "every-block/index.html")
FORMATS = ("--format", "web", "--format", "docx")


def every_block_in_two_languages(folder: Path) -> Path:
    """A copy of the every-block project with its Spanish edition (data/showcase.es.yaml)."""
    copy = folder / "every-block"
    shutil.copytree(PROJECTS / "every-block", copy)
    shutil.copy(Path(__file__).parent / "data" / "showcase.es.yaml", copy)
    return copy


def build_web(out: Path, every_block: Path) -> None:
    """Build the sample series and every-block as web pages and Word drafts into out."""
    for content in (SAMPLE, every_block):
        result = cli("build", content, "--out", out, *FORMATS, "-q")
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def every_block(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return every_block_in_two_languages(tmp_path_factory.mktemp("content"))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, every_block: Path) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_web(out, every_block)
    return out


def parse(site: Path, page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((site / page).read_bytes())
