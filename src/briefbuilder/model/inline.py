"""Inline text: the spans both writers walk, and the one parser that makes them.

Inline markup is a closed subset of Markdown: ``**strong**``, ``*emphasis*``,
``[text](url)``, ``<url>``, ``[^key]`` footnote references, a backslash before a
newline for a line break, and ``\\`` escapes. Raw HTML and entities stay literal text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

ALLOWED_SCHEMES = ("https", "http", "mailto")
FOOTNOTE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
# Characters XML 1.0 cannot carry; they must never reach a writer.
_XML_ILLEGAL = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff"
XML_ILLEGAL = re.compile(f"[{_XML_ILLEGAL}]")
# Bidi embedding, override and isolate controls reorder what a reader sees (U+202E shows
# "fdp.exe" as "exe.pdf"); a brief never needs them, so no text may hold one.
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
BIDI_CONTROLS = re.compile(f"[{_BIDI_CONTROLS}]")
# Either kind: one pass over a text that holds neither (the usual case); the two above
# then name what a text holds.
UNPRINTABLE = re.compile(f"[{_XML_ILLEGAL}{_BIDI_CONTROLS}]")
BIDI_DANGER = "can make text read differently than it is (U+202E shows 'fdp.exe' as 'exe.pdf')"
MAX_WORD = 100  # characters; a longer word cannot be set and takes minutes to lay out
# Where a line may break inside a run without spaces: hyphens, slashes, dashes, and
# between CJK characters (which need no spaces).
_WORD = re.compile(r"[^\s/\-\u2010-\u2015\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
# What can start inline markup (or be rewritten by markdown-it's normalize rule, as '\r'):
# a text without any of these is one plain Text span, and markdown-it need not read it.
_MARKUP = re.compile(r"[*_\[<\\\n\r]")
# Invisible characters (format, space, control) never belong in a host name.
_INVISIBLE = re.compile(r"[\u00ad\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f"
                        r"\u3164\ufe00-\ufe0f\ufeff\uffa0\s]")
_DOT_LOOKALIKES = re.compile("[\u3002\uff0e\uff61]")  # browsers read these as '.'
_URL_WORD = re.compile(r"[(<\[\"']*(https?://|mailto:|www\.)", re.IGNORECASE)


class _Span(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Span):
    kind: Literal["text"] = "text"
    text: str


class LineBreak(_Span):
    kind: Literal["break"] = "break"


class FootnoteRef(_Span):
    kind: Literal["footnote"] = "footnote"
    key: str


class Strong(_Span):
    kind: Literal["strong"] = "strong"
    children: tuple[Span, ...]


class Emphasis(_Span):
    kind: Literal["emphasis"] = "emphasis"
    children: tuple[Span, ...]


class Link(_Span):
    kind: Literal["link"] = "link"
    href: str
    children: tuple[Span, ...]


Span = Annotated[
    Text | LineBreak | FootnoteRef | Strong | Emphasis | Link, Field(discriminator="kind")
]
for _model in (Strong, Emphasis, Link):
    _model.model_rebuild()


def check_href(href: str) -> str:
    """Return href if its scheme is allow-listed; raise ValueError saying what is allowed."""
    if href.startswith("#"):
        return href
    try:
        parts = urlsplit(href)
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise ValueError(f"link target {href!r} is not a valid address: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and not parts.hostname:
        raise ValueError(f"link target {href!r} names no host; write {scheme}://host/path")
    if hidden := _INVISIBLE.search(parts.netloc):
        raise ValueError(
            f"link target {href!r} hides the invisible character U+{ord(hidden.group(0)):04X} "
            "in its host name, so it is not the site it looks like; remove it")
    if parts.username is not None:
        shown_netloc = parts.netloc.split("@")[-1]
        raise ValueError(
            f"link target {href.replace(parts.netloc, '…@' + shown_netloc)!r} carries a user "
            "name or password, which the brief would publish; remove the part before '@'"
        )
    if scheme == "mailto" and not parts.path:
        raise ValueError(f"link target {href!r} names no address; write mailto:name@example.org")
    if scheme in ALLOWED_SCHEMES:
        return href
    shown = f"'{scheme}:'" if scheme else "a relative link"
    raise ValueError(
        f"link target {href!r} uses {shown}; allowed are https:, http:, mailto: "
        "and in-document anchors (#id)"
    )


def host_warning(href: str) -> str | None:
    """Why a link's host name may pass for another site (letters of several scripts in one
    label, as a Cyrillic 'a' in 'apple.com'), naming its punycode form; None if it cannot."""
    try:
        host = urlsplit(href).hostname or ""
    except ValueError:
        return None
    if dot := _DOT_LOOKALIKES.search(host):
        dotted = _DOT_LOOKALIKES.sub(".", host)
        return (f"link host {host!r} uses {dot.group(0)!r} (U+{ord(dot.group(0)):04X}) as a dot, "
                f"so it can pass for another site; browsers go to {dotted}")
    for label in host.split("."):
        scripts = sorted({_script(c) for c in label if c.isalpha()})
        if len(scripts) > 1:
            try:
                ascii_host = host.encode("idna").decode("ascii")
            except UnicodeError:
                ascii_host = "not a valid host name"
            return (f"link host {host!r} mixes {' and '.join(scripts)} letters, so it can pass "
                    f"for another site; it is {ascii_host}")
    return None


def _script(char: str) -> str:
    """The script of a letter, as Unicode names it ('Latin', 'Cyrillic'); Han, kana and
    Hangul count as one, since Japanese and Korean names mix them."""
    script = unicodedata.name(char, "Unknown").split(" ")[0].title()
    return "CJK" if script in ("Cjk", "Hiragana", "Katakana", "Hangul", "Bopomofo") else script


def forbidden_character(text: str) -> str | None:
    """Why text cannot be printed as written (an XML-illegal or a bidi control), or None."""
    if UNPRINTABLE.search(text) is None:
        return None
    if bad := XML_ILLEGAL.search(text):
        return (f"control character U+{ord(bad.group(0)):04X} at offset {bad.start()} "
                "cannot be printed; remove it")
    if bad := BIDI_CONTROLS.search(text):
        return (f"bidirectional control U+{ord(bad.group(0)):04X} at offset {bad.start()} "
                f"{BIDI_DANGER}; remove it")
    return None


def check_words(text: str) -> str:
    """Return text if no word in it (URLs aside) is longer than MAX_WORD; else raise."""
    if max(map(len, text.split()), default=0) <= MAX_WORD:  # no token is that long
        return text
    for token in text.split():
        if _URL_WORD.match(token):
            continue
        for word in _WORD.findall(token):
            if len(word) > MAX_WORD:
                raise ValueError(
                    f"the word {word[:20] + '…'!r} is {len(word):,} characters long; the "
                    f"limit is {MAX_WORD} (break it with spaces or hyphens, or link a URL)")
    return text


def _footnote_rule(state: StateInline, silent: bool) -> bool:
    """Parse ``[^key]`` into a footnote_ref token."""
    src, pos = state.src, state.pos
    if not src.startswith("[^", pos):
        return False
    match = FOOTNOTE_KEY.match(src, pos + 2)
    if match is None or not src.startswith("]", match.end()):
        return False
    if not silent:
        token = state.push("footnote_ref", "", 0)
        token.meta = {"key": match.group(0)}
    state.pos = match.end() + 1
    return True


class _BriefMarkdown(MarkdownIt):
    """markdown-it keeping hrefs as written; check_href judges them, with a message."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url


