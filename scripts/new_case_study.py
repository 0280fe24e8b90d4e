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
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import CASE_STUDIES, contract_or_exit, run

from hub.content.contract import Contract
from hub.content.records import Contact
from hub.content.files import slugify
from hub.content.fields import check_answer, check_date, check_email, check_year_month, hint_for_term
from hub.contributors.scaffold import NewCaseStudy, one_year_later, render_new_case_study
from hub.content.taxonomy import Vocabulary

# A checker turns an answer into a value, or raises ValueError with the message to show.
Checker = Callable[[str], object]


class Cancelled(Exception):
    """The contributor ended the questions (Ctrl-D or Ctrl-C)."""


@dataclass(frozen=True)
class Question:
    name: str  # the option, e.g. "borough" for --borough
    prompt: str
    check: Checker
    required: bool = True
    default: str | None = None


def text(contract: Contract, field: str) -> Checker:
    """An answer to a text field, checked by the validator's own rule for that field."""

    def check(answer: str) -> str:
        value = " ".join(answer.split())
        if not value:
            raise ValueError("this is required")
        messages = check_answer(value, contract.field(field), field, contract.taxonomy)
        if messages:
            raise ValueError("; ".join(messages))
        return value

    return check


def terms(vocabulary: Vocabulary, many: bool, required: bool = True) -> Checker:
    def check(answer: str) -> tuple[str, ...] | str:
        values = [v.strip() for v in answer.split(",") if v.strip()] if many else [answer.strip()]
        if not values or values == [""]:
            if not required:
                return ()
            raise ValueError("choose at least one" if many else "this is required")
        found = []
        for value in values:
            term = vocabulary.resolve(value)
            if term is None:
                raise ValueError(f"'{value}' is not a known {vocabulary.singular} {hint_for_term(value, vocabulary)}")
            found.append(term.name if vocabulary.key == "areas" else term.id)
        return tuple(dict.fromkeys(found)) if many else found[0]

    return check


def period(today: date) -> Checker:
    """A year or a year and month, not in the future (the validator's own rule); empty when optional."""

    def check(answer: str) -> str:
        value = answer.strip()
        if not value:
            return ""
        message = check_year_month(value)
        if message:
            raise ValueError(message)
        if (int(value[:4]), int(value[5:7] or 1) if len(value) > 4 else 1) > (today.year, today.month):
            raise ValueError(f"{value} is in the future")
        return value

    return check


def day(answer: str) -> date:
    message = check_date(answer.strip())
    if message:
        raise ValueError(message)
    return date.fromisoformat(answer.strip())


def email(answer: str) -> str:
    message = check_email(answer.strip())
    if message:
        raise ValueError(message)
    return answer.strip()


def allowed(vocabulary: Vocabulary) -> str:
    return "; ".join(f"{t.id} ({t.name})" if t.id != t.name.lower() else t.id for t in vocabulary)


def questions(contract: Contract, today: date) -> list[Question]:
    t = contract.taxonomy
    areas = ", ".join(a.name for a in t.areas)
    return [
        Question("title", f"Title: what you did and where, in plain words (at most {contract.limit('title')} characters)",
                 text(contract, "title")),
        Question("summary", f"Summary: one or two sentences, plain text, at most {contract.limit('summary')} characters",
                 text(contract, "summary")),
        Question("organisation", "Organisation: the practice, network, federation or pharmacy that did the work",
                 text(contract, "organisation")),
        Question("borough", f"Boroughs, separated by commas. Allowed: {areas}", terms(t.areas, many=True)),
        Question("theme", f"Themes, separated by commas, main theme first. Allowed: {allowed(t.themes)}", terms(t.themes, many=True)),
        Question(
            "setting", f"Settings (optional), separated by commas. Allowed: {allowed(t.settings)}",
            terms(t.settings, many=True, required=False), required=False,
        ),
        Question("started", "When the work started: a year (2015) or a year and month (2015-04)", period(today)),
        Question("status", f"Status. Allowed: {allowed(t.statuses)}", terms(t.statuses, many=False)),
        Question("ended", "When the work stopped (2019 or 2019-03); leave empty if it continues", period(today),
                 required=False),
        Question("status-checked", "Date the status was last confirmed (YYYY-MM-DD)", day, default=today.isoformat()),
        Question("account", f"Who is writing it? Allowed: {allowed(t.accounts)}", terms(t.accounts, many=False),
                 default="team"),
        Question("evidence", f"Evidence level. Allowed: {allowed(t.evidence)}", terms(t.evidence, many=False)),
        Question("published", "Published (YYYY-MM-DD)", day, default=today.isoformat()),
    ]


