#!/usr/bin/env python3
"""Start an adoption note: you tried an idea from a case study. Writes case_studies/adoptions/<name>.md.

Run it with no options and it asks for each field in turn, showing the
allowed values. Give the fields as options to skip the questions:

  python scripts/new_adoption.py \\
      --case-study sutton-red-bag \\
      --organisation "Example Care Homes Group" \\
      --borough Croydon --started 2024-05 --status running --programme-team

It never overwrites a file. Then write the two sections and run `make check`.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import CASE_STUDIES, ROOT, contract_or_exit, run
from _questions import Cancelled, Question, allowed, ask, ask_contact, day, period, terms, text, write_new
from hub import pipeline
from hub.content.adoption import FOLDER
from hub.content.contract import Contract
from hub.content.files import slugify
from hub.content.suggest import hint
from hub.contributors.scaffold import NewAdoption, one_year_later, render_new_adoption


def case_study(stems: list[str]):
    """The stem of a case study the hub has, with a did-you-mean when it is not one."""

    def check(answer: str) -> str:
        value = answer.strip().removesuffix(".md").rsplit("/", 1)[-1]
        if value not in stems:
            raise ValueError(f"'{value}' is not a case study on the hub {hint(value, stems)}")
        return value

    return check


def questions(contract: Contract, stems: list[str], today: date) -> list[Question]:
    t = contract.taxonomy
    areas = ", ".join(a.name for a in t.areas)
    return [
        Question("case-study", "Which case study did you try? Its file name, e.g. sutton-red-bag", case_study(stems)),
        Question(
            "organisation",
            "Organisation: the practice, network or pharmacy that tried it",
            text(contract, "organisation"),
        ),
        Question("borough", f"Where, separated by commas. Allowed: {areas}", terms(t.areas, many=True)),
        Question("started", "When you started: a year (2024) or a year and month (2024-05)", period(today)),
        Question("status", f"Status. Allowed: {allowed(t.statuses)}", terms(t.statuses, many=False)),
        Question(
            "ended", "When it stopped (2025 or 2025-03); leave empty if it continues", period(today), required=False
        ),
        Question("status-checked", "Date the status was last confirmed (YYYY-MM-DD)", day, default=today.isoformat()),
        Question(
            "account",
            f"Who is writing it? Allowed: {allowed(t.accounts)}",
            terms(t.accounts, many=False),
            default="team",
        ),
        Question("published", "Published (YYYY-MM-DD)", day, default=today.isoformat()),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for name in (
        "case-study",
        "organisation",
        "started",
        "status",
        "ended",
        "status-checked",
        "account",
        "published",
        "review-due",
        "contact-name",
        "contact-role",
        "contact-email",
    ):
        parser.add_argument(f"--{name}")
    parser.add_argument("--borough", action="append", help="repeat it, or separate values with commas")
    parser.add_argument("--programme-team", action="store_true", help="readers contact the programme team")
    parser.add_argument("--file", help="file name without .md (default: the first borough and the case study)")
    parser.add_argument("--folder", type=Path, default=CASE_STUDIES / FOLDER, help="where to write")
    parser.add_argument("--no-input", action="store_true", help="never ask; fail if a required option is missing")
    args = parser.parse_args(argv)
    contract = contract_or_exit()
    hub = pipeline.load_hub(pipeline.HubConfig(root=ROOT, case_studies=CASE_STUDIES))
    stems = [c.stem for c in hub.collection.case_studies]
    interactive = not args.no_input
    today = date.today()
    given = {
        "case-study": args.case_study,
        "organisation": args.organisation,
        "borough": ",".join(args.borough) if args.borough else None,
        "started": args.started,
        "status": args.status,
        "ended": args.ended if args.ended is not None else ("" if not interactive else None),
        "status-checked": args.status_checked,
        "account": args.account,
        "published": args.published,
    }
    try:
        values = {q.name: ask(q, given[q.name], interactive) for q in questions(contract, stems, today)}
        review = Question(
            "review-due",
            "Review due (YYYY-MM-DD): when to check it is still right",
            day,
            default=one_year_later(values["published"]).isoformat(),
        )
        answers = NewAdoption(
            case_study=values["case-study"],
            organisation=values["organisation"],
            boroughs=values["borough"],
            started=values["started"],
            status=values["status"],
            ended=values["ended"] or None,
            status_checked=values["status-checked"],
            account=values["account"],
            published=values["published"],
            review_due=ask(review, args.review_due, interactive),
            contact=ask_contact(args, contract, interactive),
        )
    except Cancelled:
        print("\nStopped; nothing was written.")
        return 1
    if answers.status == "stopped" and not answers.ended:
        print("ended: the status is stopped, so say when it stopped (--ended)")
        return 2
    stem = slugify(args.file or f"{answers.boroughs[0]} {answers.case_study}")
    path = args.folder / f"{stem}.md"
    if not write_new(path, render_new_adoption(answers, contract)):
        return 1
    print(f"Created {path}")
    print("Next: write both sections (replace the guidance between <!-- and -->), then check it with")
    print(f"  make check    (or: python scripts/validate.py {path})")
    return 0


if __name__ == "__main__":
    run(main)
