"""A synthetic series for benchmarks: N briefs of every block type, as YAML and Markdown."""

from __future__ import annotations

import shutil
from pathlib import Path

SENTENCE = ("System actors in the automotive sector, including workers, employers, unions "
            "and government agencies, strengthened labor standards through sustained "
            "dialogue and technical assistance")


def paragraph(n: int, note: str = "") -> str:
    return " ".join(f"{SENTENCE} ({n}.{i})." for i in range(4)) + note


def brief_yaml(n: int) -> str:
    rows = "\n".join(f"            - [Project {r}, State {r}, \"{r * 1000:,}\"]" for r in range(6))
    return f"""\
title: Synthetic Brief {n}
subtitle: "**Lessons learned** from synthetic brief number {n}"
date: 2024-09-01
summary: Synthetic brief {n} for benchmarks.
keywords: [benchmark]
footnotes:
  a: "A source with a [link](https://example.org/{n}/a)."
  b: Another source.
sections:
  - body:
      - "{paragraph(n, '[^a]')}"
      - "{paragraph(n + 1)}"
      - bullets:
          - "**Lead** {SENTENCE}."
          - text: "{SENTENCE}."
            bullets: [Nested one, Nested two]
      - numbered: [First question, Second question, Third question]
  - heading: Findings
    body:
      - "{paragraph(n + 2, '[^b]')}"
      - definitions:
          - {{term: System actors, text: "{SENTENCE}."}}
      - callout: {{kind: insight, title: Key insight, text: "{SENTENCE}."}}
      - quote: {{text: "{SENTENCE}.", source: A worker}}
      - table:
          caption: Workers reached
          header: [Project, State, Workers]
          rows:
{rows}
      - figure: {{image: chart.png, alt: A bar chart of workers reached, caption: Reach}}
      - stats:
          - {{value: "3.6%", label: of GDP}}
          - {{value: 1M+, label: jobs}}
      - projects:
          title: Sampled interventions
          items:
            - {{name: Example Project, acronym: EP, implementer: An implementer}}
  - heading: Conclusions
    body:
      - "{paragraph(n + 3)}"
      - "{paragraph(n + 4)}"
"""


def brief_markdown(n: int) -> str:
    rows = "\n".join(f"| Project {r} | State {r} | {r * 1000:,} |" for r in range(6))
    return f"""\
---
title: Synthetic Brief {n}
lang: en
---

**Lessons learned** from synthetic brief number {n}

{paragraph(n, '[^a]')}

{paragraph(n + 1)}

- **Lead** {SENTENCE}.
- {SENTENCE}.
    - Nested one
    - Nested two

1. First question
2. Second question
3. Third question

## Findings

{paragraph(n + 2, '[^b]')}

System actors
:   {SENTENCE}.

> **Key insight.** {SENTENCE}.

> {SENTENCE}. --- A worker

| Project | State | Workers |
|---|---|---|
{rows}

: Workers reached

![Reach](chart.png)

**3.6%** of GDP · **1M+** jobs

- Example Project (EP), implemented by An implementer

## Conclusions

{paragraph(n + 3)}

{paragraph(n + 4)}

[^a]: A source with a [link](https://example.org/{n}/a).
[^b]: Another source.
"""


def make_series(root: Path, count: int, chart: Path,
                langs: tuple[str, ...] = ("en",)) -> tuple[Path, Path]:
    """Write the series as YAML (for us: each brief in every language of langs) and Markdown
    (for pandoc); return both folders."""
    shutil.rmtree(root, ignore_errors=True)
    series, markdown = root / "content" / "synthetic", root / "markdown"
    series.mkdir(parents=True)
    markdown.mkdir(parents=True)
    ids = [f"brief-{n:03d}" for n in range(1, count + 1)]
    (series / "series.yaml").write_text(
        f"id: synthetic\ntitle: Synthetic Series\ntheme: ilab\nbriefs: [{', '.join(ids)}]\n")
    for n, brief_id in enumerate(ids, start=1):
        for lang in langs:
            (series / f"{brief_id}.{lang}.yaml").write_text(brief_yaml(n))
        (markdown / f"{brief_id}.md").write_text(brief_markdown(n))
    for folder in (series, markdown):
        shutil.copy(chart, folder / "chart.png")
    return series, markdown
