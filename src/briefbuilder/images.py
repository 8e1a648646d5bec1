"""Checking an image file completely, before any writer places it: its kind, its size in
pixels, every pixel decoded, and metadata the writers must be able to read.

Pillow is imported by the first check, so loading content without images never imports it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Refusal

if TYPE_CHECKING:
    from PIL import Image

KINDS = ("PNG", "JPEG")
MAX_PIXELS = 40_000_000  # a letter page at 600 dpi is 34 megapixels; more only costs memory
_TIFF_HEADERS = (b"Exif\x00\x00II*\x00", b"Exif\x00\x00MM\x00*")
_RESAVE = "save it again without metadata, or export it again"


def check_image(path: Path, shown: str, role: str = "figure") -> None:
    """Raise Refusal unless path is a PNG or JPEG that decodes whole within MAX_PIXELS;
    shown is the name the user wrote and role what the image is, for the messages."""
    from PIL import Image, UnidentifiedImageError

    export = f"export the {role} as PNG or JPEG"
    with path.open("rb") as handle:
        head = handle.read(1024)
    if _is_svg(head):
        raise Refusal(f"{shown!r} is an SVG drawing; SVG images are not supported yet",
                      f"{export}, at 300 dpi for print")
    with warnings.catch_warnings(record=True) as caught, _strict_pillow():
        warnings.simplefilter("always")
        try:
            with Image.open(path) as image:
                _check_size(image, shown, export)
                image.load()
                if image.format == "JPEG":
                    _check_jpeg(image, head, shown)
        except (UnidentifiedImageError, Image.DecompressionBombError):
            raise Refusal(f"{shown!r} is not a PNG or JPEG image", export) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise _damaged(shown, exc) from None
    for warning in caught:
        if "EXIF" in str(warning.message):
            reason = str(warning.message).strip()
            raise Refusal(f"{shown!r} has damaged EXIF metadata ({reason})", _RESAVE)


def _check_size(image: Image.Image, shown: str, export: str) -> None:
    if image.format not in KINDS:
        raise Refusal(f"{shown!r} is not a PNG or JPEG image (it is {image.format})", export)
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise Refusal(
            f"{shown!r} is too large ({width}x{height}, {width * height / 1e6:,.0f} megapixels; "
            f"the limit is {MAX_PIXELS / 1e6:,.0f})",
            "scale it down; 300 dpi at the printed size is enough")


def _check_jpeg(image: Image.Image, head: bytes, shown: str) -> None:
    """What the Word writer (python-docx) reads of a JPEG: a JFIF or EXIF first block, and
    an EXIF block holding a TIFF structure; reading it makes Pillow warn if it is damaged."""
    if head[6:10] not in (b"JFIF", b"Exif"):
        raise Refusal(f"{shown!r} is a JPEG without a JFIF or EXIF header (as Photoshop's CMYK "
                      "files are), which Word drafts cannot hold",
                      "save it again as an RGB JPEG, or export it as PNG")
    exif = image.info.get("exif")
    if exif and not exif.startswith(_TIFF_HEADERS):
        raise Refusal(f"{shown!r} has damaged EXIF metadata (no TIFF header)", _RESAVE)
    image.getexif()


def _damaged(shown: str, exc: Exception) -> Refusal:
    if "Decompressed data too large" in str(exc):  # Pillow's limit on a PNG's text or ICC
        return Refusal(f"{shown!r} carries a metadata block (a color profile or text) that "
                       "unpacks to more than 1 MB", _RESAVE)
    if "truncated" in str(exc):
        return Refusal(f"{shown!r} is cut short: the file ends before the image does",
                       "copy or export the image again")
    return Refusal(f"{shown!r} cannot be decoded: the file is damaged ({exc})",
                   "export it again from the original")


def _is_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<svg", b"<?xml", b"<!doctype svg")) and b"<svg" in text


@contextmanager
def _strict_pillow() -> Iterator[None]:
    """Pillow as this check needs it: its own decompression-bomb check lifted, so that an
    image's real size is known and judged against MAX_PIXELS (far below Pillow's limit)
    before decoding; and truncated files refused (WeasyPrint, once imported, accepts them)."""
    from PIL import Image, ImageFile

    saved = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
    Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = None, False
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = saved
