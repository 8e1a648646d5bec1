"""The closed set of block types a section body holds.

In a file, a plain string is a paragraph and every other block is a one-key
mapping named after its type (``bullets:``, ``figure:`` ...). Each class below
mirrors that mapping, so a field path in an error is the path in the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from .inline import Inline, check_href, check_words


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class TextOrMapping(_Model):
    """A block written either as a plain string (its text) or as a mapping."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Paragraph(TextOrMapping):
    """A paragraph, written as a plain string in a body list."""

    text: Inline

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "title": "Paragraph", "description": "A paragraph of text."}


class ListItem(TextOrMapping):
    """A list item; it may hold one nested list (bullets or numbered), no deeper."""

    text: Inline
    bullets: list[Inline] | None = None
    numbered: list[Inline] | None = None

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string"}, handler(core_schema)]}

    @model_validator(mode="after")
    def _one_sublist(self) -> ListItem:
        if self.bullets is not None and self.numbered is not None:
            raise ValueError("an item holds one nested list: bullets or numbered, not both")
        return self

    @property
    def children(self) -> list[Inline]:
        return self.bullets or self.numbered or []


class Bullets(_Model):
    bullets: list[ListItem] = Field(min_length=1, json_schema_extra={
        "synonyms": ["list", "items", "ul"]})


class Numbered(_Model):
    numbered: list[ListItem] = Field(min_length=1, json_schema_extra={
        "synonyms": ["steps", "ordered", "ol"]})


class Definition(_Model):
    term: Inline
    text: Inline


class Definitions(_Model):
    definitions: list[Definition] = Field(min_length=1, json_schema_extra={
        "synonyms": ["glossary", "terms"]})


CalloutKind = Literal["insight", "lesson", "practice", "note"]


# A table cell that is a number: an amount, a share, a count with separators ('1,250', '12.5%').
NUMBER = re.compile(r"[-+\u2212]?[$\u20ac\u00a3]?\d[\d.,\u00a0\u202f ]*%?")
MAX_CALLOUT_DEPTH = 3  # deeper nesting only shrinks the text column to nothing


