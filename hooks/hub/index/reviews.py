"""The review desk: which case studies and adoption notes the programme team should look at, and why.

Three reasons, each a list on the review page and a column in its CSV:
overdue for review, review due within ``WITHIN_DAYS``, and a status not
confirmed for longer than the contract allows. The review page, its CSV,
``scripts/review_due.py`` and the weekly issue workflow all select here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hub.content.records import Adoption, CaseStudy, Contact

WITHIN_DAYS = 90


def reason_labels(months: int, within: int = WITHIN_DAYS) -> dict[str, str]:
    """What each reason is called, with the contract's own numbers."""
    return {
        "overdue": "Overdue for review",
        "due": f"Review due within {within} days",
        "unconfirmed": f"Status not confirmed for {months} months",
    }


@dataclass(frozen=True)
class ReviewItem:
    """One case study or adoption note that needs the programme team, with what it needs."""

    kind: str  # "case study" or "adoption note"
    path: str  # the file, e.g. case_studies/x.md
    title: str
    url: str  # site-relative
    review_due: date | None
    status_checked: date | None
    status: str | None
    contact: Contact | None
    reasons: tuple[str, ...]  # keys of REASONS

    def days_to_review(self, today: date) -> int | None:
        """Negative when overdue."""
        return (self.review_due - today).days if self.review_due else None


def reasons_for(review_due: date | None, stale: bool, today: date, within: int = WITHIN_DAYS) -> tuple[str, ...]:
    """Why an entry needs review today, if it does."""
    reasons = []
    if review_due is not None and review_due < today:
        reasons.append("overdue")
    elif review_due is not None and review_due <= today + timedelta(days=within):
        reasons.append("due")
    if stale:
        reasons.append("unconfirmed")
    return tuple(reasons)


def select_reviews(
    case_studies: Sequence[CaseStudy],
    adoptions: Sequence[Adoption],
    today: date,
    within: int = WITHIN_DAYS,
    titles: dict[str, str] | None = None,
) -> list[ReviewItem]:
    """Every entry that needs review, soonest review date first (undated last)."""
    items: list[ReviewItem] = []
    for record in case_studies:
        reasons = reasons_for(record.review_due, record.status_stale, today, within)
        if reasons:
            items.append(
                ReviewItem(
                    "case study",
                    record.path,
                    record.title,
                    record.url,
                    record.review_due,
                    record.status_checked,
                    record.status,
                    record.contact,
                    reasons,
                )
            )
    adopted = titles or {r.stem: r.title for r in case_studies}
    for note in adoptions:
        reasons = reasons_for(note.review_due, note.status_stale, today, within)
        if reasons:
            title = f"{note.organisation} tried: {adopted.get(note.case_study, note.case_study)}"
            items.append(
                ReviewItem(
                    "adoption note",
                    note.path,
                    title,
                    note.url,
                    note.review_due,
                    note.status_checked,
                    note.status,
                    note.contact,
                    reasons,
                )
            )
    return sorted(items, key=lambda i: (i.review_due or date.max, i.path))


def with_reason(items: Iterable[ReviewItem], reason: str) -> list[ReviewItem]:
    return [i for i in items if reason in i.reasons]
