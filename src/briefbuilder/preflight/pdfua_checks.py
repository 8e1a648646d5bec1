"""The pdfua package's PDF/UA-1 rules, run beside ours and reported in the same terms.

pdfua marks each finding certain or heuristic. Certain findings fail; heuristic ones
(and rules pdfua could not run on the file) are warnings a person should look at:
that is pdfua's own advice.
"""

from __future__ import annotations

import pdfua
from pdfua import Confidence, PdfuaError

from .findings import Finding, Status, failed, passed
from .subject import Subject

CHECK = "pdfua"


def check_pdfua(subject: Subject) -> list[Finding]:
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
        found.append(Finding(CHECK, Status.WARN, f"{outcome.rule_id}: pdfua could not run this "
                             f"rule ({outcome.skipped_reason})", subject.in_pdf(),
                             "nothing to fix in the brief; preflight's own checks cover it"))
    if not found:
        found.append(passed(CHECK, f"pdfua {pdfua.__version__}: {len(report.outcomes)} rules, "
                            "no findings", subject.in_pdf()))
    return found
