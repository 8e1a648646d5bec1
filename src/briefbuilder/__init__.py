"""briefbuilder: write a brief once; build branded print PDFs and editable Word drafts."""

import typing

from .errors import (
    BriefbuilderError,
    BuildError,
    ContentError,
    Problem,
    RenderError,
    ThemeError,
    UsageError,
)

if typing.TYPE_CHECKING:
    from .loader import Project, load_project

__version__ = "0.1.0"

__all__ = [
    "BriefbuilderError",
    "BuildError",
    "ContentError",
    "Problem",
    "Project",
    "RenderError",
    "ThemeError",
    "UsageError",
    "__version__",
    "load_project",
]


def __getattr__(name: str) -> object:
    """Project and load_project, imported on first use: a no-op build loads no model."""
    if name in ("Project", "load_project"):
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'briefbuilder' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "Project", "load_project"})
