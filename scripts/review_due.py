#!/usr/bin/env python3
"""List case studies due or overdue for review, with their contacts.

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

from hub.content.collection import load_collection
from hub.text import format_date, plural
from hub.content.records import CaseStudy

COLUMNS = ["review_due", "days", "title", "path", "url", "contact_name", "contact_role", "contact_email"]


def due(case_studies: tuple[CaseStudy, ...], today: date, within: int) -> list[CaseStudy]:
    """Case studies whose review date is on or before ``today + within`` days, soonest first."""
    limit = today + timedelta(days=within)
    found = [c for c in case_studies if c.review_due is not None and c.review_due <= limit]
    return sorted(found, key=lambda c: (c.review_due, c.path))


def when(review_due: date, today: date) -> str:
    days = (review_due - today).days
    if days < 0:
        return f"overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "due today"
    return f"due in {days} day{'s' if days != 1 else ''}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--within", type=int, default=0, metavar="DAYS", help="also list reviews due in the next DAYS days")
    parser.add_argument("--csv", action="store_true", help="print CSV (for a spreadsheet or a mail merge)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help=argparse.SUPPRESS)
    parser.add_argument("--case-studies", type=Path, default=CASE_STUDIES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.within < 0:
        parser.error("--within must be 0 or more")
    contract = contract_or_exit()
    collection = load_collection(args.case_studies.resolve(), Path.cwd(), contract)
    listed = due(collection.case_studies, args.today, args.within)
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for c in listed:
            contact = c.contact
            writer.writerow([
                c.review_due.isoformat(), (c.review_due - args.today).days, c.title, c.path, f"/{c.url}",
                contact.name if contact else "", contact.role if contact else "", contact.email if contact else "",
            ])
        return 0
    if not listed:
        horizon = f" or due in the next {args.within} days" if args.within else ""
        print(f"No case studies are due for review{horizon} (as of {format_date(args.today)}).")
        return 0
    for c in listed:
        contact = f"{c.contact.name} <{c.contact.email}>" if c.contact else "no contact"
        print(f"{c.review_due.isoformat()}  {when(c.review_due, args.today):<20}  {c.path}")
        print(f"            {c.title}")
        print(f"            contact: {contact}")
    print(f"{len(listed)} case stud{'y' if len(listed) == 1 else 'ies'} to review.")
    return 0


if __name__ == "__main__":
    run(main)
