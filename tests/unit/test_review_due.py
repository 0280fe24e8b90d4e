"""Keeping case studies alive: the review report and the notice on overdue pages."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from hub.content.records import CaseStudy
from hub.outputs.search import for_index, indexed_text
from hub.pages.entries import render_case_study
from support import ROOT, case_study_text

SCRIPT = ROOT / "scripts" / "review_due.py"


def write(folder, name, review_due, **changes):
    (folder / name).write_text(case_study_text(review_due=review_due, **changes), encoding="utf-8")


def run(tmp_path, *args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--case-studies", "case_studies", "--today", "2026-06-01", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def make_folder(tmp_path):
    folder = tmp_path / "case_studies"
    folder.mkdir()
    write(folder, "overdue.md", "2026-05-01", title="Overdue one")
    write(folder, "soon.md", "2026-06-20", title="Due soon", contact="programme-team")
    write(folder, "later.md", "2027-01-01", title="Later one")
    return folder


def test_lists_due_and_overdue_with_contacts(tmp_path):
    make_folder(tmp_path)
    result = run(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2026-05-01  overdue by 31 days    case_studies/overdue.md",
        "            Overdue one",
        "            contact: Alex Example <alex@example.org>",
        "1 case study to review.",
    ]


def test_within_days_and_csv(tmp_path):
    make_folder(tmp_path)
    result = run(tmp_path, "--within", "30", "--csv")
    lines = result.stdout.splitlines()
    assert lines[0] == "review_due,days,title,path,url,contact_name,contact_role,contact_email"
    assert (
        lines[1]
        == "2026-05-01,-31,Overdue one,case_studies/overdue.md,/case-studies/overdue/,Alex Example,Practice manager,alex@example.org"
    )
    assert lines[2].startswith(
        "2026-06-20,19,Due soon,case_studies/soon.md,/case-studies/soon/,Primary Care Programme team,"
    )
    assert len(lines) == 3


def test_nothing_due(tmp_path):
    folder = tmp_path / "case_studies"
    folder.mkdir()
    write(folder, "later.md", "2027-01-01")
    assert run(tmp_path).stdout == "No case studies are due for review (as of 1 June 2026).\n"


def test_overdue_page_shows_a_notice(contract):
    record = CaseStudy(stem="x", path="case_studies/x.md", title="X", review_due=date(2026, 5, 1), readable=True)
    page = render_case_study(record, contract.taxonomy, today=date(2026, 6, 1))
    assert '<div class="hub-review-notice" role="note" data-pagefind-ignore><p><strong>Due for review.</strong>' in page
    assert '<time datetime="2026-05-01">1 May 2026</time>' in page
    # Page furniture, not content: "medication review" must not find every overdue page through it.
    assert "Due for review" not in indexed_text(page) and "hub-review-notice" not in for_index(page)
    assert "hub-review-notice" not in render_case_study(record, contract.taxonomy, today=date(2026, 5, 1))
