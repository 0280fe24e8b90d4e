"""The contract on the contribute page: fields, allowed values and sections (``templates/fields.html``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hub.content.contract import Section
from hub.content.schema import field_rows
from hub.content.taxonomy import Vocabulary
from hub.pages.templating import macro


def render_field_table_html(schema: dict[str, Any]) -> str:
    """The fields as an HTML table."""
    return str(macro("fields.html", "fields")(field_rows(schema)))


def render_vocabulary_html(vocabulary: Vocabulary) -> str:
    """A vocabulary's terms: what to write (id or name) and what each means."""
    return str(macro("fields.html", "vocabulary")(vocabulary))


def render_sections_html(sections: Sequence[Section]) -> str:
    """The body's sections, in order, with what goes in each."""
    return str(macro("fields.html", "sections")(sections))
