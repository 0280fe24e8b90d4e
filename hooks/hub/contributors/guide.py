"""Render what contributors read from the contract: field tables, vocabularies, the issue form.

These are derived from the JSON Schema and the taxonomy so that the guide,
the GitHub issue form and the site can never disagree with the validator.
"""

from __future__ import annotations

import json
from typing import Any

from hub.pages.html import esc
from hub.content.schema import field_rows
from hub.content.taxonomy import Taxonomy, Vocabulary


def render_field_table_markdown(schema: dict[str, Any]) -> str:
    """The fields as a Markdown table (for CONTRIBUTING.md)."""
    lines = ["| Field | Required | Type | What to write |", "|---|---|---|---|"]
    for name, required, kind, description in field_rows(schema):
        cell = description.replace("|", "\\|")
        lines.append(f"| `{name}` | {'yes' if required else 'no'} | {kind} | {cell} |")
    return "\n".join(lines)


def render_field_table_html(schema: dict[str, Any]) -> str:
    """The fields as an HTML table (for the site)."""
    rows = "".join(
        f'<tr><th scope="row"><code>{esc(name)}</code></th><td>{"Yes" if required else "No"}</td>'
        f"<td>{esc(kind)}</td><td>{esc(description)}</td></tr>"
        for name, required, kind, description in field_rows(schema)
    )
    return (
        '<div class="hub-table" data-pagefind-ignore><table class="hub-fields"><caption>Fields of a case study</caption>'
        '<thead><tr><th scope="col">Field</th><th scope="col">Required</th><th scope="col">Type</th>'
        f'<th scope="col">What to write</th></tr></thead><tbody>{rows}</tbody></table></div>'
    )


def render_vocabulary_html(vocabulary: Vocabulary) -> str:
    """A vocabulary's terms: what to write (id or name) and what each means."""
    rows = "".join(
        f"<tr><td><code>{esc(t.id)}</code></td><td>{esc(t.name)}</td><td>{esc(t.description)}</td></tr>"
        for t in vocabulary
    )
    return (
        f'<div class="hub-table" data-pagefind-ignore><table class="hub-vocabulary"><caption>Allowed values: {esc(vocabulary.key.replace("_", " "))}</caption>'
        '<thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Meaning</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _yaml_list(values: list[str], indent: str) -> str:
    return "\n".join(f"{indent}- {json.dumps(v, ensure_ascii=False)}" for v in values)


def render_issue_form(taxonomy: Taxonomy) -> str:
    """The GitHub issue form for contributors who cannot use Git, with the taxonomy's choices."""
    areas = _yaml_list([a.name for a in taxonomy.areas], "        ")
    themes = _yaml_list([t.name for t in taxonomy.themes], "        ")
    settings = _yaml_list([s.name for s in taxonomy.settings], "        ")
    statuses = _yaml_list([f"{t.name}: {t.description}" for t in taxonomy.statuses], "        ")
    evidence = _yaml_list([f"{t.name}: {t.description}" for t in taxonomy.evidence], "        ")
    return f'''# Generated from the taxonomy by `make generate`; edit hooks/hub/contributors/guide.py, not this file.
name: Share a case study
description: Tell us what worked in your practice, network, federation or pharmacy. No Git needed.
title: "Case study: "
labels: ["case study"]
body:
  - type: markdown
    attributes:
      value: |
        Thank you for sharing what worked. A member of the programme team will turn this into a case
        study file and open a pull request for you to check. Never include anything that could identify
        a patient. You can also use the form on the hub's "Submit a case study" page.
  - type: input
    id: title
    attributes:
      label: Title
      description: What you did and where, in plain words (at most 150 characters).
      placeholder: Same-day telephone triage in a Greenwich practice
    validations:
      required: true
  - type: textarea
    id: summary
    attributes:
      label: Summary
      description: One or two sentences, plain text, at most 300 characters. The problem, the change and the result.
    validations:
      required: true
  - type: input
    id: organisation
    attributes:
      label: Organisation
      description: The practice, network, federation or pharmacy that did the work.
    validations:
      required: true
  - type: dropdown
    id: boroughs
    attributes:
      label: Boroughs
      description: Where the work happened. Choose all that apply.
      multiple: true
      options:
{areas}
    validations:
      required: true
  - type: dropdown
    id: themes
    attributes:
      label: Themes
      description: The themes the work serves. Choose all that apply.
      multiple: true
      options:
{themes}
    validations:
      required: true
  - type: dropdown
    id: settings
    attributes:
      label: Settings
      description: Where the work happens (optional).
      multiple: true
      options:
{settings}
  - type: dropdown
    id: status
    attributes:
      label: Status
      description: Where the work is now.
      options:
{statuses}
    validations:
      required: true
  - type: dropdown
    id: evidence
    attributes:
      label: Evidence
      description: The strongest evidence behind your results.
      options:
{evidence}
    validations:
      required: true
  - type: input
    id: contact
    attributes:
      label: Contact
      description: Name, role and work email of someone readers may contact, who agreed to be named. Leave empty to use the programme team.
  - type: textarea
    id: context
    attributes:
      label: Context (optional)
      description: The problem you set out to solve, and your setting.
  - type: textarea
    id: what-we-did
    attributes:
      label: What we did
    validations:
      required: true
  - type: textarea
    id: results
    attributes:
      label: Results
      description: What happened, with figures where you have them, the period they cover and where they come from.
    validations:
      required: true
  - type: textarea
    id: what-didnt-work
    attributes:
      label: What didn't work (optional)
  - type: textarea
    id: what-we-learned
    attributes:
      label: What we learned
    validations:
      required: true
  - type: textarea
    id: sources
    attributes:
      label: Sources (optional)
      description: Web addresses where your figures or reports are published, one per line.
  - type: checkboxes
    id: checks
    attributes:
      label: Before you submit
      options:
        - label: Everyone named has agreed to be named, and the organisation agrees to share this.
          required: true
        - label: It contains nothing that could identify a patient.
          required: true
        - label: Every figure says where it comes from.
          required: true
        - label: I agree that the text is published under the Open Government Licence v3.0.
          required: true
'''


FIELDS_START = "<!-- generated: fields -->"
FIELDS_END = "<!-- end generated: fields -->"


class MarkerMissing(Exception):
    """A file lacks the markers between which generated text goes."""


def splice(text: str, start: str, end: str, content: str) -> str:
    """``text`` with what lies between the ``start`` and ``end`` markers replaced by ``content``."""
    if start not in text or end not in text or text.index(start) > text.index(end):
        raise MarkerMissing(f"needs the lines {start} and {end}, in that order")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{content}\n{end}{tail}"
