"""The hub's records: one frozen dataclass per kind of content, parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hub import urls
from hub.content.problems import Problem


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    email: str


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
    published: date | None = None
    updated: date | None = None
    review_due: date | None = None
    status: str | None = None
    evidence: str | None = None
    contact: Contact | None = None
    outcomes: tuple[Outcome, ...] = ()
    sources: tuple[str, ...] = ()
    example: bool = False
    body: str = ""
    body_line: int = 1
    title_line: int = 1
    readable: bool = False  # False when the front matter could not be read at all
    decodable: bool = True  # False when the file is not UTF-8 text
    problems: tuple[Problem, ...] = field(default=(), compare=False)

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
        """Newest first, then by title; undated ones last."""
        day = self.published or date.min
        return (-day.toordinal(), self.title.casefold(), self.stem)


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
