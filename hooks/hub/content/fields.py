"""Check front matter against the schema and the taxonomy, yielding every problem.

The schema says what each field is; this module implements the JSON Schema
keywords in ``KEYWORDS`` (a test fails if a schema uses any other), with
messages written for contributors, plus the hub's own: ``x-vocabulary`` (a
taxonomy list), ``x-plain-text``, ``x-after``/``x-not-before`` (date order)
and ``x-form`` (how to write a value that fails its ``pattern``). Each rule is
one small function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlparse

from hub.content.frontmatter import Document, KeyPath
from hub.content.problems import Problem
from hub.content.rules import SafetyRules, default_rules
from hub.content.suggest import did_you_mean, hint
from hub.content.taxonomy import Taxonomy, Vocabulary

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")

EXPECTED = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of 'key: value' fields",
}


@dataclass(frozen=True)
class Context:
    """What every rule needs: where the file is, its lines, the vocabularies."""

    path: str
    document: Document
    taxonomy: Taxonomy
    safety: SafetyRules | None = None  # the contract's; the shipped rules when None

    @property
    def rules(self) -> SafetyRules:
        return self.safety or default_rules()

    def problem(self, keypath: KeyPath, message: str) -> Problem:
        return Problem(self.path, self.document.line_of(keypath), field_name(keypath), message)


def field_name(keypath: KeyPath) -> str:
    """``("outcomes", 1, "unit")`` -> ``outcomes[2].unit`` (items count from 1)."""
    name = ""
    for part in keypath:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "front matter"


def describe(value: Any) -> str:
    """How a reader would call the kind of ``value``."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return type(value).__name__


def check_answer(value: Any, spec: dict[str, Any], dotted: str, taxonomy: Taxonomy) -> list[str]:
    """The messages the validator would give one field's value (for the scaffold's questions)."""
    ctx = Context("answer", Document({}, {}, "", 1), taxonomy)
    return [p.message for p in check_value(value, spec, tuple(dotted.split(".")), ctx)]


def check_front_matter(ctx: Context, schema: dict[str, Any]) -> Iterator[Problem]:
    """Every problem with the front matter of ``ctx.document``."""
    for keypath, line in ctx.document.duplicate_keys:
        yield Problem(ctx.path, line, field_name(keypath), "appears twice; keep one")
    yield from check_value(ctx.document.data, schema, (), ctx)
    yield from check_date_order(ctx, schema)


def check_value(value: Any, spec: dict[str, Any], keypath: KeyPath, ctx: Context) -> Iterator[Problem]:
    """Problems with one value against its part of the schema."""
    if value is None or (isinstance(value, str) and not value.strip() and spec.get("minLength")):
        yield ctx.problem(keypath, "is empty")
        return
    if "enum" in spec and "x-vocabulary" not in spec and value not in spec["enum"]:
        allowed = ", ".join(str(v) for v in spec["enum"])
        suggestion = did_you_mean(str(value), [str(v) for v in spec["enum"]])
        yield ctx.problem(
            keypath,
            f"'{value}' is not allowed "
            + (f"(did you mean '{suggestion}'?)" if suggestion else f"(allowed: {allowed})"),
        )
        return
    if "anyOf" in spec:
        yield from check_any_of(value, spec["anyOf"], keypath, ctx)
        return
    if "const" in spec and value != spec["const"]:
        yield ctx.problem(keypath, f"'{value}' is not allowed here (write: {spec['const']})")
        return
    kind = spec.get("type")
    if not _has_type(value, kind):
        yield ctx.problem(keypath, _type_message(value, kind, keypath))
        return
    checker = TYPE_CHECKS.get(kind)
    if checker is not None:
        yield from checker(value, spec, keypath, ctx)


def check_any_of(value: Any, branches: list[dict[str, Any]], keypath: KeyPath, ctx: Context) -> Iterator[Problem]:
    """The value takes the form of one branch (chosen by its type), and is valid in it."""
    for branch in branches:
        if _has_type(value, branch.get("type")):
            yield from check_value(value, branch, keypath, ctx)
            return
    forms = " or ".join(
        f"'{b['const']}'" if "const" in b else EXPECTED.get(b.get("type"), str(b.get("type"))) for b in branches
    )
    yield ctx.problem(keypath, f"must be {forms}, not {describe(value)}")


def _has_type(value: Any, kind: str | None) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return True


