"""The contract every content file is checked against: taxonomy, schemas, settings.

It is the one home of every contract value the hub's parts share: field
lengths and plain-text rules (from the JSON Schema), the body's sections and
their hints (the schema's ``x-body-sections``), the consent a contributor
gives (``hub.yml``), the vocabularies (the taxonomy) and the safety rules
(``safety.yml``: patient data, contact details, the markup allow-list). The validator, the
scaffold, the submit form, the issue form and the guides all read them here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hub.content.records import Contact
from hub.content.rules import RulesError, SafetyRules, default_rules, load_rules
from hub.content.schema import load_schema, merge_shared
from hub.content.taxonomy import Taxonomy, TaxonomyError, load_taxonomy

# The contract's files, all in one folder (tests point ``load_contract`` at a changed copy).
DATA = Path(__file__).resolve().parents[1] / "data"
TAXONOMY_FILE, CASE_STUDY_SCHEMA_FILE, RESOURCE_SCHEMA_FILE, ADOPTION_SCHEMA_FILE, SETTINGS_FILE = (
    "taxonomy.yml",
    "case-study.schema.json",
    "resource.schema.json",
    "adoption.schema.json",
    "hub.yml",
)
SAFETY_FILE = "safety.yml"
DEFAULT_SETTINGS = DATA / SETTINGS_FILE
PROGRAMME_TEAM = "programme-team"  # the contact shorthand in front matter


@dataclass(frozen=True)
class Section:
    """A level-2 section of a case study's body."""

    heading: str  # as the team that did the work writes it ("What we did")
    required: bool
    hint: str  # what to write in it, for the form, the scaffold and the guides
    compiled: str | None = None  # as the hub writes it when compiling from sources ("What was done"), if different

    @property
    def id(self) -> str:
        """``What didn't work`` -> ``what-didnt-work``: form field names and anchors."""
        return "-".join("".join(c for c in word if c.isalnum()) for word in self.heading.lower().split())

    def heading_for(self, account: str | None) -> str:
        """The heading a case study of this account uses."""
        return self.compiled or self.heading if account == "compiled" else self.heading

    def headings_for(self, account: str | None) -> tuple[str, ...]:
        """Every heading an account may use: a compiled account only its own; a team account either."""
        if account == "compiled":
            return (self.heading_for("compiled"),)
        return tuple(dict.fromkeys((self.heading, self.compiled or self.heading)))


@dataclass(frozen=True)
class Consent:
    """One statement a contributor confirms before sending a case study."""

    id: str
    text: str


@dataclass(frozen=True)
class Contract:
    """What content is checked against, loaded once per build or command."""

    taxonomy: Taxonomy
    schema: dict[str, Any]  # case studies
    resource_schema: dict[str, Any]
    programme_team: Contact
    allowed_email_domains: frozenset[str] = frozenset()
    consent: tuple[Consent, ...] = ()
    status_confirmed_for_months: int = 18  # hub.yml: how long a confirmed status stays confirmed
    adoption_schema: dict[str, Any] = field(default_factory=dict)  # with the case-study fields it shares
    safety: SafetyRules = field(default_factory=default_rules)  # patterns and the markup allow-list

    @property
    def sections(self) -> tuple[Section, ...]:
        """The body's sections of a case study, in order."""
        return sections_of(self.schema)

    @property
    def adoption_sections(self) -> tuple[Section, ...]:
        """The body's sections of an adoption note, in order."""
        return sections_of(self.adoption_schema)

    @property
    def section_limit(self) -> int:
        """The most characters one body section may hold."""
        return int(self.schema["x-body-sections"]["max_length"])

    def field(self, dotted: str) -> dict[str, Any]:
        """The schema of a front-matter field: ``title``, ``contact.email`` (the object form of an anyOf)."""
        node: dict[str, Any] = self.schema
        for name in dotted.split("."):
            node = node["properties"][name]
            node = next((b for b in node.get("anyOf", ()) if b.get("type") == "object"), node)
        return node

    def limit(self, dotted: str) -> int:
        """The longest text a field takes, e.g. ``limit("title") == 150``."""
        return int(self.field(dotted)["maxLength"])


def load_contract(data: Path = DATA) -> Contract:
    """Read the contract's files from the folder ``data``; a broken taxonomy or settings file raises
    ``TaxonomyError``."""
    team, domains, consent, months = _settings(data / SETTINGS_FILE)
    case_study = load_schema(data / CASE_STUDY_SCHEMA_FILE)
    adoption = merge_shared(load_schema(data / ADOPTION_SCHEMA_FILE), case_study)
    try:
        safety = load_rules(data / SAFETY_FILE)
    except RulesError as exc:
        raise TaxonomyError([str(exc)]) from exc
    return Contract(
        load_taxonomy(data / TAXONOMY_FILE),
        case_study,
        load_schema(data / RESOURCE_SCHEMA_FILE),
        team,
        domains,
        consent,
        months,
        adoption,
        safety,
    )


def sections_of(schema: dict[str, Any]) -> tuple[Section, ...]:
    """The level-2 sections a schema's ``x-body-sections`` asks for, in order."""
    return tuple(
        Section(s["heading"], s["required"], s["hint"], s.get("compiled"))
        for s in schema["x-body-sections"]["sections"]
    )


def _settings(path: Path) -> tuple[Contact, frozenset[str], tuple[Consent, ...], int]:
    """The programme team's contact, the allowed email domains and the consent statements from ``hub.yml``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        team = data["programme_team"]
        contact = Contact(name=str(team["name"]), role=str(team["role"]), email=str(team["email"]))
        domains = frozenset(str(d).lower() for d in data.get("allowed_email_domains") or ())
        consent = tuple(Consent(str(c["id"]), str(c["text"])) for c in data.get("consent") or ())
        months = int(data.get("status_confirmed_for_months", 18))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise TaxonomyError(
            [f"{path}: needs programme_team with name, role and email, and consent as id and text ({exc})"]
        ) from exc
    return contact, domains, consent, months
