"""Reading YAML files safely, with the position of every value, and turning
validation errors into Problems that name file, line, column and field."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from .errors import Problem, Severity
from .model.blocks import BLOCK_TYPES
from .model.inline import BIDI_CONTROLS, BIDI_DANGER, XML_ILLEGAL

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 100  # a brief needs about ten levels; far deeper input only exhausts the stack
_TOO_DEEP = f"lists or mappings are nested more than {MAX_DEPTH} levels deep"
_FLATTEN = "a brief needs only a few levels; flatten it"

FieldPath = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

# Hints for a field that is missing or wrong, by the field's last name.
FIELD_HINTS = {
    "alt": "describe the image for screen readers",
    "title": "every brief needs a title",
    "date": "write the publication date as YYYY-MM-DD",
    "sections": "a brief needs at least one section with a body",
    "body": "a section holds a list of blocks under body:",
    "image": "name an image file next to the brief",
    "briefs": "list the brief ids in order, e.g. briefs: [introduction]",
}
# Hints for a value of the wrong type, by pydantic's error type.
TYPE_HINTS = {
    "list_type": "write a list: [a, b] or one '- item' per line",
    "string_type": "write text; quote it if it looks like a number or a date",
    "dict_type": "write a mapping of 'name: value' lines",
    "bool_type": "write true or false",
    "int_type": "write a whole number",
    "literal_error": "use one of the values listed",
    "model_type": "write a mapping of 'name: value' lines",
}
# Hints for a value that does not match its field's pattern, by the field's last name.
PATTERN_HINTS = dict.fromkeys(
    ("id", "theme", "briefs"), "use lowercase letters, digits and hyphens, e.g. mexico-auto")


@dataclass(frozen=True)
class YamlDoc:
    """A YAML file as plain Python data plus where each value stands in the file."""

    path: Path
    data: Any
    positions: dict[FieldPath, tuple[int, int]]

    def where(self, loc: FieldPath) -> tuple[int, int]:
        """1-based (line, column) of the deepest existing node along loc."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)

    def problem(self, loc: FieldPath, message: str, hint: str = "",
                severity: Severity = Severity.ERROR) -> Problem:
        line, column = self.where(loc)
        return Problem(message, self.path, line, column, format_path(loc), hint, severity)


class YamlProblem(Exception):
    """A file that is not readable YAML; carries its one Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def format_path(loc: FieldPath) -> str:
    """('sections', 2, 'body', 1, 'figure', 'alt') -> 'sections[2].body[1].figure.alt'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor, leaving an impossible date (2024-13-45) as text
    for validation to report at its field, instead of raising ValueError."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return node.value


_Constructor.add_constructor("tag:yaml.org,2002:timestamp",
                             _Constructor.construct_yaml_timestamp)


def read_yaml(path: Path) -> YamlDoc:
    """Read one YAML file; raise YamlProblem with a located, actionable message."""
    text = _read_text(path)
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    try:
        node = yaml.load(text)
    except DuplicateKeyError as exc:
        raise YamlProblem(_marked(path, exc, "duplicate key", "each key may appear once")) from None
    except MarkedYAMLError as exc:
        raise YamlProblem(_yaml_syntax(path, exc)) from None
    except ReaderError as exc:  # a character YAML does not allow anywhere, even in comments
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlProblem(Problem(f"control character U+{code:04X} is not allowed in YAML",
                                  path, line, column, "", "remove it")) from None
    except RecursionError:
        raise YamlProblem(Problem(_TOO_DEEP, path, None, None, "", _FLATTEN)) from None
    if node is None:
        raise YamlProblem(Problem("the file is empty", path, 1, 1, "", "write the fields"))
    positions: dict[FieldPath, tuple[int, int]] = {(): (1, 1)}
    counter = [0]
    data = _plain(node, (), positions, counter, path)
    return YamlDoc(path, data, positions)


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlProblem(Problem(
                f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                path, None, None, "", "split it or remove what does not belong in a brief"))
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(Problem(
            f"byte 0x{raw[exc.start]:02X} is not UTF-8", path, line, column, "",
            "save the file as UTF-8")) from None


