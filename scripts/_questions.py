"""Questions for the scaffolds (new_case_study.py, new_adoption.py): each answer checked by the validator's
own rules, asked again until it is right, or taken from an option with --no-input."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from hub.content.contract import Contract
from hub.content.fields import check_answer, check_date, check_email, check_year_month, hint_for_term
from hub.content.records import Contact
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


def ask_contact(args: argparse.Namespace, contract: Contract, interactive: bool) -> Contact | None:
    """A named contact (with their consent), or None for the programme team."""
    if args.programme_team:
        return None
    name = args.contact_name
    if name is None and interactive:
        name = prompt(
            Question(
                "contact",
                "Contact name: someone readers may email, who agreed to be named. "
                "Leave empty to use the programme team.",
                str,
                required=False,
            )
        )
    if not (name or "").strip():
        if not interactive and args.contact_name is None:
            print(
                "--contact-name, --contact-role and --contact-email are required, or --programme-team", file=sys.stderr
            )
            raise SystemExit(2)
        return None
    role = ask(
        Question("contact-role", "Contact's role, e.g. Practice manager", text(contract, "contact.role")),
        args.contact_role,
        interactive,
    )
    address = ask(Question("contact-email", "Contact's work email address", email), args.contact_email, interactive)
    return Contact(" ".join(name.split()), role, address)


def write_new(path: Path, text: str) -> bool:
    """Write ``text`` to a new file at ``path``; False (and nothing written) if it exists."""
    if path.exists():
        print(f"{path} already exists and was not changed. Choose another name with --file.", file=sys.stderr)
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(text)
    return True