def ask(question: Question, given: str | None, interactive: bool) -> object:
    """The checked value of ``question``, from its option or from the keyboard."""
    answer = given
    while True:
        if answer is None and question.default is not None and not interactive:
            answer = question.default
        if answer is not None:
            try:
                return question.check(answer)
            except ValueError as exc:
                print(f"{question.name}: {exc}", file=sys.stderr)
                if not interactive:
                    raise SystemExit(2) from exc
        elif not interactive:
            if not question.required:
                return question.check("")
            print(f"--{question.name} is required (or leave out --no-input to be asked)", file=sys.stderr)
            raise SystemExit(2)
        answer = prompt(question)


def prompt(question: Question) -> str:
    suffix = f" [{question.default}]" if question.default else ""
    try:
        answer = input(f"\n{question.prompt}{suffix}\n> ")
    except (EOFError, KeyboardInterrupt) as exc:
        raise Cancelled from exc
    return answer if answer.strip() or question.default is None else question.default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for name in ("title", "summary", "organisation", "status", "evidence", "published", "review-due", "started",
                 "ended", "status-checked", "account"):
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
    if path.exists():
        print(f"{path} already exists and was not changed. Choose another name with --file.", file=sys.stderr)
        return 1
    args.folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(render_new_case_study(answers, contract))
    print(f"Created {path}")
    print("Next: write each section (replace the guidance between <!-- and -->), then check it with")
    print(f"  make check    (or: python scripts/validate.py {path})")
    return 0


def collect(args: argparse.Namespace, contract: Contract, interactive: bool) -> NewCaseStudy:
    """Every answer, checked: from the options, else asked for."""
    today = date.today()
    given = {
        "title": args.title, "summary": args.summary, "organisation": args.organisation,
        "borough": ",".join(args.borough) if args.borough else None,
        "theme": ",".join(args.theme) if args.theme else None,
        "setting": ",".join(args.setting) if args.setting else ("" if not interactive else None),
        "status": args.status, "evidence": args.evidence, "published": args.published,
        "started": args.started, "ended": args.ended if args.ended is not None else ("" if not interactive else None),
        "status-checked": args.status_checked, "account": args.account,
    }
    values = {q.name: ask(q, given[q.name], interactive) for q in questions(contract, today)}
    published = values["published"]
    review = Question("review-due", "Review due (YYYY-MM-DD): when to check it is still right", day,
                      default=one_year_later(published).isoformat())
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
        title=values["title"], summary=values["summary"], organisation=values["organisation"],
        boroughs=values["borough"], themes=values["theme"], settings=values["setting"],
        status=values["status"], evidence=values["evidence"],
        contact=ask_contact(args, contract, interactive), published=published, review_due=review_due,
        started=values["started"], ended=values["ended"] or None, status_checked=values["status-checked"],
        account=values["account"],
    )


def ask_contact(args: argparse.Namespace, contract: Contract, interactive: bool) -> Contact | None:
    """A named contact (with their consent), or None for the programme team."""
    if args.programme_team:
        return None
    name = args.contact_name
    if name is None and interactive:
        name = prompt(Question("contact", "Contact name: someone readers may email, who agreed to be named. "
                                          "Leave empty to use the programme team.", str, required=False))
    if not (name or "").strip():
        if not interactive and args.contact_name is None:
            print("--contact-name, --contact-role and --contact-email are required, or --programme-team",
                  file=sys.stderr)
            raise SystemExit(2)
        return None
    role = ask(Question("contact-role", "Contact's role, e.g. Practice manager", text(contract, "contact.role")),
               args.contact_role, interactive)
    address = ask(Question("contact-email", "Contact's work email address", email), args.contact_email, interactive)
    return Contact(" ".join(name.split()), role, address)


if __name__ == "__main__":
    run(main)
