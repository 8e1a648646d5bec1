"""The reproducible zip writer: zipfile's own bytes, fixed stamps, shared entries reused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from briefbuilder.writers.docx import stable_zip
from briefbuilder.writers.docx.stable_zip import zip_bytes

ENTRIES = [("[Content_Types].xml", b"<Types/>" * 50, False),
           ("word/fonts/font1.odttf", bytes(range(256)) * 400, True),
           ("word/média/ñ.png", b"", False)]
WHEN = dt.datetime(2024, 9, 1, 13, 45, 31)


def with_zipfile(entries: list[tuple[str, bytes, bool]], stamp: tuple[int, ...]) -> bytes:
    """What the standard library writes for the same entries and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data, _ in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, data, compresslevel=6)
    return out.getvalue()


def test_the_bytes_are_those_zipfile_writes() -> None:
    assert zip_bytes(ENTRIES, WHEN) == with_zipfile(ENTRIES, (2024, 9, 1, 13, 45, 30))
    assert zip_bytes([], WHEN) == with_zipfile([], (2024, 9, 1, 13, 45, 30))


def test_entries_keep_their_order_stamp_and_content() -> None:
    with zipfile.ZipFile(io.BytesIO(zip_bytes(ENTRIES, WHEN))) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        assert [(i.filename, archive.read(i)) for i in infos] == [e[:2] for e in ENTRIES]
    assert {(i.date_time, i.external_attr, i.create_system) for i in infos} == {
        ((2024, 9, 1, 13, 45, 30), 0o644 << 16, 3)}
    assert infos[2].flag_bits & 0x800  # a UTF-8 name says so


def test_a_moment_before_1980_is_stamped_1980() -> None:
    with zipfile.ZipFile(io.BytesIO(zip_bytes(ENTRIES, dt.datetime(1970, 1, 1)))) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_shared_entry_is_deflated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    stable_zip._deflated.cache_clear()
    calls: list[bytes] = []
    deflate = stable_zip._deflate
    monkeypatch.setattr(stable_zip, "_deflate", lambda data: calls.append(data) or deflate(data))
    first, second = zip_bytes(ENTRIES, WHEN), zip_bytes(ENTRIES, WHEN)
    assert first == second
    assert calls.count(ENTRIES[1][1]) == 1
    assert calls.count(ENTRIES[0][1]) == 2
