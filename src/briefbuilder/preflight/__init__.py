"""Preflight: Section 508 / PDF/UA-1 checks of each brief's built PDF and Word draft, the two
compared with each other, and the brief's own content; each finding names the field to fix.

    preflight(content, out, as_json, console, verbosity) -> exit code   (run.py)
"""

from .report import Verbosity
from .run import preflight

__all__ = ["Verbosity", "preflight"]
