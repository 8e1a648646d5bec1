"""Images are checked whole at load: kind, size, every pixel, metadata; figures and logos.

The hostile images are made here, small: a PNG header may claim any size.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from briefbuilder.errors import RenderError
from briefbuilder.writers.docx import write_docx
from briefbuilder.writers.pdf import write_pdf

from .conftest import MakeSeries
from .test_cli import cli
from .test_loader import HEAD, messages
from .theme_helpers import theme_problems
from .writers.weasy_helpers import load_edition, theme_of

FIGURE = HEAD + "      - figure: {image: x.png, alt: A chart}\n"
WHERE = "b.en.yaml:5:18: sections[0].body[0].figure.image: "


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height gray pixels, holding one row of data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * (width + 1))) + chunk(b"IEND", b""))


def noise_png() -> bytes:
    image = Image.effect_noise((120, 90), 64).convert("RGB")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def corrupt_idat(png: bytes) -> bytes:
    """The PNG with bytes of its image data flipped, under a correct checksum."""
    start = png.index(b"IDAT")
    length = struct.unpack(">I", png[start - 4:start])[0]
    data = bytearray(png[start + 4:start + 4 + length])
    for i in range(40, 80):
        data[i] ^= 0x55
    return png[:start - 4] + chunk(b"IDAT", bytes(data)) + png[start + 8 + length:]


def jpeg(**options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "#B5892E").save(out, "JPEG", **options)
    return out.getvalue()


def jpeg_cmyk() -> bytes:
    """A CMYK JPEG as Pillow writes it: an Adobe block first, no JFIF or EXIF header."""
    out = io.BytesIO()
    Image.new("CMYK", (64, 48), (0, 255, 0, 0)).save(out, "JPEG")
    return out.getvalue()


def big_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010E] = "x" * 60_000  # ImageDescription: a 60 KB EXIF block
    return exif.tobytes()


def png_with_profile(size: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "#B5892E").save(out, "PNG", icc_profile=b"\0" * size)
    return out.getvalue()


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


@pytest.mark.parametrize(("image", "message"), [
    (corrupt_idat(noise_png()),
     "'x.png' cannot be decoded: the file is damaged (broken data stream when reading image "
     "file) (export it again from the original)"),
    (noise_png()[:2000],
     "'x.png' is cut short: the file ends before the image does (copy or export the image "
     "again)"),
    (png_claiming(30000, 30000),
     "'x.png' is too large (30000x30000, 900 megapixels; the limit is 40) (scale it down; "
     "300 dpi at the printed size is enough)"),
    (png_claiming(12000, 12000),
     "'x.png' is too large (12000x12000, 144 megapixels; the limit is 40) (scale it down; "
     "300 dpi at the printed size is enough)"),
    (SVG,
     "'x.png' is an SVG drawing; SVG images are not supported yet (export the figure as PNG or "
     "JPEG, at 300 dpi for print)"),
    (jpeg(exif=b"Exif\x00\x00" + b"\x01" * 5000),
     "'x.png' has damaged EXIF metadata (no TIFF header) (save it again without metadata, or "
     "export it again)"),
    (jpeg(exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xff" + b"\x00" * 5000),
     "'x.png' has damaged EXIF metadata (Corrupt EXIF data.  Expecting to read 12 bytes but "
     "only got 8.) (save it again without metadata, or export it again)"),
    (png_with_profile(50_000_000),  # 50 KB in the file
     "'x.png' carries a metadata block (a color profile or text) that unpacks to more than "
     "1 MB (save it again without metadata, or export it again)"),
    (jpeg_cmyk(),
     "'x.png' is a JPEG without a JFIF or EXIF header (as Photoshop's CMYK files are), which "
     "Word drafts cannot hold (save it again as an RGB JPEG, or export it as PNG)"),
])
def test_bad_figure_images_get_a_precise_message(make_series: MakeSeries, image: bytes,
                                                  message: str) -> None:
    folder = make_series({"b.en.yaml": FIGURE, "x.png": image})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no raw DecompressionBombWarning or EXIF warning
        assert messages(folder) == [WHERE + message]


def test_check_prints_no_raw_pillow_warning(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": FIGURE, "x.png": png_claiming(12000, 12000)})
    result = cli("check", folder)
    assert result.returncode == 1
    assert "Warning" not in result.stderr and "Traceback" not in result.stderr
    assert "too large (12000x12000, 144 megapixels; the limit is 40)" in result.stderr


def test_a_jpeg_with_large_exif_and_icc_blocks_is_placed_by_both_writers(
        make_series: MakeSeries) -> None:
    image = jpeg(exif=big_exif(), icc_profile=_srgb_profile())
    assert len(image) > 60_000
    folder = make_series({"b.en.yaml": FIGURE.replace("x.png", "exif.jpg"), "exif.jpg": image})
    edition = load_edition(folder)
    theme = theme_of(edition)
    with pikepdf.open(io.BytesIO(write_pdf(edition, theme))) as pdf:
        sizes = [(int(x.Width), int(x.Height)) for page in pdf.pages
                 for x in page.get_images().values()]
    assert (64, 48) in sizes
    with zipfile.ZipFile(io.BytesIO(write_docx(edition, theme))) as draft:
        media = [draft.read(n) for n in draft.namelist() if n.startswith("word/media/")]
    assert image in media


def test_an_image_damaged_after_loading_fails_the_draft_with_a_reason(
        make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": FIGURE.replace("x.png", "exif.jpg"), "exif.jpg": jpeg()})
    edition = load_edition(folder)
    (folder / "exif.jpg").write_bytes(jpeg(exif=b"Exif\x00\x00" + b"\x01" * 5000))
    with pytest.raises(RenderError) as caught:
        write_docx(edition, theme_of(edition))
    assert caught.value.problems[0].message == (
        "cannot place image 'exif.jpg': Word cannot read its header (UnexpectedEndOfFileError)")


def _srgb_profile() -> bytes:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile + b"\x00" * (200_000 - len(profile))  # a padded 200 KB ICC block


def logo_theme(tmp_path: Path, logo: bytes, name: str = "logo.png") -> Path:
    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    (brand.parent / name).write_bytes(logo)
    brand.write_text(brand.read_text() + f"logo: {name}\nlogo_alt: ILAB\n")
    return brand


BAD_LOGOS = [
    (SVG, "logo.svg", "'logo.svg' is an SVG drawing; SVG images are not supported yet "
                      "(export the logo as PNG or JPEG, at 300 dpi for print)"),
    (noise_png()[:2000], "logo.png", "'logo.png' is cut short: the file ends before the image "
                                     "does (copy or export the image again)"),
    (b"GIF89a" + b"\x00" * 20, "logo.gif", "'logo.gif' is not a PNG or JPEG image (export the "
                                           "logo as PNG or JPEG)"),
]


@pytest.mark.parametrize(("logo", "name", "message"), BAD_LOGOS)
def test_a_bad_logo_is_reported_at_its_line_of_brand_yaml(
        make_series: MakeSeries, tmp_path: Path, logo: bytes, name: str, message: str) -> None:
    make_series()
    brand = logo_theme(tmp_path, logo, name)
    assert theme_problems(brand) == [f"{brand}:21:1: logo: {message}"]


def test_check_reports_a_bad_logo(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    brand = logo_theme(tmp_path, SVG, "logo.svg")
    result = cli("check", folder)
    assert result.returncode == 1
    assert f"{brand}:21:1: logo: 'logo.svg' is an SVG drawing" in result.stderr
    assert "UnrecognizedImageError" not in result.stderr


def test_a_missing_logo_is_reported_at_load(make_series: MakeSeries, tmp_path: Path) -> None:
    make_series()
    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    brand.write_text(brand.read_text() + "logo: nowhere.png\n")
    assert theme_problems(brand) == [
        f"{brand}:21:1: logo: logo 'nowhere.png' not found in the theme folder (put the image "
        f"in {brand.parent.resolve()} and name it from there)"]