def _type_message(value: Any, kind: str | None, keypath: KeyPath) -> str:
    message = f"must be {EXPECTED.get(kind, kind)}, not {describe(value)}"
    if kind == "array" and isinstance(value, str):
        message += f" (write: {field_name(keypath)}: [{value}])"
    elif kind == "number" and isinstance(value, str):
        message += f" ('{value}'); write the number alone and put the unit in 'unit'"
    elif kind == "string" and isinstance(value, (bool, int, float)):
        message += f'; put the value in quotes: "{value}"'
    return message


def check_string(value: str, spec: dict[str, Any], keypath: KeyPath, ctx: Context) -> Iterator[Problem]:
    """Strings: format, length, plain text and vocabulary."""
    fmt = spec.get("format")
    if fmt in FORMAT_CHECKS:
        message = FORMAT_CHECKS[fmt](value)
        if message:
            yield ctx.problem(keypath, message)
            return
    limit = spec.get("maxLength")
    if limit is not None and len(value) > limit:
        yield ctx.problem(keypath, f"is {len(value)} characters long; at most {limit} are allowed")
    least = spec.get("minLength", 0)
    if least > 1 and len(value.strip()) < least:
        yield ctx.problem(keypath, f"is {len(value.strip())} characters long; at least {least} are needed")
    pattern = spec.get("pattern")
    if pattern is not None and not re.search(pattern, value):
        yield ctx.problem(keypath, f"'{value}' is not in the form {spec.get('x-form', pattern)}")
    if spec.get("x-plain-text"):
        yield from check_plain_text(value, keypath, ctx)
    vocabulary_key = spec.get("x-vocabulary")
    if vocabulary_key is not None:
        vocabulary = ctx.taxonomy.vocabulary(vocabulary_key)
        if vocabulary.resolve(value) is None:
            suggestion = hint_for_term(value, vocabulary)
            yield ctx.problem(keypath, f"'{value}' is not a known {vocabulary.singular} {suggestion}")


def check_plain_text(value: str, keypath: KeyPath, ctx: Context) -> Iterator[Problem]:
    """Plain text: no control characters, no HTML, character references or Markdown formatting."""
    rules = ctx.rules
    control = next(rules.control.finditer(value), None)
    if control is not None:
        code = f"U+{ord(control.group(0)):04X}"
        yield ctx.problem(keypath, rules.control_wording.message.format(found=code))
    elif rules.plain_text.search(value):
        yield ctx.problem(keypath, rules.plain_text_wording.message)


def hint_for_term(value: str, vocabulary: Vocabulary) -> str:
    """Suggest in the style the contributor wrote: a name for 'Hackny', an id for 'hackny'."""
    names = [s for t in vocabulary for s in (t.name, *t.aliases)]
    ids = list(vocabulary.ids)
    looks_like_id = value == value.lower() and " " not in value
    for style in (ids, names) if looks_like_id else (names, ids):
        suggestion = did_you_mean(value, style)
        if suggestion is not None:
            return f"(did you mean '{suggestion}'?)"
    return f"(allowed: {', '.join(t.name for t in vocabulary)})"


def check_array(value: list[Any], spec: dict[str, Any], keypath: KeyPath, ctx: Context) -> Iterator[Problem]:
    """Lists: at least ``minItems``, each item valid, no repeats."""
    minimum = spec.get("minItems", 0)
    items = spec.get("items", {})
    if len(value) < minimum:
        what = ctx.taxonomy.vocabulary(items["x-vocabulary"]).singular if "x-vocabulary" in items else "item"
        yield ctx.problem(keypath, f"must list at least {minimum} {what}")
    seen: set[str] = set()
    for index, item in enumerate(value):
        yield from check_value(item, items, (*keypath, index), ctx)
        if spec.get("uniqueItems") and isinstance(item, str):
            key = _canonical(item, items, ctx)
            if key in seen:
                yield ctx.problem((*keypath, index), f"'{item}' is listed twice")
            seen.add(key)


def _canonical(item: str, items: dict[str, Any], ctx: Context) -> str:
    vocabulary_key = items.get("x-vocabulary")
    if vocabulary_key is not None:
        term = ctx.taxonomy.vocabulary(vocabulary_key).resolve(item)
        if term is not None:
            return term.id
    return item.strip().casefold()