def _marked(path: Path, exc: MarkedYAMLError, message: str, hint: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    detail = f"{message}: {exc.problem}" if exc.problem else message
    return Problem(detail, path, line, column, "", hint)


def _yaml_syntax(path: Path, exc: MarkedYAMLError) -> Problem:
    if "\\t" in str(exc.problem or ""):  # ruamel writes the tab as a backslash-t
        return _marked(path, exc, "a tab is used for indentation", "indent with spaces, not tabs")
    return _marked(path, exc, "invalid YAML", "check the indentation, and quote text that "
                   "contains ': ' or starts with a special character")


def _plain(node: Any, loc: FieldPath, positions: dict[FieldPath, tuple[int, int]],
           counter: list[int], path: Path) -> Any:
    """Convert ruamel's round-trip nodes to plain data, recording positions."""
    counter[0] += 1
    if len(loc) > MAX_DEPTH:
        line, column = positions.get(loc, (1, 1))
        raise YamlProblem(Problem(_TOO_DEEP, path, line, column, format_path(loc[:1]),
                                  _FLATTEN))
    if counter[0] > MAX_NODES:
        line, column = positions.get(loc, (1, 1))
        raise YamlProblem(Problem(
            f"the file expands to more than {MAX_NODES:,} values", path, line, column,
            format_path(loc[:1]), "YAML aliases (*name) expand too far; write the content out"))
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key, value in node.items():
            child = (*loc, str(key))
            line, column = node.lc.key(key) if key in node.lc.data else (0, 0)
            positions[child] = (line + 1, column + 1)
            _printable(str(key), loc, positions[child], path)  # the key's place, parent's name
            out[str(key)] = _plain(value, child, positions, counter, path)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            child = (*loc, index)
            if index in node.lc.data:
                line, column = node.lc.item(index)
                positions[child] = (line + 1, column + 1)
            items.append(_plain(value, child, positions, counter, path))
        return items
    if isinstance(node, TaggedScalar):
        line, column = positions.get(loc, (1, 1))
        raise YamlProblem(Problem(f"YAML tag {node.tag.value!r} is not allowed", path, line,
                                  column, format_path(loc), "remove the !tag"))
    if isinstance(node, str):
        _printable(node, loc, positions.get(loc, (1, 1)), path)
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _printable(text: str, loc: FieldPath, at: tuple[int, int], path: Path) -> None:
    """Raise YamlProblem if text holds a character no writer can print."""
    bad = XML_ILLEGAL.search(text)
    if bad:
        line, column = at
        raise YamlProblem(Problem(
            f"control character U+{ord(bad.group(0)):04X} cannot be printed", path, line,
            column, format_path(loc), "remove it"))
    if bidi := BIDI_CONTROLS.search(text):
        line, column = at
        raise YamlProblem(Problem(
            f"bidirectional control U+{ord(bidi.group(0)):04X} {BIDI_DANGER}", path, line,
            column, format_path(loc), "remove it"))


def validate(model: type[M], doc: YamlDoc, context: dict[str, Any] | None = None) -> M:
    """Validate doc.data as model; raise ValidationProblems naming every error."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        vocabulary = field_names(model)
        raise ValidationProblems([_problem(doc, e, vocabulary) for e in exc.errors()]) from None


class ValidationProblems(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def _clean_loc(loc: tuple[Any, ...]) -> FieldPath:
    """Drop the block-type tag pydantic puts between a body index and the block's field."""
    out: list[str | int] = []
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if out and isinstance(out[-1], int) and part in BLOCK_TYPES:
            field = parts.pop(0) if parts else None  # the tag's own field follows it
            if field is not None and part != "paragraph":
                out.append(part)  # a paragraph's text field is the list item itself
            continue
        out.append("page-break" if part == "page_break" else part)
    return tuple(out)


def _problem(doc: YamlDoc, error: Any, vocabulary: list[str]) -> Problem:
    loc = _clean_loc(tuple(error["loc"]))
    kind = error["type"]
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    message, hint = _message(kind, error, loc, vocabulary)
    if not hint and kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(name, "")
    if not hint and kind != "value_error":
        hint = FIELD_HINTS.get(name, TYPE_HINTS.get(kind, ""))
    return doc.problem(loc, message, hint)


def _message(kind: str, error: Any, loc: FieldPath, vocabulary: list[str]) -> tuple[str, str]:
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "field required", ""
    if kind == "extra_forbidden":
        return f"unknown field {loc[-1]!r}", (
            _did_you_mean(str(loc[-1]), vocabulary) or "remove it or check its spelling")
    if kind == "union_tag_invalid":
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        tags = [t for t in tags if t != "paragraph"]
        hint = _did_you_mean(str(ctx.get("tag")), tags) or f"use one of: {', '.join(tags)}"
        return f"unknown block type {ctx.get('tag')!r}", hint
    if kind == "union_tag_not_found":
        return ("a block is a text or a one-key mapping such as 'bullets:'",
                "split a mapping with several keys into separate list items")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), ""
    if kind == "model_type":
        value = error["input"]
        found = "a list" if isinstance(value, list) else "a single value"
        return f"expected a mapping of fields, found {found}", ""
    return error["msg"][0].lower() + error["msg"][1:], ""


def field_names(model: type[BaseModel]) -> list[str]:
    """Every field name (as written in files) of model and the models it holds."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    todo: list[Any] = [model]
    while todo:
        item = todo.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item in seen:
                continue
            seen.add(item)
            for name, info in item.model_fields.items():
                names.add(info.alias or name)
                todo.append(info.annotation)
        else:
            todo.extend(get_args(item))
    return sorted(names)


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""
