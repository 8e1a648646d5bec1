"""Outputs kept from an earlier build that their content can no longer make: which, and why.

Nothing is deleted: the file stays where it was, and its manifest entry says why it is
stale, so that the build summary and preflight can say so.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .cache import Entry
from .content_files import BRIEF_FILE, SERIES_FILE
from .errors import Problem
from .loader import Project
from .outputs import series_output_name


def broken_sources(project: Project, blocked: list[Problem]) -> dict[str, str]:
    """Output name prefixes ('s/' for a series, 's/b.en.' for an edition) whose source did not
    load or is blocked, with the first error as the reason.

    blocked: problems that stop a loaded series or edition from building (the plan's).
    """
    series = {loaded.folder for loaded in project.series}
    editions = {edition.path for edition in project.editions()}
    broken: dict[str, str] = {}
    for problem in [*project.errors, *blocked]:
        file = problem.file
        if file is None:
            continue
        name = series_output_name(file.parent)
        if file.name == SERIES_FILE and (file.parent not in series or problem in blocked):
            prefix = f"{name}/"
        elif BRIEF_FILE.match(file.name) and (file not in editions or problem in blocked):
            prefix = f"{name}/{file.name.rsplit('.', 1)[0]}."
        else:
            continue
        broken.setdefault(prefix, str(replace(problem, file=Path(name, file.name))))
    return broken


def mark_stale(manifest: dict[str, Entry], reasons: dict[str, str]) -> list[Entry]:
    """Mark the entries whose path starts with a key of reasons; return them, marked."""
    marked = []
    for path, entry in sorted(manifest.items()):
        reason = next((why for prefix, why in reasons.items() if path.startswith(prefix)), None)
        if reason is not None:
            manifest[path] = entry.model_copy(update={"stale": reason})
            marked.append(manifest[path])
    return marked