def check_object(value: dict[Any, Any], spec: dict[str, Any], keypath: KeyPath, ctx: Context) -> Iterator[Problem]:
    """Mappings: required keys present, no unknown keys, each value valid."""
    properties = spec.get("properties", {})
    for name in spec.get("required", ()):
        if name not in value:
            yield ctx.problem((*keypath, name), "is required but missing")
    for key, item in value.items():
        if key in properties:
            yield from check_value(item, properties[key], (*keypath, key), ctx)
        elif spec.get("additionalProperties") is False:
            yield ctx.problem((*keypath, str(key)), f"is not a known field {hint(str(key), properties)}")


def check_date(value: str) -> str | None:
    """An ISO date that exists on the calendar."""
    if not ISO_DATE.match(value.strip()):
        return f"'{value}' is not a date in the form YYYY-MM-DD, e.g. 2025-03-31"
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return f"'{value}' is not a real date"
    return None


def check_email(value: str) -> str | None:
    """An email address of the form name@example.org."""
    if not EMAIL.match(value.strip()):
        return f"'{value}' is not an email address"
    return None


def check_uri(value: str) -> str | None:
    """An absolute web address."""
    parsed = urlparse(value.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in value.strip():
        return f"'{value}' is not a web address starting with https://"
    return None


def check_date_order(ctx: Context, schema: dict[str, Any]) -> Iterator[Problem]:
    """``x-after`` dates come after, and ``x-not-before`` dates not before, their partner."""
    data = ctx.document.data
    for name, spec in schema.get("properties", {}).items():
        for keyword, strict in (("x-after", True), ("x-not-before", False)):
            other = spec.get(keyword)
            if other is None:
                continue
            mine, theirs = parse_date(data.get(name)), parse_date(data.get(other))
            if mine is None or theirs is None:
                continue
            if mine < theirs or (strict and mine == theirs):
                relation = "after" if strict else "on or after"
                yield ctx.problem((name,), f"{mine.isoformat()} must be {relation} {other} ({theirs.isoformat()})")


def parse_date(value: Any) -> date | None:
    """``value`` as a date if it is a valid ISO date string, else None."""
    if isinstance(value, str) and check_date(value) is None:
        return date.fromisoformat(value.strip())
    return None


def check_number(value: float | int, spec: dict[str, Any], keypath: KeyPath, ctx: Context) -> Iterator[Problem]:
    """Numbers: within ``minimum`` and ``maximum``."""
    if "minimum" in spec and value < spec["minimum"]:
        yield ctx.problem(keypath, f"{value} is less than {spec['minimum']}, the smallest allowed")
    if "maximum" in spec and value > spec["maximum"]:
        yield ctx.problem(keypath, f"{value} is more than {spec['maximum']}, the largest allowed")


def check_year_month(value: str) -> str | None:
    """A year, or a year and month: 2015 or 2015-04."""
    match = YEAR_MONTH.match(value.strip())
    if not match:
        return f"'{value}' is not a year or a year and month, e.g. 2015 or 2015-04"
    if match.group(2) and not 1 <= int(match.group(2)) <= 12:
        return f"'{value}' is not a real month"
    return None


def parse_year_month(value: Any) -> tuple[int, int | None] | None:
    """``2015`` -> (2015, None); ``"2015-04"`` -> (2015, 4); anything else -> None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, None)
    if isinstance(value, str) and check_year_month(value) is None:
        match = YEAR_MONTH.match(value.strip())
        assert match is not None
        return (int(match.group(1)), int(match.group(2)) if match.group(2) else None)
    return None


TYPE_CHECKS: dict[str, Callable[..., Iterator[Problem]]] = {
    "number": check_number,
    "integer": check_number,
    "string": check_string,
    "array": check_array,
    "object": check_object,
}
FORMAT_CHECKS: dict[str, Callable[[str], str | None]] = {
    "date": check_date,
    "year-month": check_year_month,
    "email": check_email,
    "uri": check_uri,
}

# The JSON Schema keywords this module checks (every other keyword in a schema would be ignored,
# so a test fails if a schema uses one), and those that only describe.
KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minItems",
        "uniqueItems",
        "anyOf",
        "const",
        "enum",
        "format",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "x-vocabulary",
        "x-plain-text",
        "x-after",
        "x-not-before",
        "x-form",
    }
)
ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "examples", "x-type-label"})
