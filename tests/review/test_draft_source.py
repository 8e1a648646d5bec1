"""A draft knows its source: ids in custom properties, the snapshot part, hidden bookmarks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbuilder.writers.docx.source import content_hash
from tests.writers.docx_helpers import EVERY_BLOCK, NS, SAMPLE, build, editions, part

BB = "{urn:briefbuilder:snapshot:1}"
OP = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


@pytest.fixture(scope="module")
def sample() -> bytes:
    return build(editions(SAMPLE)[0])


def test_custom_properties_name_series_brief_lang_and_hash(sample: bytes) -> None:
    brief = editions(SAMPLE)[0].brief
    props = part(sample, "docProps/custom.xml")
    found = {p.get("name"): p[0].text for p in props.iter(f"{OP}property")}
    assert found == {"briefbuilder.series": "mexico-auto", "briefbuilder.brief": "introduction",
                     "briefbuilder.lang": "en", "briefbuilder.hash": content_hash(brief)}


def test_the_snapshot_is_related_from_the_document_and_holds_every_text(sample: bytes) -> None:
    rels = part(sample, "word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in rels if r.get("Type").endswith("/customXml")]
    assert targets == ["../customXml/item1.xml"]
    snapshot = part(sample, "customXml/item1.xml")
    blocks = {b.get("id"): (json.loads(b.get("path")), b.text) for b in snapshot.iter(f"{BB}block")}
    assert blocks["_bb_s0_b3_u0"] == (
        ["sections", 0, "body", 3, "bullets", 0],
        "**System actors** encompass workers and employers within the automotive industry, "
        "labor unions and associations, civil society, government representatives, academia, "
        "and international implementing partners.")
    assert blocks["_bb_fn1"][0] == ["footnotes", "ita"]
    assert blocks["_bb_fn1"][1].startswith('International Trade Administration. "[Mexico')
    props = part(sample, "customXml/itemProps1.xml")
    assert props.xpath("//ds:schemaRef/@ds:uri", namespaces={
        "ds": "http://schemas.openxmlformats.org/officeDocument/2006/customXml"}) == [
        "urn:briefbuilder:snapshot:1"]


@pytest.mark.parametrize("folder", [SAMPLE, EVERY_BLOCK], ids=["sample", "every-block"])
def test_every_snapshot_block_has_one_hidden_bookmark(folder: Path) -> None:
    data = build(editions(folder)[0])
    snapshot = part(data, "customXml/item1.xml")
    ids = [b.get("id") for b in snapshot.iter(f"{BB}block")]
    names = [n for p in ("word/document.xml", "word/footnotes.xml")
             for n in part(data, p).xpath("//w:bookmarkStart/@w:name", namespaces=NS)
             if n.startswith("_bb_")]
    assert len(set(names)) == len(names) and len(set(ids)) == len(ids)
    assert max(len(n) for n in names) <= 40
    assert sorted(names) == sorted(ids)  # every text, a project's name before its acronym too
    assert not any(b.get("anchored") == "0" for b in snapshot.iter(f"{BB}block"))


def test_the_snapshot_lists_the_drafts_own_paragraphs(sample: bytes) -> None:
    own = [o.text for o in part(sample, "customXml/item1.xml").iter(f"{BB}own")]
    assert own[:2] == ["Investing in Mexico\u2019s Auto Workers for Sustainable Growth",
                       "U.S. Department of Labor, Bureau of International Labor Affairs"]
    assert own[2].startswith("This brief does not necessarily reflect the views")
    assert len(own) == 3
