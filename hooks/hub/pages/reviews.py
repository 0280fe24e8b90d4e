"""The review desk at /reviews/ and its CSV (``templates/reviews.html``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import date
from urllib.parse import urljoin

import yaml

from hub.index.reviews import WITHIN_DAYS, ReviewItem, reason_labels, with_reason
from hub.memo import Memo
from hub.pages.html import esc, raw
from hub.pages.templating import Markup, macro

FRONT_MATTER = {
    "title": "Review desk",
    "description": "Case studies and adoption notes overdue for review, due soon, or with a status not confirmed.",
    "search": {"exclude": True},
}
CSV_COLUMNS = [
    "kind",
    "path",
    "title",
    "url",
    "reasons",
    "review_due",
    "days_to_review",
    "status",
    "status_checked",
    "contact_name",
    "contact_role",
    "contact_email",
    "edit_url",
]


def render_reviews_page(
    items: Sequence[ReviewItem],
    today: date,
    edit_url: Callable[[str], str] | None,
    months: int,
    memo: Memo | None = None,
) -> str:
    """The whole page, with front matter (``months``: how long a status stays confirmed). With ``memo``, an
    entry's row is kept by the entry (``memo`` belongs to one ``edit_url``)."""
    row_macro = macro("reviews.html", "row")

    def row(item: ReviewItem) -> Markup:
        return memo.get(("review row", item), lambda: row_macro(item, edit_url)) if memo else row_macro(item, edit_url)

    html = macro("reviews.html", "page")(items, reason_labels(months), with_reason, today, row, WITHIN_DAYS)
    front = "---\n" + yaml.safe_dump(FRONT_MATTER, sort_keys=False) + "---\n"
    return f"{front}# {esc(FRONT_MATTER['title'])}" + raw(html)


def render_reviews_csv(
    items: Sequence[ReviewItem], today: date, site_url: str, edit_url: Callable[[str], str] | None, months: int
) -> str:
    """One row per entry to review, for a spreadsheet or a mail merge."""
    labels = reason_labels(months)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        contact = item.contact
        writer.writerow(
            [
                item.kind,
                item.path,
                item.title,
                urljoin(site_url, item.url),
                "; ".join(labels[r] for r in item.reasons),
                item.review_due.isoformat() if item.review_due else "",
                item.days_to_review(today),
                item.status or "",
                item.status_checked.isoformat() if item.status_checked else "",
                contact.name if contact else "",
                contact.role if contact else "",
                contact.email if contact else "",
                edit_url(item.path) if edit_url else "",
            ]
        )
    return out.getvalue()
