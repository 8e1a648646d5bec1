"""Reading YAML files safely, with the position of every value, and turning
validation errors into Problems that name file, line, column and field."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from .errors import Problem, Severity
from .explain import explain
from .model.inline import BIDI_CONTROLS, BIDI_DANGER, UNPRINTABLE, XML_ILLEGAL
from .places import FieldPath, Places, format_path
from .sandbox import NotAFile, irregular_problem, read_regular
from .yamlfast import Limits, Positions, Unusual, read_plain

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_TEXT = 2 * MAX_FILE_BYTES  # characters of text once aliases are expanded
MAX_DEPTH = 100  # a brief needs about ten levels; far deeper input only exhausts the stack
_TOO_DEEP = f"lists or mappings are nested more than {MAX_DEPTH} levels deep"
_FLATTEN = "a brief needs only a few levels; flatten it"
LIMITS = Limits(MAX_NODES, MAX_TEXT, MAX_DEPTH)

Said = tuple[FieldPath, str, str]  # where, what, what to do
M = TypeVar("M", bound=BaseModel)

@dataclass(frozen=True)
class YamlDoc(Places):
    """A YAML file as plain Python data, with the place of each value in the file."""

    data: Any = None
    sha256: str = ""  # of the bytes that were parsed, not of the file as it is later

    def where(self, loc: FieldPath) -> tuple[int, int]:
        """1-based (line, column) of the deepest existing node along loc."""
        return super().where(loc) or (1, 1)


def locate(path: Path, said: list[Said], severity: Severity = Severity.ERROR) -> list[Problem]:
    """Problems about a file that loaded before, read again to find each place's line
    and column (left without them if the file no longer reads)."""
    if not said:
        return []
    try:
        doc = read_yaml(path)
    except YamlProblem:
        return [Problem(message, path, None, None, format_path(loc), hint, severity)
                for loc, message, hint in said]
    return [doc.problem(loc, message, hint, severity) for loc, message, hint in said]


class YamlProblem(Exception):
    """A file that is not readable YAML; carries its one Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


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
    text, sha256 = _read_text(path)
    try:
        data, positions = read_plain(text, LIMITS, lambda value: _unprintable(value) is None)
    except Unusual:  # the round-trip parser reads it again, and names what is wrong
        data, positions = _read_round_trip(text, path)
    if data is None:
        raise YamlProblem(Problem("the file is empty", path, 1, 1, "", "write the fields"))
    return YamlDoc(path, positions, data, sha256)


def _read_round_trip(text: str, path: Path) -> tuple[Any, Positions]:
    """Data and positions by ruamel's pure-Python round-trip parser; its errors as Problems."""
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
    positions: Positions = {(): (1, 1)}
    counter = [0, 0]  # values, characters of text
    return _plain(node, (), positions, counter, path), positions


def _read_text(path: Path) -> tuple[str, str]:
    """The file's text and the sha256 of its bytes."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlProblem(Problem(
                f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                path, None, None, "", "split it or remove what does not belong in a brief"))
        raw = read_regular(path)
    except NotAFile as exc:
        raise YamlProblem(irregular_problem(path, exc.what)) from None
    except OSError as exc:
        raise YamlProblem(Problem(f"cannot read the file: {exc.strerror}", path)) from None
    try:
        return raw.decode("utf-8-sig"), hashlib.sha256(raw).hexdigest()
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


def _plain(node: Any, loc: FieldPath, positions: Positions,
           counter: list[int], path: Path) -> Any:
    """Convert ruamel's round-trip nodes to plain data, recording positions."""
    counter[0] += 1
    counter[1] += len(node) if isinstance(node, str) else 0
    if len(loc) > MAX_DEPTH:
        line, column = positions.get(loc, (1, 1))
        raise YamlProblem(Problem(_TOO_DEEP, path, line, column, format_path(loc[:1]),
                                  _FLATTEN))
    if counter[0] > MAX_NODES:
        raise _expands_too_far(f"{MAX_NODES:,} values", loc, positions, path)
    if counter[1] > MAX_TEXT:
        raise _expands_too_far(f"{MAX_TEXT:,} characters of text", loc, positions, path)
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


def _expands_too_far(limit: str, loc: FieldPath, positions: Positions,
                     path: Path) -> YamlProblem:
    line, column = positions.get(loc, (1, 1))
    return YamlProblem(Problem(
        f"the file expands to more than {limit}", path, line, column, format_path(loc[:1]),
        "YAML aliases (*name) expand too far; write the content out"))


def _printable(text: str, loc: FieldPath, at: tuple[int, int], path: Path) -> None:
    """Raise YamlProblem if text holds a character no writer can print."""
    if message := _unprintable(text):
        line, column = at
        raise YamlProblem(Problem(message, path, line, column, format_path(loc), "remove it"))


def _unprintable(text: str) -> str | None:
    """What in text no writer can print, or None."""
    if UNPRINTABLE.search(text) is None:
        return None
    if bad := XML_ILLEGAL.search(text):
        return f"control character U+{ord(bad.group(0)):04X} cannot be printed"
    if bidi := BIDI_CONTROLS.search(text):
        return f"bidirectional control U+{ord(bidi.group(0)):04X} {BIDI_DANGER}"
    return None


def validate(model: type[M], doc: YamlDoc, context: dict[str, Any] | None = None) -> M:
    """Validate doc.data as model; raise ValidationProblems naming every error."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        said = explain(model, exc.errors())
        raise ValidationProblems([doc.problem(*one) for one in said]) from None


class ValidationProblems(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems
