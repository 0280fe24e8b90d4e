"""The 'Submit a case study' form, rendered from the contract at build time (``templates/submitform.html``).

Without JavaScript the form stays hidden and the page explains the other
routes; ``docs/assets/submit.js`` reveals it, checks the fields and builds the
file. Every choice, limit, section and consent statement comes from the
contract, and the rules the browser checks travel with the page as JSON, so the
form cannot offer or accept what the validator would refuse.
"""

from __future__ import annotations

import json
from typing import Any

from hub import urls
from hub.content.contract import Contract
from hub.content.fields import EMAIL
from hub.pages.templating import Markup, macro


def submit_rules(contract: Contract) -> dict[str, Any]:
    """What submit.js checks, from the contract: limits, required sections, consent, patterns."""
    return {
        "limits": {name: contract.limit(name) for name in ("title", "summary", "organisation", "contact.name",
                                                            "contact.role", "contact.email")},
        "sectionLimit": contract.section_limit,
        "sections": [
            {"id": s.id, "heading": s.heading, "compiled": s.heading_for("compiled"), "required": s.required}
            for s in contract.sections
        ],
        "consent": [c.id for c in contract.consent],
        "patterns": {"markup": contract.safety.plain_text.pattern, "email": EMAIL.pattern},
    }


def _json_for_script(data: Any) -> Markup:
    """JSON safe inside <script>: '<', '>' and '&' escaped so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def render_submit_form(contract: Contract, page_url: str, repo_url: str | None) -> str:
    """The whole form block, with the routes for readers without JavaScript and its script."""
    taxonomy = contract.taxonomy
    repo = (repo_url or "").rstrip("/")
    on_github = repo.startswith("https://github.com/")
    new_file = f"{repo}/new/main/case_studies" if on_github else None
    issue = f"{repo}/issues/new?template=case-study.yml" if on_github else None
    area_groups = [(ics.name, [(a, a.name) for a in taxonomy.areas_of_ics(ics.id)]) for ics in taxonomy.ics]
    area_groups.append(("Across London", [(a, a.name) for a in taxonomy.areas if a.ics is None]))
    alternatives = macro("submitform.html", "alternatives")(page_url, issue, contract.programme_team.email)
    form = macro("submitform.html", "form")(contract, area_groups, new_file, alternatives,
                                            _json_for_script(submit_rules(contract)))
    script = urls.relative(page_url, urls.SUBMIT_SCRIPT)
    return f'{form}\n\n<script src="{Markup.escape(script)}" defer></script>'
