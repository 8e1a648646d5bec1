"""output.stale: outputs kept from an earlier build that their content can no longer make."""

from __future__ import annotations

from pathlib import Path

from ..cache import Entry
from ..errors import Problem
from ..loader import series_folders
from ..outputs import series_output_name
from .findings import Place, failed
from .report import BriefReport


def stale_finding(entry: Entry, where: Place, folder: Path, out: Path) -> Problem:
    """The failure of one output that the manifest marks stale, and how to fix it."""
    return failed("output.stale", f"{Path(entry.path).name} is kept from an earlier build: "
                  f"{entry.stale}", where,
                  f"correct what the reason names, then briefbuilder build {folder} --out {out}")


def stale_reports(content: Path, out: Path, manifest: dict[str, Entry],
                  checked: set[str]) -> list[BriefReport]:
    """A report per brief edition of content whose outputs, not checked otherwise, are
    marked stale: its brief (or series file) has errors, so preflight has no job for it."""
    folders = {series_output_name(folder): folder for folder in series_folders(content)}
    grouped: dict[tuple[Path, str], list[Entry]] = {}
    for path, entry in sorted(manifest.items()):
        folder = folders.get(path.split("/")[0])
        if entry.stale is None or folder is None or path in checked:
            continue
        names = [folder / f"{entry.brief}.{entry.lang}.{ext}" for ext in ("yaml", "yml")]
        source = next((name for name in names if name.is_file()), names[0])
        grouped.setdefault((source, entry.lang), []).append(entry)
    return [BriefReport(str(source), lang, tuple(str(out / e.path) for e in entries),
                        [stale_finding(e, Place(source, detail=str(out / e.path)),
                                       source.parent, out) for e in entries])
            for (source, lang), entries in grouped.items()]
