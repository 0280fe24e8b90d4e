"""The JSON Schema of the case-study contract, kept in step with the taxonomy.

``data/case-study.schema.json`` is the one source of truth for which fields
exist, their types and their descriptions. Its vocabulary lists (``enum``
beside ``x-vocabulary``) are filled from the taxonomy by ``sync_schema``;
``scripts/generate.py --check`` fails when they have drifted. The
leadership resources' schema (``data/resource.schema.json``) works the same way.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hub.content.taxonomy import PLURAL, Taxonomy
from hub.text import pluralise

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "case-study.schema.json"
RESOURCE_PATH = Path(__file__).resolve().parents[1] / "data" / "resource.schema.json"
# Every schema whose vocabulary lists follow the taxonomy.
SCHEMA_PATHS = (DEFAULT_PATH, RESOURCE_PATH)


def load_schema(path: Path = DEFAULT_PATH) -> dict[str, Any]:
    """The schema at ``path`` as plain data."""
    return json.loads(path.read_text(encoding="utf-8"))


def merge_shared(schema: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with the properties it lists in ``x-shared-properties`` copied from ``source``, in that
    order after its own: a field shared by two kinds of content is defined once."""
    merged = copy.deepcopy(schema)
    shared = merged.pop("x-shared-properties", [])
    merged["properties"] = {
        **merged["properties"],
        **{name: copy.deepcopy(source["properties"][name]) for name in shared},
    }
    return merged


def render_schema(schema: dict[str, Any]) -> str:
    """The schema as the text stored on disk (stable, diff-friendly)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def sync_schema(schema: dict[str, Any], taxonomy: Taxonomy) -> dict[str, Any]:
    """A copy of ``schema`` whose vocabulary lists match ``taxonomy``."""
    synced = copy.deepcopy(schema)
    for node in walk(synced):
        key = node.get("x-vocabulary")
        if key is not None:
            node["enum"] = list(taxonomy.vocabulary(key).spellings)
    return synced


def field_rows(schema: dict[str, Any]) -> list[tuple[str, bool, str, str]]:
    """(field, required, type, description) for every field, nested ones dotted."""
    rows: list[tuple[str, bool, str, str]] = []
    _collect_rows(schema, "", rows)
    return rows


def _collect_rows(node: dict[str, Any], prefix: str, rows: list[tuple[str, bool, str, str]]) -> None:
    required = set(node.get("required", ()))
    for name, spec in node.get("properties", {}).items():
        dotted = f"{prefix}{name}"
        rows.append((dotted, name in required, type_label(spec), spec.get("description", "")))
        for branch in [spec, *spec.get("anyOf", ())]:
            if branch.get("type") == "object":
                _collect_rows(branch, f"{dotted}.", rows)
            elif branch.get("type") == "array" and branch.get("items", {}).get("type") == "object":
                _collect_rows(branch["items"], f"{dotted}[].", rows)


def type_label(spec: dict[str, Any]) -> str:
    """A reader's name for the type ``spec`` describes, e.g. 'list of themes', 'text, at most 150 characters'."""
    kind = spec.get("type")
    if "anyOf" in spec:
        return " or ".join(type_label(branch) for branch in spec["anyOf"])
    if "const" in spec:
        return f"'{spec['const']}'"
    label = _base_label(spec, kind)
    if "maxLength" in spec:
        label += f", at most {spec['maxLength']:,} characters"
    return label


def _base_label(spec: dict[str, Any], kind: str | None) -> str:
    if spec.get("format") in FORMAT_LABELS:
        return FORMAT_LABELS[spec["format"]]
    if "x-vocabulary" in spec:
        return f"one of the {PLURAL[spec['x-vocabulary']]}"
    if kind == "array":
        items = spec.get("items", {})
        if "x-vocabulary" in items:
            return f"list of {PLURAL[items['x-vocabulary']]}"
        if items.get("type") == "object":
            return "list of entries"
        item = _base_label(items, items.get("type"))
        # Text has no plural a reader would say ("texts"): each piece of text in the list is an item.
        label = f"list of {item} items" if item in ("text", "plain text") else f"list of {pluralise(item)}"
        if "maxLength" in items:
            label += f", each at most {items['maxLength']:,} characters"
        return label
    if kind == "string" and spec.get("x-plain-text"):
        return "plain text"
    return TYPE_LABELS.get(kind or "", str(kind))


TYPE_LABELS = {"string": "text", "number": "number", "boolean": "true or false", "object": "fields"}
FORMAT_LABELS = {"date": "date (YYYY-MM-DD)", "email": "email address", "uri": "web address"}


def walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)
