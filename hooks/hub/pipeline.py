"""Everything the hub derives from its content, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hub.content.collection import Collection, display_path, load_collection
from hub.content.contract import DEFAULT_SETTINGS, Contract, load_contract
from hub.index.groups import PER_PAGE, Indexes, group_case_studies
from hub.content.records import CaseStudy, Resource
from hub.pages.listings import GeneratedPage, plan_pages
from hub.content.problems import Problem
from hub.index.related import find_related
from hub.content.schema import DEFAULT_PATH as DEFAULT_SCHEMA
from hub.content.schema import RESOURCE_PATH, sync_schema
from hub.content.taxonomy import DEFAULT_PATH as DEFAULT_TAXONOMY
from hub.content.taxonomy import Taxonomy


@dataclass(frozen=True)
class HubConfig:
    """Where the hub's content and contract live."""

    root: Path  # the project folder: messages show paths relative to it
    case_studies: Path
    resources: Path | None = None  # docs/leadership/: resource pages
    taxonomy: Path = DEFAULT_TAXONOMY
    schema: Path = DEFAULT_SCHEMA
    settings: Path = DEFAULT_SETTINGS
    per_page: int = PER_PAGE
    today: date = field(default_factory=date.today)  # decides "due for review" notices

    @classmethod
    def from_options(cls, root: Path, options: dict[str, Any]) -> HubConfig:
        """Read ``extra.hub`` options (paths relative to ``root``)."""
        return cls(
            root=root,
            case_studies=root / options.get("case_studies", "case_studies"),
            resources=root / options.get("resources", "docs/leadership"),
            taxonomy=root / options["taxonomy"] if "taxonomy" in options else DEFAULT_TAXONOMY,
            schema=root / options["schema"] if "schema" in options else DEFAULT_SCHEMA,
            settings=root / options["settings"] if "settings" in options else DEFAULT_SETTINGS,
            per_page=int(options.get("per_page", PER_PAGE)),
        )


@dataclass(frozen=True)
class Hub:
    """The loaded content and everything derived from it."""

    config: HubConfig
    contract: Contract
    collection: Collection
    indexes: Indexes
    pages: tuple[GeneratedPage, ...]
    schema_problems: tuple[Problem, ...] = ()
    by_src_uri: dict[str, CaseStudy] = field(default_factory=dict)
    related: dict[str, tuple[CaseStudy, ...]] = field(default_factory=dict)  # by stem
    resources_by_src_uri: dict[str, Resource] = field(default_factory=dict)

    @property
    def taxonomy(self) -> Taxonomy:
        return self.contract.taxonomy

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.schema_problems + self.collection.problems

    def case_study_at(self, src_uri: str) -> CaseStudy | None:
        """The case study whose page is ``src_uri``, if it is one."""
        return self.by_src_uri.get(src_uri)

    def resource_at(self, src_uri: str) -> Resource | None:
        """The leadership resource whose page is ``src_uri``, if it is one."""
        return self.resources_by_src_uri.get(src_uri)


def load_hub(config: HubConfig) -> Hub:
    """Load and check all content; raises ``TaxonomyError`` if the taxonomy is broken."""
    contract = load_contract(config.taxonomy, config.schema, config.settings)
    taxonomy = contract.taxonomy
    collection = load_collection(config.case_studies, config.root, contract, config.resources)
    schema_problems = [
        *check_schema_in_sync(contract.schema, taxonomy, display_path(config.schema, config.root)),
        *check_schema_in_sync(contract.resource_schema, taxonomy, display_path(RESOURCE_PATH, config.root)),
    ]
    indexes = group_case_studies(collection.case_studies, taxonomy, collection.resources)
    return Hub(
        config=config,
        contract=contract,
        collection=collection,
        indexes=indexes,
        pages=tuple(plan_pages(collection, indexes, taxonomy, config.per_page)),
        schema_problems=tuple(schema_problems),
        by_src_uri={c.src_uri: c for c in collection.case_studies},
        resources_by_src_uri={r.src_uri: r for r in collection.resources},
        related=find_related(collection.case_studies, indexes),
    )


def check_schema_in_sync(schema: dict[str, Any], taxonomy: Taxonomy, path: str) -> list[Problem]:
    """The schema's vocabulary lists match the taxonomy."""
    if sync_schema(schema, taxonomy) != schema:
        return [Problem(path, 1, "enum", "vocabulary lists differ from the taxonomy; run 'make generate'")]
    return []
