"""What a validation error means to the person who wrote the file: where, what, what to do.

Hints and synonyms are declared on the model's fields (``json_schema_extra={"hint": …,
"synonyms": […]}``) and looked up along the error's location, so each file kind (brief,
series, brand, labels) speaks of itself, and a guess at a misspelt name only offers the
names valid at that place.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Sequence
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, Tag
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .model.blocks import BLOCK_TYPES, TextOrMapping
from .model.inline import Inline
from .places import FieldPath

if TYPE_CHECKING:
    from .yamlfile import Said

PydanticLoc = tuple[str | int, ...]  # a location as pydantic gives it, with union tags

# Hints for a value of the wrong type, by pydantic's error type, where the field has none.
TYPE_HINTS = {
    "list_type": "write a list: [a, b] or one '- item' per line",
    "string_type": "write text; quote it if it looks like a number or a date",
    "dict_type": "write a mapping of 'name: value' lines",
    "bool_type": "write true or false",
    "int_type": "write a whole number",
    "literal_error": "use one of the values listed",
    "model_type": "write a mapping of 'name: value' lines",
}
_SCALARS = (str, int, float, bool, dt.date, type(None))


def explain(model: type[BaseModel], errors: Sequence[ErrorDetails]) -> list[Said]:
    """One (location, message, hint) per mistake: a list item written as one 'key: value'
    line is one mistake, and so is a field under a wrong name (its 'field required' is not
    repeated)."""
    misread = {one[0]: one for e in errors if (one := _one_key_item(model, e))}
    right = {tuple(e["loc"]): _field_meant(model, tuple(e["loc"]))
             for e in errors if e["type"] == "extra_forbidden"}
    renamed = {(*raw[:-1], name) for raw, name in right.items() if name}
    said: list[Said] = []
    for error in errors:
        raw, loc = tuple(error["loc"]), clean_loc(tuple(error["loc"]))
        item = next((m for m in misread if loc[: len(m)] == m), None)
        if item is not None:
            said.append(misread[item])
        elif raw in right:
            name = right[raw]
            said.append((loc, f"unknown field {loc[-1]!r}",
                         f"did you mean {name!r}?" if name else "remove it or check its spelling"))
        elif not (error["type"] == "missing" and raw in renamed):
            said.append((loc, *_message(model, error)))
    return list(dict.fromkeys(said))  # the errors of one misread item, once


def _field_meant(model: type[BaseModel], raw: PydanticLoc) -> str:
    """The field an unknown one at raw stands for, or ''."""
    here, _ = _walk(model, raw[:-1])
    return _right_name(here, str(raw[-1]), _names(here))


def clean_loc(loc: tuple[Any, ...]) -> FieldPath:
    """Drop the block-type tag pydantic puts between a body index and the block's field."""
    out: list[str | int] = []
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if out and isinstance(out[-1], int) and parts and parts[0] in _tag_fields(part):
            field = parts.pop(0)  # the tag's own field follows it
            if part != "paragraph":
                out.append(field)  # a paragraph's text field is the list item itself
            continue
        out.append(part)
    return tuple(out)


def _tag_fields(part: str | int) -> list[str]:
    """The field names of the block type a union tag names ([] for anything else)."""
    block = BLOCK_TYPES.get(part) if isinstance(part, str) else None
    return [info.alias or name for name, info in block.model_fields.items()] if block else []


def _message(model: type[BaseModel], error: ErrorDetails) -> tuple[str, str]:
    kind, ctx = error["type"], error.get("ctx") or {}
    here, hint = _walk(model, tuple(error["loc"]))
    if kind == "missing":
        return "field required", hint
    if kind == "union_tag_invalid":
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        tags = [t for t in tags if t != "paragraph"]
        guess = _right_name(here, str(ctx.get("tag")), tags)
        return f"unknown block type {ctx.get('tag')!r}", (
            f"did you mean {guess!r}?" if guess else f"use one of: {', '.join(tags)}")
    if kind == "union_tag_not_found":
        return ("a block is a text or a one-key mapping such as 'bullets:'",
                "split a mapping with several keys into separate list items")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), ""
    if kind == "model_type":
        found = "a list" if isinstance(error["input"], list) else "a single value"
        return f"expected a mapping of fields, found {found}", hint or TYPE_HINTS[kind]
    return error["msg"][0].lower() + error["msg"][1:], hint or TYPE_HINTS.get(kind, "")