@cache
def _markdown() -> MarkdownIt:
    md = _BriefMarkdown("zero").enable(["emphasis", "link", "autolink", "escape", "newline"])
    md.inline.ruler.before("link", "footnote_ref", _footnote_rule)
    return md


def _build(tokens: list[Token]) -> tuple[Span, ...]:
    """Turn markdown-it's flat inline tokens into nested spans."""
    stack: list[tuple[Token | None, list[Span]]] = [(None, [])]
    for token in tokens:
        out = stack[-1][1]
        if token.type == "text" and token.content:
            out.append(Text(text=token.content))
        elif token.type == "softbreak":
            out.append(Text(text=" "))
        elif token.type == "hardbreak":
            out.append(LineBreak())
        elif token.type == "footnote_ref":
            out.append(FootnoteRef(key=token.meta["key"]))
        elif token.type.endswith("_open"):
            stack.append((token, []))
        elif token.type.endswith("_close"):
            opener, children = stack.pop()
            assert opener is not None
            stack[-1][1].append(_close(opener, _merge_text(children)))
    return _merge_text(stack[0][1])


def _close(opener: Token, children: tuple[Span, ...]) -> Span:
    if opener.type == "strong_open":
        return Strong(children=children)
    if opener.type == "em_open":
        return Emphasis(children=children)
    return Link(href=check_href(str(opener.attrs["href"])), children=children)


