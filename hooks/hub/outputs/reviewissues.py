"""One GitHub issue per entry overdue for review: what to open, update and close.

Pure planning from the review desk's selection and the issues already open;
``scripts/review_issues.py`` talks to GitHub. Each issue carries a marker with
the entry's file, so it is found again next week and never duplicated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from hub.index.reviews import ReviewItem
from hub.text import format_date, plural

LABEL = "review due"
MARKER = re.compile(r"<!-- hub-review: (?P<path>[^ ]+) -->")


@dataclass(frozen=True)
class Issue:
    """An open GitHub issue, as far as the planner needs it."""

    number: int
    title: str
    body: str

    @property
    def path(self) -> str | None:
        """The file the issue is about, from its marker."""
        match = MARKER.search(self.body or "")
        return match.group("path") if match else None


@dataclass(frozen=True)
class Action:
    """One change to make on GitHub."""

    kind: str  # "open", "update" or "close"
    path: str
    title: str = ""
    body: str = ""
    number: int | None = None  # the issue, for update and close
    comment: str = ""  # said when closing

    def describe(self) -> str:
        """One line for the log and for --dry-run."""
        where = f" #{self.number}" if self.number is not None else ""
        return f"{self.kind}{where}: {self.path}: {self.title or self.comment}"


def issue_title(item: ReviewItem) -> str:
    return f"Review due: {item.title}"


def issue_body(item: ReviewItem, today: date, page_url: str, edit_url: str) -> str:
    """What the programme team needs to act: when, why, whom to ask, where to look and edit."""
    assert item.review_due is not None
    days = (today - item.review_due).days
    contact = f"{item.contact.name}, {item.contact.role}, {item.contact.email}" if item.contact else "none"
    checked = format_date(item.status_checked) if item.status_checked else "never"
    return "\n".join(
        [
            f"The {item.kind} **{item.title}** was due for review on {format_date(item.review_due)}: "
            f"{plural(days, 'day')} ago.",
            "",
            f"- Page: {page_url}",
            f"- File: `{item.path}` ([edit it]({edit_url}))",
            f"- Contact: {contact}",
            f"- Status last confirmed: {checked}",
            "",
            "Ask the contact whether it is still right, then update the file: at least `review_due`, and "
            "`status` with `status_checked` if you confirmed the status. This issue closes itself when "
            "`review_due` moves on.",
            "",
            f"<!-- hub-review: {item.path} -->",
        ]
    )


def plan(
    overdue: Sequence[ReviewItem], open_issues: Iterable[Issue], body_of: Callable[[ReviewItem], str]
) -> list[Action]:
    """The actions that leave exactly one open issue per overdue entry and none for any other."""
    actions: list[Action] = []
    by_path: dict[str, Issue] = {}
    for issue in sorted(open_issues, key=lambda i: i.number):
        path = issue.path
        if path is None:
            continue  # not ours
        if path in by_path:
            actions.append(
                Action(
                    "close", path, issue.title, number=issue.number, comment=f"A duplicate of #{by_path[path].number}."
                )
            )
            continue
        by_path[path] = issue
    wanted = {item.path: item for item in overdue}
    for path, item in wanted.items():
        title, body = issue_title(item), body_of(item)
        issue = by_path.get(path)
        if issue is None:
            actions.append(Action("open", path, title, body))
        elif (issue.title, issue.body.strip()) != (title, body.strip()):
            actions.append(Action("update", path, title, body, issue.number))
    for path, issue in by_path.items():
        if path not in wanted:
            actions.append(
                Action(
                    "close",
                    path,
                    issue.title,
                    number=issue.number,
                    comment="No longer overdue: its review date has moved on, or the file is gone.",
                )
            )
    return actions
