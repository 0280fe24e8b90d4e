"""The controlled vocabularies: themes, areas, ICSs, settings, statuses, evidence.

They live in ``data/taxonomy.yml`` (data, not code). ``parse_taxonomy`` turns
that file into frozen records and refuses an inconsistent file with every
mistake listed, because everything downstream trusts it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "taxonomy.yml"

# Vocabularies a term list may come from, in the order pages show them.
VOCABULARIES = (
    "themes",
    "ics",
    "areas",
    "settings",
    "statuses",
    "evidence",
    "accounts",
    "resource_types",
    "audiences",
    "former_bodies",
)
# What one term of each vocabulary is called in messages.
SINGULAR = {
    "themes": "theme",
    "ics": "integrated care system",
    "areas": "London area",
    "settings": "setting",
    "statuses": "status",
    "evidence": "evidence level",
    "accounts": "account",
    "resource_types": "resource type",
    "audiences": "audience",
    "former_bodies": "former organisation",
}
# What several terms of each vocabulary are called, e.g. in "one of the evidence levels".
PLURAL = {
    **{key: key.replace("_", " ") for key in SINGULAR},
    "evidence": "evidence levels",
    "former_bodies": "former organisations",
}
# Vocabularies a hub may leave empty: a new hub has no closed organisations to name.
MAY_BE_EMPTY = frozenset({"former_bodies"})
THEME_GROUPS = ("framework", "enabler", "programme")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class TaxonomyError(Exception):
    """The taxonomy file itself is broken; ``messages`` lists every mistake."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary."""

    id: str
    name: str
    description: str
    aliases: tuple[str, ...] = ()
    group: str | None = None  # themes only: framework, enabler or programme
    ics: str | None = None  # areas only: the id of the area's ICS
    closed: date | None = None  # former bodies only: the last day it existed, where a source gives it
    successor: str | None = None  # former bodies only: the id of the body that took over, or its name as text
    source: str | None = None  # former bodies only: where the closure is recorded

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every accepted way to write this term."""
        return (self.id, self.name, *self.aliases)


@dataclass(frozen=True)
class Vocabulary:
    """An ordered list of terms with case-insensitive lookup."""

    key: str
    terms: tuple[Term, ...]
    _lookup: Mapping[str, Term] = field(repr=False, compare=False, default_factory=dict)

    _by_id: Mapping[str, Term] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        lookup = {s.casefold(): t for t in self.terms for s in t.spellings}
        object.__setattr__(self, "_lookup", lookup)
        object.__setattr__(self, "_by_id", {t.id: t for t in self.terms})

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __getitem__(self, term_id: str) -> Term:
        return self._by_id[term_id]

    @property
    def singular(self) -> str:
        return SINGULAR[self.key]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms)

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(s for t in self.terms for s in t.spellings)

    def resolve(self, value: str) -> Term | None:
        """The term written as ``value`` (id, name or alias, any case), if any."""
        return self._lookup.get(value.strip().casefold())


@dataclass(frozen=True)
class Taxonomy:
    """All vocabularies of the hub."""

    themes: Vocabulary
    ics: Vocabulary
    areas: Vocabulary
    settings: Vocabulary
    statuses: Vocabulary
    evidence: Vocabulary
    accounts: Vocabulary
    resource_types: Vocabulary
    audiences: Vocabulary
    former_bodies: Vocabulary

    def successors(self, body_id: str) -> list[Term | str]:
        """What took over from a former body, step by step: former bodies, then today's body as text."""
        chain: list[Term | str] = []
        term = self.former_bodies[body_id]
        while term.successor:
            following = self.former_bodies.resolve(term.successor)
            if following is None or following in chain:
                chain.append(term.successor)
                break
            chain.append(following)
            term = following
        return chain

    def vocabulary(self, key: str) -> Vocabulary:
        return getattr(self, key)

    def areas_of_ics(self, ics_id: str) -> tuple[Term, ...]:
        return tuple(a for a in self.areas if a.ics == ics_id)

    def ics_of_areas(self, area_ids: Iterable[str]) -> tuple[str, ...]:
        """The ICS ids of ``area_ids``, in order, without repeats (London-wide has none)."""
        found = (self.areas[a].ics for a in area_ids)
        return tuple(dict.fromkeys(i for i in found if i))


