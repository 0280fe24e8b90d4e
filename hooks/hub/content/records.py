"""The hub's records: one frozen dataclass per kind of content, parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hub import urls
from hub.content.problems import Problem
from hub.text import MONTHS, format_month


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    email: str


@dataclass(frozen=True, order=True)
class YearMonth:
    """When work started or ended: a year, and the month when the source gives it (0 when it does not)."""

    year: int
    month: int = 0

    def __str__(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}" if self.month else str(self.year)

    @property
    def iso(self) -> str:
        """``2015`` or ``2015-04``, as written in front matter."""
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)


def describe_when(
    started: YearMonth | None,
    ended: YearMonth | None,
    status: str | None,
    checked: date | None,
    stale: bool,
    precise: bool = False,
) -> str:
    """When work happened, for people: "2015 to 2018", "Since 2016", "Started 2024 (status not confirmed
    since March 2025)". ``precise`` keeps the months."""

    def shown(value: YearMonth) -> str:
        return str(value) if precise else str(value.year)

    if started is None:
        return ""
    if ended is not None:
        start, end = shown(started), shown(ended)
        return start if start == end else f"{start} to {end}"
    if status == "not-known":
        return f"Started {shown(started)} (not known if it continues)"
    if stale and checked is not None:
        return f"Started {shown(started)} (status not confirmed since {format_month(checked)})"
    return f"Since {shown(started)}"


@dataclass(frozen=True)
class Outcome:
    measure: str
    unit: str
    baseline: float | int
    result: float | int
    period: str
    source: str | None = None


@dataclass(frozen=True)
class CaseStudy:
    """One case study, normalised: vocabulary values are term ids."""

    stem: str
    path: str  # as shown in messages, e.g. case_studies/x.md
    title: str
    summary: str = ""
    organisation: str = ""
    areas: tuple[str, ...] = ()
    ics: tuple[str, ...] = ()  # the ICSs of ``areas``, in order, without repeats
    themes: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    started: YearMonth | None = None
    ended: YearMonth | None = None
    published: date | None = None
    updated: date | None = None
    review_due: date | None = None
    status: str | None = None
    status_checked: date | None = None
    status_stale: bool = False  # status_checked is older than the contract allows, as of the build
    account: str | None = None  # "team" or "compiled"
    evidence: str | None = None
    contact: Contact | None = None
    outcomes: tuple[Outcome, ...] = ()
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    former_bodies: tuple[str, ...] = ()
    example: bool = False
    adopted_by: tuple[str, ...] = ()  # stems of the adoption notes that tried it (linked by the collection)
    body: str = ""
    body_line: int = 1
    title_line: int = 1
    readable: bool = False  # False when the front matter could not be read at all
    decodable: bool = True  # False when the file is not UTF-8 text
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    def when(self, precise: bool = False) -> str:
        """When the work happened, for people (see ``describe_when``)."""
        return describe_when(self.started, self.ended, self.status, self.status_checked, self.status_stale, precise)

    @property
    def url(self) -> str:
        """The page address relative to the site root, e.g. ``case-studies/x/``."""
        return urls.case_study(self.stem)

    @property
    def src_uri(self) -> str:
        """Where the page sits in the site's virtual docs tree."""
        return urls.case_study_source(self.stem)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Most recent work first (by when it started), then newest on the hub, then by title."""
        started = self.started or YearMonth(0)
        day = self.published or date.min
        return (-started.year, -started.month, -day.toordinal(), self.title.casefold(), self.stem)

    @property
    def published_key(self) -> tuple[Any, ...]:
        """Newest on the hub first, then by title."""
        day = self.published or date.min
        return (-day.toordinal(), self.title.casefold(), self.stem)


@dataclass(frozen=True)
class Adoption:
    """One adoption note: another place tried a case study's idea. Vocabulary values are term ids."""

    stem: str
    path: str  # as shown in messages, e.g. case_studies/adoptions/x.md
    case_study: str = ""  # the stem of the case study it adopted
    case_study_line: int = 1
    organisation: str = ""
    areas: tuple[str, ...] = ()
    ics: tuple[str, ...] = ()
    started: YearMonth | None = None
    ended: YearMonth | None = None
    status: str | None = None
    status_checked: date | None = None
    status_stale: bool = False
    account: str | None = None
    published: date | None = None
    updated: date | None = None
    review_due: date | None = None
    contact: Contact | None = None
    outcomes: tuple[Outcome, ...] = ()
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    former_bodies: tuple[str, ...] = ()
    body: str = ""
    body_line: int = 1
    readable: bool = False
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    def when(self, precise: bool = False) -> str:
        """When it was tried, for people (see ``describe_when``)."""
        return describe_when(self.started, self.ended, self.status, self.status_checked, self.status_stale, precise)

    @property
    def anchor(self) -> str:
        """Its place on the adopted case study's page."""
        return f"tried-{self.stem}"

    @property
    def case_study_url(self) -> str:
        """The page it appears on: the adopted case study's."""
        return urls.case_study(self.case_study)

    @property
    def url(self) -> str:
        """``case-studies/<adopted>/#tried-<stem>``."""
        return f"{self.case_study_url}#{self.anchor}"

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Most recent first, then by organisation."""
        started = self.started or YearMonth(0)
        return (-started.year, -started.month, self.organisation.casefold(), self.stem)


@dataclass(frozen=True)
class Resource:
    """One leadership resource (a page in docs/leadership/), normalised to term ids."""

    stem: str
    path: str  # as shown in messages, e.g. docs/leadership/x.md
    title: str
    summary: str = ""
    type: str | None = None
    audiences: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    provider: str = ""
    external_url: str | None = None
    last_checked: date | None = None
    sources: tuple[str, ...] = ()
    body: str = ""
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def url(self) -> str:
        return urls.resource(self.stem)

    @property
    def src_uri(self) -> str:
        return urls.resource_source(self.stem)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.title.casefold(), self.stem)
