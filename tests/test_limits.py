"""Pathological input stays fast: the model refuses what would take minutes or pages."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefbuilder.model.inline import MAX_WORD, parse_inline, plain_text

from .conftest import MakeSeries
from .test_loader import HEAD, messages
from .theme_helpers import theme_problems

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word(length: int) -> str:
    """A word of varied letters, as hyphenation sees a real one."""
    return (LETTERS * (length // 26 + 1))[:length]


def test_a_5000_letter_word_is_refused_fast(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": HEAD + f"      - Before {word(5000)} after.\n"})
    started = time.perf_counter()
    assert messages(folder) == [
        "b.en.yaml:5:9: sections[0].body[0]: the word 'abcdefghijklmnopqrst…' is 5,000 "
        "characters long; the limit is 100 (break it with spaces or hyphens, or link a URL)"]
    assert time.perf_counter() - started < 5


def test_a_long_title_word_is_refused(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": f"title: {word(101)}\ndate: 2024-09-01\n"
                                       "sections:\n  - body: [x]\n"})
    assert messages(folder) == [
        "b.en.yaml:1:1: title: the word 'abcdefghijklmnopqrst…' is 101 characters long; the "
        "limit is 100 (break it with spaces or hyphens, or link a URL)"]


@pytest.mark.parametrize("text", [
    word(MAX_WORD),
    f"<https://example.org/{word(300)}>",
    f"see https://example.org/{word(300)} or www.example.org/{word(300)}",
    "-".join([word(90)] * 5),  # a line may break after each hyphen
    "/".join([word(90)] * 5),
    "\u4e2d\u6587" * 200,  # CJK text needs no spaces; a line breaks between characters
])
def test_what_is_not_one_long_word(text: str) -> None:
    assert plain_text(parse_inline(text))


def test_a_long_word_in_link_text_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^the word 'abcdefghijklmnopqrst…' is 101 characters"):
        parse_inline(f"[{word(101)}](https://example.org/)")


def test_more_than_500_footnotes_are_refused(make_series: MakeSeries) -> None:
    keys = [f"n{i}" for i in range(501)]
    body = "      - " + " ".join(f"x[^{k}]" for k in keys) + "\n"
    notes = "footnotes:\n" + "".join(f"  {k}: Note.\n" for k in keys)
    folder = make_series({"b.en.yaml": HEAD + body + notes})
    assert messages(folder) == [
        "b.en.yaml:6:1: footnotes: the brief has 501 footnotes; the limit is 500 (cite a "
        "report's bibliography instead)"]


def test_500_footnotes_are_fine(make_series: MakeSeries) -> None:
    keys = [f"n{i}" for i in range(500)]
    body = "      - " + " ".join(f"x[^{k}]" for k in keys) + "\n"
    notes = "footnotes:\n" + "".join(f"  {k}: Note.\n" for k in keys)
    assert messages(make_series({"b.en.yaml": HEAD + body + notes})) == []


def nested_callouts(depth: int) -> str:
    """A body holding callouts `depth` deep, the innermost holding text."""
    inner = "'Deepest.'"
    for _ in range(depth):
        inner = "{callout: {text: [" + inner + "]}}"
    return HEAD + f"      - {inner}\n"


def test_callouts_nest_three_deep_at_most(make_series: MakeSeries) -> None:
    assert messages(make_series({"b.en.yaml": nested_callouts(3)})) == []
    folder = make_series({"b.en.yaml": nested_callouts(4)})
    assert messages(folder) == [
        "b.en.yaml:5:10: sections[0].body[0].callout: callouts are nested 4 levels deep here; "
        "the limit is 3 (move the inner callouts out, after this one)"]


def test_30_deep_callouts_are_refused_at_the_fourth_level_from_the_inside(
        make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": nested_callouts(30)})
    (message,) = messages(folder)
    where = "sections[0].body[0]" + ".callout.text[0]" * 26 + ".callout"
    assert message.endswith(f": {where}: callouts are nested 4 levels deep here; the limit is 3 "
                            "(move the inner callouts out, after this one)")


def set_margins(tmp_path: Path, margins: str, size: str = "letter") -> Path:
    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    text = brand.read_text().replace("size: letter", f"size: {size}")
    brand.write_text(text.replace(
        "margins: {top: 0.7in, right: 0.7in, bottom: 0.75in, left: 0.7in}", f"margins: {margins}"))
    return brand


@pytest.mark.parametrize(("margins", "size", "message"), [
    ("{top: 5in, right: 5in, bottom: 5in, left: 5in}", "letter",
     "margins.top is 5in; the limit is a quarter of the letter page's height (2.75in)"),
    ("{top: 1in, right: 1in, bottom: 1in, left: 60mm}", "a4",
     "margins.left is 60mm; the limit is a quarter of the a4 page's width (2.07in)"),
    ("{top: 1in, right: 0.5in, bottom: 200pt, left: 1in}", "letter",
     "margins.bottom is 200pt; the limit is a quarter of the letter page's height (2.75in)"),
])
def test_page_margins_are_validated_against_the_page(
        make_series: MakeSeries, tmp_path: Path, margins: str, size: str, message: str) -> None:
    make_series()
    brand = set_margins(tmp_path, margins, size)
    assert theme_problems(brand) == [f"{brand}:18:1: page: {message}"]


def test_long_words_are_refused_in_stat_values_and_series_titles(
        make_series: MakeSeries) -> None:
    stats = {"b.en.yaml": HEAD + f"      - stats: [{{value: {word(120)}, label: L}}]\n"}
    limit = "the limit is 100 (break it with spaces or hyphens, or link a URL)"
    folder = make_series(stats, series=f"id: s\ntitle: {word(150)}\nbriefs: [b]\n")
    assert messages(folder) == [  # a series that does not load stops there
        f"series.yaml:2:1: title: the word 'abcdefghijklmnopqrst…' is 150 characters long; {limit}"]
    assert messages(make_series(stats, name="t")) == [
        "b.en.yaml:5:18: sections[0].body[0].stats[0].value: the word 'abcdefghijklmnopqrst…' is "
        f"120 characters long; {limit}"]


def test_a_worker_at_its_memory_limit_knows_it() -> None:
    """At the limit, a failed allocation can surface as another error than MemoryError (seen:
    'field target is required for AnnAssign' from the compiler): a 1 MB probe tells."""
    code = ("import resource\n"
            "from briefbuilder.pool import _memory_exhausted\n"
            "assert not _memory_exhausted()\n"
            "size = next(int(line.split()[1]) for line in open('/proc/self/status')\n"
            "            if line.startswith('VmSize:')) * 1024\n"
            "resource.setrlimit(resource.RLIMIT_AS, (size + 2**19, resource.RLIM_INFINITY))\n"
            "print(_memory_exhausted())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stdout) == (0, "True\n"), done.stderr
