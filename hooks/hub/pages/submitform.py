"""The submit page's forms, rendered from the contract at build time (``templates/submitform.html``).

Two forms: "Share a case study" and "Tell us you tried this" (an adoption note).
Without JavaScript they stay hidden and the page explains the other routes;
``docs/assets/submit.js`` reveals them, keeps the answers as drafts in the
browser, checks them, previews the page and builds the file. Every choice,
limit, section and consent statement comes from the contract, and the rules
the browser checks travel with the page as JSON: the same safety rule set the
validator reads (``data/safety.yml``), so the form cannot offer or accept what
the validator would refuse.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hub import urls
from hub.content.adoption import FOLDER as ADOPTIONS
from hub.content.body import FIRST_PERSON_WORDS, US
from hub.content.contract import Contract, Section
from hub.content.fields import EMAIL
from hub.content.records import CaseStudy
from hub.content.taxonomy import Vocabulary
from hub.pages.entries import is_placeholder
from hub.pages.templating import Markup, macro

CASE_STUDY, ADOPTION_NOTE = "case-study", "adoption-note"
KINDS = (CASE_STUDY, ADOPTION_NOTE)
# Form fields and the schema fields they fill, for limits and plain-text rules.
FIELDS = {
    "title": "title",
    "summary": "summary",
    "organisation": "organisation",
    "contact-name": "contact.name",
    "contact-role": "contact.role",
    "contact-email": "contact.email",
}
OUTCOME_FIELDS = ("measure", "unit", "baseline", "result", "period", "source")


@dataclass(frozen=True)
class FormKind:
    """What differs between the two forms: names, ids, fields and where the file goes."""

    kind: str
    ids: str  # the prefix of the form's element ids: "hub-" (kept from the first form) or "hub-adoption-"
    field_prefix: str  # of its fields' ids: "f" or "a"
    folder: str  # where the file goes in the repository
    what: str  # "case study" or "note", in sentences
    heading_level: int


FORM_KINDS = {
    CASE_STUDY: FormKind(CASE_STUDY, "hub-", "f", "case_studies", "case study", 2),
    ADOPTION_NOTE: FormKind(ADOPTION_NOTE, "hub-adoption-", "a", f"case_studies/{ADOPTIONS}", "note", 3),
}


def _schema(contract: Contract, kind: str) -> dict[str, Any]:
    return contract.schema if kind == CASE_STUDY else contract.adoption_schema


def _sections(contract: Contract, kind: str) -> tuple[Section, ...]:
    return contract.sections if kind == CASE_STUDY else contract.adoption_sections


def _field_spec(schema: dict[str, Any], dotted: str) -> dict[str, Any] | None:
    node: dict[str, Any] | None = schema
    for name in dotted.split("."):
        node = (node or {}).get("properties", {}).get(name)
        if node is None:
            return None
        node = next((b for b in node.get("anyOf", ()) if b.get("type") == "object"), node)
    return node


def plain_fields(schema: dict[str, Any]) -> list[str]:
    """The form fields the schema marks plain text (``x-plain-text``), outcome fields by their own names."""
    names = [name for name, dotted in FIELDS.items() if (_field_spec(schema, dotted) or {}).get("x-plain-text")]
    outcome = schema["properties"].get("outcomes", {}).get("items", {}).get("properties", {})
    return names + [f"outcome-{name}" for name in OUTCOME_FIELDS if outcome.get(name, {}).get("x-plain-text")]


def _terms(vocabulary: Vocabulary) -> dict[str, dict[str, str]]:
    return {t.id: {"name": t.name, "description": t.description} for t in vocabulary}


def submit_rules(contract: Contract, kind: str = CASE_STUDY, case_studies: Sequence[CaseStudy] = ()) -> dict[str, Any]:
    """What submit.js checks and shows, from the contract: limits, sections, consent, the safety rules, and the
    terms the preview names (with the case studies a note can name, for an adoption note)."""
    schema, taxonomy, team = _schema(contract, kind), contract.taxonomy, contract.programme_team
    limits = {
        name: int(spec["maxLength"])
        for name, dotted in FIELDS.items()
        if (spec := _field_spec(schema, dotted)) is not None and "maxLength" in spec
    }
    rules: dict[str, Any] = {
        "kind": kind,
        "folder": FORM_KINDS[kind].folder,
        "limits": limits,
        "sectionLimit": int(schema["x-body-sections"]["max_length"]),
        "sections": [
            {"id": s.id, "heading": s.heading, "compiled": s.heading_for("compiled"), "required": s.required}
            for s in _sections(contract, kind)
        ],
        "consent": [c.id for c in contract.consent],
        "plain": plain_fields(schema),
        "patterns": {
            "markup": contract.safety.plain_text.pattern,
            "email": EMAIL.pattern,
            "voice": [{"pattern": FIRST_PERSON_WORDS, "flags": "i"}, {"pattern": US, "flags": ""}],
        },
        "programmeTeam": {
            "name": team.name,
            "role": team.role,
            "email": team.email,
            "placeholder": is_placeholder(team),
        },
        "allowedDomains": sorted(contract.allowed_email_domains),
        "safety": contract.safety.data,
        "terms": {
            "areas": {a.id: {"name": a.name, "ics": a.ics or ""} for a in taxonomy.areas},
            "ics": {i.id: {"name": i.name} for i in taxonomy.ics},
            "themes": _terms(taxonomy.themes),
            "settings": _terms(taxonomy.settings),
            "statuses": _terms(taxonomy.statuses),
            "evidence": _terms(taxonomy.evidence),
            "accounts": _terms(taxonomy.accounts),
        },
    }
    if kind == ADOPTION_NOTE:
        rules["caseStudies"] = [{"stem": c.stem, "title": c.title} for c in _chooseable(case_studies)]
    return rules


def _chooseable(case_studies: Sequence[CaseStudy]) -> list[CaseStudy]:
    """The case studies a note can name: readable ones, by title."""
    return sorted((c for c in case_studies if c.readable), key=lambda c: c.title.casefold())


def _json_for_script(data: Any) -> Markup:
    """JSON safe inside <script>: '<', '>' and '&' escaped so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def render_submit_form(
    contract: Contract,
    page_url: str,
    repo_url: str | None,
    kind: str = CASE_STUDY,
    case_studies: Sequence[CaseStudy] = (),
) -> str:
    """One form block, with the routes for readers without JavaScript and its scripts."""
    taxonomy = contract.taxonomy
    repo = (repo_url or "").rstrip("/")
    on_github = repo.startswith("https://github.com/")
    form = FORM_KINDS[kind]
    github = {
        "new_file": f"{repo}/new/main/{form.folder}" if on_github else None,
        "issue": f"{repo}/issues/new" if on_github else None,
        "issue_form": f"{repo}/issues/new?template=case-study.yml" if on_github and kind == CASE_STUDY else None,
    }
    area_groups = [(ics.name, [(a, a.name) for a in taxonomy.areas_of_ics(ics.id)]) for ics in taxonomy.ics]
    area_groups.append(("Across London", [(a, a.name) for a in taxonomy.areas if a.ics is None]))
    team = contract.programme_team
    alternatives = macro("submitform.html", "alternatives")(
        page_url, github["issue_form"], team.email, is_placeholder(team), form
    )
    rules = submit_rules(contract, kind, case_studies)
    block = macro("submitform.html", "form")(
        contract,
        form,
        area_groups,
        github,
        alternatives,
        _json_for_script(rules),
        _chooseable(case_studies),
        _sections(contract, kind),
        rules["sectionLimit"],
        is_placeholder(team),
    )
    scripts = [*urls.SUBMIT_HELPERS, urls.SUBMIT_SCRIPT]
    tags = "".join(f'<script src="{Markup.escape(urls.relative(page_url, s))}" defer></script>' for s in scripts)
    return f"{block}\n\n{tags}"
