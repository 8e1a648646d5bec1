"""A reproducible zip: entries in the order given, each stamped with one moment and fixed
attributes, deflated at level 6; the bytes are those `zipfile` writes for the same entries.

An entry marked shared (an embedded font: the same bytes in every draft of a brand) is
deflated once per process and its deflated bytes reused.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Iterable
from functools import lru_cache

EARLIEST = dt.datetime(1980, 1, 1)  # zip timestamps start here
LIMIT = (1 << 31) - 1  # past this, a zip needs ZIP64 records: no draft comes near it
LEVEL = 6
VERSION = 20  # 2.0, the version that brought deflate
DEFLATED = 8
UTF8_NAME = 1 << 11
UNIX = 3
MODE = 0o644 << 16  # rw-r--r--
LOCAL = struct.Struct("<4s2B4HL2L2H")
CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
END = struct.Struct("<4s4H2LH")

Entry = tuple[str, bytes, bool]  # name, data, shared


def zip_bytes(entries: Iterable[Entry], when: dt.datetime) -> bytes:
    """The zip of `entries`, each stamped `when` (clamped to 1980, where zip time starts)."""
    moment = max(when, EARLIEST)
    time = moment.hour << 11 | moment.minute << 5 | moment.second // 2
    date = (moment.year - 1980) << 9 | moment.month << 5 | moment.day
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, data, shared in entries:
        packed, crc = _deflated(data) if shared else _deflate(data)
        encoded, flags = _name(name)
        sizes = (crc, len(packed), len(data), len(encoded))
        header = LOCAL.pack(b"PK\x03\x04", VERSION, 0, flags, DEFLATED, time, date, *sizes, 0)
        directory.append(CENTRAL.pack(b"PK\x01\x02", VERSION, UNIX, VERSION, 0, flags,
                                      DEFLATED, time, date, *sizes, 0, 0, 0, 0, MODE, offset)
                         + encoded)
        chunks += [header, encoded, packed]
        offset += len(header) + len(encoded) + len(packed)
        _check_size(len(data) * 1.05, offset)
    size = sum(map(len, directory))
    _check_size(size, offset + size)
    end = END.pack(b"PK\x05\x06", 0, 0, len(directory), len(directory), size, offset, 0)
    return b"".join([*chunks, *directory, end])


def _deflate(data: bytes) -> tuple[bytes, int]:
    """The raw deflate stream of `data` and its CRC-32."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data)


@lru_cache(maxsize=32)
def _deflated(data: bytes) -> tuple[bytes, int]:
    """_deflate, once per process for the same bytes."""
    return _deflate(data)


def _name(name: str) -> tuple[bytes, int]:
    """The name's bytes and flags: ASCII as is, else UTF-8 with the flag that says so."""
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), UTF8_NAME


def _check_size(size: float, offset: int) -> None:
    if size > LIMIT or offset > LIMIT:
        raise ValueError("a zip over 2 GiB needs ZIP64 records, which this writer lacks")
