"""Reading an ordinary YAML file fast: libyaml's C parser (ruamel.yaml.clib) gives the
events with their marks, and this module turns them into plain data and the place of each
value, with the YAML 1.2 meaning ruamel gives them (`no` and `on` stay text).

It reads what briefs are made of: mappings with text keys, lists, and plain or quoted
scalars. Anything else (anchors, aliases, tags, merge keys, directives, duplicate keys,
dates with a time, text no writer can print, a file past a limit) and every file libyaml
refuses raises Unusual: the caller then reads the file with ruamel's round-trip parser,
whose messages and places are the ones users see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from _ruamel_yaml import CParser  # type: ignore[import-not-found]
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.nodes import ScalarNode

from .places import FieldPath

# libyaml's scanner slows down with the square of the flow nesting depth ([[[...]]]); a
# file with more brackets than this goes to the round-trip parser.
MAX_BRACKETS = 2_000
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SAFE = YAML(typ="safe", pure=False)  # its resolver and constructor are YAML 1.2's
# The first characters with which a plain scalar may be other than text in YAML 1.2 (a
# number, a bool, null, a date...): a plain scalar starting otherwise, and every quoted or
# block scalar, is text without asking the resolver.
_TYPED_STARTS = frozenset(_SAFE.resolver.versioned_resolver)


class Unusual(Exception):
    """A file this reader leaves to the round-trip parser."""


class Limits(NamedTuple):
    """How far a file may go: values, characters of text, nesting levels."""

    values: int
    text: int
    depth: int


Positions = dict[FieldPath, tuple[int, int]]


def read_plain(text: str, limits: Limits,
               printable: Callable[[str], bool]) -> tuple[Any, Positions]:
    """The file's data and the 1-based (line, column) of each field path; raise Unusual."""
    if text.count("[") + text.count("{") > MAX_BRACKETS:
        raise Unusual
    parser = CParser(text)
    try:
        return _Reader(parser.get_event, limits, printable).document()
    except YAMLError:
        raise Unusual from None
    finally:
        parser.dispose()


class _Reader:
    """Pulls events one at a time and builds the plain data they describe."""

    def __init__(self, next_event: Callable[[], Event], limits: Limits,
                 printable: Callable[[str], bool]) -> None:
        self.next = next_event
        self.limits = limits
        self.printable = printable
        self.positions: Positions = {(): (1, 1)}
        self.values = 0
        self.text = 0

    def document(self) -> tuple[Any, Positions]:
        self._expect(StreamStartEvent)
        start = self.next()
        if isinstance(start, StreamEndEvent):
            return None, self.positions
        if not isinstance(start, DocumentStartEvent) or start.version or start.tags:
            raise Unusual
        data = self._value(self.next(), ())
        self._expect(DocumentEndEvent)
        self._expect(StreamEndEvent)  # a second document is the round-trip parser's to refuse
        return data, self.positions

    def _expect(self, kind: type[Event]) -> None:
        if not isinstance(self.next(), kind):
            raise Unusual

    def _value(self, event: Event, loc: FieldPath) -> Any:
        self.values += 1
        if self.values > self.limits.values or len(loc) > self.limits.depth:
            raise Unusual
        if isinstance(event, ScalarEvent):
            return self._scalar(event)
        if not isinstance(event, MappingStartEvent | SequenceStartEvent):
            raise Unusual  # an alias
        if event.anchor is not None or event.tag is not None:
            raise Unusual
        return self._mapping(loc) if isinstance(event, MappingStartEvent) else self._list(loc)

    def _mapping(self, loc: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while not isinstance(event := self.next(), MappingEndEvent):
            key = self._scalar(event) if isinstance(event, ScalarEvent) else None
            if not isinstance(key, str) or key in out or key == "<<":
                raise Unusual
            child = (*loc, key)
            self.positions[child] = _place(event)
            out[key] = self._value(self.next(), child)
        return out

    def _list(self, loc: FieldPath) -> list[Any]:
        items: list[Any] = []
        while not isinstance(event := self.next(), SequenceEndEvent):
            child = (*loc, len(items))
            self.positions[child] = _place(event)
            items.append(self._value(event, child))
        return items

    def _scalar(self, event: ScalarEvent) -> Any:
        if event.anchor is not None or event.tag is not None:
            raise Unusual
        value: str = event.value
        if _typed(value, event.implicit[0]):
            tag = _SAFE.resolver.resolve(ScalarNode, value, event.implicit)
        else:
            tag = _STR
        if tag == _STR:
            self.text += len(value)
            if self.text > self.limits.text or not self.printable(value):
                raise Unusual
            return value
        if tag == _TIMESTAMP and len(value) != len("2024-09-01"):
            raise Unusual  # a date with a time: the round-trip parser's own type
        try:
            return _SAFE.constructor.construct_non_recursive_object(ScalarNode(tag, value))
        except ValueError:  # an impossible date (2024-13-45) stays text, for validation
            return value


def _typed(value: str, plain: bool) -> bool:
    """Whether the resolver may read the scalar as other than text."""
    return plain and (value[:1] in _TYPED_STARTS or None in _TYPED_STARTS)


def _place(event: Event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1
