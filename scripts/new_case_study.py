#!/usr/bin/env python3
"""Start a new case study: ask for each field, then write case_studies/<name>.md.

Run it with no options and it asks for each field in turn, showing the
allowed values. Give the fields as options to skip the questions:

  python scripts/new_case_study.py \\
      --title "Same-day triage in a Greenwich practice" \\
      --summary "Every request for an appointment is triaged by a GP on the same day." \\
      --organisation "Example Medical Centre" \\
      --borough Greenwich --theme accessible-care --setting general-practice \\
      --started 2024-09 --status running --evidence measured --programme-team

It never overwrites a file. Then write the sections and run `make check`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import CASE_STUDIES, contract_or_exit, run
from _questions import Cancelled, Question, allowed, ask, ask_contact, day, period, terms, text, write_new
from hub.content.contract import Contract
from hub.content.files import slugify
from hub.contributors.scaffold import NewCaseStudy, one_year_later, render_new_case_study


def questions(contract: Contract, today: date) -> list[Question]:
    t = contract.taxonomy
    areas = ", ".join(a.name for a in t.areas)
    return [
        Question(
            "title",
            f"Title: what you did and where, in plain words (at most {contract.limit('title')} characters)",
            text(contract, "title"),
        ),
        Question(
            "summary",
            f"Summary: one or two sentences, plain text, at most {contract.limit('summary')} characters",
            text(contract, "summary"),
        ),
        Question(
            "organisation",
            "Organisation: the practice, network, federation or pharmacy that did the work",
            text(contract, "organisation"),
        ),
        Question("borough", f"Boroughs, separated by commas. Allowed: {areas}", terms(t.areas, many=True)),
        Question(
            "theme",
            f"Themes, separated by commas, main theme first. Allowed: {allowed(t.themes)}",
            terms(t.themes, many=True),
        ),
        Question(
            "setting",
            f"Settings (optional), separated by commas. Allowed: {allowed(t.settings)}",
            terms(t.settings, many=True, required=False),
            required=False,
        ),
        Question("started", "When the work started: a year (2015) or a year and month (2015-04)", period(today)),
        Question("status", f"Status. Allowed: {allowed(t.statuses)}", terms(t.statuses, many=False)),
        Question(
            "ended",
            "When the work stopped (2019 or 2019-03); leave empty if it continues",
            period(today),
            required=False,
        ),
        Question("status-checked", "Date the status was last confirmed (YYYY-MM-DD)", day, default=today.isoformat()),
        Question(
            "account",
            f"Who is writing it? Allowed: {allowed(t.accounts)}",
            terms(t.accounts, many=False),
            default="team",
        ),
        Question("evidence", f"Evidence level. Allowed: {allowed(t.evidence)}", terms(t.evidence, many=False)),
        Question("published", "Published (YYYY-MM-DD)", day, default=today.isoformat()),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for name in (
        "title",
        "summary",
        "organisation",
        "status",
        "evidence",
        "published",
        "review-due",
        "started",
        "ended",
        "status-checked",
        "account",
    ):
        parser.add_argument(f"--{name}")
    for name in ("borough", "theme", "setting"):
        parser.add_argument(f"--{name}", action="append", help="repeat it, or separate values with commas")
    parser.add_argument("--contact-name")
    parser.add_argument("--contact-role")
    parser.add_argument("--contact-email")
    parser.add_argument("--programme-team", action="store_true", help="readers contact the programme team")
    parser.add_argument("--file", help="file name without .md (default: made from the title)")
    parser.add_argument("--folder", type=Path, default=CASE_STUDIES, help="where to write (default: case_studies/)")
    parser.add_argument("--no-input", action="store_true", help="never ask; fail if a required option is missing")
    args = parser.parse_args(argv)
    contract = contract_or_exit()
    interactive = not args.no_input
    try:
        answers = collect(args, contract, interactive)
    except Cancelled:
        print("\nStopped; nothing was written.", file=sys.stderr)
        return 1
    stem = slugify(args.file or answers.title)
    path = args.folder / f"{stem}.md"
    if not write_new(path, render_new_case_study(answers, contract)):
        return 1
    print(f"Created {path}")
    print("Next: write each section (replace the guidance between <!-- and -->), then check it with")
    print(f"  make check    (or: python scripts/validate.py {path})")
    return 0


def collect(args: argparse.Namespace, contract: Contract, interactive: bool) -> NewCaseStudy:
    """Every answer, checked: from the options, else asked for."""
    today = date.today()
    given = {
        "title": args.title,
        "summary": args.summary,
        "organisation": args.organisation,
        "borough": ",".join(args.borough) if args.borough else None,
        "theme": ",".join(args.theme) if args.theme else None,
        "setting": ",".join(args.setting) if args.setting else ("" if not interactive else None),
        "status": args.status,
        "evidence": args.evidence,
        "published": args.published,
        "started": args.started,
        "ended": args.ended if args.ended is not None else ("" if not interactive else None),
        "status-checked": args.status_checked,
        "account": args.account,
    }
    values = {q.name: ask(q, given[q.name], interactive) for q in questions(contract, today)}
    published = values["published"]
    review = Question(
        "review-due",
        "Review due (YYYY-MM-DD): when to check it is still right",
        day,
        default=one_year_later(published).isoformat(),
    )
    review_due = ask(review, args.review_due, interactive)
    while review_due <= published:
        print(f"review-due: must be after published ({published.isoformat()})", file=sys.stderr)
        if not interactive:
            raise SystemExit(2)
        review_due = ask(review, None, interactive)
    if values["status"] == "stopped" and not values["ended"]:
        print("ended: the status is stopped, so say when the work stopped (--ended)", file=sys.stderr)
        raise SystemExit(2)
    return NewCaseStudy(
        title=values["title"],
        summary=values["summary"],
        organisation=values["organisation"],
        boroughs=values["borough"],
        themes=values["theme"],
        settings=values["setting"],
        status=values["status"],
        evidence=values["evidence"],
        contact=ask_contact(args, contract, interactive),
        published=published,
        review_due=review_due,
        started=values["started"],
        ended=values["ended"] or None,
        status_checked=values["status-checked"],
        account=values["account"],
    )


if __name__ == "__main__":
    run(main)
