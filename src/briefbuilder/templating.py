"""Theme templates, treated as untrusted: Jinja's sandbox, reads only inside the theme folder,
and every failure placed at its template file and line.

A template sees the data it is given and nothing behind it: no attribute starting with
'_', no method that changes a list or dict, no file path (a Path could read or write
files), none of pydantic's own machinery on model objects (``parse_file``, ...), and no
whole object printed (its text form names files and folders).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import is_dataclass
from pathlib import Path, PurePath
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from .errors import BriefbuilderError, Problem, RenderError, ThemeError
from .sandbox import theme_file

PYDANTIC_ATTRIBUTES = frozenset(dir(BaseModel))
PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


class ThemeSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, also hiding file paths and pydantic's model methods."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, PurePath) or isinstance(value, PurePath):
            return False
        if isinstance(obj, BaseModel) and attr in PYDANTIC_ATTRIBUTES:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))


class ThemeLoader(FileSystemLoader):
    """A theme's templates/, each file read only when it really lies inside the theme."""

    def __init__(self, theme_folder: Path) -> None:
        super().__init__(theme_folder / "templates")
        self.theme_folder = theme_folder

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.theme_folder.joinpath("templates", *split_template_path(template))
        if theme_file(self.theme_folder, path) is None:  # ThemeError when it links out
            raise TemplateNotFound(template)
        return super().get_source(environment, template)


def printable(value: Any) -> Any:
    """What a template may print: text, numbers, dates. A whole object may not be printed:
    its text form names the builder's files and folders (Theme(folder=PosixPath(...)))."""
    if isinstance(value, PurePath | BaseModel) or is_dataclass(value):
        raise SecurityError(f"printing a whole {type(value).__name__} object is unsafe "
                            "(print one of its fields)")
    return value


def sandbox(theme_folder: Path) -> Environment:
    """The sandbox for one (resolved) theme folder: its templates/ override the package's."""
    return ThemeSandbox(
        loader=ChoiceLoader([ThemeLoader(theme_folder),
                             PackageLoader("briefbuilder", "templates")]),
        autoescape=select_autoescape(["html"], default_for_string=True, default=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=printable,
    )


def render_template(env: Environment, name: str, context: dict[str, Any],
                    brief_file: Path) -> str:
    """Render template `name`; a template that fails is an error at its file and line."""
    try:
        return env.get_template(name).render(context)
    except BriefbuilderError:
        raise
    except MemoryError as exc:  # in a theme's own template: the theme's doing
        problem = _problem(exc, "the template ran out of memory", "look for an expression "
                           "that makes a huge text or list, such as 'x' * 10**10", brief_file)
        if problem.file is None or problem.file.is_relative_to(PACKAGE_TEMPLATES):
            raise
        raise ThemeError(problem) from None
    except SecurityError as exc:
        raise ThemeError(_problem(
            exc, f"the template reaches outside the brief's data: {exc}",
            "a theme template may use only the data it is given; remove that expression",
            Path(name))) from None
    except Exception as exc:  # Jinja's errors, and what an expression raises (1/0, ...)
        raise RenderError(_problem(exc, f"template error: {_detail(exc)}",
                                   "check the theme's templates", brief_file)) from exc


def _detail(exc: Exception) -> str:
    if isinstance(exc, TemplateNotFound):
        return f"no template {exc.name!r}"
    if isinstance(exc, TemplateError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _problem(exc: Exception, message: str, hint: str, fallback: Path) -> Problem:
    """A Problem at the template file and line where Jinja raised exc (else at fallback)."""
    if isinstance(exc, TemplateSyntaxError):
        return Problem(message, Path(exc.filename) if exc.filename else fallback,
                       exc.lineno, hint=hint)
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.endswith(".py") and not f.filename.startswith("<")]
    if not frames:
        return Problem(message, fallback, hint=hint)
    return Problem(message, Path(frames[-1].filename), frames[-1].lineno, hint=hint)


def syntax_problems(theme_folder: Path) -> list[Problem]:
    """The syntax errors of a theme's own templates, each at its file and line."""
    env = sandbox(theme_folder)
    loader = ThemeLoader(theme_folder)
    problems: list[Problem] = []
    for name in loader.list_templates():
        source, filename, _ = loader.get_source(env, name)
        try:
            env.parse(source, name, filename)
        except TemplateSyntaxError as exc:
            problems.append(_problem(exc, f"template error: {exc}",
                                     "check the theme's templates", Path(filename)))
    return problems
