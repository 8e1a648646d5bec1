"""Preflight: Section 508 / PDF/UA-1 checks of each brief's built PDF and Word draft, each
compared with the brief (the draft read back by the review reader, its pages with the PDF's),
and the brief's own content; each finding names the field to fix.

    preflight(content, out, as_json, console, verbosity) -> exit code   (run.py)
"""

from .report import Verbosity
from .run import preflight

__all__ = ["Verbosity", "preflight"]
