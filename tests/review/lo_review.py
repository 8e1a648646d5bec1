"""Edit a draft in LibreOffice, as a reviewer would, with change recording on; save as .docx.

Run with Debian's /usr/bin/python3 (it has `uno`, from python3-uno), not the project's venv:

    /usr/bin/python3 lo_review.py DRAFT.docx OUT.docx PROFILE_DIR

It starts a headless LibreOffice of its own (a private profile, a private pipe), makes the
edits below through UNO and stops it again. Each edit is what a reviewer does by hand.
No comment is added: LibreOffice 7.4 (Debian 12, headless) aborts with
NoSuchElementException when it saves any document holding an annotation inserted through
UNO, and when it loads a .docx holding comments; comments are tested with the Word-shaped
drafts instead (and read back by pandoc there too).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

BOLD = 150.0  # com.sun.star.awt.FontWeight.BOLD


def prop(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def connect(pipe: str, office: subprocess.Popen[bytes]) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        if office.poll() is not None:
            raise SystemExit(f"LibreOffice stopped (exit {office.returncode})")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not answer within 60 s")


def find(doc: object, words: str) -> object:
    search = doc.createSearchDescriptor()
    search.SearchString = words
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit(f"{words!r} is not in the draft")
    return found


def edit(doc: object) -> None:
    doc.setPropertyValue("RecordChanges", True)
    # replace words in a paragraph (sections[0].body[0])
    find(doc, "significant proportion").setString("large share")
    # replace words in a list item (sections[0].body[3].bullets[0])
    find(doc, "labor unions and associations").setString("trade unions and associations")
    # add a sentence at the end of a paragraph (sections[0].body[2])
    end = find(doc, "including ILAB's technical assistance.").getEnd()
    end.getText().insertString(end, " A new sentence closes it.", False)
    # delete a list item, its paragraph mark too (sections[0].body[3].bullets[2])
    item = find(doc, "An emerging good practice is")
    cursor = item.getText().createTextCursorByRange(item.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoNextParagraph(True)
    cursor.setString("")
    # edit the footnote text (footnotes.ita)
    note = doc.getFootnotes().getByIndex(0)
    text = note.getText()
    words = "International Trade Administration"
    cursor = text.createTextCursor()
    cursor.gotoStart(False)
    cursor.goRight(text.getString().index(words) + len(words), False)
    text.insertString(cursor, " (ITA)", False)
    # bold a word (sections[0].body[4])
    find(doc, "multi-state").setPropertyValue("CharWeight", BOLD)


def main(draft: Path, out: Path, profile: Path, edits: Callable[[object], None] = edit
         ) -> None:
    pipe = f"bb_review_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
         "--nologo", "--norestore", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = connect(pipe, office)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(draft.resolve().as_uri(), "_blank", 0,
                                           (prop("Hidden", True),))
        edits(doc)
        doc.storeToURL(out.resolve().as_uri(), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge goes down as LibreOffice quits
            desktop.terminate()
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
