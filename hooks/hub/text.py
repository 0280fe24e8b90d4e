"""Words and numbers for people: plurals, dates and figures, written one way everywhere."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def pluralise(word: str) -> str:
    """The plural of an English noun phrase's last word: study -> studies, address -> addresses."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 case study``, ``2 case studies``, ``1,000 files``."""
    word = singular if count == 1 else (plural_form or pluralise(singular))
    return f"{count:,} {word}"


def format_date(day: date) -> str:
    """UK style: ``5 March 2025``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_month(day: date) -> str:
    """``March 2025``."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def format_number(value: float | int) -> str:
    """``1234`` -> ``1,234``; ``35.0`` -> ``35``; ``2.50`` -> ``2.5``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def with_unit(value: float | int, unit: str) -> str:
    """``35`` with ``%`` -> ``35%``; with ``£`` -> ``£35``; with ``patients`` -> ``35 patients``."""
    number = format_number(value)
    if unit == "%":
        return f"{number}%"
    if unit == "£":
        return f"£{number}"
    return f"{number} {unit}"