class CalloutBody(_Model):
    kind: CalloutKind = Field("note", json_schema_extra={"synonyms": ["type", "variant", "style"]})
    title: Inline | None = None
    text: list[Block] = Field(min_length=1, json_schema_extra={"type": ["string", "array"]})

    @field_validator("text", mode="before")
    @classmethod
    def _text_as_blocks(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _not_too_deep(self) -> CalloutBody:
        if self.depth > MAX_CALLOUT_DEPTH:
            raise ValueError(
                f"callouts are nested {self.depth} levels deep here; the limit is "
                f"{MAX_CALLOUT_DEPTH} (move the inner callouts out, after this one)")
        return self

    @property
    def depth(self) -> int:
        """1 for a callout holding no callout, 2 for one holding such a callout, ..."""
        return 1 + max((b.callout.depth for b in self.text if isinstance(b, Callout)), default=0)


class Callout(_Model):
    callout: CalloutBody = Field(json_schema_extra={"synonyms": ["box", "aside", "note"]})


class QuoteBody(_Model):
    text: Inline
    source: Inline | None = Field(None, json_schema_extra={
        "synonyms": ["author", "by", "attribution", "speaker", "cite"]})


class Quote(_Model):
    quote: QuoteBody = Field(json_schema_extra={"synonyms": ["blockquote", "quotation"]})


class TableBody(_Model):
    caption: Inline | None = None
    header: list[Inline] = Field(min_length=1)
    rows: list[list[Inline]] = Field(min_length=1)

    @model_validator(mode="after")
    def _rows_as_wide_as_header(self) -> TableBody:
        width = len(self.header)
        for number, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(
                    f"rows[{number}] has {len(row)} cells but the header has {width} "
                    "(make every row as wide as the header)"
                )
        return self

    def numeric_columns(self) -> list[bool]:
        """For each column, whether every filled cell below the header is a number (set
        right-aligned, so that digits line up)."""
        columns = [[c.plain.strip() for c in column] for column in zip(*self.rows, strict=True)]
        return [any(column) and all(NUMBER.fullmatch(c) for c in column if c)
                for column in columns]


class Table(_Model):
    table: TableBody


def _relative_file(value: str, kind: str) -> str:
    """A file name written relative to the brief: not a URL, not absolute, no '..'."""
    if urlsplit(value).scheme or value.startswith("//"):
        raise ValueError(
            f"{value!r} is a URL; {kind}s are files next to the brief "
            "(download it into the series folder and name the file)"
        )
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts:
        raise ValueError(
            f"{value!r} points outside the series folder; "
            f"put the {kind} inside it and use a relative path"
        )
    return value


def _real_alt(value: str, kind: str) -> str:
    if not value.strip():
        raise ValueError(f"alt text is empty (describe the {kind} for screen readers)")
    return value.strip()


class FigureBody(_Model):
    image: str = Field(description="Image file, relative to the brief file.", json_schema_extra={
        "hint": "name an image file next to the brief",
        "synonyms": ["src", "file", "path", "img", "url"]})
    alt: str = Field(description="What the image shows, for screen readers.", json_schema_extra={
        "hint": "describe the image for screen readers",
        "synonyms": ["alt_text", "alt-text", "alttext", "description"]})
    caption: Inline | None = None
    credit: Inline | None = Field(None, json_schema_extra={"synonyms": ["source"]})

    @field_validator("image")
    @classmethod
    def _relative_path(cls, value: str) -> str:
        return _relative_file(value, "image")

    @field_validator("alt")
    @classmethod
    def _real_alt(cls, value: str) -> str:
        return _real_alt(value, "image")


class Figure(_Model):
    figure: FigureBody = Field(json_schema_extra={
        "synonyms": ["image", "img", "picture", "graphic"]})


ChartKind = Literal["column", "bar", "line", "stacked-column", "stacked-bar"]
MAX_SERIES = 12  # more cannot be told apart, by colour or by marker
MAX_CATEGORIES = 60  # more labels than a page's axis can print legibly
# The loader puts a function here in the validation context: it reads a chart's CSV file
# (a name relative to the brief) into ChartData, or raises ValueError saying why it cannot.
CSV_READER = "chart_csv_reader"
CsvReader = Callable[[str], "ChartData"]
Number = Annotated[float, Field(allow_inf_nan=False)]


class ChartSeries(_Model):
    name: str = Field(min_length=1, json_schema_extra={"hint": "name the series, e.g. Votes"})
    values: list[Number] = Field(json_schema_extra={
        "hint": "one number per category, e.g. [12, 30, 41, 55]"})

    @field_validator("values")
    @classmethod
    def _some_values(cls, value: list[float]) -> list[float]:
        if not value:
            raise ValueError("the series has no values (give one number per category)")
        return value


class ChartData(_Model):
    """A chart's numbers: one value of each series per category."""

    categories: list[str] = Field(min_length=1, json_schema_extra={
        "hint": "list the category labels, e.g. [Q1, Q2, Q3, Q4]"})
    series: list[ChartSeries] = Field(min_length=1, json_schema_extra={
        "hint": "list the series, each with a name and values"})

    @model_validator(mode="after")
    def _a_value_per_category(self) -> ChartData:
        width = len(self.categories)
        for number, one in enumerate(self.series):
            if one.values and len(one.values) != width:
                raise ValueError(
                    f"series[{number}] ({one.name}) has {len(one.values)} values but there are "
                    f"{width} categories (give one value per category)")
        return self


class CsvData(ChartData):
    """ChartData read from a CSV file beside the brief; file is the name written."""

    file: str


def _data_or_file(schema: dict[str, Any]) -> None:
    """The schema of a chart's data: the numbers themselves, or the name of a CSV file."""
    numbers = dict(schema)
    schema.clear()
    schema.update({"hint": "write the numbers (categories: and series:) or name a CSV file",
                   "anyOf": [{"type": "string", "description": (
                       "A CSV file beside the brief: categories in the first column, one "
                       "series per other column, named by its header.")}, numbers]})


class ChartBody(_Model):
    kind: ChartKind = Field("column", json_schema_extra={"synonyms": ["type", "style"]})
    title: Inline
    data: ChartData = Field(json_schema_extra=_data_or_file)
    unit: str | None = Field(None, description="The value axis title.",
                             json_schema_extra={"synonyms": ["units", "axis"]})
    alt: str = Field(description="What the chart shows, for screen readers.", json_schema_extra={
        "hint": "say what the chart shows for screen readers",
        "synonyms": ["alt_text", "alt-text", "alttext"]})
    description: str | None = Field(None, description="A longer description for screen readers.")
    source: Inline | None = Field(None, json_schema_extra={"synonyms": ["credit"]})

    @field_validator("data", mode="before")
    @classmethod
    def _read_file(cls, value: Any, info: ValidationInfo) -> Any:
        """A file name becomes the file's data, read by the loader's CSV reader."""
        if not isinstance(value, str):
            return value
        name = _relative_file(value, "data file")
        if PurePosixPath(name).suffix.lower() != ".csv":
            raise ValueError(f"{value!r} is not a .csv file (save the data as CSV, or write "
                             "categories: and series: here)")
        reader: CsvReader | None = (info.context or {}).get(CSV_READER)
        if reader is None:
            raise ValueError(f"{value!r} cannot be read here: a CSV file is read when the "
                             "brief is loaded from its series folder")
        return reader(name)

    @field_validator("alt")
    @classmethod
    def _real_alt(cls, value: str) -> str:
        return _real_alt(value, "chart")


class Chart(_Model):
    chart: ChartBody = Field(json_schema_extra={"synonyms": ["graph", "plot"]})


class Stat(_Model):
    value: str = Field(min_length=1)
    label: Inline

    _value_words = field_validator("value")(check_words)


class Stats(_Model):
    stats: list[Stat] = Field(min_length=1, json_schema_extra={
        "synonyms": ["statistics", "metrics", "numbers"]})


class Project(_Model):
    name: Inline
    acronym: str | None = None
    url: str | None = None
    implementer: Inline

    @field_validator("url")
    @classmethod
    def _allowed_url(cls, value: str | None) -> str | None:
        return None if value is None else check_href(value)


class ProjectsBody(_Model):
    title: Inline | None = None
    items: list[Project] = Field(min_length=1)


class Projects(_Model):
    projects: ProjectsBody


class PageBreak(_Model):
    page_break: Literal[True] = Field(alias="page-break")


BLOCK_TYPES: dict[str, type[_Model]] = {
    "paragraph": Paragraph,
    "bullets": Bullets,
    "numbered": Numbered,
    "definitions": Definitions,
    "callout": Callout,
    "quote": Quote,
    "table": Table,
    "figure": Figure,
    "chart": Chart,
    "stats": Stats,
    "projects": Projects,
    "page-break": PageBreak,
}


def block_tag(value: Any) -> str | None:
    """Which block type a raw body item is: its one key, or paragraph for text."""
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict) and len(value) == 1:
        return str(next(iter(value)))
    for tag, model in BLOCK_TYPES.items():
        if isinstance(value, model):
            return tag
    return None


Block = Annotated[
    Annotated[Paragraph, Tag("paragraph")]
    | Annotated[Bullets, Tag("bullets")]
    | Annotated[Numbered, Tag("numbered")]
    | Annotated[Definitions, Tag("definitions")]
    | Annotated[Callout, Tag("callout")]
    | Annotated[Quote, Tag("quote")]
    | Annotated[Table, Tag("table")]
    | Annotated[Figure, Tag("figure")]
    | Annotated[Chart, Tag("chart")]
    | Annotated[Stats, Tag("stats")]
    | Annotated[Projects, Tag("projects")]
    | Annotated[PageBreak, Tag("page-break")],
    Discriminator(block_tag),
]

CalloutBody.model_rebuild()
