"""The JSON Schema: valid, described, in step with the taxonomy, true to the validator."""

from __future__ import annotations

import jsonschema
import pytest

from hub.content.fields import ANNOTATIONS, FORMAT_CHECKS, KEYWORDS
from hub.content.schema import DEFAULT_PATH, field_rows, load_schema, render_schema, sync_schema, walk


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(load_schema())


def test_every_field_has_a_description():
    for name, _required, _kind, description in field_rows(load_schema()):
        assert description.strip(), name


def test_vocabulary_lists_match_the_taxonomy(contract):
    """Fails when the taxonomy changed and `make generate` was not run."""
    on_disk = DEFAULT_PATH.read_text(encoding="utf-8")
    assert on_disk == render_schema(sync_schema(load_schema(), contract.taxonomy))


def test_sync_fills_every_vocabulary(contract):
    schema = sync_schema(load_schema(), contract.taxonomy)
    assert "Tower Hamlets" in schema["properties"]["boroughs"]["items"]["enum"]
    assert "proactive-care" in schema["properties"]["themes"]["items"]["enum"]
    assert schema["properties"]["status"]["enum"][:4] == ["piloting", "Piloting", "running", "Running"]


def test_required_fields_are_the_contract():
    assert load_schema()["required"] == [
        "title",
        "summary",
        "organisation",
        "boroughs",
        "themes",
        "started",
        "published",
        "review_due",
        "status",
        "status_checked",
        "account",
        "evidence",
        "contact",
    ]


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("boroughs", "list of areas"),
        ("published", "date (YYYY-MM-DD)"),
        ("status", "one of the statuses"),
        ("contact.email", "email address, at most 200 characters"),
        ("outcomes[].baseline", "number"),
        ("example", "true or false"),
        ("notes", "list of plain text items, each at most 300 characters"),
        ("former_bodies", "list of former organisations"),
    ],
)
def test_field_table_types(field, kind):
    rows = {name: k for name, _r, k, _d in field_rows(load_schema())}
    assert rows[field] == kind


def _keywords(node, at="", top=True):
    """Every (where, keyword) in a schema, walking into subschemas only."""
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if top and key == "x-body-sections":
            continue  # the body's contract, read by hub.content.contract, not a keyword
        yield at, key
        if key == "properties":
            for name, sub in value.items():
                yield from _keywords(sub, f"{at}.{name}", False)
        elif key == "items":
            yield from _keywords(value, f"{at}[]", False)
        elif key == "anyOf":
            for n, sub in enumerate(value):
                yield from _keywords(sub, f"{at}|{n}", False)


@pytest.mark.parametrize("kind", ["schema", "resource_schema", "adoption_schema"])
def test_the_validator_implements_every_keyword_the_schema_uses(contract, kind):
    """A keyword the hand-written checker does not know would be silently ignored (schemas as loaded)."""
    schema = getattr(contract, kind)
    unknown = sorted({f"{at or '/'}: {key}" for at, key in _keywords(schema) if key not in KEYWORDS | ANNOTATIONS})
    assert unknown == []
    formats = {node["format"] for node in walk(schema) if "format" in node}
    assert formats <= set(FORMAT_CHECKS)


def test_an_unknown_keyword_is_caught():
    schema = {"type": "object", "properties": {"a": {"type": "string", "multipleOf": 2}}}
    assert [key for _at, key in _keywords(schema) if key not in KEYWORDS | ANNOTATIONS] == ["multipleOf"]
