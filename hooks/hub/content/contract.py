"""The contract every content file is checked against: taxonomy, schema, settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hub.content.records import Contact
from hub.content.schema import DEFAULT_PATH as DEFAULT_SCHEMA
from hub.content.schema import RESOURCE_PATH, load_schema
from hub.content.taxonomy import DEFAULT_PATH as DEFAULT_TAXONOMY
from hub.content.taxonomy import Taxonomy, TaxonomyError, load_taxonomy

DEFAULT_SETTINGS = Path(__file__).resolve().parents[1] / "data" / "hub.yml"
PROGRAMME_TEAM = "programme-team"  # the contact shorthand in front matter


@dataclass(frozen=True)
class Contract:
    """What content is checked against, loaded once per build or command."""

    taxonomy: Taxonomy
    schema: dict[str, Any]  # case studies
    resource_schema: dict[str, Any]
    programme_team: Contact
    allowed_email_domains: frozenset[str] = frozenset()


def load_contract(
    taxonomy: Path = DEFAULT_TAXONOMY,
    schema: Path = DEFAULT_SCHEMA,
    settings: Path = DEFAULT_SETTINGS,
    resource_schema: Path = RESOURCE_PATH,
) -> Contract:
    """Read the contract's files; a broken taxonomy or settings file raises ``TaxonomyError``."""
    team, domains = _settings(settings)
    return Contract(load_taxonomy(taxonomy), load_schema(schema), load_schema(resource_schema), team, domains)


def _settings(path: Path) -> tuple[Contact, frozenset[str]]:
    """The programme team's contact and the allowed email domains from ``hub.yml``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        team = data["programme_team"]
        contact = Contact(name=str(team["name"]), role=str(team["role"]), email=str(team["email"]))
        domains = frozenset(str(d).lower() for d in data.get("allowed_email_domains") or ())
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise TaxonomyError([f"{path}: needs programme_team with name, role and email ({exc})"]) from exc
    return contact, domains