def _one_key_item(model: type[BaseModel], error: ErrorDetails) -> Said | None:
    """What to say of a list item written 'Key finding: workers voted', which YAML reads as a
    one-key mapping: where a text may stand, to quote it; elsewhere (a definition, a stat),
    which fields the item has. None for an item whose one name is valid or misspelt."""
    raw = tuple(error["loc"])
    place = raw[:-1] if error["type"] == "missing" else raw
    value = error["input"]
    if error["type"] == "extra_forbidden" or not place or not isinstance(place[-1], int):
        return None
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    (key, inner), = value.items()
    here, _ = _walk(model, place)
    names = _names(here)
    if key in names or not isinstance(inner, _SCALARS):
        return None
    text = _takes_text(here)
    if _right_name(here, str(key), names if inner is None or not text else []):
        return None  # a name misspelt, or called by a synonym
    if not text:
        return (clean_loc(place), f"unknown field {str(key)!r}",
                f"an item here is written with the fields {', '.join(names)}")
    return _as_mapping(clean_loc(place), key, inner)


def _as_mapping(item: FieldPath, key: Any, inner: Any) -> Said:
    message = f"this line was read as a mapping because of ': ' after {str(key)!r}"
    if inner is not None and not isinstance(inner, str):
        return item, message, "quote the whole text"
    text = f"{key}: {inner}" if inner is not None else f"{key}:"
    return item, message, f"quote the whole text: {_quoted(text)}"


def _quoted(text: str) -> str:
    """text as a YAML quoted scalar: double quotes, or single when it holds '"' or '\\'."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def _right_name(here: Any, wrong: str, names: list[str]) -> str:
    """The name a wrong one stands for at a place: a synonym declared on a field there
    (a block type's synonyms on the block's one field), else the closest of names."""
    for owner in _models(here):
        for name, info in owner.model_fields.items():
            if wrong in _extra(info).get("synonyms", []):
                return info.alias or name
    return _closest(wrong, names)


def _walk(model: type[BaseModel], raw: PydanticLoc) -> tuple[Any, str]:
    """The type expected at raw (pydantic's location) and the hint declared nearest to it:
    on the last field entered, or on the item type of a list or union beneath it."""
    here: Any = model
    hint = ""
    for part in raw:
        step = _step(here, part)
        if step is None:
            return None, hint
        here, entered = step
        if entered is not None:
            hint = str(_extra(entered).get("hint", ""))
        hint = next((h for _, _, h in _options(here) if h), hint)
    return here, hint


def _step(here: Any, part: str | int) -> tuple[Any, FieldInfo | None] | None:
    """One step along a location: into a list item, a union member, a field or a dict value."""
    for tag, option, _ in _options(here):
        origin = get_origin(option)
        if isinstance(part, int):
            if origin is list:
                return get_args(option)[0], None
        elif tag == part:
            return option, None
        elif _is_model(option) and (info := _field(option, part)) is not None:
            return info.annotation, info
        elif origin is dict:
            return get_args(option)[1], None
    return None


def _options(here: Any) -> Iterator[tuple[str | None, Any, str]]:
    """The alternatives a type allows, each with its union tag and a hint declared on it."""
    origin = get_origin(here)
    if origin is Annotated:
        base, *meta = get_args(here)
        tag = next((m.tag for m in meta if isinstance(m, Tag)), None)
        hint = next((str(h) for m in meta if isinstance(m, FieldInfo)
                     if (h := _extra(m).get("hint"))), "")
        for inner_tag, option, inner_hint in _options(base):
            yield tag or inner_tag, option, inner_hint or hint
    elif origin in (Union, UnionType):
        for arg in get_args(here):
            yield from _options(arg)
    else:
        yield None, here, ""


def _names(here: Any) -> list[str]:
    """The field names and block tags valid at a place, as written in files."""
    tags = [tag for tag, _, _ in _options(here) if tag is not None]
    fields = [info.alias or name for m in _models(here) for name, info in m.model_fields.items()]
    return sorted({*tags, *fields})


def _models(here: Any) -> list[type[BaseModel]]:
    return [option for _, option, _ in _options(here) if _is_model(option)]


def _takes_text(here: Any) -> bool:
    """Whether a plain text is one of the things a place may hold."""
    return any(option is str or (_is_model(option) and issubclass(option, TextOrMapping | Inline))
               for _, option, _ in _options(here))


def _is_model(option: Any) -> bool:
    return isinstance(option, type) and issubclass(option, BaseModel)


def _field(model: type[BaseModel], name: str) -> FieldInfo | None:
    return next((info for field, info in model.model_fields.items()
                 if (info.alias or field) == name), None)


def _extra(info: FieldInfo) -> dict[str, Any]:
    extra = info.json_schema_extra
    return extra if isinstance(extra, dict) else {}


def _closest(word: str, options: list[str]) -> str:
    """The option spelt most like word, or ''."""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else ""