def load_taxonomy(path: Path = DEFAULT_PATH) -> Taxonomy:
    """Read and check the taxonomy file at ``path``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TaxonomyError([f"{path}: cannot read the taxonomy: {exc}"]) from exc
    return parse_taxonomy(data, source=str(path))


def parse_taxonomy(data: Any, source: str = "taxonomy") -> Taxonomy:
    """Build a ``Taxonomy`` from loaded YAML, or raise ``TaxonomyError``."""
    errors: list[str] = []
    if not isinstance(data, dict):
        raise TaxonomyError([f"{source}: must be a mapping of vocabularies"])
    for key in sorted(set(data) - set(VOCABULARIES)):
        errors.append(f"{source}: unknown vocabulary '{key}' (allowed: {', '.join(VOCABULARIES)})")
    vocabularies = {}
    for key in VOCABULARIES:
        terms = list(_parse_terms(data.get(key), key, source, errors))
        vocabularies[key] = Vocabulary(key, tuple(terms))
    errors.extend(_check_cross_references(vocabularies, source))
    if errors:
        raise TaxonomyError(errors)
    return Taxonomy(**vocabularies)


def _parse_terms(items: Any, key: str, source: str, errors: list[str]) -> Iterable[Term]:
    if items is None and key in MAY_BE_EMPTY:
        return
    if not isinstance(items, list) or (not items and key not in MAY_BE_EMPTY):
        errors.append(f"{source}: {key}: must be a non-empty list of terms")
        return
    seen: dict[str, str] = {}
    for number, item in enumerate(items, 1):
        where = f"{source}: {key}[{number}]"
        if not isinstance(item, dict):
            errors.append(f"{where}: must be a mapping with id, name and description")
            continue
        missing = [k for k in ("id", "name", "description") if not isinstance(item.get(k), str)]
        if missing:
            errors.append(f"{where}: missing or not text: {', '.join(missing)}")
            continue
        if not ID_PATTERN.match(item["id"]):
            errors.append(f"{where}: id '{item['id']}' must be lower-case words joined by hyphens")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            errors.append(f"{where}: aliases must be a list of text")
            aliases = []
        term = Term(
            id=item["id"],
            name=item["name"],
            description=item["description"],
            aliases=tuple(aliases),
            group=item.get("group"),
            ics=item.get("ics"),
            closed=_date(item.get("closed"), where, errors),
            successor=item.get("successor"),
            source=item.get("source"),
        )
        for spelling in term.spellings:
            owner = seen.setdefault(spelling.casefold(), term.id)
            if owner != term.id:
                errors.append(f"{where}: '{spelling}' is already used by '{owner}'")
        yield term


def _date(value: Any, where: str, errors: list[str]) -> date | None:
    """A date given as YYYY-MM-DD (YAML reads it as a date already), or None when absent."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors.append(f"{where}: closed '{value}' is not a date in the form YYYY-MM-DD")
        return None


def _check_cross_references(vocabularies: dict[str, Vocabulary], source: str) -> Iterable[str]:
    for theme in vocabularies["themes"]:
        if theme.group not in THEME_GROUPS:
            yield (f"{source}: themes: '{theme.id}' has group '{theme.group}' (allowed: {', '.join(THEME_GROUPS)})")
    ics_ids = set(vocabularies["ics"].ids)
    for area in vocabularies["areas"]:
        if area.ics is not None and area.ics not in ics_ids:
            yield f"{source}: areas: '{area.id}' names unknown ics '{area.ics}'"
    for ics in vocabularies["ics"]:
        if not any(a.ics == ics.id for a in vocabularies["areas"]):
            yield f"{source}: ics: '{ics.id}' has no areas"
    bodies = {b.id: b for b in vocabularies["former_bodies"]}
    for body in bodies.values():
        if not body.successor:
            yield (
                f"{source}: former_bodies: '{body.id}' needs a successor (another entry's id, or today's body as text)"
            )
        seen = {body.id}
        step = bodies.get(body.successor or "")
        while step is not None:
            if step.id in seen:
                yield f"{source}: former_bodies: '{body.id}' has successors that go round in a circle"
                break
            seen.add(step.id)
            step = bodies.get(step.successor or "")
