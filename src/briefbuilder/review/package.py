"""Opening a reviewed draft safely: a zip of bounded size, XML parts parsed without entities
or network, and the parts a review needs found through the package's relationships."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import ContentError, Problem

MAX_TOTAL = 256 * 1024 * 1024  # all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, per part (a zip bomb goes far beyond)
MAX_ENTRIES = 10_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                         load_dtd=False, remove_blank_text=False)
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOCUMENT_REL = "/officeDocument"
SAVE_AS_DOCX = "save the draft as a Word document (.docx) and try again"


@dataclass
class Package:
    """The parts of a .docx, read on demand and checked for size."""

    path: Path
    zip: zipfile.ZipFile
    xml_cache: dict[str, Any] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return name in self.zip.NameToInfo

    def xml(self, name: str) -> Any:
        """Part `name` parsed, or None when the package has no such part."""
        if name not in self.xml_cache:
            self.xml_cache[name] = self._parse(name) if self.has(name) else None
        return self.xml_cache[name]

    def _parse(self, name: str) -> Any:
        try:
            return etree.fromstring(self.zip.read(name), PARSER)
        except etree.XMLSyntaxError as exc:
            raise self.error(f"its part {name} is damaged ({exc})") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise self.error(f"its part {name} cannot be read ({exc})") from None

    def _rels(self, name: str) -> list[Any]:
        folder, base = posixpath.split(name)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        return [] if rels is None else list(rels.iter(f"{REL_NS}Relationship"))

    def relations(self, name: str) -> list[tuple[str, str, bool]]:
        """(type, target part or URL, external) of each relationship of part `name`."""
        folder = posixpath.dirname(name)
        found = []
        for rel in self._rels(name):
            target, external = rel.get("Target", ""), rel.get("TargetMode") == "External"
            if not external:
                target = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                            else posixpath.join(folder, target))
            found.append((rel.get("Type", ""), target, external))
        return found

    def related(self, name: str, kind: str) -> list[str]:
        """Parts that part `name` relates to with a type ending in `kind` ('/footnotes')."""
        return [t for rtype, t, external in self.relations(name)
                if rtype.endswith(kind) and not external]

    def hyperlinks(self, name: str) -> dict[str, str]:
        """Relationship id -> URL, for the hyperlinks of part `name`."""
        return {r.get("Id", ""): r.get("Target", "") for r in self._rels(name)
                if r.get("Type", "").endswith("/hyperlink")}

    def main_part(self) -> str:
        """The document part, as the package's relationships name it."""
        found = self.related("", DOCUMENT_REL)
        if not found or self.xml(found[0]) is None:
            raise self.error("it has no Word document part")
        return found[0]

    def error(self, why: str, hint: str = "ask for the draft again as a Word .docx file"
              ) -> ContentError:
        return refuse(self.path, why, hint)


def refuse(path: Path, why: str, hint: str = SAVE_AS_DOCX) -> ContentError:
    """The error for a draft that cannot be reviewed, saying why and what to do."""
    return ContentError(Problem(f"cannot review this draft: {why}", path, hint=hint))


def open_package(path: Path) -> Package:
    """Open `path` as a .docx; raise ContentError saying why it cannot be one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise refuse(path, f"it cannot be read ({exc.strerror})", "check the file name") from None
    if head == OLE_MAGIC:
        raise refuse(path, "it is encrypted or an old .doc file",
                     "remove the password (or save as .docx) in Word and try again")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise refuse(path, f"it is not a .docx file, or it is damaged ({exc})") from None
    _check_sizes(path, archive)
    package = Package(path, archive)
    if not package.has("[Content_Types].xml"):
        raise refuse(path, "it is not a .docx file (no [Content_Types].xml)")
    return package


def _check_sizes(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb by what its directory declares, before reading any part."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refuse(path, f"it holds {len(infos)} parts (at most {MAX_ENTRIES})")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise refuse(path, f"it would unpack to {total} bytes (at most {MAX_TOTAL}): "
                     "a zip bomb or not a draft")
    for info in infos:
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
            ratio = info.file_size // max(info.compress_size, 1)
            raise refuse(path, f"its part {info.filename} unpacks to {ratio} times its size: "
                         "a zip bomb")
