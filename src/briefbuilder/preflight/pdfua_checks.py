"""The pdfua package's PDF/UA-1 rules, run beside ours and reported in the same terms.

pdfua marks each finding certain or heuristic. Certain findings fail; heuristic ones are
warnings a person should look at: that is pdfua's own advice. A rule pdfua could not run
is pdfua's trouble, not the brief's: it is told once per run, with what it leaves unchecked.
"""

from __future__ import annotations

import pdfua
from pdfua import Confidence, PdfuaError

from .findings import Finding, Status, failed, passed
from .report import Notices
from .subject import Subject

CHECK = "pdfua"
# pdfua rules whose ground one of our checks covers, when pdfua cannot run them
COVERED = {"UA-14-001": "preflight's pdf.headings check finds empty headings itself"}


def check_pdfua(subject: Subject, notices: Notices) -> list[Finding]:
    """Run every pdfua rule on the edition's PDF."""
    try:
        report = pdfua.validate(str(subject.pdf))
    except PdfuaError as exc:
        return [failed(CHECK, f"pdfua cannot read the PDF: {exc}", subject.in_pdf(),
                       "rebuild with 'briefbuilder build --force'")]
    found: list[Finding] = []
    for item in report.findings:
        where = subject.in_pdf(item.location.describe())
        message = f"{item.rule_id}: {item.message}"
        if item.confidence is Confidence.CERTAIN:
            found.append(failed(CHECK, message, where, item.remediation or ""))
        else:
            found.append(Finding(CHECK, Status.WARN, f"{message} (heuristic: a person should "
                                 "confirm)", where, item.remediation or ""))
    for outcome in report.skipped:
        covered = COVERED.get(outcome.rule_id, "confirm what this rule checks by hand")
        notices.add(f"pdfua {pdfua.__version__} could not run rule {outcome.rule_id} "
                    f"({outcome.skipped_reason}); nothing to fix in the briefs: {covered}")
    if not found:
        ran = len(report.outcomes) - len(report.skipped)
        found.append(passed(CHECK, f"pdfua {pdfua.__version__}: {ran} of "
                            f"{len(report.outcomes)} rules ran, no findings", subject.in_pdf()))
    return found