def _merge_text(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for span in spans:
        if merged and isinstance(span, Text) and isinstance(merged[-1], Text):
            merged[-1] = Text(text=merged[-1].text + span.text)
        else:
            merged.append(span)
    return tuple(merged)


def parse_inline(source: str) -> tuple[Span, ...]:
    """Parse inline markup into spans; raise ValueError on a disallowed link, character or
    overlong word."""
    if problem := forbidden_character(source):
        raise ValueError(problem)
    text = source.strip()
    if _MARKUP.search(text) is None:
        spans: tuple[Span, ...] = (Text(text=text),) if text else ()
    else:
        tokens = _markdown().parseInline(text)
        spans = _build(tokens[0].children or []) if tokens else ()
    check_words(plain_text(spans))
    return spans


def iter_spans(spans: tuple[Span, ...]) -> Iterator[Span]:
    """Every span, depth first, containers before their children."""
    for span in spans:
        yield span
        if isinstance(span, Strong | Emphasis | Link):
            yield from iter_spans(span.children)


def plain_text(spans: tuple[Span, ...], numbers: Mapping[str, int] | None = None) -> str:
    """What a reader sees of the spans, without markup; footnote marks as the number
    `numbers` gives them, else left out."""
    parts: list[str] = []
    for span in spans:
        if isinstance(span, Text):
            parts.append(span.text)
        elif isinstance(span, LineBreak):
            parts.append("\n")
        elif isinstance(span, Strong | Emphasis | Link):
            parts.append(plain_text(span.children, numbers))
        elif numbers is not None and span.key in numbers:
            parts.append(str(numbers[span.key]))
    return "".join(parts)


class Inline(BaseModel):
    """A text field: written as markup, held as spans."""

    model_config = ConfigDict(frozen=True)

    source: str
    spans: tuple[Span, ...]

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"source": value, "spans": parse_inline(value)}
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {"source": str(value), "spans": parse_inline(str(value))}
        if isinstance(value, Inline) or (isinstance(value, dict) and "source" in value):
            return value
        names: dict[type, str] = {dict: "a mapping", list: "a list"}
        found = names.get(type(value), type(value).__name__)
        raise ValueError(f"expected text, found {found}")

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "description": "Text with inline markup: **strong**, *emphasis*, [text](url), "
            "<url>, [^key] footnote reference.",
        }

    @property
    def plain(self) -> str:
        return plain_text(self.spans)

    def footnote_keys(self) -> list[str]:
        return [s.key for s in iter_spans(self.spans) if isinstance(s, FootnoteRef)]

    def links(self) -> list[str]:
        return [s.href for s in iter_spans(self.spans) if isinstance(s, Link)]
