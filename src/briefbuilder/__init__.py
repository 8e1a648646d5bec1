"""briefbuilder: write a brief once; build branded print PDFs and editable Word drafts."""

from .errors import (
    BriefbuilderError,
    BuildError,
    ContentError,
    Problem,
    RenderError,
    ThemeError,
    UsageError,
)
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
