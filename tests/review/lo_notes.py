"""Edit, in LibreOffice, a draft of two footnotes where the first cites the second; save
as .docx. Run as lo_review.py is (Debian's python3 with `uno`):

    /usr/bin/python3 lo_notes.py DRAFT.docx OUT.docx PROFILE_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from lo_review import find, main  # type: ignore[import-not-found]


def edit_notes(doc: object) -> None:
    doc.setPropertyValue("RecordChanges", True)
    # replace words in the paragraph that cites both notes (sections[0].body[0])
    find(doc, "And another").setString("And one more")
    # replace words in the note citing the other one (footnotes.n)
    text = doc.getFootnotes().getByIndex(0).getText()
    cursor = text.createTextCursor()
    cursor.gotoStart(False)
    cursor.goRight(text.getString().index("See also"), False)
    cursor.goRight(len("See also"), True)
    cursor.setString("Compare")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), edit_notes)
