#!/usr/bin/env python3
"""List case studies and adoption notes due or overdue for review, with their contacts.

Usage:
  python scripts/review_due.py               # due today or overdue
  python scripts/review_due.py --within 30   # ... or due in the next 30 days
  python scripts/review_due.py --csv > reminders.csv
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date, timedelta
from pathlib import Path

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import CASE_STUDIES, contract_or_exit, run
from hub import pipeline
from hub.index.reviews import ReviewItem, select_reviews
from hub.text import format_date, plural

COLUMNS = ["review_due", "days", "title", "path", "url", "contact_name", "contact_role", "contact_email"]


def due(items: list[ReviewItem], today: date, within: int) -> list[ReviewItem]:
    """Entries whose review date is on or before ``today + within`` days, soonest first."""
    limit = today + timedelta(days=within)
    return [i for i in items if i.review_due is not None and i.review_due <= limit]


def when(review_due: date, today: date) -> str:
    days = (review_due - today).days
    if days < 0:
        return f"overdue by {plural(-days, 'day')}"
    if days == 0:
        return "due today"
    return f"due in {plural(days, 'day')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--within", type=int, default=0, metavar="DAYS", help="also list reviews due in the next DAYS days"
    )
    parser.add_argument("--csv", action="store_true", help="print CSV (for a spreadsheet or a mail merge)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help=argparse.SUPPRESS)
    parser.add_argument("--case-studies", type=Path, default=CASE_STUDIES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.within < 0:
        parser.error("--within must be 0 or more")
    contract_or_exit()
    config = pipeline.HubConfig(root=Path.cwd(), case_studies=args.case_studies.resolve(), today=args.today)
    collection = pipeline.load_hub(config).collection
    listed = due(
        select_reviews(collection.case_studies, collection.adoptions, args.today, args.within), args.today, args.within
    )
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for item in listed:
            contact = item.contact
            assert item.review_due is not None
            writer.writerow(
                [
                    item.review_due.isoformat(),
                    (item.review_due - args.today).days,
                    item.title,
                    item.path,
                    f"/{item.url}",
                    contact.name if contact else "",
                    contact.role if contact else "",
                    contact.email if contact else "",
                ]
            )
        return 0
    if not listed:
        horizon = f" or due in the next {args.within} days" if args.within else ""
        print(f"No case studies are due for review{horizon} (as of {format_date(args.today)}).")
        return 0
    for item in listed:
        assert item.review_due is not None
        contact = f"{item.contact.name} <{item.contact.email}>" if item.contact else "no contact"
        print(f"{item.review_due.isoformat()}  {when(item.review_due, args.today):<20}  {item.path}")
        print(f"            {item.title}")
        print(f"            contact: {contact}")
    case_studies = sum(1 for i in listed if i.kind == "case study")
    notes = len(listed) - case_studies
    counted = plural(case_studies, "case study") + (f" and {plural(notes, 'adoption note')}" if notes else "")
    print(f"{counted} to review.")
    return 0


if __name__ == "__main__":
    run(main)
